/*
 * bindery DeepStream SDK stand-in: metadata pools.
 *
 * Owns allocation of metadata elements. A pool hands out zeroed elements
 * from its empty list (most recently released first, so memory is reused),
 * grows by doubling when empty up to a hard limit, and takes elements back
 * after their contents were released. It never frees an element before the
 * pool itself is freed, so a stale pointer stays readable (as zeros).
 */
#include <string.h>

#include "meta_internal.h"

static void
slot_free (gpointer data)
{
  g_free (data);
}

/* Allocates @count new elements onto the empty list. */
static void
pool_grow (NvdsPool * pool, guint count)
{
  for (guint i = 0; i < count; i++) {
    gpointer elem = g_malloc0 (pool->pub.element_size);
    g_hash_table_insert (pool->slots, elem, g_new0 (NvdsPoolSlot, 1));
    pool->pub.empty_list = g_list_prepend (pool->pub.empty_list, elem);
  }
  pool->pub.max_elements_in_pool += count;
  pool->pub.num_empty_elements += count;
}

/** Creates a pool of @initial elements that may grow to @hard_limit. */
NvdsPool *
nvds_pool_new (NvDsBatchMeta * batch, NvDsMetaType type, gsize element_size,
    guint initial, guint hard_limit, NvdsReleaseContentsFunc release_contents)
{
  NvdsPool *pool = g_new0 (NvdsPool, 1);

  pool->pub.meta_type = type;
  pool->pub.element_size = (guint) element_size;
  pool->batch = batch;
  pool->slots = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
      slot_free);
  pool->hard_limit = hard_limit;
  pool->release_contents = release_contents;
  pool_grow (pool, MIN (initial, hard_limit));
  return pool;
}

/* Sets the header fields of a freshly handed-out element. */
static void
init_element (NvdsPool * pool, gpointer elem)
{
  NvDsBaseMeta *base = elem;

  memset (elem, 0, pool->pub.element_size);
  base->batch_meta = pool->batch;
  base->meta_type = pool->pub.meta_type;
  if (pool->pub.meta_type == NVDS_OBJ_META)
    ((NvDsObjectMeta *) elem)->object_id = UNTRACKED_OBJECT_ID;
}

/** Hands out one zeroed element, or NULL when the pool is at its limit. */
gpointer
nvds_pool_acquire (NvdsPool * pool)
{
  if (pool->pub.empty_list == NULL) {
    guint cap = pool->pub.max_elements_in_pool;
    guint room = pool->hard_limit - MIN (cap, pool->hard_limit);
    if (room == 0) {
      g_warning ("metadata pool of type %d is exhausted (%u elements in use)",
          pool->pub.meta_type, cap);
      return NULL;
    }
    pool_grow (pool, MIN (MAX (cap, 1u), room));
  }
  GList *link = pool->pub.empty_list;
  gpointer elem = link->data;
  pool->pub.empty_list = g_list_delete_link (pool->pub.empty_list, link);
  pool->pub.num_empty_elements--;

  NvdsPoolSlot *slot = g_hash_table_lookup (pool->slots, elem);
  pool->pub.full_list = g_list_prepend (pool->pub.full_list, elem);
  slot->full_link = pool->pub.full_list;
  slot->parent = NULL;
  slot->parent_list = NULL;
  pool->pub.num_full_elements++;
  init_element (pool, elem);
  return elem;
}

/** The slot of @elem if this pool allocated it, else NULL. */
NvdsPoolSlot *
nvds_pool_slot (NvdsPool * pool, gpointer elem)
{
  if (pool == NULL || elem == NULL)
    return NULL;
  return g_hash_table_lookup (pool->slots, elem);
}

/**
 * Releases the contents of a handed-out element and puts it back on the
 * empty list. Returns FALSE (and changes nothing) if @elem is not an
 * element of this pool that is currently handed out.
 */
gboolean
nvds_pool_release (NvdsPool * pool, gpointer elem)
{
  NvdsPoolSlot *slot = nvds_pool_slot (pool, elem);

  if (slot == NULL || slot->full_link == NULL)
    return FALSE;
  /* Unlink first so a re-entrant release of the same element is a no-op. */
  nvds_unlink_from_parent (pool->pub.meta_type, slot, elem);
  pool->pub.full_list = g_list_delete_link (pool->pub.full_list,
      slot->full_link);
  slot->full_link = NULL;
  pool->pub.num_full_elements--;
  if (pool->release_contents)
    pool->release_contents (pool->batch, elem);
  memset (elem, 0, pool->pub.element_size);
  pool->pub.empty_list = g_list_prepend (pool->pub.empty_list, elem);
  pool->pub.num_empty_elements++;
  return TRUE;
}

/** Releases every element still handed out (attached or not). */
void
nvds_pool_release_all (NvdsPool * pool)
{
  GList *snapshot = g_list_copy (pool->pub.full_list);

  for (GList * l = snapshot; l != NULL; l = l->next)
    nvds_pool_release (pool, l->data);   /* no-op if already released */
  g_list_free (snapshot);
}

/** Frees every element and the pool. Call nvds_pool_release_all() first. */
void
nvds_pool_free (NvdsPool * pool)
{
  GHashTableIter iter;
  gpointer elem;

  if (pool == NULL)
    return;
  g_hash_table_iter_init (&iter, pool->slots);
  while (g_hash_table_iter_next (&iter, &elem, NULL))
    g_free (elem);
  g_hash_table_destroy (pool->slots);
  g_list_free (pool->pub.empty_list);
  g_list_free (pool->pub.full_list);
  g_free (pool);
}
