/*
 * bindery DeepStream SDK stand-in: CPU JPEG encoding of surface regions.
 *
 * Owns turning one region of a system-memory NvBufSurface into JPEG bytes
 * in two short, synchronous GStreamer pipelines:
 *   1. appsrc ! videocrop ! videoconvert ! videoscale ! I420 ! appsink
 *      (the surface is wrapped without a copy, its planes described by a
 *      GstVideoMeta);
 *   2. appsrc ! jpegenc ! appsink, fed a copy of the I420 image whose rows
 *      and planes are padded to whole JPEG blocks with zeros, because the
 *      encoder reads whole 16x16 blocks and must never see unset bytes.
 * Pipelines are torn down before returning, so no surface memory is
 * referenced afterwards.
 */
#include <string.h>

#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/video/video.h>

#include "objenc_internal.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "nvds_batch_jpegenc"

#define STAGE1 "appsrc name=src format=time ! videocrop name=crop ! " \
  "videoconvert ! videoscale ! capsfilter name=caps ! " \
  "appsink name=sink sync=false"
#define STAGE2 "appsrc name=src format=time ! jpegenc name=enc ! " \
  "appsink name=sink sync=false"

static GstVideoFormat
video_format (NvBufSurfaceColorFormat f)
{
  switch (f) {
    case NVBUF_COLOR_FORMAT_GRAY8: return GST_VIDEO_FORMAT_GRAY8;
    case NVBUF_COLOR_FORMAT_YUV420: return GST_VIDEO_FORMAT_I420;
    case NVBUF_COLOR_FORMAT_YVU420: return GST_VIDEO_FORMAT_YV12;
    case NVBUF_COLOR_FORMAT_NV12: return GST_VIDEO_FORMAT_NV12;
    case NVBUF_COLOR_FORMAT_NV21: return GST_VIDEO_FORMAT_NV21;
    case NVBUF_COLOR_FORMAT_RGBA: return GST_VIDEO_FORMAT_RGBA;
    case NVBUF_COLOR_FORMAT_BGRA: return GST_VIDEO_FORMAT_BGRA;
    case NVBUF_COLOR_FORMAT_ARGB: return GST_VIDEO_FORMAT_ARGB;
    case NVBUF_COLOR_FORMAT_ABGR: return GST_VIDEO_FORMAT_ABGR;
    case NVBUF_COLOR_FORMAT_RGBx: return GST_VIDEO_FORMAT_RGBx;
    case NVBUF_COLOR_FORMAT_BGRx: return GST_VIDEO_FORMAT_BGRx;
    case NVBUF_COLOR_FORMAT_xRGB: return GST_VIDEO_FORMAT_xRGB;
    case NVBUF_COLOR_FORMAT_xBGR: return GST_VIDEO_FORMAT_xBGR;
    case NVBUF_COLOR_FORMAT_RGB: return GST_VIDEO_FORMAT_RGB;
    case NVBUF_COLOR_FORMAT_BGR: return GST_VIDEO_FORMAT_BGR;
    default: return GST_VIDEO_FORMAT_UNKNOWN;
  }
}

/* The whole surface as a read-only GstBuffer plus its caps. */
static GstBuffer *
wrap_surface (const NvBufSurfaceParams * s, GstVideoFormat fmt,
    GstCaps ** caps)
{
  GstVideoInfo info;
  gsize offsets[GST_VIDEO_MAX_PLANES] = { 0 };
  gint strides[GST_VIDEO_MAX_PLANES] = { 0 };
  const NvBufSurfacePlaneParams *pp = &s->planeParams;

  gst_video_info_set_format (&info, fmt, s->width, s->height);
  if (GST_VIDEO_INFO_N_PLANES (&info) != pp->num_planes)
    return NULL;
  for (guint p = 0; p < pp->num_planes; p++) {
    offsets[p] = pp->offset[p];
    strides[p] = (gint) pp->pitch[p];
  }
  GstBuffer *buf = gst_buffer_new_wrapped_full (GST_MEMORY_FLAG_READONLY,
      s->dataPtr, s->dataSize, 0, s->dataSize, NULL, NULL);
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE, fmt,
      s->width, s->height, pp->num_planes, offsets, strides);
  *caps = gst_video_info_to_caps (&info);
  return buf;
}

static GstElement *
launch (const gchar * desc)
{
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);

  if (pipe == NULL || err != NULL) {
    g_warning ("object encoder: %s", err ? err->message : "no pipeline");
    g_clear_error (&err);
    if (pipe != NULL)
      gst_object_unref (pipe);
    return NULL;
  }
  return pipe;
}

/* Sets properties (NULL-terminated pairs) on the element named @name. */
static void
set_on (GstElement * pipe, const gchar * name, const gchar * first, ...)
{
  GstElement *e = gst_bin_get_by_name (GST_BIN (pipe), name);
  va_list args;

  va_start (args, first);
  g_object_set_valist (G_OBJECT (e), first, args);
  va_end (args);
  gst_object_unref (e);
}

/* Crop, convert to I420 and scale as @job asks. */
static void
configure_stage1 (GstElement * pipe, const NvdsJpegJob * job)
{
  const NvBufSurfaceParams *s = job->surface;
  GstCaps *c = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING,
      "I420", NULL);

  set_on (pipe, "crop", "left", job->left, "top", job->top, "right",
      (gint) s->width - job->left - job->width, "bottom",
      (gint) s->height - job->top - job->height, NULL);
  if (job->out_width > 0 && job->out_height > 0)
    gst_caps_set_simple (c, "width", G_TYPE_INT, job->out_width, "height",
        G_TYPE_INT, job->out_height, NULL);
  set_on (pipe, "caps", "caps", c, NULL);
  gst_caps_unref (c);
}

