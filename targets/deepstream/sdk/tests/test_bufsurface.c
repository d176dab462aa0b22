/*
 * Tests of NvBufSurface on system memory: allocation and plane layout,
 * map/unmap, fill, copy between pitches, raw transfers, and the -1 error
 * code for GPU memory types, bad indices and foreign surfaces.
 */
#include <string.h>

#include <glib.h>

#include "nvbufsurface.h"

static NvBufSurfaceCreateParams
params (NvBufSurfaceColorFormat fmt, uint32_t w, uint32_t h)
{
  NvBufSurfaceCreateParams p;
  memset (&p, 0, sizeof p);
  p.width = w;
  p.height = h;
  p.colorFormat = fmt;
  p.layout = NVBUF_LAYOUT_PITCH;
  p.memType = NVBUF_MEM_SYSTEM;
  return p;
}

static void
test_create_rgba (void)
{
  NvBufSurfaceCreateParams p = params (NVBUF_COLOR_FORMAT_RGBA, 33, 7);
  NvBufSurface *s = NULL;

  g_assert_cmpint (NvBufSurfaceCreate (&s, 2, &p), ==, 0);
  g_assert_cmpuint (s->batchSize, ==, 2);
  g_assert_cmpuint (s->numFilled, ==, 0);
  g_assert_cmpint (s->memType, ==, NVBUF_MEM_SYSTEM);
  NvBufSurfaceParams *sp = &s->surfaceList[1];
  g_assert_cmpuint (sp->width, ==, 33);
  g_assert_cmpuint (sp->planeParams.num_planes, ==, 1);
  g_assert_cmpuint (sp->planeParams.bytesPerPix[0], ==, 4);
  g_assert_cmpuint (sp->pitch, >=, 33 * 4);
  g_assert_cmpuint (sp->pitch % 32, ==, 0);
  g_assert_cmpuint (sp->dataSize, ==, sp->pitch * 7);
  g_assert_nonnull (sp->dataPtr);
  g_assert_null (sp->mappedAddr.addr[0]);
  g_assert_cmpint (NvBufSurfaceDestroy (s), ==, 0);
}

static void
test_nv12_planes (void)
{
  NvBufSurfaceCreateParams p = params (NVBUF_COLOR_FORMAT_NV12, 64, 48);
  NvBufSurface *s = NULL;

  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, 0);
  NvBufSurfacePlaneParams *pp = &s->surfaceList[0].planeParams;
  g_assert_cmpuint (pp->num_planes, ==, 2);
  g_assert_cmpuint (pp->height[1], ==, 24);
  g_assert_cmpuint (pp->width[1], ==, 32);
  g_assert_cmpuint (pp->bytesPerPix[1], ==, 2);
  g_assert_cmpuint (pp->offset[1], ==, pp->psize[0]);
  g_assert_cmpint (NvBufSurfaceMap (s, 0, -1, NVBUF_MAP_READ_WRITE), ==, 0);
  guint8 *uv = s->surfaceList[0].mappedAddr.addr[1];
  g_assert_true (uv == (guint8 *) s->surfaceList[0].dataPtr + pp->offset[1]);
  g_assert_cmpint (NvBufSurfaceMemSet (s, 0, 1, 0x80), ==, 0);
  g_assert_cmpint (uv[0], ==, 0x80);
  g_assert_cmpint (((guint8 *) s->surfaceList[0].dataPtr)[0], ==, 0);
  g_assert_cmpint (NvBufSurfaceSyncForCpu (s, 0, 1), ==, 0);
  g_assert_cmpint (NvBufSurfaceSyncForDevice (s, -1, -1), ==, 0);
  g_assert_cmpint (NvBufSurfaceUnMap (s, 0, -1), ==, 0);
  g_assert_null (s->surfaceList[0].mappedAddr.addr[1]);
  NvBufSurfaceDestroy (s);
}

static void
test_copy_and_raw (void)
{
  NvBufSurfaceCreateParams p = params (NVBUF_COLOR_FORMAT_GRAY8, 5, 3);
  NvBufSurfaceAllocateParams ap;
  NvBufSurface *a = NULL, *b = NULL;
  guint8 raw[15], back[15];

  memset (&ap, 0, sizeof ap);
  ap.params = p;
  ap.disablePitchPadding = true;
  g_assert_cmpint (NvBufSurfaceCreate (&a, 1, &p), ==, 0);
  g_assert_cmpint (NvBufSurfaceAllocate (&b, 1, &ap), ==, 0);
  g_assert_cmpuint (a->surfaceList[0].pitch, !=, b->surfaceList[0].pitch);
  for (guint i = 0; i < 15; i++)
    raw[i] = (guint8) (i + 1);
  g_assert_cmpint (Raw2NvBufSurface (raw, 0, 0, 5, 3, a), ==, 0);
  a->numFilled = 1;
  g_assert_cmpint (NvBufSurfaceCopy (a, b), ==, 0);
  g_assert_cmpuint (b->numFilled, ==, 1);
  g_assert_cmpint (NvBufSurface2Raw (b, 0, 0, 5, 3, back), ==, 0);
  g_assert_cmpmem (raw, 15, back, 15);
  g_assert_cmpint (NvBufSurface2Raw (b, 0, 0, 6, 3, back), ==, -1);
  g_assert_cmpint (NvBufSurface2Raw (b, 1, 0, 5, 3, back), ==, -1);
  NvBufSurfaceDestroy (a);
  NvBufSurfaceDestroy (b);
}

