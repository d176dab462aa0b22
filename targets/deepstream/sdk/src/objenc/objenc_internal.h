/*
 * bindery DeepStream SDK stand-in: libnvds_batch_jpegenc internals.
 *
 * Owns the interface between the object-encoder entry points and the JPEG
 * encoding of a surface region (done on the CPU by GStreamer's jpegenc).
 */
#ifndef BINDERY_OBJENC_INTERNAL_H
#define BINDERY_OBJENC_INTERNAL_H

#include <gst/gst.h>

#include "nvbufsurface.h"

G_BEGIN_DECLS

/** A region of one surface to encode, and how. */
typedef struct {
  const NvBufSurfaceParams *surface;
  gint left, top, width, height;        /* crop, already clipped */
  gint out_width, out_height;           /* 0 = keep the crop size */
  gint quality;                         /* 1..100 */
} NvdsJpegJob;

/**
 * Encodes @job to JPEG. Returns the bytes (g_free) and stores their count
 * in @len, or returns NULL (with a warning) when the surface format is not
 * supported or encoding fails.
 */
G_GNUC_INTERNAL guint8 *nvds_jpeg_encode (const NvdsJpegJob * job,
    gsize * len);

G_END_DECLS

#endif /* BINDERY_OBJENC_INTERNAL_H */
