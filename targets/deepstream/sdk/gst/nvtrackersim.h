/*
 * bindery DeepStream SDK stand-in: nvtrackersim past-frame data.
 *
 * Owns the producer behind the nvtrackersim element: per stream, the
 * recent boxes of every tracked object (object_id set) it has seen, and
 * the NVDS_TRACKER_PAST_FRAME_META batch user meta (an
 * NvDsTargetMiscDataBatch, DS 9.1 layout) built from them, with its
 * allocation, deep copy and release.
 */
#ifndef BINDERY_NVTRACKERSIM_H
#define BINDERY_NVTRACKERSIM_H

#include "nvdsmeta.h"
#include "nvds_tracker_meta.h"

G_BEGIN_DECLS

/** Most past frames reported per target. */
#define NVTRACKERSIM_MAX_PAST_FRAMES 100

/** Track history of every stream; one per element. */
typedef struct _NvTrackerSimState NvTrackerSimState;

/** A state with no history. Free with nvtrackersim_state_free(). */
NvTrackerSimState *nvtrackersim_state_new (void);

/** Frees @state; NULL is ignored. */
void nvtrackersim_state_free (NvTrackerSimState * state);

/**
 * For every frame of @batch (stream = pad_index): reports the tracked
 * objects of that frame that have history, each with its boxes in up to
 * @past_frames earlier frames (oldest first), as one
 * NVDS_TRACKER_PAST_FRAME_META batch user meta; then records the frame's
 * objects and forgets targets absent from it. @past_frames 0 records
 * nothing and attaches nothing.
 */
void nvtrackersim_process (NvTrackerSimState * state, NvDsBatchMeta * batch,
    guint past_frames);

/** A batch payload with @streams zeroed stream entries (numFilled set). */
NvDsTargetMiscDataBatch *nvtrackersim_misc_batch_new (guint streams);

/** Frees a payload and every list in it; NULL is ignored. */
void nvtrackersim_misc_batch_free (NvDsTargetMiscDataBatch * batch);

/** A deep copy of @src. */
NvDsTargetMiscDataBatch *nvtrackersim_misc_batch_copy (
    const NvDsTargetMiscDataBatch * src);

/**
 * Attaches @payload (taking ownership) to @batch as
 * NVDS_TRACKER_PAST_FRAME_META batch user meta with copy and release
 * functions. Frees @payload and returns FALSE when no user meta is left.
 */
gboolean nvtrackersim_attach_past_frames (NvDsBatchMeta * batch,
    NvDsTargetMiscDataBatch * payload);

G_END_DECLS

#endif /* BINDERY_NVTRACKERSIM_H */
