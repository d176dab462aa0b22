/*
 * Tests of the nvdsanalyticssim producer and element: shape parsing and
 * geometry, the nvdsanalytics user meta types, per-object and per-frame
 * results over hand-built frames (ROI occupancy, overcrowding, line
 * crossings, direction), deep copies of the payloads, and a real pipeline
 * whose counts match the objects' positions. C++, as the payloads are
 * (nvds_analytics_meta.h holds std:: containers).
 */
#include "nvds_analytics_meta.h"
#include "nvdsanalyticssim.h"
#include "sim_util.h"

static void
test_parse (void)
{
  NvAnalyticsSimShape s = { };
  g_assert_true (nvdsanalyticssim_parse_shape ("1;2; 3;4;5.5;6", 3, 32, &s));
  g_assert_cmpuint (s.n, ==, 3);
  g_assert_cmpfloat (s.x[2], ==, 5.5f);
  g_assert_cmpfloat (s.y[2], ==, 6.0f);
  g_assert_true (nvdsanalyticssim_parse_shape ("", 3, 32, &s));
  g_assert_cmpuint (s.n, ==, 0);
  s.n = 9;
  g_assert_false (nvdsanalyticssim_parse_shape ("1;2;3", 1, 32, &s));
  g_assert_false (nvdsanalyticssim_parse_shape ("1;x", 1, 32, &s));
  g_assert_false (nvdsanalyticssim_parse_shape ("1;2;3;4", 3, 32, &s));
  g_assert_false (nvdsanalyticssim_parse_shape ("1;2;3;4;5;6", 2, 2, &s));
  g_assert_false (nvdsanalyticssim_parse_shape ("nan;1;2;3", 2, 2, &s));
  g_assert_cmpuint (s.n, ==, 9);        /* untouched on failure */
}

static void
test_geometry (void)
{
  NvAnalyticsSimShape sq = { 4, {0, 10, 10, 0}, {0, 0, 10, 10} };
  NvAnalyticsSimShape line = { 2, {0, 10}, {0, 0} };
  g_assert_true (nvdsanalyticssim_inside (&sq, 5, 5));
  g_assert_false (nvdsanalyticssim_inside (&sq, 11, 5));
  g_assert_false (nvdsanalyticssim_inside (&sq, 5, -1));
  g_assert_true (nvdsanalyticssim_crosses (&line, 5, -1, 5, 1));
  g_assert_true (nvdsanalyticssim_crosses (&line, 5, 1, 4, -1));
  g_assert_false (nvdsanalyticssim_crosses (&line, 15, -1, 15, 1));
  g_assert_false (nvdsanalyticssim_crosses (&line, 5, 1, 5, 2));
  g_assert_false (nvdsanalyticssim_crosses (&line, 5, 0, 5, 2));
}

/* The analytics descriptors give the types nvds_analytics_meta.h names. */
static void
test_meta_types (void)
{
  g_assert_cmpint (nvds_get_user_meta_type ((gchar *)
          "NVIDIA.DSANALYTICSFRAME.USER_META"), ==,
      NVDS_USER_FRAME_META_NVDSANALYTICS);
  g_assert_cmpint (nvds_get_user_meta_type ((gchar *)
          "NVIDIA.DSANALYTICSOBJ.USER_META"), ==,
      NVDS_USER_OBJ_META_NVDSANALYTICS);
  g_assert_cmpint (nvds_get_user_meta_type ((gchar *)
          "NVIDIA.DSANALYTICSFRAME.OTHER"), >=, NVDS_START_USER_META);
}

static NvDsAnalyticsObjInfo *
obj_info (NvDsObjectMeta * o)
{
  g_assert_cmpuint (g_list_length (o->obj_user_meta_list), ==, 1);
  NvDsUserMeta *u = sim_find_user (o->obj_user_meta_list,
      (NvDsMetaType) NVDS_USER_OBJ_META_NVDSANALYTICS);
  g_assert_nonnull (u);
  return static_cast<NvDsAnalyticsObjInfo *>(u->user_meta_data);
}

static NvDsAnalyticsFrameMeta *
frame_info (NvDsFrameMeta * f)
{
  NvDsUserMeta *u = sim_find_user (f->frame_user_meta_list,
      (NvDsMetaType) NVDS_USER_FRAME_META_NVDSANALYTICS);
  g_assert_nonnull (u);
  return static_cast<NvDsAnalyticsFrameMeta *>(u->user_meta_data);
}