static void
test_errors (void)
{
  NvBufSurface *s = NULL;
  NvBufSurfaceCreateParams p = params (NVBUF_COLOR_FORMAT_RGBA, 16, 16);
  NvBufSurfaceMemType gpu[] = { NVBUF_MEM_CUDA_DEVICE, NVBUF_MEM_CUDA_PINNED,
    NVBUF_MEM_CUDA_UNIFIED, NVBUF_MEM_SURFACE_ARRAY, NVBUF_MEM_HANDLE,
    NVBUF_MEM_CUDA_ARRAY
  };

  for (guint i = 0; i < G_N_ELEMENTS (gpu); i++) {
    p.memType = gpu[i];
    g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, -1);
    g_assert_null (s);
  }
  p.memType = NVBUF_MEM_DEFAULT;
  p.layout = NVBUF_LAYOUT_BLOCK_LINEAR;
  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, -1);
  p.layout = NVBUF_LAYOUT_PITCH;
  g_assert_cmpint (NvBufSurfaceCreate (&s, 0, &p), ==, -1);
  g_assert_cmpint (NvBufSurfaceCreate (NULL, 1, &p), ==, -1);
  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, NULL), ==, -1);
  p.colorFormat = NVBUF_COLOR_FORMAT_LAST;
  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, -1);
  p.colorFormat = NVBUF_COLOR_FORMAT_RGBA;
  p.width = 0;
  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, -1);
  p.size = 100;                 /* size wins over width/height */
  g_assert_cmpint (NvBufSurfaceCreate (&s, 1, &p), ==, 0);
  g_assert_cmpint (s->memType, ==, NVBUF_MEM_SYSTEM);
  g_assert_cmpuint (s->surfaceList[0].dataSize, ==, 100);
  g_assert_cmpint (NvBufSurfaceMap (s, 1, 0, NVBUF_MAP_READ), ==, -1);
  g_assert_cmpint (NvBufSurfaceMap (s, 0, 1, NVBUF_MAP_READ), ==, -1);
  g_assert_cmpint (NvBufSurfaceMap (s, -2, 0, NVBUF_MAP_READ), ==, -1);
  g_assert_cmpint (NvBufSurfaceMap (s, 0, 0, (NvBufSurfaceMemMapFlags) 9),
      ==, -1);
  g_assert_cmpint (NvBufSurfaceMapEglImage (s, 0), ==, -1);
  g_assert_cmpint (NvBufSurfaceCopy (s, s), ==, -1);
  /* A struct the library did not allocate is never touched. */
  NvBufSurface fake;
  memset (&fake, 0, sizeof fake);
  g_assert_cmpint (NvBufSurfaceDestroy (&fake), ==, -1);
  g_assert_cmpint (NvBufSurfaceMap (&fake, 0, 0, NVBUF_MAP_READ), ==, -1);
  g_assert_cmpint (NvBufSurfaceDestroy (NULL), ==, -1);
  void *from_fd = &fake;
  g_assert_cmpint (NvBufSurfaceFromFd (3, &from_fd), ==, -1);
  g_assert_null (from_fd);
  NvBufSurfaceDestroy (s);
}

static void
test_contiguous_batch (void)
{
  NvBufSurfaceCreateParams p = params (NVBUF_COLOR_FORMAT_RGB, 8, 8);
  NvBufSurface *s = NULL;

  p.isContiguous = true;
  g_assert_cmpint (NvBufSurfaceCreate (&s, 3, &p), ==, 0);
  guint8 *base = s->surfaceList[0].dataPtr;
  g_assert_true ((guint8 *) s->surfaceList[2].dataPtr ==
      base + 2 * s->surfaceList[0].dataSize);
  g_assert_cmpint (NvBufSurfaceMemSet (s, -1, -1, 7), ==, 0);
  g_assert_cmpint (((guint8 *) s->surfaceList[2].dataPtr)[5], ==, 7);
  g_assert_cmpint (NvBufSurfaceDestroy (s), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bufsurface/create-rgba", test_create_rgba);
  g_test_add_func ("/bufsurface/nv12-planes", test_nv12_planes);
  g_test_add_func ("/bufsurface/copy-and-raw", test_copy_and_raw);
  g_test_add_func ("/bufsurface/errors", test_errors);
  g_test_add_func ("/bufsurface/contiguous-batch", test_contiguous_batch);
  return g_test_run ();
}
