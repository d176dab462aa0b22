/** Enums: named, anonymous, sparse, negative and unsigned. */

/** Traffic light colour (dense values). */
typedef enum {
  EN_RED,    /**< Stop. */
  EN_YELLOW, /**< Prepare. */
  EN_GREEN   /**< Go. */
} EnLight;

/** Error codes: sparse and negative values. */
typedef enum {
  EN_OK = 0,          /**< Success. */
  EN_ERR_IO = -5,     /**< I/O failed. */
  EN_ERR_BUSY = -16,  /**< Try again. */
  EN_ERR_LAST = 1000  /**< Sentinel far from the others. */
} EnStatus;

/** Flags with a value above INT_MAX: the enum's type is unsigned. */
typedef enum {
  EN_FLAG_NONE = 0u,
  EN_FLAG_HIGH = 0x80000000u
} EnFlags;

/** Anonymous enum: its constants become module-level integers. */
enum {
  EN_MAX_LIGHTS = 8,
  EN_MAX_LANES = 4
};

/** Uses the enums as fields. */
typedef struct {
  EnLight light;   /**< Current colour. */
  EnStatus status; /**< Last status. */
  EnFlags flags;   /**< Flags. */
} EnSignal;
