/*
 * Tests of nvinfersim's output options: the SSD tensor layout (layer
 * names, dims, data types and box data as deepstream-ssd-parser parses
 * them), tensor and segmentation meta switched off, the confidence range,
 * class labels, and instance masks in mask_params - each in a real
 * pipeline, plus deep copies of the new payloads with the buffer.
 */
#include <math.h>
#include <string.h>

#include "gstnvdsinfer.h"
#include "nvinfersim_synth.h"
#include "sim_util.h"

#define PIPE(props) "videotestsrc num-buffers=10 ! video/x-raw,width=320," \
  "height=240 ! nvinfersim " props " ! fakesink name=probe"

static const NvDsInferLayerInfo *
layer (const NvDsInferTensorMeta * t, const gchar * name)
{
  for (guint i = 0; i < t->num_output_layers; i++)
    if (g_strcmp0 (t->output_layers_info[i].layerName, name) == 0)
      return &t->output_layers_info[i];
  g_assert_not_reached ();
}

static void
check_dims (const NvDsInferLayerInfo * l, guint num_dims, guint d0, guint d1)
{
  g_assert_cmpint (l->dataType, ==, FLOAT);
  g_assert_cmpuint (l->inferDims.numDims, ==, num_dims);
  g_assert_cmpuint (l->inferDims.d[0], ==, d0);
  if (num_dims == 2)
    g_assert_cmpuint (l->inferDims.d[1], ==, d1);
  g_assert_cmpuint (l->inferDims.numElements, ==, d0 * MAX (d1, 1u));
  g_assert_nonnull (l->buffer);
}

/* The object whose box is (ymin, xmin, ymax, xmax) normalised, or NULL. */
static NvDsObjectMeta *
object_with_box (NvDsFrameMeta * f, const gfloat * box)
{
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    NvOSD_RectParams *r = &o->rect_params;
    if (fabsf (box[0] * 240 - r->top) < 1e-2f
        && fabsf (box[1] * 320 - r->left) < 1e-2f
        && fabsf (box[2] * 240 - (r->top + r->height)) < 1e-2f
        && fabsf (box[3] * 320 - (r->left + r->width)) < 1e-2f)
      return o;
  }
  return NULL;
}

static void
check_ssd (NvDsInferTensorMeta * t, NvDsFrameMeta * f)
{
  const NvDsInferLayerInfo *boxes = layer (t, "detection_boxes");
  const NvDsInferLayerInfo *classes = layer (t, "detection_classes");
  const NvDsInferLayerInfo *scores = layer (t, "detection_scores");
  const NvDsInferLayerInfo *count = layer (t, "num_detections");
  g_assert_cmpuint (t->num_output_layers, ==, 4);
  check_dims (boxes, 2, 100, 4);
  check_dims (classes, 1, 100, 0);
  check_dims (scores, 1, 100, 0);
  check_dims (count, 1, 1, 0);
  g_assert_cmpuint (t->network_info.width, ==, 300);
  const gfloat *b = boxes->buffer, *c = classes->buffer, *s = scores->buffer;
  g_assert_cmpfloat (((gfloat *) count->buffer)[0], ==, f->num_obj_meta);
  for (guint k = 0; k < f->num_obj_meta; k++) {
    NvDsObjectMeta *o = object_with_box (f, &b[4 * k]);
    g_assert_nonnull (o);
    g_assert_cmpfloat (c[k], ==, (gfloat) (o->class_id + 1));
    g_assert_cmpfloat (s[k], ==, o->confidence);
    if (k > 0)
      g_assert_cmpfloat (s[k], <=, s[k - 1]);
  }
  for (guint k = f->num_obj_meta; k < 100; k++)
    g_assert_cmpfloat (s[k] + c[k] + b[4 * k + 2], ==, 0.0f);
}

