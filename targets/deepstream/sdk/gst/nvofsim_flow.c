/*
 * bindery DeepStream SDK stand-in: nvofsim optical flow.
 *
 * Owns computing the synthetic motion vectors (from nvinfersim's scene at
 * this frame and the previous one) and the NvDsOpticalFlowMeta payload:
 * allocation, deep copy, release and attaching it as frame user meta.
 */
#include <math.h>
#include <string.h>

#include "nvofsim.h"

/* Last object of @objs (n of them) covering (x, y), or -1. */
static gint
object_at (const NvInferSimObject * objs, guint n, gfloat x, gfloat y)
{
  gint found = -1;
  for (guint i = 0; i < n; i++) {
    const NvOSD_RectParams *r = &objs[i].rect;
    if (x >= r->left && x < r->left + r->width && y >= r->top
        && y < r->top + r->height)
      found = (gint) i;
  }
  return found;
}

/* @pixels as a saturated S10.5 fixed-point value. */
static short
fixed (gfloat pixels)
{
  gfloat v = roundf (pixels * NVOFSIM_UNITS_PER_PIXEL);
  return (short) CLAMP (v, -32768.0f, 32767.0f);
}

static void
fill_vectors (NvOFFlowVector * out, const NvInferSimParams * scene,
    const NvInferSimObject * now, const NvInferSimObject * before,
    guint rows, guint cols, guint grid)
{
  for (guint r = 0; r < rows; r++) {
    for (guint c = 0; c < cols; c++) {
      gfloat x = MIN ((c + 0.5f) * grid, scene->width - 0.5f);
      gfloat y = MIN ((r + 0.5f) * grid, scene->height - 0.5f);
      gint i = object_at (now, scene->objects, x, y);
      NvOFFlowVector *v = &out[(gsize) r * cols + c];
      if (i < 0)
        continue;
      v->flowx = fixed (now[i].rect.left - before[i].rect.left);
      v->flowy = fixed (now[i].rect.top - before[i].rect.top);
    }
  }
}

NvDsOpticalFlowMeta *
nvofsim_flow_new (const NvInferSimParams * scene, gint frame_num, guint grid)
{
  NvDsOpticalFlowMeta *m = g_new0 (NvDsOpticalFlowMeta, 1);
  guint g = MAX (grid, 1u), n = scene->objects;
  m->rows = (scene->height + g - 1) / g;
  m->cols = (scene->width + g - 1) / g;
  m->frame_num = (unsigned long) MAX (frame_num, 0);
  m->mv_size = m->rows * m->cols * sizeof (NvOFFlowVector);
  m->data = g_malloc0 (MAX (m->mv_size, 1u));
  if (frame_num <= 0 || n == 0)
    return m;
  NvInferSimObject *now = g_new0 (NvInferSimObject, n);
  NvInferSimObject *before = g_new0 (NvInferSimObject, n);
  nvinfersim_detect (scene, frame_num, now);
  nvinfersim_detect (scene, frame_num - 1, before);
  fill_vectors (m->data, scene, now, before, m->rows, m->cols, g);
  g_free (now);
  g_free (before);
  return m;
}

void
nvofsim_flow_free (NvDsOpticalFlowMeta * meta)
{
  if (meta == NULL)
    return;
  g_free (meta->data);
  g_free (meta->cost);
  g_free (meta);
}

static gpointer
flow_copy (gpointer data, gpointer user_data)
{
  const NvDsOpticalFlowMeta *src = ((NvDsUserMeta *) data)->user_meta_data;
  (void) user_data;
  if (src == NULL)
    return NULL;
  NvDsOpticalFlowMeta *dst = g_memdup2 (src, sizeof (*src));
  dst->data = g_memdup2 (src->data, MAX (src->mv_size, 1u));
  dst->cost = src->cost ? g_memdup2 (src->cost, src->cost_size) : NULL;
  return dst;
}

static void
flow_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  nvofsim_flow_free (user->user_meta_data);
  user->user_meta_data = NULL;
}

void
nvofsim_attach_flow (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    NvDsOpticalFlowMeta * flow)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL) {
    nvofsim_flow_free (flow);
    return;
  }
  user->user_meta_data = flow;
  user->base_meta.meta_type = NVDS_OPTICAL_FLOW_META;
  user->base_meta.copy_func = flow_copy;
  user->base_meta.release_func = flow_release;
  nvds_add_user_meta_to_frame (frame, user);
}
