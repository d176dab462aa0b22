/*
 * bindery DeepStream SDK stand-in: plane layouts of colour formats.
 *
 * Owns the table saying, for each supported NvBufSurfaceColorFormat, how
 * many planes it has and each plane's bytes per pixel and subsampling,
 * and the computation of widths, heights, pitches, offsets and sizes.
 */
#include <string.h>

#include "bufsurface_internal.h"

/* One plane: bytes per pixel, horizontal and vertical subsampling. */
typedef struct {
  guint8 bpp, sub_x, sub_y;
} PlaneSpec;

typedef struct {
  guint n;
  PlaneSpec p[3];
} FormatSpec;

static const FormatSpec YUV420 = { 3, {{1, 1, 1}, {1, 2, 2}, {1, 2, 2}} };
static const FormatSpec NV12 = { 2, {{1, 1, 1}, {2, 2, 2}} };
static const FormatSpec NV12_16 = { 2, {{2, 1, 1}, {4, 2, 2}} };
static const FormatSpec PLANAR3_8 = { 3, {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}} };
static const FormatSpec PLANAR3_32 = { 3, {{4, 1, 1}, {4, 1, 1}, {4, 1, 1}} };
static const FormatSpec PACKED1 = { 1, {{1, 1, 1}} };
static const FormatSpec PACKED2 = { 1, {{2, 1, 1}} };
static const FormatSpec PACKED3 = { 1, {{3, 1, 1}} };
static const FormatSpec PACKED4 = { 1, {{4, 1, 1}} };

static const FormatSpec *
format_spec (NvBufSurfaceColorFormat fmt)
{
  switch (fmt) {
    case NVBUF_COLOR_FORMAT_GRAY8: case NVBUF_COLOR_FORMAT_GRAY8_ER:
      return &PACKED1;
    case NVBUF_COLOR_FORMAT_YUV420: case NVBUF_COLOR_FORMAT_YVU420:
    case NVBUF_COLOR_FORMAT_YUV420_ER: case NVBUF_COLOR_FORMAT_YVU420_ER:
    case NVBUF_COLOR_FORMAT_YUV420_709: case NVBUF_COLOR_FORMAT_YUV420_709_ER:
    case NVBUF_COLOR_FORMAT_YUV420_2020:
      return &YUV420;
    case NVBUF_COLOR_FORMAT_NV12: case NVBUF_COLOR_FORMAT_NV12_ER:
    case NVBUF_COLOR_FORMAT_NV21: case NVBUF_COLOR_FORMAT_NV21_ER:
    case NVBUF_COLOR_FORMAT_NV12_709: case NVBUF_COLOR_FORMAT_NV12_709_ER:
    case NVBUF_COLOR_FORMAT_NV12_2020:
      return &NV12;
    case NVBUF_COLOR_FORMAT_NV12_10LE: case NVBUF_COLOR_FORMAT_NV12_12LE:
    case NVBUF_COLOR_FORMAT_NV12_10LE_ER: case NVBUF_COLOR_FORMAT_NV12_10LE_709:
    case NVBUF_COLOR_FORMAT_NV12_10LE_709_ER:
    case NVBUF_COLOR_FORMAT_NV12_10LE_2020:
      return &NV12_16;
    case NVBUF_COLOR_FORMAT_UYVY: case NVBUF_COLOR_FORMAT_UYVY_ER:
    case NVBUF_COLOR_FORMAT_VYUY: case NVBUF_COLOR_FORMAT_VYUY_ER:
    case NVBUF_COLOR_FORMAT_YUYV: case NVBUF_COLOR_FORMAT_YUYV_ER:
    case NVBUF_COLOR_FORMAT_YVYU: case NVBUF_COLOR_FORMAT_YVYU_ER:
    case NVBUF_COLOR_FORMAT_GRAY16_LE:
      return &PACKED2;
    case NVBUF_COLOR_FORMAT_YUV444: case NVBUF_COLOR_FORMAT_R8_G8_B8:
    case NVBUF_COLOR_FORMAT_B8_G8_R8:
      return &PLANAR3_8;
    case NVBUF_COLOR_FORMAT_R32F_G32F_B32F:
    case NVBUF_COLOR_FORMAT_B32F_G32F_R32F:
      return &PLANAR3_32;
    case NVBUF_COLOR_FORMAT_RGB: case NVBUF_COLOR_FORMAT_BGR:
      return &PACKED3;
    case NVBUF_COLOR_FORMAT_RGBA: case NVBUF_COLOR_FORMAT_BGRA:
    case NVBUF_COLOR_FORMAT_ARGB: case NVBUF_COLOR_FORMAT_ABGR:
    case NVBUF_COLOR_FORMAT_RGBx: case NVBUF_COLOR_FORMAT_BGRx:
    case NVBUF_COLOR_FORMAT_xRGB: case NVBUF_COLOR_FORMAT_xBGR:
    case NVBUF_COLOR_FORMAT_SIGNED_R16G16:
      return &PACKED4;
    default:
      return NULL;
  }
}

static uint32_t
row_pitch (uint32_t row_bytes, gboolean pad)
{
  if (!pad)
    return row_bytes + (row_bytes & 1u);        /* even, as the SDK does */
  return (row_bytes + NVBS_PITCH_ALIGN - 1) / NVBS_PITCH_ALIGN
      * NVBS_PITCH_ALIGN;
}

gsize
nvbs_plane_layout (NvBufSurfaceColorFormat fmt, uint32_t width,
    uint32_t height, gboolean pad, NvBufSurfacePlaneParams * p)
{
  const FormatSpec *spec = format_spec (fmt);
  gsize offset = 0;

  memset (p, 0, sizeof (*p));
  if (spec == NULL)
    return 0;
  p->num_planes = spec->n;
  for (guint i = 0; i < spec->n; i++) {
    const PlaneSpec *s = &spec->p[i];
    p->width[i] = (width + s->sub_x - 1) / s->sub_x;
    p->height[i] = (height + s->sub_y - 1) / s->sub_y;
    p->bytesPerPix[i] = s->bpp;
    p->pitch[i] = row_pitch (p->width[i] * s->bpp, pad);
    p->offset[i] = (uint32_t) offset;
    p->psize[i] = p->pitch[i] * p->height[i];
    offset += p->psize[i];
  }
  return offset;
}
