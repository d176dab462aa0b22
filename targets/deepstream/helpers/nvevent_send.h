/* pyds's per-stream event senders: build the SDK's event and send it to an
 * element (gst_element_send_event takes the event), as pyds's bindings do;
 * bound like any SDK function (static inline: through the shim). */
#ifndef BINDERY_PYDS_NVEVENT_SEND_H
#define BINDERY_PYDS_NVEVENT_SEND_H

#include "gst-nvdscustomevent.h"
#include "gst-nvevent.h"

/** Sends a stream-reset event for @a source_id to @a gst_element. @return Whether the element handled it (FALSE when the event could not be built). */
static inline gboolean gst_element_send_nvevent_new_stream_reset (GstElement *gst_element, guint source_id) {
  GstEvent *event = gst_nvevent_new_stream_reset (source_id);
  return event != NULL && gst_element_send_event (gst_element, event);
}

/** Sends an inference-interval update for @a stream_id to @a gst_element. @return Whether the element handled it (FALSE when the event could not be built). */
static inline gboolean gst_element_send_nvevent_interval_update (GstElement *gst_element, const gchar *stream_id, guint interval) {
  GstEvent *event = gst_nvevent_infer_interval_update ((gchar *) stream_id, interval);
  return event != NULL && gst_element_send_event (gst_element, event);
}

#endif /* BINDERY_PYDS_NVEVENT_SEND_H */
