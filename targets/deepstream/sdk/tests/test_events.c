/*
 * Tests of the per-stream events (gst-nvevent.h, gst-nvdscustomevent.h):
 * every event round-trips through its parser, carries the SDK's event
 * type, travels through a real pad, and parsers ignore other events.
 * Also checks configure_source_for_ntp_sync() on real elements.
 */
#include <string.h>

#include "gst-nvevent.h"
#include "gst-nvdscustomevent.h"
#include "nvdsgstutils.h"

static void
test_source_id_events (void)
{
  struct {
    GstEvent *(*make) (guint);
    void (*parse) (GstEvent *, guint *);
    GstNvEventType type;
  } cases[] = {
    {gst_nvevent_new_pad_added, gst_nvevent_parse_pad_added,
        GST_NVEVENT_PAD_ADDED},
    {gst_nvevent_new_pad_deleted, gst_nvevent_parse_pad_deleted,
        GST_NVEVENT_PAD_DELETED},
    {gst_nvevent_new_stream_eos, gst_nvevent_parse_stream_eos,
        GST_NVEVENT_STREAM_EOS},
    {gst_nvevent_new_stream_reset, gst_nvevent_parse_stream_reset,
        GST_NVEVENT_STREAM_RESET},
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    GstEvent *ev = cases[i].make (40 + i);
    guint id = 0;
    g_assert_cmpint (GST_EVENT_TYPE (ev), ==, (GstEventType) cases[i].type);
    g_assert_true (GST_EVENT_IS_DOWNSTREAM (ev));
    cases[i].parse (ev, &id);
    g_assert_cmpuint (id, ==, 40 + i);
    /* A parser for another kind leaves the output alone. */
    guint untouched = 77;
    cases[(i + 1) % G_N_ELEMENTS (cases)].parse (ev, &untouched);
    g_assert_cmpuint (untouched, ==, 77);
    gst_event_unref (ev);
  }
  guint untouched = 5;
  GstEvent *eos = gst_event_new_eos ();
  gst_nvevent_parse_stream_reset (eos, &untouched);
  gst_nvevent_parse_stream_reset (NULL, &untouched);
  g_assert_cmpuint (untouched, ==, 5);
  gst_event_unref (eos);
}

static void
test_segment_and_start (void)
{
  GstSegment seg, *out = NULL;
  guint id = 0;
  gchar *sid = NULL;

  gst_segment_init (&seg, GST_FORMAT_TIME);
  seg.start = 5 * GST_SECOND;
  GstEvent *ev = gst_nvevent_new_stream_segment (3, &seg);
  gst_nvevent_parse_stream_segment (ev, &id, &out);
  g_assert_cmpuint (id, ==, 3);
  g_assert_nonnull (out);
  g_assert_cmpuint (out->start, ==, 5 * GST_SECOND);
  gst_event_unref (ev);
  ev = gst_nvevent_new_stream_start (8, (gchar *) "stream-8");
  gst_nvevent_parse_stream_start (ev, &id, &sid);
  g_assert_cmpuint (id, ==, 8);
  g_assert_cmpstr (sid, ==, "stream-8");
  gst_event_unref (ev);
  GstStructure *caps = gst_structure_new_empty ("video/x-raw");
  ev = gst_nvevent_new_update_caps (1, 640, 480, caps, (gchar *) "s", FALSE);
  g_assert_cmpint (GST_EVENT_TYPE (ev), ==,
      (GstEventType) GST_NVEVENT_UPDATE_CAPS);
  g_assert_true (gst_structure_has_field (gst_event_get_structure (ev),
          "caps"));
  gst_structure_free (caps);
  gst_event_unref (ev);
}

