/*
 * bindery DeepStream SDK stand-in: NvBufSurface features without hardware.
 *
 * Owns the entry points that need a GPU, NVMM/DMABUF memory or EGL. With
 * no such hardware they validate nothing, touch nothing and return the
 * SDK's failure code (-1). NvBufSurfaceGetDeviceInfo reports that no
 * NVIDIA driver was found.
 */
#include <string.h>

#include "bufsurface_internal.h"

/** No DMABUF surfaces exist here: always -1. */
int
NvBufSurfaceFromFd (int dmabuf_fd, void **buffer)
{
  (void) dmabuf_fd;
  if (buffer != NULL)
    *buffer = NULL;
  return -1;
}

/** EGL images need Jetson memory: always -1. */
int
NvBufSurfaceMapEglImage (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** EGL images need Jetson memory: always -1. */
int
NvBufSurfaceUnMapEglImage (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** Importing needs DMABUF/CUDA IPC: always -1. */
int
NvBufSurfaceImport (NvBufSurface ** out_nvbuf_surf,
    const NvBufSurfaceMapParams * in_params)
{
  (void) in_params;
  if (out_nvbuf_surf != NULL)
    *out_nvbuf_surf = NULL;
  return -1;
}

/** Exporting needs DMABUF/CUDA IPC: always -1. */
int
NvBufSurfaceGetMapParams (const NvBufSurface * surf, int index,
    NvBufSurfaceMapParams * params)
{
  (void) surf;
  (void) index;
  (void) params;
  return -1;
}

/** CUDA buffers need a GPU: always -1. */
int
NvBufSurfaceMapCudaBuffer (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** CUDA buffers need a GPU: always -1. */
int
NvBufSurfaceUnMapCudaBuffer (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** NVMM buffers need Jetson memory: always -1. */
int
NvBufSurfaceMapNvmmBuffer (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** NVMM buffers need Jetson memory: always -1. */
int
NvBufSurfaceUnMapNvmmBuffer (NvBufSurface * surf, int index)
{
  (void) surf;
  (void) index;
  return -1;
}

/** GPU L2 cache maintenance needs a GPU: always -1. */
int
NvBufSurfaceSyncGpuL2CacheForDevice (NvBufSurface * surf, int index,
    NvBufSurfaceGPUL2SyncParams * params)
{
  (void) surf;
  (void) index;
  (void) params;
  return -1;
}

/** Reports an unknown driver, no VIC, no integrated GPU; -1 for NULL. */
int
NvBufSurfaceGetDeviceInfo (NvBufSurfaceDeviceInfo * info)
{
  if (info == NULL)
    return -1;
  memset (info, 0, sizeof (*info));
  info->driverType = NVBUF_DRIVER_TYPE_UNKNOWN;
  info->platformType = NVBUF_PLATFORM_TYPE_UNKNOWN;
  return 0;
}
