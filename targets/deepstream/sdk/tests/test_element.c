/*
 * Tests of the nvinfersim element in real gst_parse_launch pipelines: a
 * pad probe reads every buffer's metadata (frames, objects, classifier,
 * display, segmentation and tensor meta) and checks it, results are
 * deterministic for a seed, and metadata survives videoconvert, tee
 * (shared buffers) and a second nvinfersim. nvvideoconvertsim buffers map
 * to a real NvBufSurface holding the frame, usable by the object encoder.
 */
#include <string.h>

#include "gstnvdsmeta.h"
#include "gstnvdsinfer.h"
#include "nvds_obj_encode.h"

#define W 320
#define H 240

typedef struct {
  guint buffers, objects, classifiers, displays, segs, tensors;
  guint objects_per_frame;
  gint expected_frame;
  guint64 checksum;
  NvDsObjEncCtxHandle ctx;
  gboolean latency;             /* expect latency stamps */
} Stats;

static guint64
mix_in (guint64 h, guint64 v)
{
  return (h ^ v) * 0x100000001B3ull;
}

static void
check_object (NvDsObjectMeta * o, Stats * st)
{
  g_assert_cmpint (o->class_id, >=, 0);
  g_assert_cmpint (o->class_id, <, 4);
  g_assert_cmpfloat (o->confidence, >=, 0.5f);
  g_assert_cmpfloat (o->confidence, <=, 1.0f);
  g_assert_cmpfloat (o->rect_params.left, >=, 0.0f);
  g_assert_cmpfloat (o->rect_params.left + o->rect_params.width, <=, W);
  g_assert_cmpfloat (o->rect_params.top + o->rect_params.height, <=, H);
  g_assert_cmpuint (o->object_id, >=, 1);
  g_assert_cmpuint (o->object_id, <=, st->objects_per_frame);
  g_assert_cmpuint (strlen (o->obj_label), >, 0);
  g_assert_nonnull (g_strstr_len (o->text_params.display_text, -1,
          o->obj_label));
  st->classifiers += g_list_length (o->classifier_meta_list);
  NvDsClassifierMeta *c = o->classifier_meta_list->data;
  NvDsLabelInfo *l = c->label_info_list->data;
  g_assert_cmpuint (strlen (l->result_label), >, 0);
  st->checksum = mix_in (st->checksum, (guint64) (o->rect_params.left * 64));
  st->checksum = mix_in (st->checksum, (guint64) (o->confidence * 1e6));
  st->checksum = mix_in (st->checksum, (guint64) o->class_id);
}

static void
check_segmentation (NvDsInferSegmentationMeta * seg, Stats * st)
{
  guint hit = 0;
  g_assert_cmpuint (seg->width, ==, 64);
  g_assert_cmpuint (seg->height, ==, 48);
  g_assert_cmpuint (seg->classes, ==, 4);
  for (guint i = 0; i < seg->width * seg->height; i++) {
    g_assert_cmpint (seg->class_map[i], >=, -1);
    g_assert_cmpint (seg->class_map[i], <, 4);
    hit += seg->class_map[i] >= 0;
  }
  if (st->objects_per_frame > 0)
    g_assert_cmpuint (hit, >, 0);
  st->segs++;
}

static void
check_tensor (NvDsInferTensorMeta * t, NvDsFrameMeta * f, Stats * st)
{
  g_assert_cmpuint (t->num_output_layers, ==, 2);
  g_assert_cmpstr (t->output_layers_info[0].layerName, ==, "output_bbox");
  g_assert_cmpstr (t->output_layers_info[1].layerName, ==, "output_cov");
  NvDsInferDims *d = &t->output_layers_info[0].inferDims;
  g_assert_cmpuint (d->numDims, ==, 2);
  g_assert_cmpuint (d->d[1], ==, 4);
  g_assert_cmpuint (d->numElements, ==, 4 * d->d[0]);
  g_assert_cmpuint (d->d[0], <=, f->num_obj_meta);
  g_assert_cmpuint (t->network_info.width, ==, W);
  /* Boxes match this producer's objects, in order. */
  const float *boxes = t->out_buf_ptrs_host[0];
  guint k = 0;
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    if (o->unique_component_id != (gint) t->unique_id)
      continue;
    g_assert_cmpfloat_with_epsilon (boxes[4 * k] * W, o->rect_params.left,
        1e-3);
    k++;
  }
  g_assert_cmpuint (k, ==, d->d[0]);
  st->tensors++;
}

