/*
 * bindery DeepStream SDK stand-in: copying NvBufSurface contents.
 *
 * Owns NvBufSurfaceCopy (surface batch to surface batch, row by row so
 * different pitches work) and the raw-plane transfers NvBufSurface2Raw and
 * Raw2NvBufSurface. Shapes must match; anything else returns -1.
 */
#include <string.h>

#include "bufsurface_internal.h"

static gboolean
same_shape (const NvBufSurfaceParams * a, const NvBufSurfaceParams * b)
{
  const NvBufSurfacePlaneParams *pa = &a->planeParams, *pb = &b->planeParams;

  if (pa->num_planes != pb->num_planes)
    return FALSE;
  for (guint p = 0; p < pa->num_planes; p++) {
    if (pa->width[p] != pb->width[p] || pa->height[p] != pb->height[p]
        || pa->bytesPerPix[p] != pb->bytesPerPix[p])
      return FALSE;
  }
  return TRUE;
}

/* Copies @rows rows of @row_bytes between buffers of different pitch. */
static void
copy_rows (guint8 * dst, guint dst_pitch, const guint8 * src, guint src_pitch,
    guint rows, guint row_bytes)
{
  for (guint r = 0; r < rows; r++)
    memcpy (dst + (gsize) r * dst_pitch, src + (gsize) r * src_pitch,
        row_bytes);
}

static void
copy_surface (NvBufSurfaceParams * d, const NvBufSurfaceParams * s)
{
  const NvBufSurfacePlaneParams *sp = &s->planeParams;
  const NvBufSurfacePlaneParams *dp = &d->planeParams;

  for (guint p = 0; p < sp->num_planes; p++) {
    guint row_bytes = MIN (sp->width[p] * sp->bytesPerPix[p],
        MIN (sp->pitch[p], dp->pitch[p]));
    copy_rows ((guint8 *) d->dataPtr + dp->offset[p], dp->pitch[p],
        (const guint8 *) s->dataPtr + sp->offset[p], sp->pitch[p],
        sp->height[p], row_bytes);
  }
}

/** Copies every surface of @srcSurf into @dstSurf (same batch and shapes). */
int
NvBufSurfaceCopy (NvBufSurface * srcSurf, NvBufSurface * dstSurf)
{
  if (!nvbs_is_ours (srcSurf) || !nvbs_is_ours (dstSurf)
      || srcSurf->batchSize != dstSurf->batchSize || srcSurf == dstSurf)
    return -1;
  for (uint32_t i = 0; i < srcSurf->batchSize; i++)
    if (!same_shape (&srcSurf->surfaceList[i], &dstSurf->surfaceList[i]))
      return -1;
  for (uint32_t i = 0; i < srcSurf->batchSize; i++)
    copy_surface (&dstSurf->surfaceList[i], &srcSurf->surfaceList[i]);
  dstSurf->numFilled = srcSurf->numFilled;
  return 0;
}

/* Checks a single (index, plane) and a raw plane of width x height pixels. */
static NvBufSurfaceParams *
raw_target (NvBufSurface * surf, unsigned int index, unsigned int plane,
    unsigned int width, unsigned int height, const void *ptr)
{
  if (ptr == NULL || index > G_MAXINT32 || plane > G_MAXINT32
      || !nvbs_check_range (surf, (int) index, (int) plane))
    return NULL;
  NvBufSurfaceParams *s = &surf->surfaceList[index];
  if (width == 0 || height == 0 || width > s->planeParams.width[plane]
      || height > s->planeParams.height[plane])
    return NULL;
  return s;
}

/**
 * Copies @out_height rows of @out_width pixels of one plane into @ptr,
 * packed (row stride = out_width x bytes per pixel).
 */
int
NvBufSurface2Raw (NvBufSurface * Surf, unsigned int index, unsigned int plane,
    unsigned int out_width, unsigned int out_height, unsigned char *ptr)
{
  NvBufSurfaceParams *s = raw_target (Surf, index, plane, out_width,
      out_height, ptr);
  if (s == NULL)
    return -1;
  const NvBufSurfacePlaneParams *pp = &s->planeParams;
  guint row = out_width * pp->bytesPerPix[plane];
  copy_rows (ptr, row, (const guint8 *) s->dataPtr + pp->offset[plane],
      pp->pitch[plane], out_height, row);
  return 0;
}

/** The reverse of NvBufSurface2Raw(): packed rows from @ptr into a plane. */
int
Raw2NvBufSurface (unsigned char *ptr, unsigned int index, unsigned int plane,
    unsigned int in_width, unsigned int in_height, NvBufSurface * Surf)
{
  NvBufSurfaceParams *s = raw_target (Surf, index, plane, in_width,
      in_height, ptr);
  if (s == NULL)
    return -1;
  const NvBufSurfacePlaneParams *pp = &s->planeParams;
  guint row = in_width * pp->bytesPerPix[plane];
  copy_rows ((guint8 *) s->dataPtr + pp->offset[plane], pp->pitch[plane],
      ptr, row, in_height, row);
  return 0;
}
