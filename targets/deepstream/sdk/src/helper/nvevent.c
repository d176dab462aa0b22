/*
 * bindery DeepStream SDK stand-in: per-stream events (gst-nvevent.h).
 *
 * Owns building and parsing the custom GstEvents that carry a source id
 * through a batched pipeline (pad added/deleted, stream EOS, segment,
 * reset, start, caps update). Events are real GstEvents of the SDK's
 * GstNvEventType values with a named GstStructure payload. Parsers leave
 * their outputs untouched when the event is of another kind; strings and
 * segments they return belong to the event (do not free).
 */
#include "gst-nvevent.h"

#define F_SOURCE_ID "source-id"

static GstEvent *
make_event (GstNvEventType type, const gchar * name, const gchar * field,
    ...)
{
  va_list args;

  va_start (args, field);
  GstStructure *s = gst_structure_new_valist (name, field, args);
  va_end (args);
  return gst_event_new_custom ((GstEventType) type, s);
}

/* The event's structure if @event is of @type and named @name, else NULL. */
static const GstStructure *
payload (GstEvent * event, GstNvEventType type, const gchar * name)
{
  if (event == NULL || !GST_IS_EVENT (event)
      || GST_EVENT_TYPE (event) != (GstEventType) type)
    return NULL;
  const GstStructure *s = gst_event_get_structure (event);
  return (s && gst_structure_has_name (s, name)) ? s : NULL;
}

static void
parse_source_id (GstEvent * event, GstNvEventType type, const gchar * name,
    guint * source_id)
{
  const GstStructure *s = payload (event, type, name);
  if (s != NULL && source_id != NULL)
    gst_structure_get_uint (s, F_SOURCE_ID, source_id);
}

/** A "pad added" event for @source_id. */
GstEvent *
gst_nvevent_new_pad_added (guint source_id)
{
  return make_event (GST_NVEVENT_PAD_ADDED, "nv-pad-added", F_SOURCE_ID,
      G_TYPE_UINT, source_id, NULL);
}

/** A "pad deleted" event for @source_id. */
GstEvent *
gst_nvevent_new_pad_deleted (guint source_id)
{
  return make_event (GST_NVEVENT_PAD_DELETED, "nv-pad-deleted", F_SOURCE_ID,
      G_TYPE_UINT, source_id, NULL);
}

/** A per-stream EOS event for @source_id. */
GstEvent *
gst_nvevent_new_stream_eos (guint source_id)
{
  return make_event (GST_NVEVENT_STREAM_EOS, "nv-stream-eos", F_SOURCE_ID,
      G_TYPE_UINT, source_id, NULL);
}

/** A per-stream segment event carrying a copy of @segment; NULL if none. */
GstEvent *
gst_nvevent_new_stream_segment (guint source_id, GstSegment * segment)
{
  g_return_val_if_fail (segment != NULL, NULL);
  return make_event (GST_NVEVENT_STREAM_SEGMENT, "nv-stream-segment",
      F_SOURCE_ID, G_TYPE_UINT, source_id, "segment", GST_TYPE_SEGMENT,
      segment, NULL);
}

/** A per-stream reset event for @source_id. */
GstEvent *
gst_nvevent_new_stream_reset (guint source_id)
{
  return make_event (GST_NVEVENT_STREAM_RESET, "nv-stream-reset",
      F_SOURCE_ID, G_TYPE_UINT, source_id, NULL);
}

/** A per-stream start event carrying @stream_id (copied). */
GstEvent *
gst_nvevent_new_stream_start (guint source_id, gchar * stream_id)
{
  return make_event (GST_NVEVENT_STREAM_START, "nv-stream-start",
      F_SOURCE_ID, G_TYPE_UINT, source_id, "stream-id", G_TYPE_STRING,
      stream_id, NULL);
}

/** A caps-update event for pad @pad_id; @caps_str is copied if given. */
GstEvent *
gst_nvevent_new_update_caps (guint pad_id, guint width_val,
    guint height_val, GstStructure * caps_str, gchar * stream_id_str,
    gboolean is_audio)
{
  GstEvent *ev = make_event (GST_NVEVENT_UPDATE_CAPS, "nv-update-caps",
      "pad-id", G_TYPE_UINT, pad_id, "width", G_TYPE_UINT, width_val,
      "height", G_TYPE_UINT, height_val, "stream-id", G_TYPE_STRING,
      stream_id_str, "is-audio", G_TYPE_BOOLEAN, is_audio, NULL);
  if (caps_str != NULL) {
    GstStructure *s = gst_event_writable_structure (ev);
    gst_structure_set (s, "caps", GST_TYPE_STRUCTURE, caps_str, NULL);
  }
  return ev;
}

/** Reads the source id of a "pad added" event. */
void
gst_nvevent_parse_pad_added (GstEvent * event, guint * source_id)
{
  parse_source_id (event, GST_NVEVENT_PAD_ADDED, "nv-pad-added", source_id);
}

/** Reads the source id of a "pad deleted" event. */
void
gst_nvevent_parse_pad_deleted (GstEvent * event, guint * source_id)
{
  parse_source_id (event, GST_NVEVENT_PAD_DELETED, "nv-pad-deleted",
      source_id);
}

/** Reads the source id of a per-stream EOS event. */
void
gst_nvevent_parse_stream_eos (GstEvent * event, guint * source_id)
{
  parse_source_id (event, GST_NVEVENT_STREAM_EOS, "nv-stream-eos", source_id);
}

/** Reads the source id of a per-stream reset event. */
void
gst_nvevent_parse_stream_reset (GstEvent * event, guint * source_id)
{
  parse_source_id (event, GST_NVEVENT_STREAM_RESET, "nv-stream-reset",
      source_id);
}

/** Reads source id and segment (owned by the event) of a segment event. */
void
gst_nvevent_parse_stream_segment (GstEvent * event, guint * source_id,
    GstSegment ** segment)
{
  const GstStructure *s = payload (event, GST_NVEVENT_STREAM_SEGMENT,
      "nv-stream-segment");
  if (s == NULL)
    return;
  if (source_id != NULL)
    gst_structure_get_uint (s, F_SOURCE_ID, source_id);
  const GValue *v = gst_structure_get_value (s, "segment");
  if (segment != NULL && v != NULL && G_VALUE_HOLDS (v, GST_TYPE_SEGMENT))
    *segment = g_value_get_boxed (v);
}

/** Reads source id and stream id (owned by the event) of a start event. */
void
gst_nvevent_parse_stream_start (GstEvent * event, guint * source_id,
    gchar ** stream_id)
{
  const GstStructure *s = payload (event, GST_NVEVENT_STREAM_START,
      "nv-stream-start");
  if (s == NULL)
    return;
  if (source_id != NULL)
    gst_structure_get_uint (s, F_SOURCE_ID, source_id);
  if (stream_id != NULL)
    *stream_id = (gchar *) gst_structure_get_string (s, "stream-id");
}
