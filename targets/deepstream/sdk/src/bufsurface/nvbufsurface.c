/*
 * bindery DeepStream SDK stand-in: NvBufSurface on system memory.
 *
 * Owns allocation, destruction, CPU mapping, sync, fill and copy of
 * batched surfaces whose memory comes from g_malloc (NVBUF_MEM_SYSTEM;
 * NVBUF_MEM_DEFAULT means system memory here, as there is no GPU). Every
 * entry point validates its arguments and returns -1 instead of touching
 * memory it does not own: CUDA and Jetson memory types, block-linear
 * layouts, unknown formats, out-of-range indices and foreign surfaces.
 */
#include <string.h>

#include "bufsurface_internal.h"

/* Address stored in NvBufSurface::_reserved[0] of surfaces we allocated. */
static const char OWNER_MARK[] = "bindery-nvbufsurface";

gboolean
nvbs_is_ours (const NvBufSurface * surf)
{
  return surf != NULL && surf->_reserved[0] == (void *) OWNER_MARK
      && surf->surfaceList != NULL;
}

gboolean
nvbs_check_range (const NvBufSurface * surf, int index, int plane)
{
  if (!nvbs_is_ours (surf) || index < -1 || index >= (int) surf->batchSize)
    return FALSE;
  if (plane < -1)
    return FALSE;
  guint first = index < 0 ? 0 : (guint) index;
  guint last = index < 0 ? surf->batchSize : (guint) index + 1;
  for (guint i = first; i < last; i++)
    if (plane >= (int) surf->surfaceList[i].planeParams.num_planes)
      return FALSE;
  return TRUE;
}

static gboolean
valid_params (uint32_t batch, const NvBufSurfaceCreateParams * p)
{
  if (batch == 0 || batch > NVBS_MAX_BATCH)
    return FALSE;
  if (p->memType != NVBUF_MEM_DEFAULT && p->memType != NVBUF_MEM_SYSTEM)
    return FALSE;               /* CUDA / Jetson memory: not available */
  if (p->layout != NVBUF_LAYOUT_PITCH)
    return FALSE;
  if (p->size > 0)
    return TRUE;
  return p->width > 0 && p->height > 0 && p->width <= NVBS_MAX_DIM
      && p->height <= NVBS_MAX_DIM;
}

/* Describes one surface; returns its size in bytes (0 = unsupported). */
static gsize
describe_surface (NvBufSurfaceParams * s, const NvBufSurfaceCreateParams * p,
    gboolean pad)
{
  gsize size;

  s->layout = NVBUF_LAYOUT_PITCH;
  s->colorFormat = p->colorFormat;
  if (p->size > 0) {
    size = p->size;
    s->planeParams.num_planes = 1;
    s->planeParams.psize[0] = p->size;
    s->planeParams.pitch[0] = p->size;
    s->planeParams.width[0] = p->size;
    s->planeParams.height[0] = 1;
    s->planeParams.bytesPerPix[0] = 1;
  } else {
    size = nvbs_plane_layout (p->colorFormat, p->width, p->height, pad,
        &s->planeParams);
    s->width = p->width;
    s->height = p->height;
    s->pitch = s->planeParams.pitch[0];
  }
  s->dataSize = (uint32_t) size;
  return size > G_MAXUINT32 ? 0 : size;
}

/* Allocates a surface batch; NULL when the parameters are rejected. */
static NvBufSurface *
surface_new (uint32_t batch, const NvBufSurfaceCreateParams * p,
    gboolean pad)
{
  if (!valid_params (batch, p))
    return NULL;
  NvBufSurfaceParams *list = g_new0 (NvBufSurfaceParams, batch);
  gsize size = 0;
  for (uint32_t i = 0; i < batch; i++)
    size = describe_surface (&list[i], p, pad);
  if (size == 0 || (gsize) batch * size > G_MAXSIZE / 2) {
    g_free (list);
    return NULL;
  }
  guint8 *block = p->isContiguous ? g_malloc0 (batch * size) : NULL;
  for (uint32_t i = 0; i < batch; i++) {
    list[i].dataPtr = block ? block + i * size : g_malloc0 (size);
    list[i]._reserved[0] = (block && i > 0) ? NULL : list[i].dataPtr;
  }
  NvBufSurface *surf = g_new0 (NvBufSurface, 1);
  surf->gpuId = p->gpuId;
  surf->batchSize = batch;
  surf->numFilled = 0;
  surf->isContiguous = p->isContiguous;
  surf->memType = NVBUF_MEM_SYSTEM;
  surf->surfaceList = list;
  surf->_reserved[0] = (void *) OWNER_MARK;
  return surf;
}

