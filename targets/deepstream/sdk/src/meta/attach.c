/*
 * bindery DeepStream SDK stand-in: acquiring, attaching and removing meta.
 *
 * Owns the nvds_acquire_*_from_pool, nvds_add_*_to_* and
 * nvds_remove_*_from_* entry points. Every function takes the owning
 * batch's lock, checks its arguments (NULL, wrong pool, already attached,
 * not attached) and reports misuse with a GLib warning instead of
 * corrupting lists. Removal returns the element, with everything it
 * holds, to its pool.
 */
#include "meta_internal.h"

static gpointer
acquire (NvDsBatchMeta * b, NvDsMetaPool * pool)
{
  g_return_val_if_fail (b != NULL, NULL);
  g_rec_mutex_lock (&b->meta_mutex);
  gpointer elem = nvds_pool_acquire ((NvdsPool *) pool);
  g_rec_mutex_unlock (&b->meta_mutex);
  return elem;
}

/** A zeroed frame meta from the batch's pool (NULL when the batch is full). */
NvDsFrameMeta *
nvds_acquire_frame_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta, batch_meta ? batch_meta->frame_meta_pool : NULL);
}

/** A zeroed object meta (object_id = UNTRACKED_OBJECT_ID). */
NvDsObjectMeta *
nvds_acquire_obj_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta, batch_meta ? batch_meta->obj_meta_pool : NULL);
}

/** A zeroed classifier meta. */
NvDsClassifierMeta *
nvds_acquire_classifier_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta,
      batch_meta ? batch_meta->classifier_meta_pool : NULL);
}

/** A zeroed display meta. */
NvDsDisplayMeta *
nvds_acquire_display_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta,
      batch_meta ? batch_meta->display_meta_pool : NULL);
}

/** A zeroed label info meta. */
NvDsLabelInfo *
nvds_acquire_label_info_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta,
      batch_meta ? batch_meta->label_info_meta_pool : NULL);
}

/** A zeroed user meta; set meta_type, payload and callbacks before adding. */
NvDsUserMeta *
nvds_acquire_user_meta_from_pool (NvDsBatchMeta * batch_meta)
{
  return acquire (batch_meta, batch_meta ? batch_meta->user_meta_pool : NULL);
}

/* Runs attach or detach under the owning batch's lock. */
static gboolean
locked_link (NvDsBatchMeta * b, gboolean add, NvDsMetaPool * pool,
    gpointer parent, GList ** list, gpointer elem, const gchar * what)
{
  if (b == NULL || elem == NULL) {
    g_critical ("%s: NULL batch or element", what);
    return FALSE;
  }
  g_rec_mutex_lock (&b->meta_mutex);
  gboolean ok = add ? nvds_attach (pool, parent, list, elem, what)
      : nvds_detach (pool, parent, list, elem, what);
  g_rec_mutex_unlock (&b->meta_mutex);
  return ok;
}

/** Appends @frame_meta to the batch's frame list. */
void
nvds_add_frame_meta_to_batch (NvDsBatchMeta * batch_meta,
    NvDsFrameMeta * frame_meta)
{
  if (locked_link (batch_meta, TRUE, batch_meta ? batch_meta->frame_meta_pool
          : NULL, batch_meta, batch_meta ? &batch_meta->frame_meta_list : NULL,
          frame_meta, "frame meta"))
    batch_meta->num_frames_in_batch++;
}

/** Removes @frame_meta from the batch and returns it to the pool. */
void
nvds_remove_frame_meta_from_batch (NvDsBatchMeta * batch_meta,
    NvDsFrameMeta * frame_meta)
{
  locked_link (batch_meta, FALSE, batch_meta ?
      batch_meta->frame_meta_pool : NULL, batch_meta,
      batch_meta ? &batch_meta->frame_meta_list : NULL, frame_meta,
      "frame meta");
}

/** Appends @obj_meta to the frame; @obj_parent is stored as its parent. */
void
nvds_add_obj_meta_to_frame (NvDsFrameMeta * frame_meta,
    NvDsObjectMeta * obj_meta, NvDsObjectMeta * obj_parent)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b && locked_link (b, TRUE, b->obj_meta_pool, frame_meta,
          &frame_meta->obj_meta_list, obj_meta, "object meta")) {
    obj_meta->parent = obj_parent;
    frame_meta->num_obj_meta++;
  }
}

/** Removes @obj_meta from the frame and returns it to the pool. */
void
nvds_remove_obj_meta_from_frame (NvDsFrameMeta * frame_meta,
    NvDsObjectMeta * obj_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b)
    locked_link (b, FALSE, b->obj_meta_pool, frame_meta,
        &frame_meta->obj_meta_list, obj_meta, "object meta");
}

/** Appends @classifier_meta to the object's classifier list. */
void
nvds_add_classifier_meta_to_object (NvDsObjectMeta * obj_meta,
    NvDsClassifierMeta * classifier_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (obj_meta, "object meta");
  if (b)
    locked_link (b, TRUE, b->classifier_meta_pool, obj_meta,
        &obj_meta->classifier_meta_list, classifier_meta, "classifier meta");
}

/** Removes @classifier_meta from the object and returns it to the pool. */
void
nvds_remove_classifier_meta_from_obj (NvDsObjectMeta * obj_meta,
    NvDsClassifierMeta * classifier_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (obj_meta, "object meta");
  if (b)
    locked_link (b, FALSE, b->classifier_meta_pool, obj_meta,
        &obj_meta->classifier_meta_list, classifier_meta, "classifier meta");
}

/** Appends @display_meta to the frame's display list. */
void
nvds_add_display_meta_to_frame (NvDsFrameMeta * frame_meta,
    NvDsDisplayMeta * display_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b)
    locked_link (b, TRUE, b->display_meta_pool, frame_meta,
        &frame_meta->display_meta_list, display_meta, "display meta");
}

/** Removes @display_meta from the frame and returns it to the pool. */
void
nvds_remove_display_meta_from_frame (NvDsFrameMeta * frame_meta,
    NvDsDisplayMeta * display_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b)
    locked_link (b, FALSE, b->display_meta_pool, frame_meta,
        &frame_meta->display_meta_list, display_meta, "display meta");
}

/**
 * Appends @label_info_meta to the classifier. num_labels is the producer's
 * field and is not changed.
 */
void
nvds_add_label_info_meta_to_classifier (NvDsClassifierMeta * classifier_meta,
    NvDsLabelInfo * label_info_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (classifier_meta, "classifier meta");
  if (b)
    locked_link (b, TRUE, b->label_info_meta_pool, classifier_meta,
        &classifier_meta->label_info_list, label_info_meta,
        "label info meta");
}

/** Removes @label_info_meta from the classifier and returns it to the pool. */
void
nvds_remove_label_info_meta_from_classifier (NvDsClassifierMeta *
    classifier_meta, NvDsLabelInfo * label_info_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (classifier_meta, "classifier meta");
  if (b)
    locked_link (b, FALSE, b->label_info_meta_pool, classifier_meta,
        &classifier_meta->label_info_list, label_info_meta,
        "label info meta");
}
