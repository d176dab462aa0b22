/*
 * bindery DeepStream SDK stand-in: nvinfersim raw tensor output.
 *
 * Owns the NVDSINFER_TENSOR_OUTPUT_META frame user meta (what nvinfer
 * attaches with output-tensor-meta=1): an NvDsInferTensorMeta whose
 * FLOAT output layers hold the synthetic detections in one of two layer
 * sets, and the copy and release functions that deep-copy and free it.
 *
 *  - detectnet: output_bbox (N x 4: left, top, width, height, normalised)
 *    and output_cov (N x C: the object's confidence at its class);
 *  - ssd (TensorFlow SSD, as deepstream-ssd-parser parses it):
 *    detection_boxes (K x 4: ymin, xmin, ymax, xmax, normalised),
 *    detection_classes (K: class id + 1, 0 being background),
 *    detection_scores (K) and num_detections (1), detections sorted by
 *    descending score, K = max(100, N), rows past N zero.
 */
#include <string.h>

#include "nvinfersim_synth.h"

/** Most layers a layout has. */
#define MAX_LAYERS 4
/** Rows of the SSD outputs when there are fewer objects (TF's default). */
#define SSD_MIN_ROWS 100
/** Input size of the SSD network (network_info). */
#define SSD_NETWORK_SIZE 300

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

/* Declares layer @index (@rows, or @rows x @cols when @cols > 0) and
 * allocates its zeroed host buffer. Returns the buffer. */
static gfloat *
add_layer (NvDsInferTensorMeta * t, const char *name, guint rows, guint cols)
{
  guint index = t->num_output_layers++;
  NvDsInferLayerInfo *l = &t->output_layers_info[index];
  l->dataType = FLOAT;
  l->inferDims.numDims = cols > 0 ? 2 : 1;
  l->inferDims.d[0] = rows;
  l->inferDims.d[1] = cols;
  l->inferDims.numElements = rows * MAX (cols, 1u);
  l->bindingIndex = (int) index + 1;    /* binding 0 is the input */
  l->layerName = name;
  l->isInput = 0;
  gfloat *buf = g_new0 (gfloat, (gsize) l->inferDims.numElements + 1);
  l->buffer = buf;
  t->out_buf_ptrs_host[index] = buf;
  return buf;
}

static void
fill_detectnet (NvDsInferTensorMeta * t, const NvInferSimParams * p,
    const NvInferSimObject * objs)
{
  guint n = p->objects, c = p->num_classes;
  gfloat *boxes = add_layer (t, "output_bbox", n, 4);
  gfloat *scores = add_layer (t, "output_cov", n, c);
  for (guint i = 0; i < n; i++) {
    boxes[i * 4 + 0] = objs[i].rect.left / (gfloat) p->width;
    boxes[i * 4 + 1] = objs[i].rect.top / (gfloat) p->height;
    boxes[i * 4 + 2] = objs[i].rect.width / (gfloat) p->width;
    boxes[i * 4 + 3] = objs[i].rect.height / (gfloat) p->height;
    scores[i * c + objs[i].class_id] = objs[i].confidence;
  }
  t->network_info.width = p->width;
  t->network_info.height = p->height;
}

/* Orders object indices by descending confidence (ties: lower index). */
static gint
by_confidence (gconstpointer a, gconstpointer b, gpointer data)
{
  const NvInferSimObject *objs = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  if (objs[i].confidence != objs[j].confidence)
    return objs[i].confidence > objs[j].confidence ? -1 : 1;
  return i < j ? -1 : (i > j);
}

static void
fill_ssd (NvDsInferTensorMeta * t, const NvInferSimParams * p,
    const NvInferSimObject * objs)
{
  guint n = p->objects, rows = MAX (n, (guint) SSD_MIN_ROWS);
  gfloat *boxes = add_layer (t, "detection_boxes", rows, 4);
  gfloat *classes = add_layer (t, "detection_classes", rows, 0);
  gfloat *scores = add_layer (t, "detection_scores", rows, 0);
  gfloat *count = add_layer (t, "num_detections", 1, 0);
  guint *order = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), by_confidence,
      (gpointer) objs);
  for (guint k = 0; k < n; k++) {
    const NvInferSimObject *o = &objs[order[k]];
    boxes[k * 4 + 0] = o->rect.top / (gfloat) p->height;
    boxes[k * 4 + 1] = o->rect.left / (gfloat) p->width;
    boxes[k * 4 + 2] = (o->rect.top + o->rect.height) / (gfloat) p->height;
    boxes[k * 4 + 3] = (o->rect.left + o->rect.width) / (gfloat) p->width;
    classes[k] = (gfloat) (o->class_id + 1);
    scores[k] = o->confidence;
  }
  count[0] = (gfloat) n;
  g_free (order);
  t->network_info.width = t->network_info.height = SSD_NETWORK_SIZE;
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
  t->output_layers_info = g_new0 (NvDsInferLayerInfo, MAX_LAYERS);
  t->out_buf_ptrs_host = g_new0 (void *, MAX_LAYERS);
  t->out_buf_ptrs_dev = g_new0 (void *, MAX_LAYERS);
  t->gpu_id = 0;
  t->network_info.channels = 3;
  if (p->tensor_layout == NVINFERSIM_TENSOR_SSD)
    fill_ssd (t, p, objs);
  else
    fill_detectnet (t, p, objs);
  user->user_meta_data = t;
  user->base_meta.meta_type = NVDSINFER_TENSOR_OUTPUT_META;
  user->base_meta.copy_func = tensor_copy;
  user->base_meta.release_func = tensor_release;
  nvds_add_user_meta_to_frame (frame, user);
}