static void
test_custom_events (void)
{
  RoiDimension rois[2];
  RoiDimension *got = NULL;
  gchar *sid = NULL, *cfg = NULL;
  guint n = 0, v = 0;

  memset (rois, 0, sizeof rois);
  g_strlcpy (rois[1].roi_id, "zone-b", sizeof rois[1].roi_id);
  rois[1].width = 99;
  GstEvent *ev = gst_nvevent_new_roi_update ((gchar *) "cam0", 2, rois);
  gst_nvevent_parse_roi_update (ev, &sid, &n, &got);
  g_assert_cmpstr (sid, ==, "cam0");
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (got[1].roi_id, ==, "zone-b");
  g_assert_cmpuint (got[1].width, ==, 99);
  g_free (got);
  gst_event_unref (ev);
  ev = gst_nvevent_infer_interval_update ((gchar *) "cam1", 4);
  gst_nvevent_parse_infer_interval_update (ev, &sid, &v);
  g_assert_cmpstr (sid, ==, "cam1");
  g_assert_cmpuint (v, ==, 4);
  gst_nvevent_parse_osd_process_mode_update (ev, &sid, &n);    /* wrong kind */
  g_assert_cmpuint (n, ==, 2);
  gst_event_unref (ev);
  ev = gst_nvevent_osd_process_mode_update ((gchar *) "cam2", 1);
  gst_nvevent_parse_osd_process_mode_update (ev, &sid, &v);
  g_assert_cmpuint (v, ==, 1);
  gst_event_unref (ev);
  ev = gst_nvevent_nvtracker_config_update ((gchar *) "cam3", (gchar *) "a=1");
  gst_nvevent_parse_nvtracker_config_update (ev, &sid, &cfg);
  g_assert_cmpstr (cfg, ==, "a=1");
  gst_event_unref (ev);
  ev = gst_nvevent_analytics_reload_config_update ((gchar *) "/tmp/x.txt");
  gst_nvevent_parse_analytics_reload_config_update (ev, &cfg);
  g_assert_cmpstr (cfg, ==, "/tmp/x.txt");
  gst_event_unref (ev);
}

static GstPadProbeReturn
count_reset (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  guint id = G_MAXUINT;
  (void) pad;
  gst_nvevent_parse_stream_reset (GST_PAD_PROBE_INFO_EVENT (info), &id);
  if (id == 6)
    (*(guint *) data)++;
  return GST_PAD_PROBE_OK;
}

/* The events are real: they travel through an element's pads. */
static void
test_event_through_pipeline (void)
{
  GstElement *pipe = gst_parse_launch ("identity name=id ! fakesink", NULL);
  GstElement *id = gst_bin_get_by_name (GST_BIN (pipe), "id");
  GstPad *src = gst_element_get_static_pad (id, "src");
  guint seen = 0;

  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, count_reset,
      &seen, NULL);
  gst_element_set_state (pipe, GST_STATE_PAUSED);
  GstPad *sink = gst_element_get_static_pad (id, "sink");
  gst_pad_send_event (sink, gst_event_new_stream_start ("s"));
  gst_pad_send_event (sink, gst_nvevent_new_stream_reset (6));
  g_assert_cmpuint (seen, ==, 1);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (src);
  gst_object_unref (id);
  gst_object_unref (pipe);
}

static void
test_ntp_sync (void)
{
  GstElement *rtsp = gst_element_factory_make ("rtspsrc", NULL);
  if (rtsp != NULL) {
    gboolean on = FALSE;
    configure_source_for_ntp_sync (rtsp);
    g_object_get (rtsp, "ntp-sync", &on, NULL);
    g_assert_true (on);
    gst_object_unref (rtsp);
  } else {
    g_test_message ("rtspsrc not installed; rtspsrc case not checked");
  }
  GstElement *plain = gst_element_factory_make ("fakesrc", NULL);
  configure_source_for_ntp_sync (plain);        /* no-op, no warning */
  gst_object_unref (plain);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/events/source-id", test_source_id_events);
  g_test_add_func ("/events/segment-and-start", test_segment_and_start);
  g_test_add_func ("/events/custom", test_custom_events);
  g_test_add_func ("/events/through-pipeline", test_event_through_pipeline);
  g_test_add_func ("/events/ntp-sync", test_ntp_sync);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
