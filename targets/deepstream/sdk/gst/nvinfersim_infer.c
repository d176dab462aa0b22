/*
 * bindery DeepStream SDK stand-in: nvinfersim inference-output user meta.
 *
 * Owns the segmentation (NvDsInferSegmentationMeta) and raw tensor
 * (NvDsInferTensorMeta) user metadata nvinfersim attaches to frames, with
 * the copy and release functions that deep-copy and free them.
 */
#include <string.h>

#include "nvinfersim_synth.h"

/* ---- segmentation ---------------------------------------------------- */

static gpointer
seg_copy (gpointer data, gpointer user_data)
{
  const NvDsInferSegmentationMeta *src =
      ((NvDsUserMeta *) data)->user_meta_data;
  gsize pixels = (gsize) src->width * src->height;

  (void) user_data;
  NvDsInferSegmentationMeta *dst = g_memdup2 (src, sizeof (*src));
  dst->class_map = g_memdup2 (src->class_map, pixels * sizeof (gint));
  dst->class_probabilities_map = g_memdup2 (src->class_probabilities_map,
      pixels * src->classes * sizeof (gfloat));
  return dst;
}

static void
seg_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  NvDsInferSegmentationMeta *seg = user->user_meta_data;

  (void) user_data;
  if (seg == NULL)
    return;
  g_free (seg->class_map);
  g_free (seg->class_probabilities_map);
  g_free (seg);
  user->user_meta_data = NULL;
}

/* Class of the last object covering frame point (fx, fy), or -1. */
static gint
class_at (const NvInferSimParams * p, const NvInferSimObject * objs,
    gfloat fx, gfloat fy, gfloat * conf)
{
  gint cls = -1;

  for (guint i = 0; i < p->objects; i++) {
    const NvOSD_RectParams *r = &objs[i].rect;
    if (fx >= r->left && fx < r->left + r->width && fy >= r->top
        && fy < r->top + r->height) {
      cls = objs[i].class_id;
      *conf = objs[i].confidence;
    }
  }
  return cls;
}

void
nvinfersim_attach_segmentation (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs)
{
  guint w = p->mask_width, h = p->mask_height;
  gsize pixels = (gsize) w * h;
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL)
    return;
  NvDsInferSegmentationMeta *seg = g_new0 (NvDsInferSegmentationMeta, 1);
  seg->classes = NVINFERSIM_NUM_CLASSES;
  seg->width = w;
  seg->height = h;
  seg->unique_id = p->unique_id;
  seg->class_map = g_new (gint, pixels);
  seg->class_probabilities_map = g_new0 (gfloat, pixels * seg->classes);
  for (guint y = 0; y < h; y++) {
    for (guint x = 0; x < w; x++) {
      gfloat conf = 0.0f;
      gint c = class_at (p, objs, ((gfloat) x + 0.5f) * p->width / w,
          ((gfloat) y + 0.5f) * p->height / h, &conf);
      seg->class_map[(gsize) y * w + x] = c;
      if (c >= 0)
        seg->class_probabilities_map[c * pixels + (gsize) y * w + x] = conf;
    }
  }
  user->user_meta_data = seg;
  user->base_meta.meta_type = NVDSINFER_SEGMENTATION_META;
  user->base_meta.copy_func = seg_copy;
  user->base_meta.release_func = seg_release;
  nvds_add_user_meta_to_frame (frame, user);
}

/* ---- raw tensor output ----------------------------------------------- */

#define NUM_LAYERS 2

static gsize
layer_bytes (const NvDsInferLayerInfo * l)
{
  return (gsize) l->inferDims.numElements * sizeof (gfloat);
}