static GstPadProbeReturn
on_ssd (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  NvDsFrameMeta *f = sim_only_frame (info->data);
  (void) pad;
  (void) data;
  g_assert_cmpuint (f->num_obj_meta, ==, 6);
  g_assert_cmpuint (g_list_length (f->frame_user_meta_list), ==, 1);
  NvDsUserMeta *u = sim_find_user (f->frame_user_meta_list,
      NVDSINFER_TENSOR_OUTPUT_META);
  g_assert_nonnull (u);
  check_ssd (u->user_meta_data, f);
  /* A copy of the buffer carries an independent, equal tensor meta. */
  GstBuffer *copy = gst_buffer_copy (info->data);
  NvDsFrameMeta *cf = sim_only_frame (copy);
  NvDsInferTensorMeta *ct = ((NvDsUserMeta *)
      cf->frame_user_meta_list->data)->user_meta_data;
  g_assert_true (ct != u->user_meta_data);
  check_ssd (ct, cf);
  gst_buffer_unref (copy);
  return GST_PAD_PROBE_OK;
}

static void
test_ssd_layout (void)
{
  g_assert_cmpuint (sim_run (PIPE ("objects=6 tensor-layout=ssd "
              "segmentation-meta=false"), on_ssd, NULL), ==, 10);
}

static GstPadProbeReturn
on_no_outputs (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  NvDsFrameMeta *f = sim_only_frame (info->data);
  (void) pad;
  (void) data;
  g_assert_cmpuint (f->num_obj_meta, ==, 3);
  g_assert_null (f->frame_user_meta_list);
  for (GList * l = f->obj_meta_list; l; l = l->next)
    g_assert_null (((NvDsObjectMeta *) l->data)->mask_params.data);
  return GST_PAD_PROBE_OK;
}

static void
test_outputs_off (void)
{
  g_assert_cmpuint (sim_run (PIPE ("objects=3 output-tensor-meta=false "
              "segmentation-meta=false"), on_no_outputs, NULL), ==, 10);
}

typedef struct {
  guint below_half, in_band, total;
} ConfStats;

static GstPadProbeReturn
on_confidence (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  ConfStats *st = data;
  (void) pad;
  for (GList * l = sim_only_frame (info->data)->obj_meta_list; l; l = l->next) {
    gfloat c = ((NvDsObjectMeta *) l->data)->confidence;
    g_assert_cmpfloat (c, >=, 0.2f);
    g_assert_cmpfloat (c, <=, 0.45f);
    st->below_half += c < 0.5f;
    st->in_band += c > 0.3f && c < 0.4f;    /* imagedata's 0.3-0.4 band */
    st->total++;
  }
  return GST_PAD_PROBE_OK;
}

static void
test_confidence_range (void)
{
  ConfStats st = { 0 };
  sim_run (PIPE ("objects=20 confidence-min=0.2 confidence-max=0.45"),
      on_confidence, &st);
  g_assert_cmpuint (st.total, ==, 200);
  g_assert_cmpuint (st.below_half, ==, 200);
  g_assert_cmpuint (st.in_band, >, 40);
}

/* min > max is taken as the range between them, not an empty one. */
static void
test_confidence_swapped (void)
{
  NvInferSimParams p;
  NvInferSimObject objs[64];
  nvinfersim_params_init (&p, 320, 240);
  p.objects = 64;
  p.conf_min = 0.9f;
  p.conf_max = 0.1f;
  nvinfersim_detect (&p, 3, objs);
  for (guint i = 0; i < 64; i++) {
    g_assert_cmpfloat (objs[i].confidence, >=, 0.1f);
    g_assert_cmpfloat (objs[i].confidence, <=, 0.9f);
  }
}

