/*
 * Tests of the GstMeta glue: batch metadata on a real GstBuffer survives
 * gst_buffer_copy() and gst_buffer_make_writable() as an independent deep
 * copy, is released exactly once per buffer, and the latency helpers and
 * gst-to-frame-meta conversion work on real buffers.
 */
#include "gstnvdsmeta.h"

static guint n_releases;

static void
count_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *u = data;
  (void) user_data;
  n_releases++;
  g_free (u->user_meta_data);
}

static gpointer
dup_int (gpointer data, gpointer user_data)
{
  NvDsUserMeta *u = data;
  (void) user_data;
  return g_memdup2 (u->user_meta_data, sizeof (gint));
}

/* A buffer carrying a batch with one frame, @objs objects, one user meta. */
static GstBuffer *
buffer_with_batch (guint objs)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, 64, NULL);
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);

  f->frame_num = 5;
  nvds_add_frame_meta_to_batch (b, f);
  for (guint i = 0; i < objs; i++) {
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
    o->class_id = (gint) i;
    nvds_add_obj_meta_to_frame (f, o, NULL);
  }
  NvDsUserMeta *u = nvds_acquire_user_meta_from_pool (b);
  gint value = 1234;
  u->user_meta_data = g_memdup2 (&value, sizeof value);
  u->base_meta.meta_type = nvds_get_user_meta_type ((gchar *) "TEST.GST.INT");
  u->base_meta.copy_func = dup_int;
  u->base_meta.release_func = count_release;
  nvds_add_user_meta_to_frame (f, u);
  NvDsMeta *m = gst_buffer_add_nvds_meta (buf, b, NULL,
      nvds_batch_meta_copy_func, nvds_batch_meta_release_func);
  g_assert_nonnull (m);
  m->meta_type = NVDS_BATCH_GST_META;
  return buf;
}

static void
assert_same_content (NvDsBatchMeta * a, NvDsBatchMeta * c)
{
  NvDsFrameMeta *fa = a->frame_meta_list->data, *fc = c->frame_meta_list->data;
  g_assert_true (a != c && fa != fc);
  g_assert_cmpint (fc->frame_num, ==, fa->frame_num);
  g_assert_cmpuint (fc->num_obj_meta, ==, fa->num_obj_meta);
  for (GList * la = fa->obj_meta_list, *lc = fc->obj_meta_list; la;
      la = la->next, lc = lc->next) {
    g_assert_true (la->data != lc->data);
    g_assert_cmpint (((NvDsObjectMeta *) la->data)->class_id, ==,
        ((NvDsObjectMeta *) lc->data)->class_id);
  }
  NvDsUserMeta *ua = fa->frame_user_meta_list->data;
  NvDsUserMeta *uc = fc->frame_user_meta_list->data;
  g_assert_true (ua->user_meta_data != uc->user_meta_data);
  g_assert_cmpint (*(gint *) uc->user_meta_data, ==, 1234);
}

static void
test_copy_buffer (void)
{
  n_releases = 0;
  GstBuffer *buf = buffer_with_batch (3);
  GstBuffer *copy = gst_buffer_copy (buf);
  NvDsBatchMeta *a = gst_buffer_get_nvds_batch_meta (buf);
  NvDsBatchMeta *c = gst_buffer_get_nvds_batch_meta (copy);

  g_assert_nonnull (a);
  g_assert_nonnull (c);
  assert_same_content (a, c);
  gst_buffer_unref (buf);
  g_assert_cmpuint (n_releases, ==, 1);
  /* The copy still works after the original is gone. */
  NvDsFrameMeta *fc = c->frame_meta_list->data;
  g_assert_cmpuint (fc->num_obj_meta, ==, 3);
  gst_buffer_unref (copy);
  g_assert_cmpuint (n_releases, ==, 2);
}

static void
test_make_writable (void)
{
  n_releases = 0;
  GstBuffer *buf = buffer_with_batch (2);
  GstBuffer *extra_ref = gst_buffer_ref (buf);
  GstBuffer *w = gst_buffer_make_writable (buf);       /* forces a copy */

  g_assert_true (w != extra_ref);
  assert_same_content (gst_buffer_get_nvds_batch_meta (extra_ref),
      gst_buffer_get_nvds_batch_meta (w));
  gst_buffer_unref (w);
  gst_buffer_unref (extra_ref);
  g_assert_cmpuint (n_releases, ==, 2);
}

