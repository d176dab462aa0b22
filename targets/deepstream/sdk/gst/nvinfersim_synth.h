/*
 * bindery DeepStream SDK stand-in: nvinfersim synthetic results.
 *
 * Owns the deterministic "detector" behind the nvinfersim element: given
 * a seed, a frame number and a frame size it computes object boxes,
 * classes and confidences, and turns them into DeepStream metadata
 * (objects, classifier, display, instance masks, segmentation and raw
 * tensor output). The same inputs always give the same metadata.
 */
#ifndef BINDERY_NVINFERSIM_SYNTH_H
#define BINDERY_NVINFERSIM_SYNTH_H

#include "nvdsmeta.h"
#include "gstnvdsinfer.h"

G_BEGIN_DECLS

/** Default class names (DeepStream's 4-class ResNet detector). */
#define NVINFERSIM_DEFAULT_LABELS "Vehicle;TwoWheeler;Person;RoadSign"

/** Most class names the `labels` property accepts. */
#define NVINFERSIM_MAX_CLASSES 100

/** Layer set of the raw tensor output (NVDSINFER_TENSOR_OUTPUT_META). */
typedef enum {
  NVINFERSIM_TENSOR_DETECTNET = 0, /* output_bbox (N x 4), output_cov (N x C) */
  NVINFERSIM_TENSOR_SSD = 1        /* TF SSD: boxes, classes, scores, count */
} NvInferSimTensorLayout;

/** Settings of one nvinfersim run. */
typedef struct {
  guint width, height;          /* frame size, pixels */
  guint objects;                /* objects per frame */
  guint64 seed;                 /* makes different but repeatable scenes */
  guint mask_width, mask_height;/* segmentation output size */
  gint unique_id;               /* unique_component_id of what we attach */
  gfloat conf_min, conf_max;    /* detection confidence range */
  gchar **labels;               /* class names; NULL = the 4 default ones */
  guint num_classes;            /* length of labels (>= 1) */
  gboolean tensor_meta;         /* attach NVDSINFER_TENSOR_OUTPUT_META */
  NvInferSimTensorLayout tensor_layout;
  gboolean segmentation_meta;   /* attach NVDSINFER_SEGMENTATION_META */
  gboolean instance_masks;      /* fill every object's mask_params */
  guint instance_mask_size;     /* instance mask width and height */
} NvInferSimParams;

/** One synthetic detection. */
typedef struct {
  gint class_id;
  gfloat confidence;
  guint64 track_id;
  NvOSD_RectParams rect;        /* only left/top/width/height are used */
} NvInferSimObject;

/** Sets @p to the element defaults for a @width x @height frame. */
void nvinfersim_params_init (NvInferSimParams * p, guint width, guint height);

/** Computes the @p->objects detections of @frame_num into @out. */
void nvinfersim_detect (const NvInferSimParams * p, gint frame_num,
    NvInferSimObject * out);

/** Name of class @class_id under @p's labels ("Unknown" out of range). */
const gchar *nvinfersim_class_name (const NvInferSimParams * p,
    gint class_id);

/** Adds object, classifier and label meta for @objs to @frame. */
void nvinfersim_attach_objects (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs);

/** Adds a display meta (one box, one label, one line) to @frame. */
void nvinfersim_attach_display (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p);

/** Fills @obj->mask_params with a @size x @size soft elliptical mask. */
void nvinfersim_fill_instance_mask (NvDsObjectMeta * obj, guint size);

/** Adds a NVDSINFER_SEGMENTATION_META user meta to @frame. */
void nvinfersim_attach_segmentation (NvDsBatchMeta * batch,
    NvDsFrameMeta * frame, const NvInferSimParams * p,
    const NvInferSimObject * objs);

/** Adds a NVDSINFER_TENSOR_OUTPUT_META user meta (@p's layout) to @frame. */
void nvinfersim_attach_tensor (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs);

/** Adds everything @p asks for, for frame @frame->frame_num, to @frame. */
void nvinfersim_attach_all (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p);

G_END_DECLS

#endif /* BINDERY_NVINFERSIM_SYNTH_H */
