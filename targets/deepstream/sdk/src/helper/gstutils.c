/*
 * bindery DeepStream SDK stand-in: nvdsgstutils.h.
 *
 * Owns configure_source_for_ntp_sync(): asks an RTSP source to produce
 * NTP-synchronised timestamps. For rtspsrc (any element with an
 * "ntp-sync" property) the property is set; for bins that create their
 * source later (uridecodebin's "source-setup") the same is done to the
 * source when it appears. Other elements are left alone.
 */
#include "nvdsgstutils.h"

static void
configure_element (GstElement * elem);

static void
on_source_setup (GstElement * bin, GstElement * source, gpointer user_data)
{
  (void) bin;
  (void) user_data;
  configure_element (source);
}

static void
configure_element (GstElement * elem)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (elem);

  if (g_object_class_find_property (klass, "ntp-sync") != NULL)
    g_object_set (elem, "ntp-sync", TRUE, NULL);
  else if (g_signal_lookup ("source-setup", G_OBJECT_TYPE (elem)) != 0)
    g_signal_connect (elem, "source-setup", G_CALLBACK (on_source_setup),
        NULL);
}

/** Enables NTP timestamps on @src_elem (rtspsrc or uridecodebin-like). */
void
configure_source_for_ntp_sync (GstElement * src_elem)
{
  g_return_if_fail (GST_IS_ELEMENT (src_elem));
  configure_element (src_elem);
}