static void
check_mask (const NvDsObjectMeta * o)
{
  const NvOSD_MaskParams *m = &o->mask_params;
  g_assert_nonnull (m->data);
  g_assert_cmpuint (m->width, ==, 16);
  g_assert_cmpuint (m->height, ==, 16);
  g_assert_cmpuint (m->size, ==, 16 * 16 * sizeof (gfloat));
  g_assert_cmpfloat (m->threshold, ==, 0.5f);
  g_assert_cmpfloat (m->data[8 * 16 + 8], >, m->threshold);  /* centre */
  g_assert_cmpfloat (m->data[0], <, m->threshold);           /* corner */
  g_assert_cmpfloat (m->data[15 * 16 + 15], <, m->threshold);
}

static GstPadProbeReturn
on_masks (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  NvDsFrameMeta *f = sim_only_frame (info->data);
  (void) pad;
  (void) data;
  for (GList * l = f->obj_meta_list; l; l = l->next)
    check_mask (l->data);
  GstBuffer *copy = gst_buffer_copy (info->data);
  NvDsObjectMeta *orig = f->obj_meta_list->data;
  NvDsObjectMeta *dup = sim_only_frame (copy)->obj_meta_list->data;
  check_mask (dup);
  g_assert_true (dup->mask_params.data != orig->mask_params.data);
  g_assert_cmpmem (dup->mask_params.data, dup->mask_params.size,
      orig->mask_params.data, orig->mask_params.size);
  gst_buffer_unref (copy);
  return GST_PAD_PROBE_OK;
}

static void
test_instance_masks (void)
{
  g_assert_cmpuint (sim_run (PIPE ("objects=3 output-instance-mask=true "
              "instance-mask-size=16"), on_masks, NULL), ==, 10);
}

static GstPadProbeReturn
on_labels (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  static const gchar *names[] = { "Person", "Bag", "Face" };
  NvDsFrameMeta *f = sim_only_frame (info->data);
  (void) pad;
  (void) data;
  for (GList * l = f->obj_meta_list; l; l = l->next) {
    NvDsObjectMeta *o = l->data;
    g_assert_cmpint (o->class_id, >=, 0);
    g_assert_cmpint (o->class_id, <, 3);
    g_assert_cmpstr (o->obj_label, ==, names[o->class_id]);
  }
  NvDsUserMeta *seg = sim_find_user (f->frame_user_meta_list,
      NVDSINFER_SEGMENTATION_META);
  g_assert_cmpuint (((NvDsInferSegmentationMeta *) seg->user_meta_data)->
      classes, ==, 3);
  NvDsUserMeta *t = sim_find_user (f->frame_user_meta_list,
      NVDSINFER_TENSOR_OUTPUT_META);
  check_dims (layer (t->user_meta_data, "output_cov"), 2, 12, 3);
  return GST_PAD_PROBE_OK;
}

static void
test_labels (void)
{
  g_assert_cmpuint (sim_run (PIPE ("objects=12 labels=\"Person; Bag;Face\""),
          on_labels, NULL), ==, 10);
}

/* Bad label lists are refused with a warning; the old list stays. */
static void
test_labels_invalid (void)
{
  GstElement *e = gst_element_factory_make ("nvinfersim", NULL);
  gchar *labels = NULL;
  g_object_set (e, "labels", "a;b", NULL);
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*labels must be*");
  g_object_set (e, "labels", " ; ", NULL);
  g_test_assert_expected_messages ();
  g_object_get (e, "labels", &labels, NULL);
  g_assert_cmpstr (labels, ==, "a;b");
  g_free (labels);
  gst_object_unref (e);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sim-infer/ssd-layout", test_ssd_layout);
  g_test_add_func ("/sim-infer/outputs-off", test_outputs_off);
  g_test_add_func ("/sim-infer/confidence-range", test_confidence_range);
  g_test_add_func ("/sim-infer/confidence-swapped", test_confidence_swapped);
  g_test_add_func ("/sim-infer/instance-masks", test_instance_masks);
  g_test_add_func ("/sim-infer/labels", test_labels);
  g_test_add_func ("/sim-infer/labels-invalid", test_labels_invalid);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
