/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Per-source GStreamer events that travel through a batching muxer: pad
 * added/deleted, end of stream, segment, reset, stream start and caps
 * update of one source. Each event carries the source id.
 */

#ifndef BINDERY_GST_NVEVENT_H
#define BINDERY_GST_NVEVENT_H

#include <gst/gst.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Flags shared by every per-source event: downstream, serialized, sticky per source. */
#define BINDERY_NVEVENT_FLAGS \
  (GST_EVENT_TYPE_DOWNSTREAM | GST_EVENT_TYPE_SERIALIZED | \
   GST_EVENT_TYPE_STICKY | GST_EVENT_TYPE_STICKY_MULTI)

/** Custom event types of the per-source events. */
typedef enum {
  GST_NVEVENT_PAD_ADDED = GST_EVENT_MAKE_TYPE (400, BINDERY_NVEVENT_FLAGS),      /**< A source pad was added. */
  GST_NVEVENT_PAD_DELETED = GST_EVENT_MAKE_TYPE (401, BINDERY_NVEVENT_FLAGS),    /**< A source pad was removed. */
  GST_NVEVENT_STREAM_EOS = GST_EVENT_MAKE_TYPE (402, BINDERY_NVEVENT_FLAGS),     /**< End of stream of one source. */
  GST_NVEVENT_STREAM_SEGMENT = GST_EVENT_MAKE_TYPE (403, BINDERY_NVEVENT_FLAGS), /**< New segment of one source. */
  GST_NVEVENT_STREAM_RESET = GST_EVENT_MAKE_TYPE (404, BINDERY_NVEVENT_FLAGS),   /**< Reset of one source. */
  GST_NVEVENT_STREAM_START = GST_EVENT_MAKE_TYPE (405, BINDERY_NVEVENT_FLAGS),   /**< Stream start of one source. */
  GST_NVEVENT_UPDATE_CAPS = GST_EVENT_MAKE_TYPE (406, BINDERY_NVEVENT_FLAGS)     /**< Caps change of one source. */
} GstNvEventType;
#undef BINDERY_NVEVENT_FLAGS

/** @param source_id Source id. @return A new "pad added" event, or NULL. */
GstEvent *gst_nvevent_new_pad_added (guint source_id);

/** @param source_id Source id. @return A new "pad deleted" event, or NULL. */
GstEvent *gst_nvevent_new_pad_deleted (guint source_id);

/** @param source_id Source id. @return A new per-source end-of-stream event, or NULL. */
GstEvent *gst_nvevent_new_stream_eos (guint source_id);

/** @param source_id Source id. @param segment Segment of the source (copied). @return A new segment event, or NULL. */
GstEvent *gst_nvevent_new_stream_segment (guint source_id, GstSegment *segment);

/** @param source_id Source id. @return A new per-source reset event, or NULL. */
GstEvent *gst_nvevent_new_stream_reset (guint source_id);

/**
 * Creates a caps-update event for one source.
 * @param pad_id        Muxer sink pad of the source.
 * @param width_val     New width.
 * @param height_val    New height.
 * @param caps_str      New caps as a structure.
 * @param stream_id_str Stream id of the source.
 * @param is_audio      TRUE for an audio source.
 * @return The event, or NULL.
 */
GstEvent *gst_nvevent_new_update_caps (guint pad_id, guint width_val, guint height_val,
    GstStructure *caps_str, gchar *stream_id_str, gboolean is_audio);

/** Reads a "pad added" event. @param event The event. @param source_id Receives the source id. */
void gst_nvevent_parse_pad_added (GstEvent *event, guint *source_id);

/** Reads a "pad deleted" event. @param event The event. @param source_id Receives the source id. */
void gst_nvevent_parse_pad_deleted (GstEvent *event, guint *source_id);

/** Reads a per-source end-of-stream event. @param event The event. @param source_id Receives the source id. */
void gst_nvevent_parse_stream_eos (GstEvent *event, guint *source_id);

/** Reads a segment event. @param event The event. @param source_id Receives the source id. @param segment Receives the segment (owned by the event). */
void gst_nvevent_parse_stream_segment (GstEvent *event, guint *source_id, GstSegment **segment);

/** Reads a per-source reset event. @param event The event. @param source_id Receives the source id. */
void gst_nvevent_parse_stream_reset (GstEvent *event, guint *source_id);

/** @param source_id Source id. @param stream_id Stream id string of the source. @return A new stream-start event, or NULL. */
GstEvent *gst_nvevent_new_stream_start (guint source_id, gchar *stream_id);

/** Reads a stream-start event. @param event The event. @param source_id Receives the source id. @param stream_id Receives the stream id (owned by the event). */
void gst_nvevent_parse_stream_start (GstEvent *event, guint *source_id, gchar **stream_id);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_GST_NVEVENT_H */