/* Pushes @buf (taken) with @caps through @pipe (taken); returns the output. */
static GstSample *
run (GstElement * pipe, GstCaps * caps, GstBuffer * buf)
{
  GstElement *src = gst_bin_get_by_name (GST_BIN (pipe), "src");
  GstElement *sink = gst_bin_get_by_name (GST_BIN (pipe), "sink");
  GstSample *sample = NULL;

  g_object_set (src, "caps", caps, NULL);
  if (gst_element_set_state (pipe, GST_STATE_PLAYING) !=
      GST_STATE_CHANGE_FAILURE) {
    gst_app_src_push_buffer (GST_APP_SRC (src), buf);
    buf = NULL;
    gst_app_src_end_of_stream (GST_APP_SRC (src));
    sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink),
        10 * GST_SECOND);
  }
  if (buf != NULL)
    gst_buffer_unref (buf);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (src);
  gst_object_unref (sink);
  gst_object_unref (pipe);
  return sample;
}

/* Copies an I420 sample into a zeroed buffer padded to 16x16 blocks. */
static GstBuffer *
pad_i420 (GstSample * sample, GstCaps ** caps)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  gsize offsets[GST_VIDEO_MAX_PLANES] = { 0 };
  gint strides[GST_VIDEO_MAX_PLANES] = { 0 };

  if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample))
      || !gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample),
          GST_MAP_READ))
    return NULL;
  guint w16 = GST_ROUND_UP_16 (info.width), h16 = GST_ROUND_UP_16
      (info.height);
  strides[0] = (gint) w16;
  strides[1] = strides[2] = (gint) w16 / 2;
  offsets[0] = 0;
  offsets[1] = (gsize) w16 * h16;
  offsets[2] = offsets[1] + (gsize) w16 / 2 * h16 / 2;
  gsize size = offsets[2] + (gsize) w16 / 2 * h16 / 2;
  guint8 *data = g_malloc0 (size);
  for (guint p = 0; p < 3; p++) {
    guint rows = GST_VIDEO_FRAME_COMP_HEIGHT (&frame, p);
    guint bytes = GST_VIDEO_FRAME_COMP_WIDTH (&frame, p);
    for (guint r = 0; r < rows; r++)
      memcpy (data + offsets[p] + (gsize) r * strides[p],
          (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, p) +
          (gsize) r * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, p), bytes);
  }
  gst_video_frame_unmap (&frame);
  GstBuffer *buf = gst_buffer_new_wrapped (data, size);
  gst_buffer_add_video_meta_full (buf, GST_VIDEO_FRAME_FLAG_NONE,
      GST_VIDEO_FORMAT_I420, info.width, info.height, 3, offsets, strides);
  *caps = gst_video_info_to_caps (&info);
  return buf;
}

static guint8 *
sample_bytes (GstSample * sample, gsize * len)
{
  GstMapInfo map;
  GstBuffer *out = gst_sample_get_buffer (sample);
  guint8 *bytes = NULL;

  if (out != NULL && gst_buffer_map (out, &map, GST_MAP_READ)) {
    bytes = g_memdup2 (map.data, map.size);
    *len = map.size;
    gst_buffer_unmap (out, &map);
  }
  return bytes;
}

/* Stage 1: the cropped, scaled I420 image as a sample, or NULL. */
static GstSample *
crop_to_i420 (const NvdsJpegJob * job, GstVideoFormat fmt)
{
  GstCaps *caps = NULL;
  GstBuffer *buf = wrap_surface (job->surface, fmt, &caps);
  if (buf == NULL)
    return NULL;
  GstElement *pipe = launch (STAGE1);
  if (pipe == NULL) {
    gst_buffer_unref (buf);
    gst_caps_unref (caps);
    return NULL;
  }
  configure_stage1 (pipe, job);
  GstSample *sample = run (pipe, caps, buf);
  gst_caps_unref (caps);
  return sample;
}

/* Stage 2: JPEG bytes of an I420 sample, or NULL. */
static guint8 *
encode_i420 (GstSample * image, gint quality, gsize * len)
{
  GstCaps *caps = NULL;
  GstBuffer *buf = pad_i420 (image, &caps);
  if (buf == NULL)
    return NULL;
  GstElement *pipe = launch (STAGE2);
  if (pipe == NULL) {
    gst_buffer_unref (buf);
    gst_caps_unref (caps);
    return NULL;
  }
  set_on (pipe, "enc", "quality", quality, NULL);
  GstSample *jpeg = run (pipe, caps, buf);
  gst_caps_unref (caps);
  if (jpeg == NULL)
    return NULL;
  guint8 *bytes = sample_bytes (jpeg, len);
  gst_sample_unref (jpeg);
  return bytes;
}

guint8 *
nvds_jpeg_encode (const NvdsJpegJob * job, gsize * len)
{
  GstVideoFormat fmt = video_format (job->surface->colorFormat);

  if (fmt == GST_VIDEO_FORMAT_UNKNOWN) {
    g_warning ("object encoder: colour format %d not supported",
        job->surface->colorFormat);
    return NULL;
  }
  GstSample *image = crop_to_i420 (job, fmt);
  guint8 *bytes = image ? encode_i420 (image, job->quality, len) : NULL;
  if (image != NULL)
    gst_sample_unref (image);
  if (bytes == NULL)
    g_warning ("object encoder: JPEG encoding produced no output");
  return bytes;
}
