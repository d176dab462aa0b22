/*
 * bindery DeepStream SDK stand-in: the nvdsanalyticssim GStreamer element.
 *
 * Owns the element standing where nvdsanalytics stands in a pipeline
 * (after the tracker) and its properties: one ROI polygon with a label
 * and an overcrowding threshold, one counting line with a label, and the
 * unique id. For each frame it attaches analytics frame meta and, on each
 * object, analytics object meta (nvdsanalyticssim_logic.c computes them).
 */
#include "nvdsanalyticssim.h"
#include "nvsim_elements.h"
#include "nvsim_filter.h"

G_DECLARE_FINAL_TYPE (GstNvDsAnalyticsSim, gst_nvdsanalyticssim, GST,
    NVDSANALYTICSSIM, GstNvSimFilter)

/** Element instance: settings (texts kept for get_property) and memory. */
struct _GstNvDsAnalyticsSim
{
  GstNvSimFilter parent;
  NvAnalyticsSimConfig config;  /* labels unset: copied in per buffer */
  gchar *roi_text, *line_text, *roi_label, *line_label;
  NvAnalyticsSimState *state;   /* streaming thread only */
};

enum
{
  PROP_0, PROP_ROI, PROP_ROI_LABEL, PROP_LINE, PROP_LINE_LABEL,
  PROP_OC_THRESHOLD, PROP_UNIQUE_ID
};

G_DEFINE_TYPE (GstNvDsAnalyticsSim, gst_nvdsanalyticssim,
    GST_TYPE_NVSIM_FILTER);

/* Parses @text into @shape and keeps it in @store; warns when invalid. */
static void
set_shape (gchar ** store, NvAnalyticsSimShape * shape, const gchar * text,
    guint min, guint max, const gchar * what)
{
  if (!nvdsanalyticssim_parse_shape (text, min, max, shape)) {
    g_warning ("nvdsanalyticssim: %s must be \"\" or %u to %u points "
        "\"x1;y1;x2;y2;...\", got \"%s\"; keeping \"%s\"", what, min, max,
        text ? text : "", *store);
    return;
  }
  g_free (*store);
  *store = g_strdup (text != NULL ? text : "");
}

static void
set_label (gchar ** store, const gchar * text)
{
  g_free (*store);
  *store = g_strdup (text != NULL ? text : "");
}

