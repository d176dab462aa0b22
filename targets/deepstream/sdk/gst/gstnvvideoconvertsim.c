/*
 * bindery DeepStream SDK stand-in: the nvvideoconvertsim element.
 *
 * Owns uploading system-memory raw video into DeepStream-style buffers:
 * each output GstBuffer's memory is one NvBufSurface (batch of 1, system
 * memory, allocated with NvBufSurfaceCreate) holding a copy of the frame,
 * and its caps carry the "memory:NVMM" feature. Mapping such a buffer
 * gives an NvBufSurface*, as DeepStream's nvvideoconvert output does, so
 * code that reads frames through NvBufSurface works on it. Metadata is
 * carried from input to output.
 */
#include <string.h>

#include <gst/base/gstbasetransform.h>
#include <gst/video/video.h>

#include "nvbufsurface.h"
#include "nvsim_elements.h"

G_DECLARE_FINAL_TYPE (GstNvVideoConvertSim, gst_nvvideoconvertsim, GST,
    NVVIDEOCONVERTSIM, GstBaseTransform)

/** Element instance: the negotiated input format. */
struct _GstNvVideoConvertSim
{
  GstBaseTransform parent;
  GstVideoInfo info;
  NvBufSurfaceColorFormat format;
};

G_DEFINE_TYPE (GstNvVideoConvertSim, gst_nvvideoconvertsim,
    GST_TYPE_BASE_TRANSFORM);

#define FORMATS "{ RGBA, BGRA, RGBx, BGRx, RGB, BGR, NV12, I420, GRAY8 }"

static GstStaticPadTemplate sink_tmpl = GST_STATIC_PAD_TEMPLATE ("sink",
    GST_PAD_SINK, GST_PAD_ALWAYS,
    GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (FORMATS)));
static GstStaticPadTemplate src_tmpl = GST_STATIC_PAD_TEMPLATE ("src",
    GST_PAD_SRC, GST_PAD_ALWAYS,
    GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE_WITH_FEATURES ("memory:NVMM",
            FORMATS)));

static NvBufSurfaceColorFormat
surface_format (GstVideoFormat f)
{
  switch (f) {
    case GST_VIDEO_FORMAT_RGBA: return NVBUF_COLOR_FORMAT_RGBA;
    case GST_VIDEO_FORMAT_BGRA: return NVBUF_COLOR_FORMAT_BGRA;
    case GST_VIDEO_FORMAT_RGBx: return NVBUF_COLOR_FORMAT_RGBx;
    case GST_VIDEO_FORMAT_BGRx: return NVBUF_COLOR_FORMAT_BGRx;
    case GST_VIDEO_FORMAT_RGB: return NVBUF_COLOR_FORMAT_RGB;
    case GST_VIDEO_FORMAT_BGR: return NVBUF_COLOR_FORMAT_BGR;
    case GST_VIDEO_FORMAT_NV12: return NVBUF_COLOR_FORMAT_NV12;
    case GST_VIDEO_FORMAT_I420: return NVBUF_COLOR_FORMAT_YUV420;
    case GST_VIDEO_FORMAT_GRAY8: return NVBUF_COLOR_FORMAT_GRAY8;
    default: return NVBUF_COLOR_FORMAT_INVALID;
  }
}

/* Same caps with the memory feature switched to the other side's. */
static GstCaps *
gst_nvvideoconvertsim_transform_caps (GstBaseTransform * trans,
    GstPadDirection direction, GstCaps * caps, GstCaps * filter)
{
  GstCaps *res = gst_caps_copy (caps);
  const gchar *feature = direction == GST_PAD_SINK ? "memory:NVMM"
      : GST_CAPS_FEATURE_MEMORY_SYSTEM_MEMORY;

  (void) trans;
  for (guint i = 0; i < gst_caps_get_size (res); i++)
    gst_caps_set_features (res, i, gst_caps_features_new (feature, NULL));
  if (filter != NULL) {
    GstCaps *tmp = gst_caps_intersect_full (filter, res,
        GST_CAPS_INTERSECT_FIRST);
    gst_caps_unref (res);
    res = tmp;
  }
  return res;
}

static gboolean
gst_nvvideoconvertsim_set_caps (GstBaseTransform * trans, GstCaps * in,
    GstCaps * out)
{
  GstNvVideoConvertSim *self = GST_NVVIDEOCONVERTSIM (trans);

  (void) out;
  if (!gst_video_info_from_caps (&self->info, in))
    return FALSE;
  self->format = surface_format (GST_VIDEO_INFO_FORMAT (&self->info));
  return self->format != NVBUF_COLOR_FORMAT_INVALID;
}

static void
free_surface (gpointer surf)
{
  NvBufSurfaceDestroy (surf);
}

