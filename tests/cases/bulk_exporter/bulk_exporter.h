/** A list of detections exported as numpy columns in one call. */
#include <glib.h>

/** A detection's class. */
typedef enum {
  BK_CAR = 0,   /**< A car. */
  BK_PERSON = 1 /**< A person. */
} BkClass;

/** A box. */
typedef struct {
  float left;   /**< Left edge. */
  float top;    /**< Top edge. */
} BkBox;

/** One detection. */
typedef struct {
  guint64 id;        /**< Tracker id. */
  float confidence;  /**< Detector confidence. */
  BkClass kind;      /**< What it is (exported as int32). */
  BkBox box;         /**< Where it is (nested: columns use dotted paths). */
} BkDetection;

/** A frame holding detections. */
typedef struct {
  GList *detections; /**< BkDetection* entries. */
} BkFrame;
