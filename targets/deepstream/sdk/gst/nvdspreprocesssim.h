/*
 * bindery DeepStream SDK stand-in: nvdspreprocesssim producer.
 *
 * Owns the interface between the nvdspreprocesssim element (C) and the one
 * module that knows the layout of nvdspreprocess_meta.h
 * (nvdspreprocesssim_meta.cpp, C++ as that header is).
 */
#ifndef BINDERY_NVDSPREPROCESSSIM_H
#define BINDERY_NVDSPREPROCESSSIM_H

#include "nvdsmeta.h"

G_BEGIN_DECLS

/** Settings of one nvdspreprocesssim element. */
typedef struct {
  guint rois;              /* ROIs per frame: equal vertical strips */
  guint width;             /* network input width */
  guint height;            /* network input height */
  guint64 target_id;       /* unique id of the inference element served */
  const gchar *tensor_name;
} NvPreProcessSimConfig;

/**
 * Attaches a GstNvDsPreProcessBatchMeta (batch user meta of type
 * NVDS_PREPROCESS_BATCH_META) for the frames of @batch, each @width x
 * @height pixels: one ROI per strip and frame, and a zeroed FP32 tensor
 * of shape (ROIs, 3, height, width) named @config's tensor_name.
 */
void nvdspreprocesssim_attach (NvDsBatchMeta * batch,
    const NvPreProcessSimConfig * config, guint width, guint height);

G_END_DECLS

#endif /* BINDERY_NVDSPREPROCESSSIM_H */
