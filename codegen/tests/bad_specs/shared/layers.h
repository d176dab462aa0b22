/* Layers whose buffers a tensor also lists (counted arrays with `fill`, sized `void*` fields). */
typedef enum { BL_FLOAT = 0, BL_INT8 = 1 } BlType;
typedef struct {
  BlType type;         /**< Value type. */
  unsigned count;      /**< Values. */
  void *buffer;        /**< The values. */
  float *scores;       /**< Not a raw pointer. */
} BlLayer;
typedef struct {
  unsigned num_layers; /**< Entries in @a layers. */
  BlLayer *layers;     /**< The layers. */
  void *host;          /**< Not an array of pointers. */
} BlTensor;
