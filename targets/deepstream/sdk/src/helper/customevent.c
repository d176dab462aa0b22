/*
 * bindery DeepStream SDK stand-in: per-stream update events
 * (gst-nvdscustomevent.h).
 *
 * Owns building and parsing the custom GstEvents that retune one stream:
 * ROI update, inference interval, OSD process mode, analytics config
 * reload, tracker config. Parsers leave outputs untouched for events of
 * another kind. Returned strings belong to the event (do not free),
 * except the RoiDimension array, which the caller frees with g_free().
 */
#include <string.h>

#include "gst-nvdscustomevent.h"

#define F_STREAM_ID "stream-id"

static GstEvent *
make_event (GstNvDsCustomEventType type, GstStructure * s)
{
  return gst_event_new_custom ((GstEventType) type, s);
}

static const GstStructure *
payload (GstEvent * event, GstNvDsCustomEventType type, const gchar * name)
{
  if (event == NULL || !GST_IS_EVENT (event)
      || GST_EVENT_TYPE (event) != (GstEventType) type)
    return NULL;
  const GstStructure *s = gst_event_get_structure (event);
  return (s && gst_structure_has_name (s, name)) ? s : NULL;
}

static void
get_string (const GstStructure * s, const gchar * field, gchar ** out)
{
  if (out != NULL && gst_structure_has_field_typed (s, field, G_TYPE_STRING))
    *out = (gchar *) gst_structure_get_string (s, field);
}

/** An ROI update for @stream_id carrying a copy of @roi_count regions. */
GstEvent *
gst_nvevent_new_roi_update (gchar * stream_id, guint roi_count,
    RoiDimension * roi_dim)
{
  g_return_val_if_fail (roi_count == 0 || roi_dim != NULL, NULL);
  GBytes *bytes = g_bytes_new (roi_dim, (gsize) roi_count *
      sizeof (RoiDimension));
  GstStructure *s = gst_structure_new ("nv-roi-update", F_STREAM_ID,
      G_TYPE_STRING, stream_id, "roi-count", G_TYPE_UINT, roi_count,
      "rois", G_TYPE_BYTES, bytes, NULL);
  g_bytes_unref (bytes);
  return make_event (GST_NVEVENT_ROI_UPDATE, s);
}

/** Reads an ROI update; *@roi_dim is a new array to g_free(). */
void
gst_nvevent_parse_roi_update (GstEvent * event, gchar ** stream_id,
    guint * roi_count, RoiDimension ** roi_dim)
{
  const GstStructure *s = payload (event, GST_NVEVENT_ROI_UPDATE,
      "nv-roi-update");
  GBytes *bytes = NULL;
  guint count = 0;

  if (s == NULL || !gst_structure_get_uint (s, "roi-count", &count)
      || !gst_structure_get (s, "rois", G_TYPE_BYTES, &bytes, NULL))
    return;
  get_string (s, F_STREAM_ID, stream_id);
  if (roi_count != NULL)
    *roi_count = count;
  if (roi_dim != NULL) {
    gsize size = 0;
    gconstpointer data = g_bytes_get_data (bytes, &size);
    *roi_dim = size ? g_memdup2 (data, size) : NULL;
  }
  g_bytes_unref (bytes);
}

static GstEvent *
stream_uint_event (GstNvDsCustomEventType type, const gchar * name,
    gchar * stream_id, const gchar * field, guint value)
{
  return make_event (type, gst_structure_new (name, F_STREAM_ID,
          G_TYPE_STRING, stream_id, field, G_TYPE_UINT, value, NULL));
}

static void
parse_stream_uint (GstEvent * event, GstNvDsCustomEventType type,
    const gchar * name, gchar ** stream_id, const gchar * field, guint * out)
{
  const GstStructure *s = payload (event, type, name);
  if (s == NULL)
    return;
  get_string (s, F_STREAM_ID, stream_id);
  if (out != NULL)
    gst_structure_get_uint (s, field, out);
}

/** An inference-interval update for @stream_id. */
GstEvent *
gst_nvevent_infer_interval_update (gchar * stream_id, guint interval)
{
  return stream_uint_event (GST_NVEVENT_INFER_INTERVAL_UPDATE,
      "nv-infer-interval-update", stream_id, "interval", interval);
}

/** Reads an inference-interval update. */
void
gst_nvevent_parse_infer_interval_update (GstEvent * event,
    gchar ** stream_id, guint * interval)
{
  parse_stream_uint (event, GST_NVEVENT_INFER_INTERVAL_UPDATE,
      "nv-infer-interval-update", stream_id, "interval", interval);
}

/** An OSD process-mode update for @stream_id. */
GstEvent *
gst_nvevent_osd_process_mode_update (gchar * stream_id, guint process_mode)
{
  return stream_uint_event (GST_NVEVENT_OSD_PROCESS_MODE_UPDATE,
      "nv-osd-process-mode-update", stream_id, "process-mode", process_mode);
}

/** Reads an OSD process-mode update. */
void
gst_nvevent_parse_osd_process_mode_update (GstEvent * event,
    gchar ** stream_id, guint * process_mode)
{
  parse_stream_uint (event, GST_NVEVENT_OSD_PROCESS_MODE_UPDATE,
      "nv-osd-process-mode-update", stream_id, "process-mode", process_mode);
}

/** A tracker configuration update for @stream_id. */
GstEvent *
gst_nvevent_nvtracker_config_update (gchar * stream_id, gchar * configStr)
{
  return make_event (GST_NVEVENT_NVTRACKER_CONFIG_UPDATE,
      gst_structure_new ("nv-tracker-config-update", F_STREAM_ID,
          G_TYPE_STRING, stream_id, "config", G_TYPE_STRING, configStr,
          NULL));
}

/** Reads a tracker configuration update. */
void
gst_nvevent_parse_nvtracker_config_update (GstEvent * event,
    gchar ** stream_id, gchar ** configStr)
{
  const GstStructure *s = payload (event, GST_NVEVENT_NVTRACKER_CONFIG_UPDATE,
      "nv-tracker-config-update");
  if (s == NULL)
    return;
  get_string (s, F_STREAM_ID, stream_id);
  get_string (s, "config", configStr);
}

/** An analytics config-reload event for @config_file_path. */
GstEvent *
gst_nvevent_analytics_reload_config_update (gchar * config_file_path)
{
  return make_event (GST_NVEVENT_ANALYTICS_RELOAD_CONFIG_UPDATE,
      gst_structure_new ("nv-analytics-reload-config", "config-file",
          G_TYPE_STRING, config_file_path, NULL));
}

/** Reads an analytics config-reload event. */
void
gst_nvevent_parse_analytics_reload_config_update (GstEvent * event,
    gchar ** config_file_path)
{
  const GstStructure *s = payload (event,
      GST_NVEVENT_ANALYTICS_RELOAD_CONFIG_UPDATE, "nv-analytics-reload-config");
  if (s != NULL)
    get_string (s, "config-file", config_file_path);
}
