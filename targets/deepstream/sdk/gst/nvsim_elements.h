/*
 * bindery DeepStream SDK stand-in: the elements of the nvinfersim plugin.
 *
 * Owns the GType entry points the plugin registers: nvinfersim (synthetic
 * inference metadata), nvtrackersim (tracker past-frame data),
 * nvdsanalyticssim (analytics metadata), nvofsim (optical flow),
 * nvdspreprocesssim (preprocess batch metadata) and
 * nvvideoconvertsim (system-memory video to NvBufSurface-backed
 * "memory:NVMM" buffers).
 */
#ifndef BINDERY_NVSIM_ELEMENTS_H
#define BINDERY_NVSIM_ELEMENTS_H

#include <gst/gst.h>

G_BEGIN_DECLS

/** GType of the nvinfersim element. */
#define GST_TYPE_NVINFERSIM (gst_nvinfersim_get_type ())
GType gst_nvinfersim_get_type (void);

/** GType of the nvtrackersim element. */
#define GST_TYPE_NVTRACKERSIM (gst_nvtrackersim_get_type ())
GType gst_nvtrackersim_get_type (void);

/** GType of the nvdsanalyticssim element. */
#define GST_TYPE_NVDSANALYTICSSIM (gst_nvdsanalyticssim_get_type ())
GType gst_nvdsanalyticssim_get_type (void);

/** GType of the nvofsim element. */
#define GST_TYPE_NVOFSIM (gst_nvofsim_get_type ())
GType gst_nvofsim_get_type (void);

/** GType of the nvdspreprocesssim element. */
#define GST_TYPE_NVDSPREPROCESSSIM (gst_nvdspreprocesssim_get_type ())
GType gst_nvdspreprocesssim_get_type (void);

/** GType of the nvvideoconvertsim element. */
#define GST_TYPE_NVVIDEOCONVERTSIM (gst_nvvideoconvertsim_get_type ())
GType gst_nvvideoconvertsim_get_type (void);

G_END_DECLS

#endif /* BINDERY_NVSIM_ELEMENTS_H */
