/*
 * bindery DeepStream SDK stand-in: the nvinfersim GStreamer element.
 *
 * Owns the element and its properties: for every buffer it attaches (or
 * extends) an NvDsBatchMeta with one frame holding synthetic detections,
 * classifier results and a display meta, plus - as the properties choose -
 * instance masks, a segmentation meta and a raw tensor meta (detectnet or
 * SSD layers). Output depends only on the properties and the frame
 * number, so tests can predict it. The detector itself lives in
 * nvinfersim_objects.c; plumbing shared with the other simulator elements
 * in nvsim_filter.c.
 */
#include "nvinfersim_synth.h"
#include "nvsim_elements.h"
#include "nvsim_filter.h"

G_DECLARE_FINAL_TYPE (GstNvInferSim, gst_nvinfersim, GST, NVINFERSIM,
    GstNvSimFilter)

/** Element instance: the detector settings (size filled per buffer). */
struct _GstNvInferSim
{
  GstNvSimFilter parent;
  NvInferSimParams params;      /* labels owned (GStrv) when not NULL */
  guint source_id;
};

enum
{
  PROP_0, PROP_OBJECTS, PROP_SEED, PROP_MASK_WIDTH, PROP_MASK_HEIGHT,
  PROP_UNIQUE_ID, PROP_SOURCE_ID, PROP_TENSOR_META, PROP_TENSOR_LAYOUT,
  PROP_SEGMENTATION_META, PROP_INSTANCE_MASK, PROP_INSTANCE_MASK_SIZE,
  PROP_CONF_MIN, PROP_CONF_MAX, PROP_LABELS
};

#define MAX_OBJECTS 1024
#define MAX_INSTANCE_MASK_SIZE 256

G_DEFINE_TYPE (GstNvInferSim, gst_nvinfersim, GST_TYPE_NVSIM_FILTER);

static GType
tensor_layout_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    {NVINFERSIM_TENSOR_DETECTNET, "output_bbox (N x 4) and output_cov "
          "(N x classes)", "detectnet"},
    {NVINFERSIM_TENSOR_SSD, "TensorFlow SSD: detection_boxes, "
          "detection_classes, detection_scores, num_detections", "ssd"},
    {0, NULL, NULL}
  };
  if (g_once_init_enter (&type))
    g_once_init_leave (&type,
        g_enum_register_static ("GstNvInferSimTensorLayout", values));
  return (GType) type;
}

/* Splits "a;b;c" into class names; NULL when empty or too many. */
static gchar **
parse_labels (const gchar * text)
{
  gchar **parts = g_strsplit (text != NULL ? text : "", ";", -1);
  guint n = 0;
  for (guint i = 0; parts[i] != NULL; i++) {
    g_strstrip (parts[i]);
    if (parts[i][0] == '\0')
      g_free (parts[i]);
    else
      parts[n++] = parts[i];
  }
  parts[n] = NULL;
  if (n == 0 || n > NVINFERSIM_MAX_CLASSES) {
    g_strfreev (parts);
    return NULL;
  }
  return parts;
}

static void
set_labels (GstNvInferSim * self, const gchar * text)
{
  gchar **labels = parse_labels (text);
  if (labels == NULL) {
    g_warning ("nvinfersim: labels must be 1 to %d names separated by ';', "
        "got \"%s\"; keeping the previous ones", NVINFERSIM_MAX_CLASSES,
        text ? text : "");
    return;
  }
  g_strfreev (self->params.labels);
  self->params.labels = labels;
  self->params.num_classes = g_strv_length (labels);
}

static gchar *
get_labels (GstNvInferSim * self)
{
  if (self->params.labels != NULL)
    return g_strjoinv (";", self->params.labels);
  return g_strdup (NVINFERSIM_DEFAULT_LABELS);
}

