/*
 * bindery DeepStream SDK stand-in: deep copies of single elements.
 *
 * Owns nvds_copy_{frame,obj,classifier,label_info,display}_meta and the
 * user meta copy helper. A copy never shares owned memory with its source:
 * owned strings and masks are duplicated, child lists are copied into the
 * destination's batch, and user payloads go through their copy_func. What
 * the destination held before is released first, so nothing leaks.
 */
#include <string.h>

#include "meta_internal.h"

/* Keeps the destination's batch pointer and type in a struct copy. */
static void
copy_base (NvDsBaseMeta * dst, const NvDsBaseMeta * src)
{
  NvDsBatchMeta *batch = dst->batch_meta;
  NvDsMetaType type = dst->meta_type;

  *dst = *src;
  dst->batch_meta = batch;
  dst->meta_type = type;
}

/** Deep-copies @src_frame_meta into @dst_frame_meta (objects, displays, user meta). */
void
nvds_copy_frame_meta (NvDsFrameMeta * src_frame_meta,
    NvDsFrameMeta * dst_frame_meta)
{
  g_return_if_fail (src_frame_meta != NULL && dst_frame_meta != NULL);
  NvDsBatchMeta *b = nvds_owner_batch (dst_frame_meta, "frame meta");
  if (b == NULL || src_frame_meta == dst_frame_meta)
    return;
  g_rec_mutex_lock (&b->meta_mutex);
  nvds_release_frame_contents (b, dst_frame_meta);
  NvDsBaseMeta base = dst_frame_meta->base_meta;
  *dst_frame_meta = *src_frame_meta;
  dst_frame_meta->base_meta = base;
  copy_base (&dst_frame_meta->base_meta, &src_frame_meta->base_meta);
  dst_frame_meta->obj_meta_list = NULL;
  dst_frame_meta->display_meta_list = NULL;
  dst_frame_meta->frame_user_meta_list = NULL;
  dst_frame_meta->num_obj_meta = 0;
  nvds_copy_obj_meta_list (src_frame_meta->obj_meta_list, dst_frame_meta);
  nvds_copy_display_meta_list (src_frame_meta->display_meta_list,
      dst_frame_meta);
  nvds_copy_frame_user_meta_list (src_frame_meta->frame_user_meta_list,
      dst_frame_meta);
  g_rec_mutex_unlock (&b->meta_mutex);
}

/* Duplicates the object's owned text and mask buffers in place. */
static void
dup_obj_owned (NvDsObjectMeta * obj)
{
  NvOSD_MaskParams *mask = &obj->mask_params;

  obj->text_params.display_text = g_strdup (obj->text_params.display_text);
  if (mask->data != NULL && mask->size > 0)
    mask->data = g_memdup2 (mask->data, mask->size);
  else
    mask->data = NULL;          /* unknown size: cannot copy safely */
}

/**
 * Deep-copies @src_object_meta into @dst_object_meta. The parent pointer
 * is copied as is; classifier results and user metadata are copied.
 */
void
nvds_copy_obj_meta (NvDsObjectMeta * src_object_meta,
    NvDsObjectMeta * dst_object_meta)
{
  g_return_if_fail (src_object_meta != NULL && dst_object_meta != NULL);
  NvDsBatchMeta *b = nvds_owner_batch (dst_object_meta, "object meta");
  if (b == NULL || src_object_meta == dst_object_meta)
    return;
  g_rec_mutex_lock (&b->meta_mutex);
  nvds_release_obj_contents (b, dst_object_meta);
  NvDsBaseMeta base = dst_object_meta->base_meta;
  *dst_object_meta = *src_object_meta;
  dst_object_meta->base_meta = base;
  copy_base (&dst_object_meta->base_meta, &src_object_meta->base_meta);
  dup_obj_owned (dst_object_meta);
  dst_object_meta->classifier_meta_list = NULL;
  dst_object_meta->obj_user_meta_list = NULL;
  nvds_copy_classification_list (src_object_meta->classifier_meta_list,
      dst_object_meta);
  nvds_copy_obj_user_meta_list (src_object_meta->obj_user_meta_list,
      dst_object_meta);
  g_rec_mutex_unlock (&b->meta_mutex);
}