/** Allocates @batchSize system-memory surfaces; 0 on success, -1 otherwise. */
int
NvBufSurfaceCreate (NvBufSurface ** surf, uint32_t batchSize,
    NvBufSurfaceCreateParams * params)
{
  if (surf == NULL || params == NULL)
    return -1;
  *surf = surface_new (batchSize, params, TRUE);
  return *surf ? 0 : -1;
}

/** As NvBufSurfaceCreate(); honours disablePitchPadding. */
int
NvBufSurfaceAllocate (NvBufSurface ** surf, uint32_t batchSize,
    NvBufSurfaceAllocateParams * paramsext)
{
  if (surf == NULL || paramsext == NULL)
    return -1;
  *surf = surface_new (batchSize, &paramsext->params,
      !paramsext->disablePitchPadding);
  return *surf ? 0 : -1;
}

/** Frees a batch allocated by this library; -1 for anything else. */
int
NvBufSurfaceDestroy (NvBufSurface * surf)
{
  if (!nvbs_is_ours (surf))
    return -1;
  for (uint32_t i = 0; i < surf->batchSize; i++)
    g_free (surf->surfaceList[i]._reserved[0]);
  g_free (surf->surfaceList);
  surf->surfaceList = NULL;
  surf->_reserved[0] = NULL;
  g_free (surf);
  return 0;
}

/* Calls @fn for each (surface, plane) selected by @index and @plane. */
static void
for_each_plane (NvBufSurface * surf, int index, int plane,
    void (*fn) (NvBufSurfaceParams * s, guint p, gpointer data),
    gpointer data)
{
  guint first = index < 0 ? 0 : (guint) index;
  guint last = index < 0 ? surf->batchSize : (guint) index + 1;
  for (guint i = first; i < last; i++) {
    NvBufSurfaceParams *s = &surf->surfaceList[i];
    guint p0 = plane < 0 ? 0 : (guint) plane;
    guint p1 = plane < 0 ? s->planeParams.num_planes : (guint) plane + 1;
    for (guint p = p0; p < p1; p++)
      fn (s, p, data);
  }
}

static void
map_one (NvBufSurfaceParams * s, guint p, gpointer data)
{
  (void) data;
  s->mappedAddr.addr[p] = (guint8 *) s->dataPtr + s->planeParams.offset[p];
}

static void
unmap_one (NvBufSurfaceParams * s, guint p, gpointer data)
{
  (void) data;
  s->mappedAddr.addr[p] = NULL;
}

static void
fill_one (NvBufSurfaceParams * s, guint p, gpointer data)
{
  memset ((guint8 *) s->dataPtr + s->planeParams.offset[p],
      *(const guint8 *) data, s->planeParams.psize[p]);
}

/** Maps planes for CPU access into mappedAddr.addr; -1 on bad arguments. */
int
NvBufSurfaceMap (NvBufSurface * surf, int index, int plane,
    NvBufSurfaceMemMapFlags type)
{
  if ((int) type < (int) NVBUF_MAP_READ || (int) type > (int) NVBUF_MAP_READ_WRITE
      || !nvbs_check_range (surf, index, plane))
    return -1;
  for_each_plane (surf, index, plane, map_one, NULL);
  return 0;
}

/** Clears the mapped addresses; -1 on bad arguments. */
int
NvBufSurfaceUnMap (NvBufSurface * surf, int index, int plane)
{
  if (!nvbs_check_range (surf, index, plane))
    return -1;
  for_each_plane (surf, index, plane, unmap_one, NULL);
  return 0;
}

/** System memory needs no cache maintenance: validates and returns 0. */
int
NvBufSurfaceSyncForCpu (NvBufSurface * surf, int index, int plane)
{
  return nvbs_check_range (surf, index, plane) ? 0 : -1;
}

/** System memory needs no cache maintenance: validates and returns 0. */
int
NvBufSurfaceSyncForDevice (NvBufSurface * surf, int index, int plane)
{
  return nvbs_check_range (surf, index, plane) ? 0 : -1;
}

/** Fills the selected planes with @value; -1 on bad arguments. */
int
NvBufSurfaceMemSet (NvBufSurface * surf, int index, int plane, uint8_t value)
{
  if (!nvbs_check_range (surf, index, plane))
    return -1;
  for_each_plane (surf, index, plane, fill_one, &value);
  return 0;
}
