/*
 * bindery DeepStream SDK stand-in: user metadata and ROI attachment.
 *
 * Owns nvds_add/remove_user_meta_* for batch, frame, object and ROI
 * parents, and the classifier-to-ROI functions. An ROI is not a pool
 * element; its batch is found through NvDsRoiMeta::frame_meta.
 */
#include "meta_internal.h"

static void
link_user (NvDsBatchMeta * b, gboolean add, gpointer parent, GList ** list,
    NvDsUserMeta * user_meta)
{
  if (b == NULL || user_meta == NULL) {
    g_critical ("user meta: NULL parent or user meta");
    return;
  }
  g_rec_mutex_lock (&b->meta_mutex);
  if (add)
    nvds_attach (b->user_meta_pool, parent, list, user_meta, "user meta");
  else
    nvds_detach (b->user_meta_pool, parent, list, user_meta, "user meta");
  g_rec_mutex_unlock (&b->meta_mutex);
}

/** Appends @user_meta to the batch's user meta list. */
void
nvds_add_user_meta_to_batch (NvDsBatchMeta * batch_meta,
    NvDsUserMeta * user_meta)
{
  link_user (batch_meta, TRUE, batch_meta,
      batch_meta ? &batch_meta->batch_user_meta_list : NULL, user_meta);
}

/** Appends @user_meta to the frame's user meta list. */
void
nvds_add_user_meta_to_frame (NvDsFrameMeta * frame_meta,
    NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b)
    link_user (b, TRUE, frame_meta, &frame_meta->frame_user_meta_list,
        user_meta);
}

/** Appends @user_meta to the object's user meta list. */
void
nvds_add_user_meta_to_obj (NvDsObjectMeta * obj_meta, NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (obj_meta, "object meta");
  if (b)
    link_user (b, TRUE, obj_meta, &obj_meta->obj_user_meta_list, user_meta);
}

/** Removes @user_meta from the batch; its release_func runs once. */
void
nvds_remove_user_meta_from_batch (NvDsBatchMeta * batch_meta,
    NvDsUserMeta * user_meta)
{
  link_user (batch_meta, FALSE, batch_meta,
      batch_meta ? &batch_meta->batch_user_meta_list : NULL, user_meta);
}

/** Removes @user_meta from the frame; its release_func runs once. */
void
nvds_remove_user_meta_from_frame (NvDsFrameMeta * frame_meta,
    NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (frame_meta, "frame meta");
  if (b)
    link_user (b, FALSE, frame_meta, &frame_meta->frame_user_meta_list,
        user_meta);
}

/** Removes @user_meta from the object; its release_func runs once. */
void
nvds_remove_user_meta_from_object (NvDsObjectMeta * obj_meta,
    NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (obj_meta, "object meta");
  if (b)
    link_user (b, FALSE, obj_meta, &obj_meta->obj_user_meta_list, user_meta);
}

static NvDsBatchMeta *
roi_batch (NvDsRoiMeta * roi_meta)
{
  if (roi_meta == NULL) {
    g_critical ("roi meta is NULL");
    return NULL;
  }
  if (roi_meta->frame_meta == NULL) {
    g_warning ("roi meta %p has no frame meta", (void *) roi_meta);
    return NULL;
  }
  return nvds_owner_batch (roi_meta->frame_meta, "frame meta");
}

/** Appends @user_meta to the ROI's user meta list. */
void
nvds_add_user_meta_to_roi (NvDsRoiMeta * roi_meta, NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = roi_batch (roi_meta);
  if (b)
    link_user (b, TRUE, roi_meta, &roi_meta->roi_user_meta_list, user_meta);
}

/** Removes @user_meta from the ROI; its release_func runs once. */
void
nvds_remove_user_meta_from_roi (NvDsRoiMeta * roi_meta,
    NvDsUserMeta * user_meta)
{
  NvDsBatchMeta *b = roi_batch (roi_meta);
  if (b)
    link_user (b, FALSE, roi_meta, &roi_meta->roi_user_meta_list, user_meta);
}

static void
link_roi_classifier (NvDsRoiMeta * roi_meta, gboolean add,
    NvDsClassifierMeta * cls)
{
  NvDsBatchMeta *b = roi_batch (roi_meta);
  if (b == NULL || cls == NULL)
    return;
  g_rec_mutex_lock (&b->meta_mutex);
  if (add)
    nvds_attach (b->classifier_meta_pool, roi_meta,
        &roi_meta->classifier_meta_list, cls, "classifier meta");
  else
    nvds_detach (b->classifier_meta_pool, roi_meta,
        &roi_meta->classifier_meta_list, cls, "classifier meta");
  g_rec_mutex_unlock (&b->meta_mutex);
}

/** Appends @classifier_meta to the ROI's classifier list. */
void
nvds_add_classifier_meta_to_roi (NvDsRoiMeta * roi_meta,
    NvDsClassifierMeta * classifier_meta)
{
  link_roi_classifier (roi_meta, TRUE, classifier_meta);
}

/** Removes @classifier_meta from the ROI and returns it to the pool. */
void
nvds_remove_classifier_meta_from_roi (NvDsRoiMeta * roi_meta,
    NvDsClassifierMeta * classifier_meta)
{
  link_roi_classifier (roi_meta, FALSE, classifier_meta);
}
