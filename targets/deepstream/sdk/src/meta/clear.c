/*
 * bindery DeepStream SDK stand-in: clearing metadata lists.
 *
 * Owns nvds_clear_*_list and nvds_clear_meta_list. A list passed in may be
 * the parent's own list or a separate list the caller built; either way
 * every element goes back to its pool exactly once, the parent's list and
 * counters stay consistent, and list nodes are freed exactly once.
 */
#include "meta_internal.h"

/* Element and the list node that referred to it in the caller's list. */
typedef struct {
  gpointer elem;
  GList *node;
  gboolean node_is_parents;     /* node belongs to the parent's own list */
} ClearItem;

static GArray *
snapshot_list (NvdsPool * pool, GList * meta_list)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (ClearItem));

  for (GList * l = meta_list; l != NULL; l = l->next) {
    NvdsPoolSlot *slot = nvds_pool_slot (pool, l->data);
    ClearItem it = { l->data, l, FALSE };
    if (slot && slot->parent_list)
      it.node_is_parents = g_list_find (*slot->parent_list, l->data) == l;
    g_array_append_val (items, it);
  }
  return items;
}

/**
 * Returns every element of @meta_list to @meta_pool (which must be one of
 * @batch_meta's pools) and returns the remaining list: NULL on success,
 * @meta_list unchanged when the arguments are invalid.
 */
NvDsMetaList *
nvds_clear_meta_list (NvDsBatchMeta * batch_meta, NvDsMetaList * meta_list,
    NvDsMetaPool * meta_pool)
{
  g_return_val_if_fail (batch_meta != NULL && meta_pool != NULL, meta_list);
  if (((NvdsPool *) meta_pool)->batch != batch_meta) {
    g_warning ("nvds_clear_meta_list: pool %p does not belong to batch %p",
        (void *) meta_pool, (void *) batch_meta);
    return meta_list;
  }
  g_rec_mutex_lock (&batch_meta->meta_mutex);
  GArray *items = snapshot_list ((NvdsPool *) meta_pool, meta_list);
  for (guint i = 0; i < items->len; i++) {
    ClearItem *it = &g_array_index (items, ClearItem, i);
    if (!nvds_pool_release ((NvdsPool *) meta_pool, it->elem))
      g_warning ("nvds_clear_meta_list: %p is not a live element of the pool",
          it->elem);
    if (!it->node_is_parents)
      g_list_free_1 (it->node);   /* caller's own node: ours to free */
  }
  g_array_free (items, TRUE);
  g_rec_mutex_unlock (&batch_meta->meta_mutex);
  return NULL;
}

/* Clears @meta_list through @pool of the batch that owns @parent. */
static void
clear_child_list (gpointer parent, const gchar * what, NvDsMetaPool *
    (*pool_of) (NvDsBatchMeta *), GList * meta_list)
{
  NvDsBatchMeta *b = nvds_owner_batch (parent, what);
  if (b != NULL)
    nvds_clear_meta_list (b, meta_list, pool_of (b));
}

static NvDsMetaPool *
frame_pool (NvDsBatchMeta * b)
{
  return b->frame_meta_pool;
}

static NvDsMetaPool *
obj_pool (NvDsBatchMeta * b)
{
  return b->obj_meta_pool;
}

static NvDsMetaPool *
classifier_pool (NvDsBatchMeta * b)
{
  return b->classifier_meta_pool;
}

static NvDsMetaPool *
label_pool (NvDsBatchMeta * b)
{
  return b->label_info_meta_pool;
}

static NvDsMetaPool *
display_pool (NvDsBatchMeta * b)
{
  return b->display_meta_pool;
}

static NvDsMetaPool *
user_pool (NvDsBatchMeta * b)
{
  return b->user_meta_pool;
}

/** Removes every frame of @meta_list from @batch_meta. */
void
nvds_clear_frame_meta_list (NvDsBatchMeta * batch_meta,
    NvDsFrameMetaList * meta_list)
{
  clear_child_list (batch_meta, "batch meta", frame_pool, meta_list);
}

/** Removes every object of @meta_list from @frame_meta. */
void
nvds_clear_obj_meta_list (NvDsFrameMeta * frame_meta,
    NvDsObjectMetaList * meta_list)
{
  clear_child_list (frame_meta, "frame meta", obj_pool, meta_list);
}

/** Removes every classifier of @meta_list from @obj_meta. */
void
nvds_clear_classifier_meta_list (NvDsObjectMeta * obj_meta,
    NvDsClassifierMetaList * meta_list)
{
  clear_child_list (obj_meta, "object meta", classifier_pool, meta_list);
}

/** Removes every label of @meta_list from @classifier_meta. */
void
nvds_clear_label_info_meta_list (NvDsClassifierMeta * classifier_meta,
    NvDsLabelInfoList * meta_list)
{
  clear_child_list (classifier_meta, "classifier meta", label_pool,
      meta_list);
}

/** Removes every display meta of @meta_list from @frame_meta. */
void
nvds_clear_display_meta_list (NvDsFrameMeta * frame_meta,
    NvDisplayMetaList * meta_list)
{
  clear_child_list (frame_meta, "frame meta", display_pool, meta_list);
}

/** Removes every user meta of @meta_list from @batch_meta. */
void
nvds_clear_batch_user_meta_list (NvDsBatchMeta * batch_meta,
    NvDsUserMetaList * meta_list)
{
  clear_child_list (batch_meta, "batch meta", user_pool, meta_list);
}

/** Removes every user meta of @meta_list from @frame_meta. */
void
nvds_clear_frame_user_meta_list (NvDsFrameMeta * frame_meta,
    NvDsUserMetaList * meta_list)
{
  clear_child_list (frame_meta, "frame meta", user_pool, meta_list);
}

/** Removes every user meta of @meta_list from @object_meta. */
void
nvds_clear_obj_user_meta_list (NvDsObjectMeta * object_meta,
    NvDsUserMetaList * meta_list)
{
  clear_child_list (object_meta, "object meta", user_pool, meta_list);
}
