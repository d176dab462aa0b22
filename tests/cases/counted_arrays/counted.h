/* Golden case: struct pointers whose length is another field, read as
 * views of the elements (a list, or one element by index). */
#ifndef COUNTED_H
#define COUNTED_H

/** One detection. */
typedef struct {
  int class_id;     /**< Class. */
  float confidence; /**< Confidence. */
} CaDetection;

/** Detections of one frame. */
typedef struct {
  CaDetection *items;    /**< @a num_filled detections. */
  unsigned num_filled;   /**< Detections in @a items. */
  unsigned num_allocated; /**< Capacity of @a items. */
} CaFrame;

/** Output layers: an array and its count, read one by one. */
typedef struct {
  unsigned num_layers;  /**< Entries in @a layers. */
  CaDetection *layers;  /**< @a num_layers entries. */
} CaTensor;

#endif