static gpointer
tensor_copy (gpointer data, gpointer user_data)
{
  const NvDsInferTensorMeta *src = ((NvDsUserMeta *) data)->user_meta_data;
  guint n = src->num_output_layers;

  (void) user_data;
  NvDsInferTensorMeta *dst = g_memdup2 (src, sizeof (*src));
  dst->output_layers_info = g_memdup2 (src->output_layers_info,
      n * sizeof (NvDsInferLayerInfo));
  dst->out_buf_ptrs_host = g_new0 (void *, n);
  dst->out_buf_ptrs_dev = g_new0 (void *, n);
  for (guint i = 0; i < n; i++) {
    NvDsInferLayerInfo *l = &dst->output_layers_info[i];
    dst->out_buf_ptrs_host[i] = g_memdup2 (src->out_buf_ptrs_host[i],
        layer_bytes (l));
    l->buffer = dst->out_buf_ptrs_host[i];
  }
  return dst;
}

static void
tensor_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  NvDsInferTensorMeta *t = user->user_meta_data;

  (void) user_data;
  if (t == NULL)
    return;
  for (guint i = 0; i < t->num_output_layers; i++)
    g_free (t->out_buf_ptrs_host[i]);
  g_free (t->out_buf_ptrs_host);
  g_free (t->out_buf_ptrs_dev);
  g_free (t->output_layers_info);
  g_free (t);
  user->user_meta_data = NULL;
}

static void
set_layer (NvDsInferLayerInfo * l, const char *name, int index, guint rows,
    guint cols)
{
  l->dataType = FLOAT;
  l->inferDims.numDims = 2;
  l->inferDims.d[0] = rows;
  l->inferDims.d[1] = cols;
  l->inferDims.numElements = rows * cols;
  l->bindingIndex = index;
  l->layerName = name;
  l->isInput = 0;
}

/* Layer 0: normalised boxes (N x 4); layer 1: per-class scores (N x C). */
static void
fill_layers (NvDsInferTensorMeta * t, const NvInferSimParams * p,
    const NvInferSimObject * objs)
{
  guint n = p->objects;
  set_layer (&t->output_layers_info[0], "output_bbox", 1, n, 4);
  set_layer (&t->output_layers_info[1], "output_cov", 2, n,
      NVINFERSIM_NUM_CLASSES);
  gfloat *boxes = g_new0 (gfloat, (gsize) n * 4 + 1);
  gfloat *scores = g_new0 (gfloat, (gsize) n * NVINFERSIM_NUM_CLASSES + 1);
  for (guint i = 0; i < n; i++) {
    boxes[i * 4 + 0] = objs[i].rect.left / (gfloat) p->width;
    boxes[i * 4 + 1] = objs[i].rect.top / (gfloat) p->height;
    boxes[i * 4 + 2] = objs[i].rect.width / (gfloat) p->width;
    boxes[i * 4 + 3] = objs[i].rect.height / (gfloat) p->height;
    scores[i * NVINFERSIM_NUM_CLASSES + objs[i].class_id] =
        objs[i].confidence;
  }
  t->out_buf_ptrs_host[0] = boxes;
  t->out_buf_ptrs_host[1] = scores;
  t->output_layers_info[0].buffer = boxes;
  t->output_layers_info[1].buffer = scores;
}

void
nvinfersim_attach_tensor (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL)
    return;
  NvDsInferTensorMeta *t = g_new0 (NvDsInferTensorMeta, 1);
  t->unique_id = (guint) p->unique_id;
  t->num_output_layers = NUM_LAYERS;
  t->output_layers_info = g_new0 (NvDsInferLayerInfo, NUM_LAYERS);
  t->out_buf_ptrs_host = g_new0 (void *, NUM_LAYERS);
  t->out_buf_ptrs_dev = g_new0 (void *, NUM_LAYERS);
  t->gpu_id = 0;
  t->network_info.width = p->width;
  t->network_info.height = p->height;
  t->network_info.channels = 3;
  fill_layers (t, p, objs);
  user->user_meta_data = t;
  user->base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META;
  user->base_meta.copy_func = tensor_copy;
  user->base_meta.release_func = tensor_release;
  nvds_add_user_meta_to_frame (frame, user);
}
