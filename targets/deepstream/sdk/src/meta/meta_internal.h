/*
 * bindery DeepStream SDK stand-in: libnvds_meta internals.
 *
 * Owns the private pool representation and the helpers shared by the
 * metadata source files. Nothing here is exported from the library; the
 * public API is the one declared in nvdsmeta.h.
 */
#ifndef BINDERY_NVDS_META_INTERNAL_H
#define BINDERY_NVDS_META_INTERNAL_H

#include "nvdsmeta.h"

G_BEGIN_DECLS

/** Log domain of every message the metadata library prints. */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "nvds_meta"

/** Frees whatever an element owns and returns its children to their pools. */
typedef void (*NvdsReleaseContentsFunc) (NvDsBatchMeta * batch, gpointer elem);

/** Book-keeping for one element a pool has ever allocated. */
typedef struct {
  GList *full_link;   /* link in full_list while handed out, else NULL */
  gpointer parent;    /* batch/frame/object/classifier/ROI it hangs off */
  GList **parent_list;  /* the parent's list field holding it, or NULL */
} NvdsPoolSlot;

/**
 * A pool: the public NvDsMetaPool view first (the batch meta points at it),
 * then private state the public layout has no room for.
 */
typedef struct {
  NvDsMetaPool pub;
  NvDsBatchMeta *batch;
  GHashTable *slots;            /* element -> NvdsPoolSlot*, every element */
  guint hard_limit;             /* pool never grows beyond this many */
  NvdsReleaseContentsFunc release_contents;
} NvdsPool;

/** Largest batch size nvds_create_batch_meta() accepts. */
#define NVDS_MAX_BATCH_SIZE 1024u
/** Largest number of elements a growing pool may reach. */
#define NVDS_POOL_GROW_LIMIT (1u << 20)

G_GNUC_INTERNAL NvdsPool *nvds_pool_new (NvDsBatchMeta * batch,
    NvDsMetaType type, gsize element_size, guint initial, guint hard_limit,
    NvdsReleaseContentsFunc release_contents);
G_GNUC_INTERNAL void nvds_pool_release_all (NvdsPool * pool);
G_GNUC_INTERNAL void nvds_pool_free (NvdsPool * pool);
G_GNUC_INTERNAL gpointer nvds_pool_acquire (NvdsPool * pool);
G_GNUC_INTERNAL gboolean nvds_pool_release (NvdsPool * pool, gpointer elem);
G_GNUC_INTERNAL NvdsPoolSlot *nvds_pool_slot (NvdsPool * pool, gpointer elem);

G_GNUC_INTERNAL void nvds_release_frame_contents (NvDsBatchMeta * b, gpointer e);
G_GNUC_INTERNAL void nvds_release_obj_contents (NvDsBatchMeta * b, gpointer e);
G_GNUC_INTERNAL void nvds_release_classifier_contents (NvDsBatchMeta * b,
    gpointer e);
G_GNUC_INTERNAL void nvds_release_label_contents (NvDsBatchMeta * b, gpointer e);
G_GNUC_INTERNAL void nvds_release_display_contents (NvDsBatchMeta * b,
    gpointer e);
G_GNUC_INTERNAL void nvds_release_user_contents (NvDsBatchMeta * b, gpointer e);

G_GNUC_INTERNAL gboolean nvds_attach (NvDsMetaPool * pool, gpointer parent,
    GList ** list, gpointer elem, const gchar * what);
G_GNUC_INTERNAL gboolean nvds_detach (NvDsMetaPool * pool, gpointer parent,
    GList ** list, gpointer elem, const gchar * what);
G_GNUC_INTERNAL void nvds_release_list (NvDsMetaPool * pool, GList ** list);
G_GNUC_INTERNAL void nvds_unlink_from_parent (NvDsMetaType type,
    NvdsPoolSlot * slot, gpointer elem);

G_GNUC_INTERNAL NvDsUserMeta *nvds_copy_user_meta_into (NvDsUserMeta * src,
    NvDsBatchMeta * dst_batch);

/** The batch an element's parent belongs to, or NULL (with a warning). */
G_GNUC_INTERNAL NvDsBatchMeta *nvds_owner_batch (gpointer elem,
    const gchar * what);

G_END_DECLS

#endif /* BINDERY_NVDS_META_INTERNAL_H */