/* Adds an object whose bottom centre is (x, y) in a 100 x 100 frame. */
static NvDsObjectMeta *
at (NvDsBatchMeta * b, guint64 id, gfloat x, gfloat y)
{
  return sim_add_object (b, (NvDsFrameMeta *) b->frame_meta_list->data, id,
      (gint) id % 2,
      x - 5.0f, y - 10.0f, 10.0f, 10.0f);
}

static NvDsBatchMeta *
analyse (NvAnalyticsSimState * st, gint n, const gfloat (*pts)[2], guint k)
{
  NvAnalyticsSimConfig c = { };
  c.roi_label = "RF";
  c.line_label = "Exit";
  c.oc_threshold = 2;
  c.unique_id = 9;
  NvDsBatchMeta *b = sim_batch_new (1, n);
  for (guint i = 0; i < k; i++)
    if (pts[i][0] >= 0)
      at (b, i + 1, pts[i][0], pts[i][1]);
  nvdsanalyticssim_process (st, &c, b, 100, 100);
  return b;
}

static NvDsFrameMeta *
first_frame (NvDsBatchMeta * b)
{
  return static_cast<NvDsFrameMeta *>(b->frame_meta_list->data);
}

static NvDsObjectMeta *
nth_object (NvDsFrameMeta * f, guint n)
{
  return static_cast<NvDsObjectMeta *>(g_list_nth_data (f->obj_meta_list, n));
}

static void
check_frame (NvDsFrameMeta * f, guint in_roi, gboolean oc, guint64 now,
    guint64 total)
{
  NvDsAnalyticsFrameMeta *m = frame_info (f);
  g_assert_cmpuint (m->objInROIcnt.size (), ==, 1);
  g_assert_cmpuint (m->objInROIcnt.at ("RF"), ==, in_roi);
  g_assert_cmpuint (m->ocStatus.size (), ==, 1);
  g_assert_cmpint (m->ocStatus.at ("RF"), ==, oc);
  g_assert_cmpuint (m->objLCCurrCnt.size (), ==, 1);
  g_assert_cmpuint (m->objLCCurrCnt.at ("Exit"), ==, now);
  g_assert_cmpuint (m->objLCCumCnt.at ("Exit"), ==, total);
  g_assert_cmpuint (m->unique_id, ==, 9);
}

static void
test_frames (void)
{
  NvAnalyticsSimState *st = nvdsanalyticssim_state_new ();
  const gfloat f0[][2] = { {50, 40}, {50, 60}, {10, 10} };
  const gfloat f1[][2] = { {50, 55}, {40, 60}, {-1, 0} };
  const gfloat f2[][2] = { {50, 45}, {40, 60}, {-1, 0} };
  NvDsBatchMeta *b = analyse (st, 0, f0, 3);
  NvDsFrameMeta *f = first_frame (b);
  check_frame (f, 2, TRUE, 0, 0);
  NvDsAnalyticsObjInfo *o1 = obj_info (nth_object (f, 0));
  g_assert_true (o1->roiStatus == std::vector<std::string> {"RF"});
  g_assert_true (o1->ocStatus == std::vector<std::string> {"RF"});
  g_assert_true (o1->lcStatus.empty ());
  g_assert_true (o1->dirStatus.empty ());
  g_assert_true (o1->objStatus.empty ());
  g_assert_true (obj_info (nth_object (f, 2))->roiStatus.empty ());
  NvDsAnalyticsFrameMeta *m = frame_info (f);
  g_assert_cmpuint (m->objCnt.size (), ==, 2);
  g_assert_cmpuint (m->objCnt.at (0) + m->objCnt.at (1), ==, 3);
  nvds_destroy_batch_meta (b);
  b = analyse (st, 1, f1, 3);
  f = first_frame (b);
  check_frame (f, 2, TRUE, 1, 1);
  o1 = obj_info (nth_object (f, 0));
  g_assert_true (o1->lcStatus == std::vector<std::string> {"Exit"});
  g_assert_true (o1->dirStatus == "DIR:South");
  g_assert_true (obj_info (nth_object (f, 1))->dirStatus == "DIR:West");
  nvds_destroy_batch_meta (b);
  b = analyse (st, 2, f2, 3);
  f = first_frame (b);
  check_frame (f, 2, TRUE, 1, 2);
  g_assert_true (obj_info (nth_object (f, 0))->dirStatus == "DIR:North");
  g_assert_true (obj_info (nth_object (f, 1))->dirStatus.empty ());
  nvds_destroy_batch_meta (b);
  nvdsanalyticssim_state_free (st);
}

