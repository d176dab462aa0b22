/*
 * bindery DeepStream SDK stand-in: base class of the simulator elements.
 *
 * Owns the shared element plumbing (caps size, buffer counter, batch meta
 * lookup/creation and locking, latency stamps) so each simulator element
 * only implements process(). See nvsim_filter.h.
 */
#include "gstnvdsmeta.h"
#include "nvsim_filter.h"

/** Per-instance state shared by all simulator elements. */
typedef struct
{
  guint width, height;
  gint count;
} GstNvSimFilterPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GstNvSimFilter, gst_nvsim_filter,
    GST_TYPE_BASE_TRANSFORM);

static GstStaticPadTemplate sink_tmpl = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS ("video/x-raw(ANY)"));
static GstStaticPadTemplate src_tmpl = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS ("video/x-raw(ANY)"));

void
gst_nvsim_filter_get_size (GstNvSimFilter * self, guint * width,
    guint * height)
{
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);
  *width = priv->width;
  *height = priv->height;
}

gint
gst_nvsim_filter_get_count (GstNvSimFilter * self)
{
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);
  return priv->count;
}

static gboolean
gst_nvsim_filter_set_caps (GstBaseTransform * trans, GstCaps * in,
    GstCaps * out)
{
  GstNvSimFilter *self = GST_NVSIM_FILTER (trans);
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);
  GstStructure *s = gst_caps_get_structure (in, 0);
  gint w = 0, h = 0;

  (void) out;
  if (!gst_structure_get_int (s, "width", &w)
      || !gst_structure_get_int (s, "height", &h) || w <= 0 || h <= 0) {
    GST_ELEMENT_ERROR (self, STREAM, FORMAT, (NULL),
        ("caps without a valid width/height: %" GST_PTR_FORMAT, in));
    return FALSE;
  }
  priv->width = (guint) w;
  priv->height = (guint) h;
  return TRUE;
}

static gboolean
gst_nvsim_filter_start (GstBaseTransform * trans)
{
  GstNvSimFilter *self = GST_NVSIM_FILTER (trans);
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);
  GstNvSimFilterClass *klass = GST_NVSIM_FILTER_GET_CLASS (self);

  priv->count = 0;
  if (klass->reset != NULL)
    klass->reset (self);
  return TRUE;
}

/* The buffer's batch meta, or a new batch attached to it. */
static NvDsBatchMeta *
attach_batch (GstBuffer * buf)
{
  NvDsBatchMeta *batch = nvds_create_batch_meta (1);
  NvDsMeta *meta = gst_buffer_add_nvds_meta (buf, batch, NULL,
      nvds_batch_meta_copy_func, nvds_batch_meta_release_func);
  if (meta == NULL) {
    nvds_destroy_batch_meta (batch);
    return NULL;
  }
  meta->meta_type = NVDS_BATCH_GST_META;
  return batch;
}

NvDsFrameMeta *
gst_nvsim_filter_ensure_frame (GstNvSimFilter * self, NvDsBatchMeta * batch,
    GstBuffer * buf, gint frame_num, guint source_id)
{
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);

  if (batch->frame_meta_list != NULL)
    return batch->frame_meta_list->data;
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (batch);
  if (f == NULL)
    return NULL;
  f->frame_num = frame_num;
  f->source_id = source_id;
  f->pad_index = source_id;
  f->buf_pts = GST_BUFFER_PTS (buf);
  f->num_surfaces_per_frame = 1;
  f->source_frame_width = f->pipeline_width = priv->width;
  f->source_frame_height = f->pipeline_height = priv->height;
  nvds_add_frame_meta_to_batch (batch, f);
  return f;
}

static void
stamp_latency (GstNvSimFilter * self, GstBuffer * buf)
{
  gchar *name = gst_object_get_name (GST_OBJECT (self));
  nvds_set_input_system_timestamp (buf, name);
  nvds_set_output_system_timestamp (buf, name);
  g_free (name);
}

static GstFlowReturn
gst_nvsim_filter_transform_ip (GstBaseTransform * trans, GstBuffer * buf)
{
  GstNvSimFilter *self = GST_NVSIM_FILTER (trans);
  GstNvSimFilterPrivate *priv = gst_nvsim_filter_get_instance_private (self);
  GstNvSimFilterClass *klass = GST_NVSIM_FILTER_GET_CLASS (self);
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);

  if (batch == NULL && klass->creates_batch
      && (batch = attach_batch (buf)) == NULL) {
    GST_ELEMENT_ERROR (self, CORE, FAILED, (NULL),
        ("could not attach batch metadata"));
    return GST_FLOW_ERROR;
  }
  if (batch != NULL)
    nvds_acquire_meta_lock (batch);
  klass->process (self, buf, batch);
  if (batch != NULL)
    nvds_release_meta_lock (batch);
  if (batch != NULL && nvds_get_enable_latency_measurement ())
    stamp_latency (self, buf);
  priv->count++;
  return GST_FLOW_OK;
}

static void
gst_nvsim_filter_class_init (GstNvSimFilterClass * klass)
{
  GstElementClass *ek = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bk = GST_BASE_TRANSFORM_CLASS (klass);

  gst_element_class_add_static_pad_template (ek, &sink_tmpl);
  gst_element_class_add_static_pad_template (ek, &src_tmpl);
  bk->set_caps = gst_nvsim_filter_set_caps;
  bk->start = gst_nvsim_filter_start;
  bk->transform_ip = gst_nvsim_filter_transform_ip;
}

static void
gst_nvsim_filter_init (GstNvSimFilter * self)
{
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), FALSE);
}
