/*
 * bindery DeepStream SDK stand-in: the nvdspreprocesssim GStreamer element.
 *
 * Owns the element standing where nvdspreprocess stands (after the muxer,
 * before the inference element it prepares tensors for): it starts a batch
 * and frame when the buffer has none and attaches a
 * GstNvDsPreProcessBatchMeta batch user meta (NVDS_PREPROCESS_BATCH_META)
 * with its ROIs and a zeroed tensor (nvdspreprocesssim_meta.cpp).
 */
#include "nvdspreprocesssim.h"
#include "nvsim_elements.h"
#include "nvsim_filter.h"

G_DECLARE_FINAL_TYPE (GstNvDsPreProcessSim, gst_nvdspreprocesssim, GST,
    NVDSPREPROCESSSIM, GstNvSimFilter)

/** Element instance: the settings. */
struct _GstNvDsPreProcessSim
{
  GstNvSimFilter parent;
  guint rois;
  guint width;
  guint height;
  guint target_id;
  gchar *tensor_name;
};

enum
{ PROP_0, PROP_ROIS, PROP_WIDTH, PROP_HEIGHT, PROP_TARGET_ID,
  PROP_TENSOR_NAME };

G_DEFINE_TYPE (GstNvDsPreProcessSim, gst_nvdspreprocesssim,
    GST_TYPE_NVSIM_FILTER);

static void
gst_nvdspreprocesssim_set_property (GObject * object, guint id,
    const GValue * v, GParamSpec * pspec)
{
  GstNvDsPreProcessSim *self = GST_NVDSPREPROCESSSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_ROIS: self->rois = g_value_get_uint (v); break;
    case PROP_WIDTH: self->width = g_value_get_uint (v); break;
    case PROP_HEIGHT: self->height = g_value_get_uint (v); break;
    case PROP_TARGET_ID: self->target_id = g_value_get_uint (v); break;
    case PROP_TENSOR_NAME:
      g_free (self->tensor_name);
      self->tensor_name = g_value_dup_string (v);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvdspreprocesssim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvDsPreProcessSim *self = GST_NVDSPREPROCESSSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_ROIS: g_value_set_uint (v, self->rois); break;
    case PROP_WIDTH: g_value_set_uint (v, self->width); break;
    case PROP_HEIGHT: g_value_set_uint (v, self->height); break;
    case PROP_TARGET_ID: g_value_set_uint (v, self->target_id); break;
    case PROP_TENSOR_NAME: g_value_set_string (v, self->tensor_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvdspreprocesssim_process (GstNvSimFilter * base, GstBuffer * buf,
    NvDsBatchMeta * batch)
{
  GstNvDsPreProcessSim *self = GST_NVDSPREPROCESSSIM (base);
  guint w, h;

  gst_nvsim_filter_get_size (base, &w, &h);
  if (gst_nvsim_filter_ensure_frame (base, batch, buf,
          gst_nvsim_filter_get_count (base), 0) == NULL)
    return;
  GST_OBJECT_LOCK (self);
  gchar *name = g_strdup (self->tensor_name);
  NvPreProcessSimConfig c = { self->rois, self->width, self->height,
    self->target_id, name };
  GST_OBJECT_UNLOCK (self);
  nvdspreprocesssim_attach (batch, &c, w, h);
  g_free (name);
}

static void
install_uint (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, guint min, guint max, guint def)
{
  g_object_class_install_property (k, id, g_param_spec_uint (name, name,
          blurb, min, max, def, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
gst_nvdspreprocesssim_finalize (GObject * object)
{
  g_free (GST_NVDSPREPROCESSSIM (object)->tensor_name);
  G_OBJECT_CLASS (gst_nvdspreprocesssim_parent_class)->finalize (object);
}

static void
gst_nvdspreprocesssim_class_init (GstNvDsPreProcessSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstNvSimFilterClass *fk = GST_NVSIM_FILTER_CLASS (klass);

  k->set_property = gst_nvdspreprocesssim_set_property;
  k->get_property = gst_nvdspreprocesssim_get_property;
  k->finalize = gst_nvdspreprocesssim_finalize;
  install_uint (k, PROP_ROIS, "rois", "ROIs per frame (equal vertical "
      "strips)", 1, 64, 2);
  install_uint (k, PROP_WIDTH, "network-width", "Tensor width", 1, 4096, 16);
  install_uint (k, PROP_HEIGHT, "network-height", "Tensor height", 1, 4096,
      16);
  install_uint (k, PROP_TARGET_ID, "target-unique-id", "unique-id of the "
      "inference element the tensor is for", 0, G_MAXUINT, 1);
  g_object_class_install_property (k, PROP_TENSOR_NAME,
      g_param_spec_string ("tensor-name", "tensor-name", "Name of the model "
          "input layer", "input_1",
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass),
      "Synthetic DeepStream preprocessing", "Filter/Video",
      "Attaches preprocess batch meta (NVDS_PREPROCESS_BATCH_META): ROIs "
      "and a tensor", "bindery project");
  fk->process = gst_nvdspreprocesssim_process;
  fk->creates_batch = TRUE;
}

static void
gst_nvdspreprocesssim_init (GstNvDsPreProcessSim * self)
{
  self->rois = 2;
  self->width = 16;
  self->height = 16;
  self->target_id = 1;
  self->tensor_name = g_strdup ("input_1");
}