static void
set_uint_prop (NvInferSimParams * p, guint id, guint v)
{
  switch (id) {
    case PROP_OBJECTS: p->objects = v; break;
    case PROP_MASK_WIDTH: p->mask_width = v; break;
    case PROP_MASK_HEIGHT: p->mask_height = v; break;
    case PROP_INSTANCE_MASK_SIZE: p->instance_mask_size = v; break;
    default: g_assert_not_reached ();
  }
}

static void
gst_nvinfersim_set_property (GObject * object, guint id, const GValue * v,
    GParamSpec * pspec)
{
  GstNvInferSim *self = GST_NVINFERSIM (object);
  NvInferSimParams *p = &self->params;

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: case PROP_MASK_WIDTH: case PROP_MASK_HEIGHT:
    case PROP_INSTANCE_MASK_SIZE: set_uint_prop (p, id, g_value_get_uint (v));
      break;
    case PROP_SEED: p->seed = g_value_get_uint64 (v); break;
    case PROP_UNIQUE_ID: p->unique_id = g_value_get_int (v); break;
    case PROP_SOURCE_ID: self->source_id = g_value_get_uint (v); break;
    case PROP_TENSOR_META: p->tensor_meta = g_value_get_boolean (v); break;
    case PROP_TENSOR_LAYOUT: p->tensor_layout = g_value_get_enum (v); break;
    case PROP_SEGMENTATION_META: p->segmentation_meta =
          g_value_get_boolean (v); break;
    case PROP_INSTANCE_MASK: p->instance_masks = g_value_get_boolean (v);
      break;
    case PROP_CONF_MIN: p->conf_min = g_value_get_float (v); break;
    case PROP_CONF_MAX: p->conf_max = g_value_get_float (v); break;
    case PROP_LABELS: set_labels (self, g_value_get_string (v)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvinfersim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvInferSim *self = GST_NVINFERSIM (object);
  const NvInferSimParams *p = &self->params;

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: g_value_set_uint (v, p->objects); break;
    case PROP_SEED: g_value_set_uint64 (v, p->seed); break;
    case PROP_MASK_WIDTH: g_value_set_uint (v, p->mask_width); break;
    case PROP_MASK_HEIGHT: g_value_set_uint (v, p->mask_height); break;
    case PROP_UNIQUE_ID: g_value_set_int (v, p->unique_id); break;
    case PROP_SOURCE_ID: g_value_set_uint (v, self->source_id); break;
    case PROP_TENSOR_META: g_value_set_boolean (v, p->tensor_meta); break;
    case PROP_TENSOR_LAYOUT: g_value_set_enum (v, p->tensor_layout); break;
    case PROP_SEGMENTATION_META: g_value_set_boolean (v,
          p->segmentation_meta); break;
    case PROP_INSTANCE_MASK: g_value_set_boolean (v, p->instance_masks);
      break;
    case PROP_INSTANCE_MASK_SIZE: g_value_set_uint (v,
          p->instance_mask_size); break;
    case PROP_CONF_MIN: g_value_set_float (v, p->conf_min); break;
    case PROP_CONF_MAX: g_value_set_float (v, p->conf_max); break;
    case PROP_LABELS: g_value_take_string (v, get_labels (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvinfersim_process (GstNvSimFilter * base, GstBuffer * buf,
    NvDsBatchMeta * batch)
{
  GstNvInferSim *self = GST_NVINFERSIM (base);
  NvInferSimParams p;
  guint source_id;

  GST_OBJECT_LOCK (self);
  p = self->params;
  p.labels = g_strdupv (self->params.labels);
  source_id = self->source_id;
  GST_OBJECT_UNLOCK (self);
  gst_nvsim_filter_get_size (base, &p.width, &p.height);
  NvDsFrameMeta *frame = gst_nvsim_filter_ensure_frame (base, batch, buf,
      gst_nvsim_filter_get_count (base), source_id);
  if (frame != NULL) {
    frame->bInferDone = TRUE;
    nvinfersim_attach_all (batch, frame, &p);
  }
  g_strfreev (p.labels);
}

static void
gst_nvinfersim_finalize (GObject * object)
{
  g_strfreev (GST_NVINFERSIM (object)->params.labels);
  G_OBJECT_CLASS (gst_nvinfersim_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)

static void
install_uint (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, guint min, guint max, guint def)
{
  g_object_class_install_property (k, id, g_param_spec_uint (name, name,
          blurb, min, max, def, RW));
}

static void
install_bool (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, gboolean def)
{
  g_object_class_install_property (k, id, g_param_spec_boolean (name, name,
          blurb, def, RW));
}

static void
install_float (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, gfloat def)
{
  g_object_class_install_property (k, id, g_param_spec_float (name, name,
          blurb, 0.0f, 1.0f, def, RW));
}

static void
install_scene_props (GObjectClass * k)
{
  install_uint (k, PROP_OBJECTS, "objects", "Objects per frame", 0,
      MAX_OBJECTS, 4);
  g_object_class_install_property (k, PROP_SEED, g_param_spec_uint64 ("seed",
          "seed", "Seed of the synthetic scene", 0, G_MAXUINT64, 42, RW));
  install_float (k, PROP_CONF_MIN, "confidence-min",
      "Lowest detection confidence", 0.5f);
  install_float (k, PROP_CONF_MAX, "confidence-max",
      "Highest detection confidence", 1.0f);
  g_object_class_install_property (k, PROP_LABELS, g_param_spec_string
      ("labels", "labels", "Class names separated by ';' (class id = index)",
          NVINFERSIM_DEFAULT_LABELS, RW));
  g_object_class_install_property (k, PROP_UNIQUE_ID,
      g_param_spec_int ("unique-id", "unique-id", "unique_component_id of "
          "the attached metadata", 0, G_MAXINT - 1, 1, RW));
  install_uint (k, PROP_SOURCE_ID, "source-id", "source_id and pad_index "
      "of new frames", 0, G_MAXUINT, 0);
}

static void
install_output_props (GObjectClass * k)
{
  install_bool (k, PROP_TENSOR_META, "output-tensor-meta",
      "Attach raw tensor output (NVDSINFER_TENSOR_OUTPUT_META)", TRUE);
  g_object_class_install_property (k, PROP_TENSOR_LAYOUT,
      g_param_spec_enum ("tensor-layout", "tensor-layout",
          "Output layers of the tensor meta",
          tensor_layout_get_type (),
          NVINFERSIM_TENSOR_DETECTNET, RW));
  install_bool (k, PROP_SEGMENTATION_META, "segmentation-meta",
      "Attach a segmentation map (NVDSINFER_SEGMENTATION_META)", TRUE);
  install_uint (k, PROP_MASK_WIDTH, "mask-width", "Segmentation map width",
      1, 4096, 64);
  install_uint (k, PROP_MASK_HEIGHT, "mask-height",
      "Segmentation map height", 1, 4096, 48);
  install_bool (k, PROP_INSTANCE_MASK, "output-instance-mask",
      "Fill every object's mask_params with an instance mask", FALSE);
  install_uint (k, PROP_INSTANCE_MASK_SIZE, "instance-mask-size",
      "Instance mask width and height", 1, MAX_INSTANCE_MASK_SIZE, 28);
}

static void
gst_nvinfersim_class_init (GstNvInferSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstNvSimFilterClass *fk = GST_NVSIM_FILTER_CLASS (klass);

  k->set_property = gst_nvinfersim_set_property;
  k->get_property = gst_nvinfersim_get_property;
  k->finalize = gst_nvinfersim_finalize;
  install_scene_props (k);
  install_output_props (k);
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass),
      "Synthetic DeepStream inference", "Filter/Video",
      "Attaches deterministic DeepStream metadata (objects, classifier, "
      "display, instance masks, segmentation and tensor output)",
      "bindery project");
  fk->process = gst_nvinfersim_process;
  fk->creates_batch = TRUE;
}

static void
gst_nvinfersim_init (GstNvInferSim * self)
{
  nvinfersim_params_init (&self->params, 0, 0);
}
