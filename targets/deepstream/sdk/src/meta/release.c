/*
 * bindery DeepStream SDK stand-in: element contents and parent links.
 *
 * Owns what each metadata kind frees when it goes back to its pool (owned
 * strings, mask buffers, child lists, user payloads through release_func),
 * and the checked attach/detach of an element to a parent list. Strings
 * the metadata does not own (font names, classifier_type) are never freed.
 */
#include "meta_internal.h"

/** Returns every element of *@list to @pool and empties the list. */
void
nvds_release_list (NvDsMetaPool * pool, GList ** list)
{
  GList *items = *list;

  *list = NULL;
  for (GList * l = items; l != NULL; l = l->next) {
    if (!nvds_pool_release ((NvdsPool *) pool, l->data))
      g_warning ("list element %p does not belong to this batch's pool",
          l->data);
  }
  g_list_free (items);
}

/** Frame: its objects, drawings and user metadata go back to their pools. */
void
nvds_release_frame_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsFrameMeta *frame = e;

  nvds_release_list (b->obj_meta_pool, &frame->obj_meta_list);
  nvds_release_list (b->display_meta_pool, &frame->display_meta_list);
  nvds_release_list (b->user_meta_pool, &frame->frame_user_meta_list);
  frame->num_obj_meta = 0;
}

/** Object: classifier results, user metadata, owned text and mask. */
void
nvds_release_obj_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsObjectMeta *obj = e;

  nvds_release_list (b->classifier_meta_pool, &obj->classifier_meta_list);
  nvds_release_list (b->user_meta_pool, &obj->obj_user_meta_list);
  g_clear_pointer (&obj->text_params.display_text, g_free);
  g_clear_pointer (&obj->mask_params.data, g_free);
}

/** Classifier: its labels go back to the label pool. */
void
nvds_release_classifier_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsClassifierMeta *cls = e;

  nvds_release_list (b->label_info_meta_pool, &cls->label_info_list);
}

/** Label: the long-label string it owns. */
void
nvds_release_label_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsLabelInfo *label = e;

  (void) b;
  g_clear_pointer (&label->pResult_label, g_free);
}

/** Display: the text of every label slot. */
void
nvds_release_display_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsDisplayMeta *disp = e;

  (void) b;
  for (guint i = 0; i < MAX_ELEMENTS_IN_DISPLAY_META; i++)
    g_clear_pointer (&disp->text_params[i].display_text, g_free);
}

/** User meta: its release_func, called exactly once, then forgotten. */
void
nvds_release_user_contents (NvDsBatchMeta * b, gpointer e)
{
  NvDsUserMeta *user = e;
  NvDsMetaReleaseFunc release = user->base_meta.release_func;

  (void) b;
  user->base_meta.release_func = NULL;
  user->base_meta.copy_func = NULL;
  if (release != NULL)
    release (user, NULL);
  user->user_meta_data = NULL;
}

/**
 * Appends @elem to *@list of @parent after checking it is a handed-out
 * element of @pool that is not attached anywhere yet.
 */
gboolean
nvds_attach (NvDsMetaPool * pool, gpointer parent, GList ** list,
    gpointer elem, const gchar * what)
{
  NvdsPoolSlot *slot = nvds_pool_slot ((NvdsPool *) pool, elem);

  if (slot == NULL || slot->full_link == NULL) {
    g_warning ("%s %p was not acquired from the pool of this batch", what,
        elem);
    return FALSE;
  }
  if (slot->parent != NULL) {
    g_warning ("%s %p is already attached to %p", what, elem, slot->parent);
    return FALSE;
  }
  *list = g_list_append (*list, elem);
  slot->parent = parent;
  slot->parent_list = list;
  return TRUE;
}

/**
 * Unlinks @elem from *@list of @parent and returns it to @pool. Refuses
 * (with a warning) when @elem is not attached to that list of @parent.
 */
gboolean
nvds_detach (NvDsMetaPool * pool, gpointer parent, GList ** list,
    gpointer elem, const gchar * what)
{
  NvdsPoolSlot *slot = nvds_pool_slot ((NvdsPool *) pool, elem);

  if (slot == NULL || slot->parent != parent || slot->parent_list != list
      || g_list_find (*list, elem) == NULL) {
    g_warning ("%s %p is not attached to %p", what, elem, parent);
    return FALSE;
  }
  return nvds_pool_release ((NvdsPool *) pool, elem);
}

/**
 * Takes @elem out of the parent list it was attached to (if any) and keeps
 * the parent's element count in step. Called by the pool on release.
 */
void
nvds_unlink_from_parent (NvDsMetaType type, NvdsPoolSlot * slot,
    gpointer elem)
{
  GList **list = slot->parent_list;
  gpointer parent = slot->parent;
  GList *link = list ? g_list_find (*list, elem) : NULL;

  slot->parent = NULL;
  slot->parent_list = NULL;
  if (link == NULL)
    return;                     /* parent already dropped its list */
  *list = g_list_delete_link (*list, link);
  if (type == NVDS_FRAME_META) {
    NvDsBatchMeta *b = parent;
    if (b->num_frames_in_batch > 0)
      b->num_frames_in_batch--;
  } else if (type == NVDS_OBJ_META) {
    NvDsFrameMeta *f = parent;
    if (f->num_obj_meta > 0)
      f->num_obj_meta--;
  }
}

/** The batch owning @elem (read from its header), or NULL. */
NvDsBatchMeta *
nvds_owner_batch (gpointer elem, const gchar * what)
{
  NvDsBaseMeta *base = elem;

  if (elem == NULL) {
    g_critical ("%s is NULL", what);
    return NULL;
  }
  if (base->batch_meta == NULL)
    g_warning ("%s %p has no owning batch meta", what, elem);
  return base->batch_meta;
}
