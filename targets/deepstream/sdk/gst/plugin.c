/*
 * bindery DeepStream SDK stand-in: plugin entry point.
 *
 * Owns registration of the plugin's elements with GStreamer.
 */
#include "nvsim_elements.h"

static gboolean
plugin_init (GstPlugin * plugin)
{
  return gst_element_register (plugin, "nvinfersim", GST_RANK_NONE,
      GST_TYPE_NVINFERSIM)
      && gst_element_register (plugin, "nvvideoconvertsim", GST_RANK_NONE,
      GST_TYPE_NVVIDEOCONVERTSIM);
}

GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, nvinfersim,
    "DeepStream stand-in elements: synthetic inference metadata and "
    "NvBufSurface upload (bindery SDK stand-in)",
    plugin_init, "9.1.0", "Apache 2.0", "bindery", "bindery")
