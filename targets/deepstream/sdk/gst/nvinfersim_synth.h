/*
 * bindery DeepStream SDK stand-in: nvinfersim synthetic results.
 *
 * Owns the deterministic "detector" behind the nvinfersim element: given
 * a seed, a frame number and a frame size it computes object boxes,
 * classes and confidences, and turns them into DeepStream metadata. The
 * same inputs always give the same metadata.
 */
#ifndef BINDERY_NVINFERSIM_SYNTH_H
#define BINDERY_NVINFERSIM_SYNTH_H

#include "nvdsmeta.h"
#include "gstnvdsinfer.h"

G_BEGIN_DECLS

/** Number of classes the synthetic detector knows. */
#define NVINFERSIM_NUM_CLASSES 4

/** Settings of one nvinfersim run. */
typedef struct {
  guint width, height;          /* frame size, pixels */
  guint objects;                /* objects per frame */
  guint64 seed;                 /* makes different but repeatable scenes */
  guint mask_width, mask_height;/* segmentation output size */
  gint unique_id;               /* unique_component_id of what we attach */
} NvInferSimParams;

/** One synthetic detection. */
typedef struct {
  gint class_id;
  gfloat confidence;
  guint64 track_id;
  NvOSD_RectParams rect;        /* only left/top/width/height are used */
} NvInferSimObject;

/** Computes the @p->objects detections of @frame_num into @out. */
void nvinfersim_detect (const NvInferSimParams * p, gint frame_num,
    NvInferSimObject * out);

/** Name of class @class_id. */
const gchar *nvinfersim_class_name (gint class_id);

/** Adds object, classifier and label meta for @objs to @frame. */
void nvinfersim_attach_objects (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs);

/** Adds a display meta (one box, one label, one line) to @frame. */
void nvinfersim_attach_display (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p);

/** Adds a NVDSINFER_SEGMENTATION_META user meta to @frame. */
void nvinfersim_attach_segmentation (NvDsBatchMeta * batch,
    NvDsFrameMeta * frame, const NvInferSimParams * p,
    const NvInferSimObject * objs);

/** Adds a NVDSINFER_TENSOR_OUTPUT_META user meta to @frame. */
void nvinfersim_attach_tensor (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs);

G_END_DECLS

#endif /* BINDERY_NVINFERSIM_SYNTH_H */
