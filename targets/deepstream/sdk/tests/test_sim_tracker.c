/*
 * Tests of the nvtrackersim producer and element: past-frame data
 * (NVDS_TRACKER_PAST_FRAME_META, NvDsTargetMiscDataBatch) built from
 * earlier batches - history length, forgetting absent targets, per-stream
 * separation, deep copy and release - and, in a real pipeline after
 * nvinfersim, past boxes equal to the boxes of earlier buffers.
 */
#include "nvtrackersim.h"
#include "sim_util.h"

/* The past-frame payload of @batch (asserts there is exactly one). */
static NvDsTargetMiscDataBatch *
past_frames (NvDsBatchMeta * batch)
{
  g_assert_cmpuint (sim_count_user (batch->batch_user_meta_list,
          NVDS_TRACKER_PAST_FRAME_META), ==, 1);
  return sim_find_user (batch->batch_user_meta_list,
      NVDS_TRACKER_PAST_FRAME_META)->user_meta_data;
}

static const NvDsTargetMiscDataObject *
target (const NvDsTargetMiscDataStream * s, guint64 id)
{
  for (guint i = 0; i < s->numFilled; i++)
    if (s->list[i].uniqueId == id)
      return &s->list[i];
  return NULL;
}

/* One frame (stream 0, frame @n) with objects id -> left = 10 * (id + n). */
static NvDsBatchMeta *
step (NvTrackerSimState * st, gint n, const guint64 * ids, guint count)
{
  NvDsBatchMeta *b = sim_batch_new (1, n);
  NvDsFrameMeta *f = b->frame_meta_list->data;
  for (guint i = 0; i < count; i++)
    sim_add_object (b, f, ids[i], (gint) ids[i] % 4, 10.0f * (ids[i] + n),
        5.0f, 20.0f, 30.0f);
  sim_add_object (b, f, UNTRACKED_OBJECT_ID, 0, 1, 1, 1, 1);
  nvtrackersim_process (st, b, 2);
  return b;
}

static void
check_frame (const NvDsTargetMiscDataFrame * fr, guint64 id, gint n,
    guint age)
{
  g_assert_cmpuint (fr->frameNum, ==, (guint) n);
  g_assert_cmpfloat (fr->tBbox.left, ==, 10.0f * (id + n));
  g_assert_cmpfloat (fr->tBbox.width, ==, 20.0f);
  g_assert_cmpfloat (fr->confidence, ==, 0.9f);
  g_assert_cmpuint (fr->age, ==, age);
  g_assert_cmpint (fr->trackerState, ==, ACTIVE);
  g_assert_cmpfloat (fr->visibility, ==, 1.0f);
}

static void
test_history (void)
{
  NvTrackerSimState *st = nvtrackersim_state_new ();
  const guint64 f0[] = { 1, 2 }, f1[] = { 1, 3 }, f2[] = { 1, 3 },
      f3[] = { 1, 2 };
  NvDsBatchMeta *b = step (st, 0, f0, 2);
  g_assert_cmpuint (past_frames (b)->numFilled, ==, 1);
  g_assert_cmpuint (past_frames (b)->list[0].numFilled, ==, 0);
  nvds_destroy_batch_meta (b);
  b = step (st, 1, f1, 2);                        /* 2 gone, 3 new */
  const NvDsTargetMiscDataStream *s = &past_frames (b)->list[0];
  g_assert_cmpuint (s->numFilled, ==, 1);
  g_assert_cmpuint (target (s, 1)->numObj, ==, 1);
  g_assert_cmpuint (target (s, 1)->classId, ==, 1);
  g_assert_cmpstr (target (s, 1)->objLabel, ==, "class1");
  check_frame (&target (s, 1)->list[0], 1, 0, 1);
  nvds_destroy_batch_meta (b);
  b = step (st, 2, f2, 2);
  s = &past_frames (b)->list[0];
  g_assert_cmpuint (s->numFilled, ==, 2);
  check_frame (&target (s, 1)->list[1], 1, 1, 2);
  check_frame (&target (s, 3)->list[0], 3, 1, 1);
  nvds_destroy_batch_meta (b);
  b = step (st, 3, f3, 2);                        /* 2 was forgotten */
  s = &past_frames (b)->list[0];
  g_assert_cmpuint (s->numFilled, ==, 1);
  g_assert_cmpuint (target (s, 1)->numObj, ==, 2);     /* keeps 2 */
  check_frame (&target (s, 1)->list[0], 1, 1, 2);
  check_frame (&target (s, 1)->list[1], 1, 2, 3);
  nvds_destroy_batch_meta (b);
  nvtrackersim_state_free (st);
}

