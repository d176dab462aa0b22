/*
 * bindery DeepStream SDK stand-in: nvinfersim segmentation output.
 *
 * Owns the semantic segmentation user meta (NvDsInferSegmentationMeta,
 * NVDSINFER_SEGMENTATION_META) nvinfersim attaches to frames, with the
 * copy and release functions that deep-copy and free it.
 */
#include <string.h>

#include "nvinfersim_synth.h"

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
  seg->classes = p->num_classes;
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
