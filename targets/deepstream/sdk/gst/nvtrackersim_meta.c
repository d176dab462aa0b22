/*
 * bindery DeepStream SDK stand-in: nvtrackersim past-frame payload.
 *
 * Owns the NvDsTargetMiscDataBatch payload of NVDS_TRACKER_PAST_FRAME_META
 * user meta: allocation (every list is g_malloc'ed and owned by its
 * parent; numAllocated == numFilled), deep copy, release, and attaching
 * it to a batch. It does not decide what goes in (nvtrackersim_history.c).
 */
#include "nvtrackersim.h"

NvDsTargetMiscDataBatch *
nvtrackersim_misc_batch_new (guint streams)
{
  NvDsTargetMiscDataBatch *b = g_new0 (NvDsTargetMiscDataBatch, 1);
  b->list = g_new0 (NvDsTargetMiscDataStream, MAX (streams, 1u));
  b->numAllocated = b->numFilled = streams;
  return b;
}

static void
stream_clear (NvDsTargetMiscDataStream * s)
{
  for (guint i = 0; i < s->numFilled; i++)
    g_free (s->list[i].list);
  g_free (s->list);
}

void
nvtrackersim_misc_batch_free (NvDsTargetMiscDataBatch * batch)
{
  if (batch == NULL)
    return;
  for (guint i = 0; i < batch->numFilled; i++)
    stream_clear (&batch->list[i]);
  g_free (batch->list);
  g_free (batch);
}

static void
stream_copy (NvDsTargetMiscDataStream * dst,
    const NvDsTargetMiscDataStream * src)
{
  *dst = *src;
  dst->list = g_new0 (NvDsTargetMiscDataObject, MAX (src->numFilled, 1u));
  dst->numAllocated = src->numFilled;
  for (guint i = 0; i < src->numFilled; i++) {
    const NvDsTargetMiscDataObject *o = &src->list[i];
    dst->list[i] = *o;
    dst->list[i].list = g_memdup2 (o->list,
        MAX (o->numObj, 1u) * sizeof (NvDsTargetMiscDataFrame));
    dst->list[i].numAllocated = o->numObj;
  }
}

NvDsTargetMiscDataBatch *
nvtrackersim_misc_batch_copy (const NvDsTargetMiscDataBatch * src)
{
  NvDsTargetMiscDataBatch *dst = nvtrackersim_misc_batch_new (src->numFilled);
  for (guint i = 0; i < src->numFilled; i++)
    stream_copy (&dst->list[i], &src->list[i]);
  return dst;
}

static gpointer
past_frame_copy (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL || user->user_meta_data == NULL)
    return NULL;
  return nvtrackersim_misc_batch_copy (user->user_meta_data);
}

static void
past_frame_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL)
    return;
  nvtrackersim_misc_batch_free (user->user_meta_data);
  user->user_meta_data = NULL;
}

gboolean
nvtrackersim_attach_past_frames (NvDsBatchMeta * batch,
    NvDsTargetMiscDataBatch * payload)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL) {
    nvtrackersim_misc_batch_free (payload);
    return FALSE;
  }
  user->user_meta_data = payload;
  user->base_meta.meta_type = NVDS_TRACKER_PAST_FRAME_META;
  user->base_meta.copy_func = past_frame_copy;
  user->base_meta.release_func = past_frame_release;
  nvds_add_user_meta_to_batch (batch, user);
  return TRUE;
}
