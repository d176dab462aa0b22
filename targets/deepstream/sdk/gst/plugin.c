/*
 * bindery DeepStream SDK stand-in: plugin entry point.
 *
 * Owns registration of the plugin's elements with GStreamer.
 */
#include "nvsim_elements.h"

static gboolean
plugin_init (GstPlugin * plugin)
{
  const struct { const gchar *name; GType type; } elements[] = {
    {"nvinfersim", GST_TYPE_NVINFERSIM},
    {"nvtrackersim", GST_TYPE_NVTRACKERSIM},
    {"nvdsanalyticssim", GST_TYPE_NVDSANALYTICSSIM},
    {"nvofsim", GST_TYPE_NVOFSIM},
    {"nvdspreprocesssim", GST_TYPE_NVDSPREPROCESSSIM},
    {"nvvideoconvertsim", GST_TYPE_NVVIDEOCONVERTSIM},
  };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (!gst_element_register (plugin, elements[i].name, GST_RANK_NONE,
            elements[i].type))
      return FALSE;
  return TRUE;
}

GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, nvinfersim,
    "DeepStream stand-in elements: synthetic inference, tracker, analytics, "
    "optical-flow and preprocess metadata, and NvBufSurface upload (bindery SDK "
    "stand-in)",
    plugin_init, "9.1.0", "Apache 2.0", "bindery", "bindery")
