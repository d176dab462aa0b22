/*
 * bindery DeepStream SDK stand-in: libnvbufsurface internals.
 *
 * Owns the plane-layout table shared by the allocation code and the
 * ownership marker that tells surfaces this library allocated from others.
 */
#ifndef BINDERY_BUFSURFACE_INTERNAL_H
#define BINDERY_BUFSURFACE_INTERNAL_H

#include <glib.h>

#include "nvbufsurface.h"

G_BEGIN_DECLS

/** Row alignment, in bytes, of padded planes. */
#define NVBS_PITCH_ALIGN 32u
/** Largest width or height accepted. */
#define NVBS_MAX_DIM 16384u
/** Largest batch accepted. */
#define NVBS_MAX_BATCH 1024u

/**
 * Fills @p (planes, sizes, pitches, offsets) for one @width x @height
 * surface of @fmt; returns the total size in bytes, or 0 when @fmt is
 * not supported.
 */
G_GNUC_INTERNAL gsize nvbs_plane_layout (NvBufSurfaceColorFormat fmt,
    uint32_t width, uint32_t height, gboolean pad,
    NvBufSurfacePlaneParams * p);

/** TRUE when @surf was allocated by this library and not destroyed. */
G_GNUC_INTERNAL gboolean nvbs_is_ours (const NvBufSurface * surf);

/** TRUE when @index (-1 = all) and @plane (-1 = all) are valid for @surf. */
G_GNUC_INTERNAL gboolean nvbs_check_range (const NvBufSurface * surf,
    int index, int plane);

G_END_DECLS

#endif /* BINDERY_BUFSURFACE_INTERNAL_H */