/* Copying a frame copies its payloads (C++ copies), independent of the source. */
static void
test_copies (void)
{
  NvAnalyticsSimState *st = nvdsanalyticssim_state_new ();
  const gfloat f0[][2] = { {50, 40}, {50, 60} };
  NvDsBatchMeta *b = analyse (st, 0, f0, 2);
  NvDsBatchMeta *d = nvds_create_batch_meta (1);
  NvDsFrameMeta *df = nvds_acquire_frame_meta_from_pool (d);
  nvds_copy_frame_meta (first_frame (b), df);
  NvDsAnalyticsFrameMeta *original = frame_info (first_frame (b));
  NvDsAnalyticsFrameMeta *copy = frame_info (df);
  g_assert_true (copy != original);
  nvds_destroy_batch_meta (b);  /* the copy must not depend on the source */
  g_assert_cmpuint (copy->objInROIcnt.at ("RF"), ==, 2);
  g_assert_true (copy->ocStatus.at ("RF"));
  g_assert_cmpuint (copy->unique_id, ==, 9);
  nvds_destroy_batch_meta (d);
  nvdsanalyticssim_state_free (st);
}

/* Pipeline: ROI counts match object positions; copies are deep. */
typedef struct {
  guint64 total;
  guint buffers;
} Counts;

static gboolean
in_centre (const NvDsObjectMeta * o)
{
  gfloat x = o->rect_params.left + o->rect_params.width / 2.0f;
  gfloat y = o->rect_params.top + o->rect_params.height;
  return x > 80 && x < 240 && y > 60 && y < 180;
}

static void
check_pipeline_frame (NvDsFrameMeta * f, Counts * c)
{
  guint inside = 0;
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    auto *obj = static_cast<NvDsObjectMeta *>(l->data);
    NvDsAnalyticsObjInfo *o = obj_info (obj);
    gboolean in = in_centre (obj);
    inside += in;
    g_assert_cmpuint (o->roiStatus.size (), ==, in ? 1 : 0);
  }
  NvDsAnalyticsFrameMeta *m = frame_info (f);
  g_assert_cmpuint (m->objInROIcnt.at ("RF"), ==, inside);
  g_assert_cmpint (m->ocStatus.at ("RF"), ==, inside >= 3);
  g_assert_cmpuint (m->objLCCumCnt.at ("Exit"), ==, c->total +
      m->objLCCurrCnt.at ("Exit"));
}

static GstPadProbeReturn
on_analytics (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  auto *c = static_cast<Counts *>(data);
  auto *buffer = static_cast<GstBuffer *>(info->data);
  NvDsFrameMeta *f = sim_only_frame (buffer);
  (void) pad;
  check_pipeline_frame (f, c);
  GstBuffer *copy = gst_buffer_copy (buffer);
  NvDsFrameMeta *cf = sim_only_frame (copy);
  check_pipeline_frame (cf, c);
  g_assert_true (frame_info (cf) != frame_info (f));
  gst_buffer_unref (copy);
  c->total = frame_info (f)->objLCCumCnt.at ("Exit");
  c->buffers++;
  return GST_PAD_PROBE_OK;
}

static void
test_pipeline (void)
{
  Counts c = { };
  sim_run ("videotestsrc num-buffers=60 ! video/x-raw,width=320,height=240 "
      "! nvinfersim objects=6 ! nvdsanalyticssim ! fakesink name=probe",
      on_analytics, &c);
  g_assert_cmpuint (c.buffers, ==, 60);
  g_assert_cmpuint (c.total, >, 0);
}

static void
test_bad_roi (void)
{
  GstElement *e = gst_element_factory_make ("nvdsanalyticssim", nullptr);
  gchar *roi = nullptr;
  g_object_set (e, "roi", "0;0;10;0;10;10", NULL);
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*roi must be*");
  g_object_set (e, "roi", "0;0;10;10", NULL);
  g_test_assert_expected_messages ();
  g_object_get (e, "roi", &roi, NULL);
  g_assert_cmpstr (roi, ==, "0;0;10;0;10;10");
  g_free (roi);
  gst_object_unref (e);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sim-analytics/parse", test_parse);
  g_test_add_func ("/sim-analytics/geometry", test_geometry);
  g_test_add_func ("/sim-analytics/meta-types", test_meta_types);
  g_test_add_func ("/sim-analytics/frames", test_frames);
  g_test_add_func ("/sim-analytics/copies", test_copies);
  g_test_add_func ("/sim-analytics/pipeline", test_pipeline);
  g_test_add_func ("/sim-analytics/bad-roi", test_bad_roi);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
