/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project.
 */

/**
 * @file
 * Metadata of the nvdspreprocess element: the tensor it prepared for a
 * batch (NvDsPreProcessTensorMeta) and the ROIs it was prepared from,
 * carried as batch user meta of type NVDS_PREPROCESS_BATCH_META
 * (GstNvDsPreProcessBatchMeta).
 *
 * A C++ header, as the SDK's: shapes, ids and ROI lists are std::vector
 * and the tensor name a std::string. The layout matches DeepStream 9.1
 * built with libstdc++.
 */

#ifndef BINDERY_NVDSPREPROCESS_META_H
#define BINDERY_NVDSPREPROCESS_META_H

#include <string>
#include <vector>

#include "nvbufsurface.h"
#include "nvds_roi_meta.h"

/** The tensor nvdspreprocess prepared for one batch. */
typedef struct
{
  /** The tensor data. */
  void *raw_tensor_buffer;
  /** Size of @a raw_tensor_buffer in bytes. */
  guint64 buffer_size;
  /** Shape of the tensor (e.g. N, C, H, W). */
  std::vector<int> tensor_shape;
  /** Element type of the tensor. */
  NvDsDataType data_type;
  /** Name of the model input layer the tensor is for. */
  std::string tensor_name;
  /** GPU the tensor is on. */
  guint gpu_id;
  /** The tensor pool's buffer holding the tensor. */
  void *private_data;
  /** Tells apart several tensor metas of one buffer (more ROIs than the batch size). */
  guint meta_id;
  /** Whether the aspect ratio was kept when scaling. */
  gboolean maintain_aspect_ratio;
} NvDsPreProcessTensorMeta;

/** What nvdspreprocess attaches to a batch. */
typedef struct
{
  /** Unique ids of the inference elements the tensor is for. */
  std::vector<guint64> target_unique_ids;
  /** The prepared tensor. */
  NvDsPreProcessTensorMeta *tensor_meta;
  /** The ROIs of the batch, in tensor order. */
  std::vector<NvDsRoiMeta> roi_vector;
  /** The scaling pool's buffer. */
  void *private_data;
} GstNvDsPreProcessBatchMeta;

#endif /* BINDERY_NVDSPREPROCESS_META_H */
