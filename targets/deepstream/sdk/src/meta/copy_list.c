/*
 * bindery DeepStream SDK stand-in: deep copies of metadata lists.
 *
 * Owns nvds_copy_*_list: each source element is copied into a new element
 * acquired from the destination's batch and attached to the destination.
 * Object parent links inside a copied object list are remapped to the
 * copies; links to objects outside the list are cleared, because the
 * source they point into may be freed before the copy.
 */
#include "meta_internal.h"

/** Copies every frame of @src_frame_meta_list into @dst_batch_meta. */
void
nvds_copy_frame_meta_list (NvDsFrameMetaList * src_frame_meta_list,
    NvDsBatchMeta * dst_batch_meta)
{
  g_return_if_fail (dst_batch_meta != NULL);
  for (GList * l = src_frame_meta_list; l != NULL; l = l->next) {
    NvDsFrameMeta *dst = nvds_acquire_frame_meta_from_pool (dst_batch_meta);
    if (dst == NULL)
      return;                   /* batch full: warned by the pool */
    nvds_copy_frame_meta (l->data, dst);
    nvds_add_frame_meta_to_batch (dst_batch_meta, dst);
  }
}

/* Points each copied object's parent at the copy of its parent. */
static void
remap_parents (GHashTable * copies)
{
  GHashTableIter iter;
  gpointer src, dst;

  g_hash_table_iter_init (&iter, copies);
  while (g_hash_table_iter_next (&iter, &src, &dst)) {
    NvDsObjectMeta *s = src, *d = dst;
    d->parent = s->parent ? g_hash_table_lookup (copies, s->parent) : NULL;
  }
}

/** Copies every object of @src_obj_meta_list into @dst_frame_meta. */
void
nvds_copy_obj_meta_list (NvDsObjectMetaList * src_obj_meta_list,
    NvDsFrameMeta * dst_frame_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_frame_meta, "frame meta");
  if (b == NULL)
    return;
  GHashTable *copies = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (GList * l = src_obj_meta_list; l != NULL; l = l->next) {
    NvDsObjectMeta *dst = nvds_acquire_obj_meta_from_pool (b);
    if (dst == NULL)
      break;
    nvds_copy_obj_meta (l->data, dst);
    nvds_add_obj_meta_to_frame (dst_frame_meta, dst, NULL);
    g_hash_table_insert (copies, l->data, dst);
  }
  remap_parents (copies);
  g_hash_table_destroy (copies);
}

/** Copies every display meta of @src_display_meta_list into @dst_frame_meta. */
void
nvds_copy_display_meta_list (NvDisplayMetaList * src_display_meta_list,
    NvDsFrameMeta * dst_frame_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_frame_meta, "frame meta");
  if (b == NULL)
    return;
  for (GList * l = src_display_meta_list; l != NULL; l = l->next) {
    NvDsDisplayMeta *dst = nvds_acquire_display_meta_from_pool (b);
    if (dst == NULL)
      return;
    nvds_copy_display_meta (l->data, dst);
    nvds_add_display_meta_to_frame (dst_frame_meta, dst);
  }
}

/** Copies every classifier of @src_classifier_meta_list into @dst_object_meta. */
void
nvds_copy_classification_list (NvDsClassifierMetaList *
    src_classifier_meta_list, NvDsObjectMeta * dst_object_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_object_meta, "object meta");
  if (b == NULL)
    return;
  for (GList * l = src_classifier_meta_list; l != NULL; l = l->next) {
    NvDsClassifierMeta *dst = nvds_acquire_classifier_meta_from_pool (b);
    if (dst == NULL)
      return;
    nvds_copy_classifier_meta (l->data, dst);
    nvds_add_classifier_meta_to_object (dst_object_meta, dst);
  }
}

/** Copies every label of @src_label_info_list into @dst_classifier_meta. */
void
nvds_copy_label_info_list (NvDsLabelInfoList * src_label_info_list,
    NvDsClassifierMeta * dst_classifier_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_classifier_meta,
      "classifier meta");
  if (b == NULL)
    return;
  for (GList * l = src_label_info_list; l != NULL; l = l->next) {
    NvDsLabelInfo *dst = nvds_acquire_label_info_meta_from_pool (b);
    if (dst == NULL)
      return;
    nvds_copy_label_info_meta (l->data, dst);
    nvds_add_label_info_meta_to_classifier (dst_classifier_meta, dst);
  }
}

/* Copies each user meta of @src into @b and attaches it with @add. */
static void
copy_user_list (GList * src, NvDsBatchMeta * b, gpointer parent,
    void (*add) (gpointer parent, NvDsUserMeta * user))
{
  for (GList * l = src; l != NULL; l = l->next) {
    NvDsUserMeta *dst = nvds_copy_user_meta_into (l->data, b);
    if (dst != NULL)
      add (parent, dst);
  }
}

static void
add_to_batch (gpointer parent, NvDsUserMeta * user)
{
  nvds_add_user_meta_to_batch (parent, user);
}

static void
add_to_frame (gpointer parent, NvDsUserMeta * user)
{
  nvds_add_user_meta_to_frame (parent, user);
}

static void
add_to_obj (gpointer parent, NvDsUserMeta * user)
{
  nvds_add_user_meta_to_obj (parent, user);
}

/** Copies every user meta of @src_user_meta_list into @dst_batch_meta. */
void
nvds_copy_batch_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsBatchMeta * dst_batch_meta)
{
  g_return_if_fail (dst_batch_meta != NULL);
  copy_user_list (src_user_meta_list, dst_batch_meta, dst_batch_meta,
      add_to_batch);
}

/** Copies every user meta of @src_user_meta_list into @dst_frame_meta. */
void
nvds_copy_frame_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsFrameMeta * dst_frame_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_frame_meta, "frame meta");
  if (b != NULL)
    copy_user_list (src_user_meta_list, b, dst_frame_meta, add_to_frame);
}

/** Copies every user meta of @src_user_meta_list into @dst_object_meta. */
void
nvds_copy_obj_user_meta_list (NvDsUserMetaList * src_user_meta_list,
    NvDsObjectMeta * dst_object_meta)
{
  NvDsBatchMeta *b = nvds_owner_batch (dst_object_meta, "object meta");
  if (b != NULL)
    copy_user_list (src_user_meta_list, b, dst_object_meta, add_to_obj);
}