static void
check_user (NvDsUserMeta * u, NvDsFrameMeta * f, Stats * st)
{
  if (u->base_meta.meta_type == NVDSINFER_SEGMENTATION_META)
    check_segmentation (u->user_meta_data, st);
  else if (u->base_meta.meta_type == NVDSINFER_TENSOR_OUTPUT_META)
    check_tensor (u->user_meta_data, f, st);
}

static GstPadProbeReturn
on_buffer (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  Stats *st = data;
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (info->data);

  (void) pad;
  g_assert_nonnull (b);
  g_assert_cmpuint (b->num_frames_in_batch, ==, 1);
  NvDsFrameMeta *f = nvds_get_nth_frame_meta (b->frame_meta_list, 0);
  g_assert_cmpint (f->frame_num, ==, st->expected_frame++);
  g_assert_cmpuint (f->source_frame_width, ==, W);
  g_assert_cmpuint (f->num_obj_meta, ==, st->objects_per_frame);
  for (GList * l = f->obj_meta_list; l; l = l->next, st->objects++)
    check_object (l->data, st);
  for (GList * l = f->frame_user_meta_list; l; l = l->next)
    check_user (l->data, f, st);
  for (GList * l = f->display_meta_list; l; l = l->next, st->displays++)
    g_assert_nonnull (g_strstr_len (((NvDsDisplayMeta *) l->data)->
            text_params[0].display_text, -1, "Frame="));
  if (st->latency) {
    NvDsFrameLatencyInfo lat[1];
    g_assert_cmpuint (nvds_measure_buffer_latency (info->data, lat), ==, 1);
    g_assert_cmpuint (lat[0].frame_num, ==, (guint) f->frame_num);
    g_assert_cmpfloat (lat[0].latency, >=, 0.0);
  }
  st->buffers++;
  return GST_PAD_PROBE_OK;
}

/* Runs @desc to EOS with a probe on element "probe"'s sink pad. */
static void
run_pipeline (const gchar * desc, Stats * st)
{
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  g_assert_no_error (err);
  GstElement *probe = gst_bin_get_by_name (GST_BIN (pipe), "probe");
  GstPad *pad = gst_element_get_static_pad (probe, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, st, NULL);
  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (bus);
  gst_object_unref (pad);
  gst_object_unref (probe);
  gst_object_unref (pipe);
}

static Stats
run_sim (guint objects, guint64 seed, const gchar * middle)
{
  Stats st = { 0 };
  st.objects_per_frame = objects;
  gchar *desc = g_strdup_printf ("videotestsrc num-buffers=30 ! "
      "video/x-raw,width=%d,height=%d ! nvinfersim objects=%u seed=%"
      G_GUINT64_FORMAT " %s ! fakesink name=probe", W, H, objects, seed,
      middle);
  run_pipeline (desc, &st);
  g_free (desc);
  return st;
}

static void
test_pipeline_counts (void)
{
  Stats st = run_sim (8, 42, "");
  g_assert_cmpuint (st.buffers, ==, 30);
  g_assert_cmpuint (st.objects, ==, 30 * 8);
  g_assert_cmpuint (st.classifiers, ==, 30 * 8);
  g_assert_cmpuint (st.displays, ==, 30);
  g_assert_cmpuint (st.segs, ==, 30);
  g_assert_cmpuint (st.tensors, ==, 30);
}

static void
test_deterministic (void)
{
  Stats a = run_sim (5, 7, ""), b = run_sim (5, 7, ""), c = run_sim (5, 8, "");
  g_assert_cmpuint (a.checksum, ==, b.checksum);
  g_assert_cmpuint (a.checksum, !=, c.checksum);
}

static void
test_zero_objects (void)
{
  Stats st = run_sim (0, 1, "");
  g_assert_cmpuint (st.buffers, ==, 30);
  g_assert_cmpuint (st.objects, ==, 0);
  g_assert_cmpuint (st.segs, ==, 30);
}

/* Metadata passes videoconvert, and a queue after a tee (shared buffer). */
static void
test_survives_transforms (void)
{
  Stats st = run_sim (3, 42, "! videoconvert ! video/x-raw,format=RGBA ! "
      "tee name=t t. ! queue ! fakesink t. ! queue");
  g_assert_cmpuint (st.buffers, ==, 30);
  g_assert_cmpuint (st.objects, ==, 90);
  g_assert_cmpuint (st.tensors, ==, 30);
}