static void
gst_nvdsanalyticssim_set_property (GObject * object, guint id,
    const GValue * v, GParamSpec * pspec)
{
  GstNvDsAnalyticsSim *self = GST_NVDSANALYTICSSIM (object);
  NvAnalyticsSimConfig *c = &self->config;

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_ROI: set_shape (&self->roi_text, &c->roi, g_value_get_string (v),
          3, NVDSANALYTICSSIM_MAX_POINTS, "roi"); break;
    case PROP_LINE: set_shape (&self->line_text, &c->line,
          g_value_get_string (v), 2, 2, "line"); break;
    case PROP_ROI_LABEL: set_label (&self->roi_label, g_value_get_string (v));
      break;
    case PROP_LINE_LABEL: set_label (&self->line_label,
          g_value_get_string (v)); break;
    case PROP_OC_THRESHOLD: c->oc_threshold = g_value_get_uint (v); break;
    case PROP_UNIQUE_ID: c->unique_id = g_value_get_uint (v); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvdsanalyticssim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvDsAnalyticsSim *self = GST_NVDSANALYTICSSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_ROI: g_value_set_string (v, self->roi_text); break;
    case PROP_LINE: g_value_set_string (v, self->line_text); break;
    case PROP_ROI_LABEL: g_value_set_string (v, self->roi_label); break;
    case PROP_LINE_LABEL: g_value_set_string (v, self->line_label); break;
    case PROP_OC_THRESHOLD: g_value_set_uint (v, self->config.oc_threshold);
      break;
    case PROP_UNIQUE_ID: g_value_set_uint (v, self->config.unique_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvdsanalyticssim_reset (GstNvSimFilter * base)
{
  GstNvDsAnalyticsSim *self = GST_NVDSANALYTICSSIM (base);
  nvdsanalyticssim_state_free (self->state);
  self->state = nvdsanalyticssim_state_new ();
}

static void
gst_nvdsanalyticssim_process (GstNvSimFilter * base, GstBuffer * buf,
    NvDsBatchMeta * batch)
{
  GstNvDsAnalyticsSim *self = GST_NVDSANALYTICSSIM (base);
  guint w, h;

  (void) buf;
  if (batch == NULL)
    return;
  gst_nvsim_filter_get_size (base, &w, &h);
  GST_OBJECT_LOCK (self);
  NvAnalyticsSimConfig c = self->config;
  gchar *roi_label = g_strdup (self->roi_label);
  gchar *line_label = g_strdup (self->line_label);
  GST_OBJECT_UNLOCK (self);
  c.roi_label = roi_label;
  c.line_label = line_label;
  nvdsanalyticssim_process (self->state, &c, batch, w, h);
  g_free (roi_label);
  g_free (line_label);
}

static void
gst_nvdsanalyticssim_finalize (GObject * object)
{
  GstNvDsAnalyticsSim *self = GST_NVDSANALYTICSSIM (object);
  nvdsanalyticssim_state_free (self->state);
  g_free (self->roi_text);
  g_free (self->line_text);
  g_free (self->roi_label);
  g_free (self->line_label);
  G_OBJECT_CLASS (gst_nvdsanalyticssim_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)

static void
install_string (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, const gchar * def)
{
  g_object_class_install_property (k, id, g_param_spec_string (name, name,
          blurb, def, RW));
}

static void
gst_nvdsanalyticssim_class_init (GstNvDsAnalyticsSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstNvSimFilterClass *fk = GST_NVSIM_FILTER_CLASS (klass);

  k->set_property = gst_nvdsanalyticssim_set_property;
  k->get_property = gst_nvdsanalyticssim_get_property;
  k->finalize = gst_nvdsanalyticssim_finalize;
  install_string (k, PROP_ROI, "roi", "ROI polygon \"x1;y1;x2;y2;x3;y3...\" "
      "in pixels (\"\": the centre rectangle of half the frame size)", "");
  install_string (k, PROP_ROI_LABEL, "roi-label", "Label of the ROI", "RF");
  install_string (k, PROP_LINE, "line", "Counting line \"x1;y1;x2;y2\" in "
      "pixels (\"\": the horizontal middle line)", "");
  install_string (k, PROP_LINE_LABEL, "line-label", "Label of the line",
      "Exit");
  g_object_class_install_property (k, PROP_OC_THRESHOLD,
      g_param_spec_uint ("overcrowding-threshold", "overcrowding-threshold",
          "Objects in the ROI that make it overcrowded (0: no overcrowding "
          "analytics)", 0, G_MAXUINT, 3, RW));
  g_object_class_install_property (k, PROP_UNIQUE_ID,
      g_param_spec_uint ("unique-id", "unique-id", "unique_id written to "
          "the analytics meta", 0, G_MAXUINT, 0, RW));
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass),
      "Synthetic DeepStream analytics", "Filter/Video",
      "Attaches nvdsanalytics frame and object metadata (ROI occupancy, "
      "overcrowding, line crossing, direction)", "bindery project");
  fk->reset = gst_nvdsanalyticssim_reset;
  fk->process = gst_nvdsanalyticssim_process;
}

static void
gst_nvdsanalyticssim_init (GstNvDsAnalyticsSim * self)
{
  self->roi_text = g_strdup ("");
  self->line_text = g_strdup ("");
  self->roi_label = g_strdup ("RF");
  self->line_label = g_strdup ("Exit");
  self->config.oc_threshold = 3;
  self->state = nvdsanalyticssim_state_new ();
}
