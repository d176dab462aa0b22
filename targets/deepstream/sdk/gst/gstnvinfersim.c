/*
 * bindery DeepStream SDK stand-in: the nvinfersim GStreamer element.
 *
 * Owns the element: an in-place GstBaseTransform on raw video that, for
 * every buffer, attaches (or extends) an NvDsBatchMeta with one frame
 * holding synthetic detections, classifier results, a display meta, a
 * segmentation meta and a raw tensor meta. Output depends only on the
 * properties and the frame number, so tests can predict it.
 */
#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>

#include "gstnvdsmeta.h"
#include "nvinfersim_synth.h"

#include "nvsim_elements.h"

G_DECLARE_FINAL_TYPE (GstNvInferSim, gst_nvinfersim, GST, NVINFERSIM,
    GstBaseTransform)

/** Element instance: properties plus the running frame counter. */
struct _GstNvInferSim
{
  GstBaseTransform parent;
  NvInferSimParams params;      /* width/height filled from caps */
  guint source_id;
  gint frame_num;
};

enum
{
  PROP_0, PROP_OBJECTS, PROP_SEED, PROP_MASK_WIDTH, PROP_MASK_HEIGHT,
  PROP_UNIQUE_ID, PROP_SOURCE_ID
};

#define MAX_OBJECTS 1024

G_DEFINE_TYPE (GstNvInferSim, gst_nvinfersim, GST_TYPE_BASE_TRANSFORM);

static GstStaticPadTemplate sink_tmpl = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS ("video/x-raw(ANY)"));
static GstStaticPadTemplate src_tmpl = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS ("video/x-raw(ANY)"));

static void
gst_nvinfersim_set_property (GObject * object, guint id, const GValue * v,
    GParamSpec * pspec)
{
  GstNvInferSim *self = GST_NVINFERSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: self->params.objects = g_value_get_uint (v); break;
    case PROP_SEED: self->params.seed = g_value_get_uint64 (v); break;
    case PROP_MASK_WIDTH: self->params.mask_width = g_value_get_uint (v); break;
    case PROP_MASK_HEIGHT: self->params.mask_height = g_value_get_uint (v);
      break;
    case PROP_UNIQUE_ID: self->params.unique_id = g_value_get_int (v); break;
    case PROP_SOURCE_ID: self->source_id = g_value_get_uint (v); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvinfersim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvInferSim *self = GST_NVINFERSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: g_value_set_uint (v, self->params.objects); break;
    case PROP_SEED: g_value_set_uint64 (v, self->params.seed); break;
    case PROP_MASK_WIDTH: g_value_set_uint (v, self->params.mask_width); break;
    case PROP_MASK_HEIGHT: g_value_set_uint (v, self->params.mask_height);
      break;
    case PROP_UNIQUE_ID: g_value_set_int (v, self->params.unique_id); break;
    case PROP_SOURCE_ID: g_value_set_uint (v, self->source_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static gboolean
gst_nvinfersim_set_caps (GstBaseTransform * trans, GstCaps * in,
    GstCaps * out)
{
  GstNvInferSim *self = GST_NVINFERSIM (trans);
  GstStructure *s = gst_caps_get_structure (in, 0);
  gint w = 0, h = 0;

  (void) out;
  if (!gst_structure_get_int (s, "width", &w)
      || !gst_structure_get_int (s, "height", &h) || w <= 0 || h <= 0) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
        ("caps without a valid width/height: %" GST_PTR_FORMAT, in));
    return FALSE;
  }
  self->params.width = (guint) w;
  self->params.height = (guint) h;
  return TRUE;
}

static gboolean
gst_nvinfersim_start (GstBaseTransform * trans)
{
  GST_NVINFERSIM (trans)->frame_num = 0;
  return TRUE;
}

/* The buffer's batch meta, or a new one-frame batch attached to it. */
static NvDsBatchMeta *
ensure_batch (GstBuffer * buf)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  if (batch != NULL)
    return batch;
  batch = nvds_create_batch_meta (1);
  NvDsMeta *meta = gst_buffer_add_nvds_meta (buf, batch, NULL,
      nvds_batch_meta_copy_func, nvds_batch_meta_release_func);
  if (meta == NULL) {
    nvds_destroy_batch_meta (batch);
    return NULL;
  }
  meta->meta_type = NVDS_BATCH_GST_META;
  return batch;
}