/* Two frames of one batch are two streams with separate histories. */
static void
test_streams (void)
{
  NvTrackerSimState *st = nvtrackersim_state_new ();
  for (gint n = 0; n < 2; n++) {
    NvDsBatchMeta *b = sim_batch_new (2, n);
    NvDsFrameMeta *f0 = b->frame_meta_list->data;
    NvDsFrameMeta *f1 = b->frame_meta_list->next->data;
    f1->batch_id = 1;
    sim_add_object (b, f0, 7, 0, 1.0f + n, 0, 4, 4);
    sim_add_object (b, f1, 7, 0, 100.0f + n, 0, 4, 4);
    nvtrackersim_process (st, b, 5);
    NvDsTargetMiscDataBatch *p = past_frames (b);
    g_assert_cmpuint (p->numFilled, ==, 2);
    g_assert_cmpuint (p->list[1].streamID, ==, 1);
    g_assert_cmpuint (p->list[1].surfaceStreamID, ==, (1ull << 32) | 1);
    if (n == 1) {
      g_assert_cmpfloat (p->list[0].list[0].list[0].tBbox.left, ==, 1.0f);
      g_assert_cmpfloat (p->list[1].list[0].list[0].tBbox.left, ==, 100.0f);
    }
    nvds_destroy_batch_meta (b);
  }
  nvtrackersim_state_free (st);
}

static void
test_copy (void)
{
  NvTrackerSimState *st = nvtrackersim_state_new ();
  const guint64 ids[] = { 4, 5, 6 };
  nvds_destroy_batch_meta (step (st, 0, ids, 3));
  NvDsBatchMeta *b = step (st, 1, ids, 3);
  NvDsTargetMiscDataBatch *src = past_frames (b);
  NvDsTargetMiscDataBatch *dst = nvtrackersim_misc_batch_copy (src);
  g_assert_cmpuint (dst->numFilled, ==, 1);
  g_assert_cmpuint (dst->list[0].numFilled, ==, 3);
  g_assert_true (dst->list[0].list != src->list[0].list);
  g_assert_true (dst->list[0].list[2].list != src->list[0].list[2].list);
  g_assert_cmpmem (dst->list[0].list[2].list, sizeof (NvDsTargetMiscDataFrame),
      src->list[0].list[2].list, sizeof (NvDsTargetMiscDataFrame));
  nvtrackersim_misc_batch_free (dst);
  nvds_destroy_batch_meta (b);
  nvtrackersim_state_free (st);
}

static void
test_disabled (void)
{
  NvTrackerSimState *st = nvtrackersim_state_new ();
  NvDsBatchMeta *b = sim_batch_new (1, 0);
  sim_add_object (b, b->frame_meta_list->data, 1, 0, 0, 0, 4, 4);
  nvtrackersim_process (st, b, 0);
  g_assert_null (b->batch_user_meta_list);
  nvds_destroy_batch_meta (b);
  nvtrackersim_state_free (st);
}

/* Pipeline: the past boxes are the boxes the objects had before. */
typedef struct {
  GHashTable *boxes;            /* "frame:id" -> left of that object */
  guint reported;
} Seen;

static gchar *
box_key (guint frame, guint64 id)
{
  return g_strdup_printf ("%u:%" G_GUINT64_FORMAT, frame, id);
}

static void
check_past (Seen * seen, NvDsFrameMeta * f, NvDsTargetMiscDataBatch * p)
{
  const NvDsTargetMiscDataStream *s = &p->list[0];
  g_assert_cmpuint (s->numFilled, ==, f->frame_num > 0 ? 4 : 0);
  for (guint i = 0; i < s->numFilled; i++) {
    const NvDsTargetMiscDataObject *o = &s->list[i];
    g_assert_cmpuint (o->numObj, ==, MIN (f->frame_num, 3));
    for (guint k = 0; k < o->numObj; k++) {
      gchar *key = box_key (o->list[k].frameNum, o->uniqueId);
      gfloat *left = g_hash_table_lookup (seen->boxes, key);
      g_free (key);
      g_assert_nonnull (left);
      g_assert_cmpfloat (o->list[k].tBbox.left, ==, *left);
    }
    g_assert_cmpuint (o->list[o->numObj - 1].frameNum, ==, f->frame_num - 1);
    seen->reported++;
  }
}

static GstPadProbeReturn
on_tracked (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  Seen *seen = data;
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (info->data);
  NvDsFrameMeta *f = sim_only_frame (info->data);
  (void) pad;
  check_past (seen, f, past_frames (b));
  GstBuffer *copy = gst_buffer_copy (info->data);
  check_past (seen, f, past_frames (gst_buffer_get_nvds_batch_meta (copy)));
  gst_buffer_unref (copy);
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    g_hash_table_insert (seen->boxes, box_key (f->frame_num, o->object_id),
        g_memdup2 (&o->rect_params.left, sizeof (gfloat)));
  }
  return GST_PAD_PROBE_OK;
}

static void
test_pipeline (void)
{
  Seen seen = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
        g_free), 0 };
  g_assert_cmpuint (sim_run ("videotestsrc num-buffers=8 ! video/x-raw,"
          "width=320,height=240 ! nvinfersim objects=4 ! nvtrackersim "
          "past-frames=3 ! tee name=t t. ! queue ! fakesink t. ! queue ! "
          "fakesink name=probe", on_tracked, &seen), ==, 8);
  g_assert_cmpuint (seen.reported, ==, 2 * 7 * 4);
  g_hash_table_unref (seen.boxes);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sim-tracker/history", test_history);
  g_test_add_func ("/sim-tracker/streams", test_streams);
  g_test_add_func ("/sim-tracker/copy", test_copy);
  g_test_add_func ("/sim-tracker/disabled", test_disabled);
  g_test_add_func ("/sim-tracker/pipeline", test_pipeline);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
