/*
 * bindery DeepStream SDK stand-in: nvtrackersim track history.
 *
 * Owns the tracker's memory: per stream (pad_index), per tracked object
 * (object_id), its class, label, age and boxes in recent frames. Each
 * batch is first reported from that memory (past frames only, never the
 * current one), then recorded. Targets absent from a frame of their
 * stream are forgotten, so memory stays bounded by the objects present.
 */
#include <string.h>

#include "nvtrackersim.h"

/** What the tracker remembers of one target. */
typedef struct {
  guint64 id;
  guint16 class_id;
  gchar label[MAX_LABEL_SIZE];
  guint32 age;                  /* frames seen so far */
  guint64 seen;                 /* state->seq of the last frame it was in */
  GArray *frames;               /* NvDsTargetMiscDataFrame, oldest first */
} Track;

struct _NvTrackerSimState
{
  GHashTable *streams;          /* pad_index -> GHashTable(id -> Track) */
  guint64 seq;                  /* frames processed */
};

static void
track_free (gpointer data)
{
  Track *t = data;
  g_array_unref (t->frames);
  g_free (t);
}

NvTrackerSimState *
nvtrackersim_state_new (void)
{
  NvTrackerSimState *s = g_new0 (NvTrackerSimState, 1);
  s->streams = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
      (GDestroyNotify) g_hash_table_unref);
  return s;
}

void
nvtrackersim_state_free (NvTrackerSimState * state)
{
  if (state == NULL)
    return;
  g_hash_table_unref (state->streams);
  g_free (state);
}

static GHashTable *
stream_tracks (NvTrackerSimState * s, guint pad_index)
{
  gpointer key = GUINT_TO_POINTER (pad_index);
  GHashTable *tracks = g_hash_table_lookup (s->streams, key);
  if (tracks == NULL) {
    tracks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
        track_free);
    g_hash_table_insert (s->streams, key, tracks);
  }
  return tracks;
}

static gboolean
is_tracked (const NvDsObjectMeta * o)
{
  return o->object_id != UNTRACKED_OBJECT_ID;
}

/* Fills @out with @frame's tracked objects that have history. */
static void
report_stream (GHashTable * tracks, const NvDsFrameMeta * frame,
    NvDsTargetMiscDataStream * out)
{
  out->streamID = frame->pad_index;
  out->surfaceStreamID = ((guint64) frame->source_id << 32) | frame->batch_id;
  out->list = g_new0 (NvDsTargetMiscDataObject,
      g_list_length (frame->obj_meta_list) + 1);
  for (GList * l = frame->obj_meta_list; l != NULL; l = l->next) {
    const NvDsObjectMeta *o = l->data;
    Track *t = is_tracked (o) ? g_hash_table_lookup (tracks, &o->object_id)
        : NULL;
    if (t == NULL || t->frames->len == 0)
      continue;
    NvDsTargetMiscDataObject *r = &out->list[out->numFilled++];
    r->uniqueId = t->id;
    r->classId = t->class_id;
    memcpy (r->objLabel, t->label, MAX_LABEL_SIZE);
    r->numObj = r->numAllocated = t->frames->len;
    r->list = g_memdup2 (t->frames->data,
        t->frames->len * sizeof (NvDsTargetMiscDataFrame));
  }
  out->numAllocated = out->numFilled;
}

/* The box the tracker reports for @o: its tracker box, else rect_params. */
static NvOSD_RectParams
track_box (const NvDsObjectMeta * o)
{
  const NvBbox_Coords *c = &o->tracker_bbox_info.org_bbox_coords;
  NvOSD_RectParams r = { 0 };
  gboolean has = c->width > 0.0f && c->height > 0.0f;
  r.left = has ? c->left : o->rect_params.left;
  r.top = has ? c->top : o->rect_params.top;
  r.width = has ? c->width : o->rect_params.width;
  r.height = has ? c->height : o->rect_params.height;
  return r;
}

static Track *
track_for (GHashTable * tracks, const NvDsObjectMeta * o)
{
  Track *t = g_hash_table_lookup (tracks, &o->object_id);
  if (t != NULL)
    return t;
  t = g_new0 (Track, 1);
  t->id = o->object_id;
  t->frames = g_array_new (FALSE, TRUE, sizeof (NvDsTargetMiscDataFrame));
  g_hash_table_insert (tracks, &t->id, t);
  return t;
}

static void
record_object (Track * t, const NvDsFrameMeta * frame,
    const NvDsObjectMeta * o, guint keep, guint64 seq)
{
  NvDsTargetMiscDataFrame f = { 0 };
  t->class_id = (guint16) o->class_id;
  g_strlcpy (t->label, o->obj_label, MAX_LABEL_SIZE);
  t->age++;
  t->seen = seq;
  f.frameNum = (uint32_t) frame->frame_num;
  f.tBbox = track_box (o);
  f.confidence = o->tracker_confidence;
  f.age = t->age;
  f.trackerState = ACTIVE;
  f.visibility = 1.0f;
  g_array_append_val (t->frames, f);
  while (t->frames->len > keep)
    g_array_remove_index (t->frames, 0);
}

static gboolean
is_stale (gpointer key, gpointer value, gpointer seq)
{
  (void) key;
  return ((Track *) value)->seen != *(guint64 *) seq;
}

static void
record_stream (NvTrackerSimState * s, GHashTable * tracks,
    const NvDsFrameMeta * frame, guint keep)
{
  guint64 seq = ++s->seq;
  for (GList * l = frame->obj_meta_list; l != NULL; l = l->next) {
    const NvDsObjectMeta *o = l->data;
    Track *t = is_tracked (o) ? track_for (tracks, o) : NULL;
    if (t != NULL && t->seen != seq)    /* first object with this id wins */
      record_object (t, frame, o, keep, seq);
  }
  g_hash_table_foreach_remove (tracks, is_stale, &seq);
}

void
nvtrackersim_process (NvTrackerSimState * state, NvDsBatchMeta * batch,
    guint past_frames)
{
  guint keep = MIN (past_frames, NVTRACKERSIM_MAX_PAST_FRAMES);
  if (keep == 0)
    return;
  NvDsTargetMiscDataBatch *payload = nvtrackersim_misc_batch_new (
      g_list_length (batch->frame_meta_list));
  guint i = 0;
  for (GList * l = batch->frame_meta_list; l != NULL; l = l->next, i++) {
    const NvDsFrameMeta *frame = l->data;
    GHashTable *tracks = stream_tracks (state, frame->pad_index);
    report_stream (tracks, frame, &payload->list[i]);
    record_stream (state, tracks, frame, keep);
  }
  nvtrackersim_attach_past_frames (batch, payload);
}