/* The batch's first frame, or a new frame describing @buf. */
static NvDsFrameMeta *
ensure_frame (GstNvInferSim * self, NvDsBatchMeta * batch, GstBuffer * buf)
{
  if (batch->frame_meta_list != NULL)
    return batch->frame_meta_list->data;
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (batch);
  if (f == NULL)
    return NULL;
  f->frame_num = self->frame_num;
  f->source_id = self->source_id;
  f->buf_pts = GST_BUFFER_PTS (buf);
  f->num_surfaces_per_frame = 1;
  f->source_frame_width = f->pipeline_width = self->params.width;
  f->source_frame_height = f->pipeline_height = self->params.height;
  f->bInferDone = TRUE;
  nvds_add_frame_meta_to_batch (batch, f);
  return f;
}

static void
attach_all (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p)
{
  NvInferSimObject *objs = g_new0 (NvInferSimObject, p->objects + 1);

  nvinfersim_detect (p, frame->frame_num, objs);
  nvinfersim_attach_objects (batch, frame, p, objs);
  nvinfersim_attach_display (batch, frame, p);
  nvinfersim_attach_segmentation (batch, frame, p, objs);
  nvinfersim_attach_tensor (batch, frame, p, objs);
  g_free (objs);
}

static GstFlowReturn
gst_nvinfersim_transform_ip (GstBaseTransform * trans, GstBuffer * buf)
{
  GstNvInferSim *self = GST_NVINFERSIM (trans);
  NvDsBatchMeta *batch = ensure_batch (buf);

  if (batch == NULL) {
    GST_ELEMENT_ERROR (self, CORE, FAILED, (NULL),
        ("could not attach batch metadata"));
    return GST_FLOW_ERROR;
  }
  GST_OBJECT_LOCK (self);
  NvInferSimParams p = self->params;
  GST_OBJECT_UNLOCK (self);
  gboolean latency = nvds_get_enable_latency_measurement ();
  nvds_acquire_meta_lock (batch);
  NvDsFrameMeta *frame = ensure_frame (self, batch, buf);
  if (frame != NULL)
    attach_all (batch, frame, &p);
  nvds_release_meta_lock (batch);
  if (latency) {
    nvds_set_input_system_timestamp (buf, (gchar *) "nvinfersim");
    nvds_set_output_system_timestamp (buf, (gchar *) "nvinfersim");
  }
  self->frame_num++;
  return GST_FLOW_OK;
}

static void
install_uint (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, guint min, guint max, guint def)
{
  g_object_class_install_property (k, id, g_param_spec_uint (name, name,
          blurb, min, max, def, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
gst_nvinfersim_class_init (GstNvInferSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstElementClass *ek = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bk = GST_BASE_TRANSFORM_CLASS (klass);

  k->set_property = gst_nvinfersim_set_property;
  k->get_property = gst_nvinfersim_get_property;
  install_uint (k, PROP_OBJECTS, "objects", "Objects per frame", 0,
      MAX_OBJECTS, 4);
  g_object_class_install_property (k, PROP_SEED, g_param_spec_uint64 ("seed",
          "seed", "Seed of the synthetic scene", 0, G_MAXUINT64, 42,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  install_uint (k, PROP_MASK_WIDTH, "mask-width", "Segmentation map width",
      1, 4096, 64);
  install_uint (k, PROP_MASK_HEIGHT, "mask-height",
      "Segmentation map height", 1, 4096, 48);
  g_object_class_install_property (k, PROP_UNIQUE_ID,
      g_param_spec_int ("unique-id", "unique-id", "unique_component_id of "
          "the attached metadata", 0, G_MAXINT - 1, 1,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  install_uint (k, PROP_SOURCE_ID, "source-id", "source_id of new frames", 0,
      G_MAXUINT, 0);
  gst_element_class_add_static_pad_template (ek, &sink_tmpl);
  gst_element_class_add_static_pad_template (ek, &src_tmpl);
  gst_element_class_set_static_metadata (ek, "Synthetic DeepStream inference",
      "Filter/Video", "Attaches deterministic DeepStream metadata "
      "(objects, classifier, display, segmentation and tensor output)",
      "bindery project");
  bk->set_caps = gst_nvinfersim_set_caps;
  bk->start = gst_nvinfersim_start;
  bk->transform_ip = gst_nvinfersim_transform_ip;
}

static void
gst_nvinfersim_init (GstNvInferSim * self)
{
  self->params.objects = 4;
  self->params.seed = 42;
  self->params.mask_width = 64;
  self->params.mask_height = 48;
  self->params.unique_id = 1;
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), FALSE);
}
