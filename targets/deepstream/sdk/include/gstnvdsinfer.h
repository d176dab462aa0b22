/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Output metadata of the inference element: raw output tensors
 * (NVDSINFER_TENSOR_OUTPUT_META) and segmentation maps
 * (NVDSINFER_SEGMENTATION_META), both carried as NvDsUserMeta payloads.
 */

#ifndef BINDERY_GSTNVDSINFER_H
#define BINDERY_GSTNVDSINFER_H

#include <gst/gst.h>

#include "nvdsinfer.h"

G_BEGIN_DECLS

/**
 * Callback invoked with the raw output of each inference run.
 * @param buf          Buffer the inference ran on (read-only).
 * @param network_info Input resolution of the model.
 * @param layers_info  Array of @a num_layers layer descriptions.
 * @param num_layers   Number of entries in @a layers_info.
 * @param batch_size   Number of valid frames in the batch.
 * @param user_data    Pointer registered with the callback.
 */
typedef void (*gst_nvinfer_raw_output_generated_callback) (GstBuffer *buf,
    NvDsInferNetworkInfo *network_info, NvDsInferLayerInfo *layers_info,
    guint num_layers, guint batch_size, gpointer user_data);

/** Raw output tensors of one inference run for one frame or object. */
typedef struct {
  guint unique_id;                  /**< Id of the inference element that produced the tensors. */
  guint num_output_layers;          /**< Number of entries in @a output_layers_info. */
  NvDsInferLayerInfo *output_layers_info; /**< Output layer descriptions (their @a buffer fields are not set). */
  void **out_buf_ptrs_host;         /**< Host address of each output layer's data. */
  void **out_buf_ptrs_dev;          /**< Device address of each output layer's data. */
  gint gpu_id;                      /**< GPU holding the device buffers. */
  void *priv_data;                  /**< Producer-private data. */
  NvDsInferNetworkInfo network_info;/**< Input resolution of the model. */
  gboolean maintain_aspect_ratio;   /**< TRUE if scaling kept the aspect ratio. */
  gboolean symmetric_padding;       /**< TRUE if padding was split evenly (with @a maintain_aspect_ratio). */
} NvDsInferTensorMeta;

/** Segmentation output of one inference run for one frame or object. */
typedef struct {
  guint classes;                    /**< Number of classes. */
  guint width;                      /**< Width of the class map. */
  guint height;                     /**< Height of the class map. */
  gint *class_map;                  /**< Class of each pixel; pixel (x, y) is at y * width + x. */
  gfloat *class_probabilities_map;  /**< Probabilities; class c of pixel (x, y) is at c * width * height + y * width + x. */
  void *priv_data;                  /**< Producer-private data. */
  gint unique_id;                   /**< Id of the inference element that produced the map. */
} NvDsInferSegmentationMeta;

G_END_DECLS

#endif /* BINDERY_GSTNVDSINFER_H */