static void
test_get_meta (void)
{
  GstBuffer *buf = gst_buffer_new ();
  g_assert_null (gst_buffer_get_nvds_batch_meta (buf));
  g_assert_null (gst_buffer_get_nvds_meta (buf));
  g_assert_null (gst_buffer_get_nvds_batch_meta (NULL));
  static gint payload = 3;
  NvDsMeta *m1 = gst_buffer_add_nvds_meta (buf, &payload, NULL, NULL, NULL);
  m1->meta_type = NVDS_START_USER_META;
  g_assert_true (gst_buffer_get_nvds_meta (buf) == m1);
  g_assert_null (gst_buffer_get_nvds_batch_meta (buf));
  NvDsMeta *m2 = gst_buffer_add_nvds_meta (buf, &payload, NULL, NULL, NULL);
  g_assert_true (gst_buffer_get_nvds_meta (buf) == m2);
  g_assert_true (NVDS_META_INFO->api == NVDS_META_API_TYPE);
  /* Metas without copy_func are not carried into copies. */
  GstBuffer *copy = gst_buffer_copy (buf);
  g_assert_null (gst_buffer_get_nvds_meta (copy));
  gst_buffer_unref (copy);
  /* A read-only (shared) buffer is refused. */
  GstBuffer *ref = gst_buffer_ref (buf);
  g_test_expect_message ("nvdsgst_meta", G_LOG_LEVEL_CRITICAL, "*writable*");
  g_assert_null (gst_buffer_add_nvds_meta (buf, &payload, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
  gst_buffer_unref (ref);
  gst_buffer_unref (buf);
}

static void
test_latency (void)
{
  GstBuffer *buf = buffer_with_batch (0);
  NvDsFrameLatencyInfo info[1] = { {0} };

  g_assert_cmpuint (nvds_measure_buffer_latency (buf, info), ==, 0);
  NvDsUserMeta *u = nvds_set_input_system_timestamp (buf, (gchar *) "comp");
  g_assert_nonnull (u);
  g_assert_cmpint (u->base_meta.meta_type, ==, NVDS_LATENCY_MEASUREMENT_META);
  NvDsMetaCompLatency *lat = u->user_meta_data;
  g_assert_cmpstr (lat->component_name, ==, "comp");
  g_assert_cmpuint (lat->frame_num, ==, 5);
  g_assert_true (nvds_set_output_system_timestamp (buf, (gchar *) "comp"));
  g_assert_cmpfloat (lat->out_system_timestamp, >=, lat->in_system_timestamp);
  g_assert_false (nvds_set_output_system_timestamp (buf, (gchar *) "other"));
  g_assert_cmpuint (nvds_measure_buffer_latency (buf, info), ==, 1);
  g_assert_cmpuint (info[0].frame_num, ==, 5);
  g_assert_cmpfloat (info[0].latency, >=, 0.0);
  g_assert_cmpfloat (info[0].comp_in_timestamp, ==, lat->in_system_timestamp);
  /* Latency metas are copied with the buffer. */
  GstBuffer *copy = gst_buffer_copy (buf);
  g_assert_cmpuint (nvds_measure_buffer_latency (copy, info), ==, 1);
  gst_buffer_unref (copy);
  gst_buffer_unref (buf);
  g_setenv ("NVDS_ENABLE_LATENCY_MEASUREMENT", "1", TRUE);
  g_assert_true (nvds_get_enable_latency_measurement ());
  g_unsetenv ("NVDS_ENABLE_LATENCY_MEASUREMENT");
  g_assert_false (nvds_get_enable_latency_measurement ());
}

static void
test_gst_meta_to_frame (void)
{
  GstBuffer *input = gst_buffer_new ();
  nvds_add_reference_timestamp_meta (input, (gchar *) "decoder", 9);
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  nvds_add_frame_meta_to_batch (b, f);

  nvds_copy_gst_meta_to_frame_meta (input, b, f);
  g_assert_cmpuint (g_list_length (f->frame_user_meta_list), ==, 1);
  NvDsUserMeta *u = f->frame_user_meta_list->data;
  g_assert_cmpint (u->base_meta.meta_type, ==, NVDS_LATENCY_MEASUREMENT_META);
  NvDsMetaCompLatency *lat = u->user_meta_data;
  g_assert_cmpstr (lat->component_name, ==, "decoder");
  g_assert_cmpuint (lat->frame_num, ==, 9);
  /* The frame meta owns its own copy. */
  g_assert_true (lat != gst_buffer_get_nvds_meta (input)->meta_data);
  gst_buffer_unref (input);
  nvds_destroy_batch_meta (b);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gstmeta/copy-buffer", test_copy_buffer);
  g_test_add_func ("/gstmeta/make-writable", test_make_writable);
  g_test_add_func ("/gstmeta/get-meta", test_get_meta);
  g_test_add_func ("/gstmeta/latency", test_latency);
  g_test_add_func ("/gstmeta/gst-meta-to-frame", test_gst_meta_to_frame);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