/* A second nvinfersim adds its objects to the existing frame. */
static void
test_chained (void)
{
  Stats st = { 0 };
  st.objects_per_frame = 4;
  run_pipeline ("videotestsrc num-buffers=10 ! video/x-raw,width=320,"
      "height=240 ! nvinfersim objects=2 ! nvinfersim objects=2 unique-id=5 "
      "! fakesink name=probe", &st);
  g_assert_cmpuint (st.buffers, ==, 10);
  g_assert_cmpuint (st.segs, ==, 20);
}

/* With NVDS_ENABLE_LATENCY_MEASUREMENT the element stamps each frame. */
static void
test_latency_stamps (void)
{
  Stats st = { 0 };
  st.objects_per_frame = 1;
  st.latency = TRUE;
  g_setenv ("NVDS_ENABLE_LATENCY_MEASUREMENT", "1", TRUE);
  run_pipeline ("videotestsrc num-buffers=5 ! video/x-raw,width=320,"
      "height=240 ! nvinfersim objects=1 ! fakesink name=probe", &st);
  g_unsetenv ("NVDS_ENABLE_LATENCY_MEASUREMENT");
  g_assert_cmpuint (st.buffers, ==, 5);
}

/* Probe for NVMM buffers: the memory is an NvBufSurface with the frame. */
static GstPadProbeReturn
on_surface (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  Stats *st = data;
  GstBuffer *buf = info->data;
  GstMapInfo map;
  NvDsObjEncUsrArgs args = { 0 };

  (void) pad;
  g_assert_true (gst_buffer_map (buf, &map, GST_MAP_READ));
  g_assert_cmpuint (map.size, ==, sizeof (NvBufSurface));
  NvBufSurface *surf = (NvBufSurface *) map.data;
  NvBufSurfaceParams *s = &surf->surfaceList[0];
  g_assert_cmpuint (surf->numFilled, ==, 1);
  g_assert_cmpint (surf->memType, ==, NVBUF_MEM_SYSTEM);
  g_assert_cmpint (s->colorFormat, ==, NVBUF_COLOR_FORMAT_RGBA);
  g_assert_cmpuint (s->width, ==, W);
  const guint8 *px = (const guint8 *) s->dataPtr + 7 * s->pitch + 4 * 9;
  g_assert_cmpint (px[0], ==, 255);     /* white test pattern */
  g_assert_cmpint (px[3], ==, 255);
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (buf);
  NvDsFrameMeta *f = b->frame_meta_list->data;
  NvDsObjectMeta *o = f->obj_meta_list->data;
  args.attachUsrMeta = true;
  g_assert_true (nvds_obj_enc_process (st->ctx, &args, surf, o, f));
  NvDsUserMeta *u = o->obj_user_meta_list->data;
  g_assert_cmpint (u->base_meta.meta_type, ==, NVDS_CROP_IMAGE_META);
  NvDsObjEncOutParams *out = u->user_meta_data;
  g_assert_cmpuint (out->outLen, >, 2);
  g_assert_cmpint (out->outBuffer[0], ==, 0xFF);
  g_assert_cmpint (out->outBuffer[1], ==, 0xD8);
  gst_buffer_unmap (buf, &map);
  st->buffers++;
  return GST_PAD_PROBE_OK;
}

static void
test_nvmm_surface (void)
{
  Stats st = { 0 };
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch ("videotestsrc pattern=white "
      "num-buffers=3 ! video/x-raw,format=RGBA,width=320,height=240 ! "
      "nvvideoconvertsim ! nvinfersim objects=2 ! fakesink name=probe", &err);
  g_assert_no_error (err);
  st.ctx = nvds_obj_enc_create_context (0);
  GstElement *probe = gst_bin_get_by_name (GST_BIN (pipe), "probe");
  GstPad *pad = gst_element_get_static_pad (probe, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_surface, &st, NULL);
  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_element_set_state (pipe, GST_STATE_NULL);
  g_assert_cmpuint (st.buffers, ==, 3);
  nvds_obj_enc_destroy_context (st.ctx);
  gst_object_unref (bus);
  gst_object_unref (pad);
  gst_object_unref (probe);
  gst_object_unref (pipe);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  GstElementFactory *f = gst_element_factory_find ("nvinfersim");
  g_assert_nonnull (f);
  gst_object_unref (f);
  g_test_add_func ("/element/pipeline-counts", test_pipeline_counts);
  g_test_add_func ("/element/deterministic", test_deterministic);
  g_test_add_func ("/element/zero-objects", test_zero_objects);
  g_test_add_func ("/element/survives-transforms", test_survives_transforms);
  g_test_add_func ("/element/chained", test_chained);
  g_test_add_func ("/element/nvmm-surface", test_nvmm_surface);
  g_test_add_func ("/element/latency-stamps", test_latency_stamps);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