/* A buffer whose only memory is a fresh one-frame NvBufSurface. */
static GstFlowReturn
gst_nvvideoconvertsim_prepare_output_buffer (GstBaseTransform * trans,
    GstBuffer * inbuf, GstBuffer ** outbuf)
{
  GstNvVideoConvertSim *self = GST_NVVIDEOCONVERTSIM (trans);
  NvBufSurfaceCreateParams p;
  NvBufSurface *surf = NULL;

  memset (&p, 0, sizeof p);
  p.width = (uint32_t) GST_VIDEO_INFO_WIDTH (&self->info);
  p.height = (uint32_t) GST_VIDEO_INFO_HEIGHT (&self->info);
  p.colorFormat = self->format;
  p.layout = NVBUF_LAYOUT_PITCH;
  p.memType = NVBUF_MEM_SYSTEM;
  if (NvBufSurfaceCreate (&surf, 1, &p) != 0) {
    GST_ELEMENT_ERROR (self, RESOURCE, NO_SPACE_LEFT, (NULL),
        ("NvBufSurfaceCreate failed for %ux%u", p.width, p.height));
    return GST_FLOW_ERROR;
  }
  surf->numFilled = 1;
  *outbuf = gst_buffer_new_wrapped_full (0, surf, sizeof (NvBufSurface), 0,
      sizeof (NvBufSurface), surf, free_surface);
  if (!GST_BASE_TRANSFORM_GET_CLASS (trans)->copy_metadata (trans, inbuf,
          *outbuf)) {
    gst_buffer_unref (*outbuf);
    *outbuf = NULL;
    return GST_FLOW_ERROR;
  }
  return GST_FLOW_OK;
}

/* Copies every plane of @frame into surface @s, row by row. */
static void
copy_planes (GstVideoFrame * frame, NvBufSurfaceParams * s)
{
  const NvBufSurfacePlaneParams *pp = &s->planeParams;

  for (guint p = 0; p < pp->num_planes; p++) {
    guint row = pp->width[p] * pp->bytesPerPix[p];
    gint stride = GST_VIDEO_FRAME_PLANE_STRIDE (frame, p);
    const guint8 *src = GST_VIDEO_FRAME_PLANE_DATA (frame, p);
    guint8 *dst = (guint8 *) s->dataPtr + pp->offset[p];
    row = MIN (row, (guint) stride);
    for (guint r = 0; r < pp->height[p]; r++)
      memcpy (dst + (gsize) r * pp->pitch[p], src + (gsize) r * stride, row);
  }
}

static GstFlowReturn
gst_nvvideoconvertsim_transform (GstBaseTransform * trans, GstBuffer * inbuf,
    GstBuffer * outbuf)
{
  GstNvVideoConvertSim *self = GST_NVVIDEOCONVERTSIM (trans);
  GstVideoFrame frame;
  GstMapInfo map;

  if (!gst_video_frame_map (&frame, &self->info, inbuf, GST_MAP_READ))
    return GST_FLOW_ERROR;
  if (!gst_buffer_map (outbuf, &map, GST_MAP_READ)) {
    gst_video_frame_unmap (&frame);
    return GST_FLOW_ERROR;
  }
  NvBufSurface *surf = (NvBufSurface *) map.data;
  gboolean ok = GST_VIDEO_FRAME_N_PLANES (&frame) ==
      surf->surfaceList[0].planeParams.num_planes;
  if (ok)
    copy_planes (&frame, &surf->surfaceList[0]);
  gst_buffer_unmap (outbuf, &map);
  gst_video_frame_unmap (&frame);
  return ok ? GST_FLOW_OK : GST_FLOW_ERROR;
}

static void
gst_nvvideoconvertsim_class_init (GstNvVideoConvertSimClass * klass)
{
  GstElementClass *ek = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *bk = GST_BASE_TRANSFORM_CLASS (klass);

  gst_element_class_add_static_pad_template (ek, &sink_tmpl);
  gst_element_class_add_static_pad_template (ek, &src_tmpl);
  gst_element_class_set_static_metadata (ek, "NvBufSurface upload "
      "(stand-in)", "Filter/Converter/Video", "Copies system-memory video "
      "into NvBufSurface-backed memory:NVMM buffers", "bindery project");
  bk->transform_caps = gst_nvvideoconvertsim_transform_caps;
  bk->set_caps = gst_nvvideoconvertsim_set_caps;
  bk->prepare_output_buffer = gst_nvvideoconvertsim_prepare_output_buffer;
  bk->transform = gst_nvvideoconvertsim_transform;
}

static void
gst_nvvideoconvertsim_init (GstNvVideoConvertSim * self)
{
  gst_base_transform_set_passthrough (GST_BASE_TRANSFORM (self), FALSE);
}