/** Deep-copies a classifier meta, including its labels. */
void
nvds_copy_classifier_meta (NvDsClassifierMeta * src_classifier_meta,
    NvDsClassifierMeta * dst_classifier_meta)
{
  g_return_if_fail (src_classifier_meta && dst_classifier_meta);
  NvDsBatchMeta *b = nvds_owner_batch (dst_classifier_meta,
      "classifier meta");
  if (b == NULL || src_classifier_meta == dst_classifier_meta)
    return;
  g_rec_mutex_lock (&b->meta_mutex);
  nvds_release_classifier_contents (b, dst_classifier_meta);
  NvDsBaseMeta base = dst_classifier_meta->base_meta;
  *dst_classifier_meta = *src_classifier_meta;
  dst_classifier_meta->base_meta = base;
  copy_base (&dst_classifier_meta->base_meta,
      &src_classifier_meta->base_meta);
  dst_classifier_meta->label_info_list = NULL;
  nvds_copy_label_info_list (src_classifier_meta->label_info_list,
      dst_classifier_meta);
  g_rec_mutex_unlock (&b->meta_mutex);
}

/** Copies a label, duplicating the long-label string it owns. */
void
nvds_copy_label_info_meta (NvDsLabelInfo * src_label_info,
    NvDsLabelInfo * dst_label_info)
{
  g_return_if_fail (src_label_info != NULL && dst_label_info != NULL);
  if (src_label_info == dst_label_info)
    return;
  g_free (dst_label_info->pResult_label);
  NvDsBaseMeta base = dst_label_info->base_meta;
  *dst_label_info = *src_label_info;
  dst_label_info->base_meta = base;
  copy_base (&dst_label_info->base_meta, &src_label_info->base_meta);
  dst_label_info->result_label[MAX_LABEL_SIZE - 1] = '\0';
  dst_label_info->pResult_label = g_strdup (src_label_info->pResult_label);
}

/** Copies a display meta, duplicating every label text. */
void
nvds_copy_display_meta (NvDsDisplayMeta * src_display_meta,
    NvDsDisplayMeta * dst_display_meta)
{
  g_return_if_fail (src_display_meta != NULL && dst_display_meta != NULL);
  if (src_display_meta == dst_display_meta)
    return;
  nvds_release_display_contents (NULL, dst_display_meta);
  NvDsBaseMeta base = dst_display_meta->base_meta;
  *dst_display_meta = *src_display_meta;
  dst_display_meta->base_meta = base;
  copy_base (&dst_display_meta->base_meta, &src_display_meta->base_meta);
  for (guint i = 0; i < MAX_ELEMENTS_IN_DISPLAY_META; i++) {
    NvOSD_TextParams *t = &dst_display_meta->text_params[i];
    t->display_text = g_strdup (t->display_text);
  }
}

/**
 * A new, unattached user meta from @dst_batch holding a copy of @src's
 * payload (made by its copy_func), or NULL when the payload cannot be
 * copied: it has a release_func but no copy_func, so sharing it would
 * free it twice. Payloads with neither callback are shared.
 */
NvDsUserMeta *
nvds_copy_user_meta_into (NvDsUserMeta * src, NvDsBatchMeta * dst_batch)
{
  NvDsBaseMeta *sb = &src->base_meta;

  if (sb->copy_func == NULL && sb->release_func != NULL) {
    g_warning ("user meta of type %d has a release_func but no copy_func; "
        "not copied", sb->meta_type);
    return NULL;
  }
  NvDsUserMeta *dst = nvds_acquire_user_meta_from_pool (dst_batch);
  if (dst == NULL)
    return NULL;
  dst->base_meta.meta_type = sb->meta_type;
  dst->base_meta.uContext = sb->uContext;
  dst->user_meta_data = sb->copy_func ? sb->copy_func (src, NULL)
      : src->user_meta_data;
  dst->base_meta.copy_func = sb->copy_func;
  dst->base_meta.release_func = sb->release_func;
  return dst;
}
