/*
 * Tests of the nvofsim producer and element: the NvDsOpticalFlowMeta grid
 * (rows, cols, sizes, frame number), vectors equal to the motion of
 * nvinfersim's objects between frames in S10.5 units, nvofsim starting a
 * batch on its own (as nvof after the muxer), and deep copies.
 */
#include <math.h>

#include "nvofsim.h"
#include "sim_util.h"

static const NvOFFlowVector *
vector_at (const NvDsOpticalFlowMeta * m, guint row, guint col)
{
  g_assert_cmpuint (row, <, m->rows);
  g_assert_cmpuint (col, <, m->cols);
  return &((const NvOFFlowVector *) m->data)[(gsize) row * m->cols + col];
}

static void
test_grid (void)
{
  NvInferSimParams p;
  nvinfersim_params_init (&p, 66, 48);
  p.objects = 2;
  NvDsOpticalFlowMeta *m = nvofsim_flow_new (&p, 0, 4);
  g_assert_cmpuint (m->rows, ==, 12);
  g_assert_cmpuint (m->cols, ==, 17);   /* 66 / 4 rounded up */
  g_assert_cmpuint (m->mv_size, ==, 12 * 17 * sizeof (NvOFFlowVector));
  g_assert_cmpuint (m->frame_num, ==, 0);
  for (guint i = 0; i < m->rows * m->cols; i++)        /* frame 0: still */
    g_assert_cmpint (((NvOFFlowVector *) m->data)[i].flowx, ==, 0);
  nvofsim_flow_free (m);
}

/* Checks every block covered by exactly one of @now (n objects). */
static guint
check_vectors (const NvDsOpticalFlowMeta * m, const NvOSD_RectParams * now,
    const NvOSD_RectParams * before, guint n, guint grid)
{
  guint checked = 0;
  for (guint r = 0; r < m->rows; r++) {
    for (guint c = 0; c < m->cols; c++) {
      gfloat x = (c + 0.5f) * grid, y = (r + 0.5f) * grid;
      gint hit = -1, hits = 0;
      for (guint i = 0; i < n; i++) {
        if (x >= now[i].left && x < now[i].left + now[i].width
            && y >= now[i].top && y < now[i].top + now[i].height) {
          hit = (gint) i;
          hits++;
        }
      }
      const NvOFFlowVector *v = vector_at (m, r, c);
      if (hits == 0)
        g_assert_true (v->flowx == 0 && v->flowy == 0);
      if (hits != 1)
        continue;
      g_assert_cmpint (v->flowx, ==, (gint) roundf ((now[hit].left
                  - before[hit].left) * 32));
      g_assert_cmpint (v->flowy, ==, (gint) roundf ((now[hit].top
                  - before[hit].top) * 32));
      checked++;
    }
  }
  return checked;
}

static void
test_motion (void)
{
  NvInferSimParams p;
  NvInferSimObject now[3], before[3];
  NvOSD_RectParams rn[3], rb[3];
  nvinfersim_params_init (&p, 160, 120);
  p.objects = 3;
  p.seed = 11;
  nvinfersim_detect (&p, 7, now);
  nvinfersim_detect (&p, 6, before);
  for (guint i = 0; i < 3; i++) {
    rn[i] = now[i].rect;
    rb[i] = before[i].rect;
  }
  NvDsOpticalFlowMeta *m = nvofsim_flow_new (&p, 7, 8);
  g_assert_cmpuint (check_vectors (m, rn, rb, 3, 8), >, 10);
  nvofsim_flow_free (m);
}

typedef struct {
  GHashTable *before;           /* object_id -> NvOSD_RectParams */
  guint checked;
} Motion;

static NvDsOpticalFlowMeta *
flow_of (NvDsFrameMeta * f)
{
  g_assert_cmpuint (g_list_length (f->frame_user_meta_list), ==, 1);
  NvDsUserMeta *u = sim_find_user (f->frame_user_meta_list,
      NVDS_OPTICAL_FLOW_META);
  g_assert_nonnull (u);
  return u->user_meta_data;
}

static GstPadProbeReturn
on_flow (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  Motion *mo = data;
  NvDsFrameMeta *f = sim_only_frame (info->data);
  NvDsOpticalFlowMeta *m = flow_of (f);
  NvOSD_RectParams now[3], before[3];
  guint n = 0;
  (void) pad;
  g_assert_cmpuint (m->rows, ==, 60);
  g_assert_cmpuint (m->cols, ==, 80);
  g_assert_cmpuint (m->frame_num, ==, (guint) f->frame_num);
  for (GList * l = f->obj_meta_list; l; l = l->next, n++) {
    NvDsObjectMeta *o = l->data;
    NvOSD_RectParams *prev = g_hash_table_lookup (mo->before, &o->object_id);
    now[n] = o->rect_params;
    before[n] = prev != NULL ? *prev : o->rect_params;
  }
  if (f->frame_num > 0)
    mo->checked += check_vectors (m, now, before, n, 4);
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    g_hash_table_insert (mo->before, g_memdup2 (&o->object_id, 8),
        g_memdup2 (&o->rect_params, sizeof (NvOSD_RectParams)));
  }
  GstBuffer *copy = gst_buffer_copy (info->data);
  NvDsOpticalFlowMeta *cm = flow_of (sim_only_frame (copy));
  g_assert_true (cm->data != m->data);
  g_assert_cmpmem (cm->data, cm->mv_size, m->data, m->mv_size);
  gst_buffer_unref (copy);
  return GST_PAD_PROBE_OK;
}

/* nvofsim alone starts the batch; nvinfersim then adds matching objects. */
static void
test_pipeline (void)
{
  Motion mo = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
        g_free), 0 };
  g_assert_cmpuint (sim_run ("videotestsrc num-buffers=12 ! video/x-raw,"
          "width=320,height=240 ! nvofsim objects=3 seed=5 ! nvinfersim "
          "objects=3 seed=5 output-tensor-meta=false segmentation-meta=false "
          "! fakesink name=probe", on_flow, &mo), ==, 12);
  g_assert_cmpuint (mo.checked, >, 100);
  g_hash_table_unref (mo.before);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sim-opticalflow/grid", test_grid);
  g_test_add_func ("/sim-opticalflow/motion", test_motion);
  g_test_add_func ("/sim-opticalflow/pipeline", test_pipeline);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
