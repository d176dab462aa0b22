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

/** Element types of a layer's values. */
typedef enum { CA_FLOAT = 0, CA_HALF = 1, CA_INT8 = 2 } CaDataType;

/** Dimensions of a layer. */
typedef struct {
  unsigned num_elements; /**< Values in the layer. */
} CaDims;

/** One output layer: its values live in a buffer the tensor also lists. */
typedef struct {
  CaDataType data_type; /**< Type of each value. */
  CaDims dims;          /**< Shape. */
  void *buffer;         /**< @a dims.num_elements values, or NULL until filled. */
} CaLayer;

/** Output layers: an array and its count, read one by one. */
typedef struct {
  unsigned num_layers;  /**< Entries in @a layers. */
  CaLayer *layers;      /**< @a num_layers entries. */
  void **host_buffers;  /**< One buffer per layer (the layers' `buffer` may be NULL). */
} CaTensor;

#endif
