/*
 * bindery DeepStream SDK stand-in: batch metadata lifetime.
 *
 * Owns creation and destruction of NvDsBatchMeta and its six pools, the
 * batch lock, the batch copy/release callbacks used by the GstMeta glue,
 * frame lookup, the debug dump and user meta-type registration.
 */
#include "meta_internal.h"

/* Initial pool sizes per frame of batch capacity. */
#define OBJS_PER_FRAME 16u
#define CLASSIFIERS_PER_FRAME 16u
#define LABELS_PER_FRAME 16u
#define DISPLAYS_PER_FRAME 4u
#define USERS_PER_FRAME 8u

static void
create_pools (NvDsBatchMeta * b, guint n)
{
  b->frame_meta_pool = (NvDsMetaPool *) nvds_pool_new (b, NVDS_FRAME_META,
      sizeof (NvDsFrameMeta), n, n, nvds_release_frame_contents);
  b->obj_meta_pool = (NvDsMetaPool *) nvds_pool_new (b, NVDS_OBJ_META,
      sizeof (NvDsObjectMeta), n * OBJS_PER_FRAME, NVDS_POOL_GROW_LIMIT,
      nvds_release_obj_contents);
  b->classifier_meta_pool = (NvDsMetaPool *) nvds_pool_new (b,
      NVDS_CLASSIFIER_META, sizeof (NvDsClassifierMeta),
      n * CLASSIFIERS_PER_FRAME, NVDS_POOL_GROW_LIMIT,
      nvds_release_classifier_contents);
  b->display_meta_pool = (NvDsMetaPool *) nvds_pool_new (b, NVDS_DISPLAY_META,
      sizeof (NvDsDisplayMeta), n * DISPLAYS_PER_FRAME, NVDS_POOL_GROW_LIMIT,
      nvds_release_display_contents);
  b->user_meta_pool = (NvDsMetaPool *) nvds_pool_new (b, NVDS_USER_META,
      sizeof (NvDsUserMeta), n * USERS_PER_FRAME, NVDS_POOL_GROW_LIMIT,
      nvds_release_user_contents);
  b->label_info_meta_pool = (NvDsMetaPool *) nvds_pool_new (b,
      NVDS_LABEL_INFO_META, sizeof (NvDsLabelInfo), n * LABELS_PER_FRAME,
      NVDS_POOL_GROW_LIMIT, nvds_release_label_contents);
}

/**
 * Creates an empty batch able to hold @max_batch_size frames; NULL (with a
 * critical) for 0 or more than NVDS_MAX_BATCH_SIZE.
 */
NvDsBatchMeta *
nvds_create_batch_meta (guint max_batch_size)
{
  if (max_batch_size == 0 || max_batch_size > NVDS_MAX_BATCH_SIZE) {
    g_critical ("nvds_create_batch_meta: batch size %u outside 1..%u",
        max_batch_size, NVDS_MAX_BATCH_SIZE);
    return NULL;
  }
  NvDsBatchMeta *b = g_new0 (NvDsBatchMeta, 1);
  b->base_meta.batch_meta = b;
  b->base_meta.meta_type = NVDS_BATCH_META;
  b->base_meta.copy_func = nvds_batch_meta_copy_func;
  b->base_meta.release_func = nvds_batch_meta_release_func;
  b->max_frames_in_batch = max_batch_size;
  g_rec_mutex_init (&b->meta_mutex);
  create_pools (b, max_batch_size);
  return b;
}

static NvdsPool *
pool_of (NvDsMetaPool * p)
{
  return (NvdsPool *) p;
}

/**
 * Destroys @batch_meta: every element is released (user release functions
 * run once), then the pools and the batch are freed.
 */
gboolean
nvds_destroy_batch_meta (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL, FALSE);
  NvdsPool *pools[] = {
    pool_of (batch_meta->frame_meta_pool), pool_of (batch_meta->obj_meta_pool),
    pool_of (batch_meta->classifier_meta_pool),
    pool_of (batch_meta->label_info_meta_pool),
    pool_of (batch_meta->display_meta_pool),
    pool_of (batch_meta->user_meta_pool),
  };

  g_rec_mutex_lock (&batch_meta->meta_mutex);
  nvds_release_list (batch_meta->frame_meta_pool,
      &batch_meta->frame_meta_list);
  nvds_release_list (batch_meta->user_meta_pool,
      &batch_meta->batch_user_meta_list);
  batch_meta->num_frames_in_batch = 0;
  /* Parents first, so children are released through them. */
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    nvds_pool_release_all (pools[i]);
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    nvds_pool_free (pools[i]);
  g_rec_mutex_unlock (&batch_meta->meta_mutex);
  g_rec_mutex_clear (&batch_meta->meta_mutex);
  g_free (batch_meta);
  return TRUE;
}

/** Takes the batch's recursive lock. */
void
nvds_acquire_meta_lock (NvDsBatchMeta * batch_meta)
{
  g_return_if_fail (batch_meta != NULL);
  g_rec_mutex_lock (&batch_meta->meta_mutex);
}

/** Releases the batch's recursive lock. */
void
nvds_release_meta_lock (NvDsBatchMeta * batch_meta)
{
  g_return_if_fail (batch_meta != NULL);
  g_rec_mutex_unlock (&batch_meta->meta_mutex);
}

/** Deep-copies a batch (frames, objects, user metadata) into a new one. */
gpointer
nvds_batch_meta_copy_func (gpointer data, gpointer user_data)
{
  NvDsBatchMeta *src = data;

  (void) user_data;
  g_return_val_if_fail (src != NULL, NULL);
  NvDsBatchMeta *dst = nvds_create_batch_meta (src->max_frames_in_batch);
  if (dst == NULL)
    return NULL;
  g_rec_mutex_lock (&src->meta_mutex);
  for (guint i = 0; i < MAX_USER_FIELDS; i++)
    dst->misc_batch_info[i] = src->misc_batch_info[i];
  nvds_copy_frame_meta_list (src->frame_meta_list, dst);
  nvds_copy_batch_user_meta_list (src->batch_user_meta_list, dst);
  g_rec_mutex_unlock (&src->meta_mutex);
  return dst;
}

/** Destroys the batch passed as @data. */
void
nvds_batch_meta_release_func (gpointer data, gpointer user_data)
{
  (void) user_data;
  if (data != NULL)
    nvds_destroy_batch_meta (data);
}

/** The @index'th frame of @frame_meta_list, or NULL when out of range. */
NvDsFrameMeta *
nvds_get_nth_frame_meta (NvDsFrameMetaList * frame_meta_list, guint index)
{
  return g_list_nth_data (frame_meta_list, index);
}

/** Prints a summary of the batch (frames, objects, user metadata). */
gboolean
nvds_get_current_metadata_info (NvDsBatchMeta * batch_meta)
{
  g_return_val_if_fail (batch_meta != NULL, FALSE);
  g_print ("batch %p: %u/%u frames, %u batch user metas\n",
      (void *) batch_meta, batch_meta->num_frames_in_batch,
      batch_meta->max_frames_in_batch,
      g_list_length (batch_meta->batch_user_meta_list));
  for (GList * l = batch_meta->frame_meta_list; l != NULL; l = l->next) {
    NvDsFrameMeta *f = l->data;
    g_print ("  frame source %u num %d: %u objects, %u displays, "
        "%u user metas\n", f->source_id, f->frame_num, f->num_obj_meta,
        g_list_length (f->display_meta_list),
        g_list_length (f->frame_user_meta_list));
  }
  return TRUE;
}

/* Descriptors of SDK metadata that DeepStream 9.1 gives fixed kinds:
 * nvdsanalytics attaches NVDS_USER_{FRAME,OBJ}_META_NVDSANALYTICS, which
 * nvds_analytics_meta.h defines as these enum values, while applications
 * (NVIDIA's Python sample among them) look them up by descriptor. */
static const struct {
  const gchar *descriptor;
  NvDsMetaType type;
} SDK_USER_META_TYPES[] = {
  {"NVIDIA.DSANALYTICSFRAME.USER_META", NVDS_FRAME_META_NVDSANALYTICS},
  {"NVIDIA.DSANALYTICSOBJ.USER_META", NVDS_OBJ_META_NVDSANALYTICS},
};

/**
 * Registers (or looks up) the user meta type named @meta_descriptor: the
 * same string always gives the same type, different strings different
 * types, at or above NVDS_START_USER_META except for the SDK descriptors
 * above. NULL/empty is invalid.
 */
NvDsMetaType
nvds_get_user_meta_type (gchar * meta_descriptor)
{
  if (meta_descriptor == NULL || meta_descriptor[0] == '\0')
    return NVDS_INVALID_META;
  for (guint i = 0; i < G_N_ELEMENTS (SDK_USER_META_TYPES); i++)
    if (g_str_equal (meta_descriptor, SDK_USER_META_TYPES[i].descriptor))
      return SDK_USER_META_TYPES[i].type;
  GQuark q = g_quark_from_string (meta_descriptor);
  if (q > (GQuark) (G_MAXINT32 - NVDS_START_USER_META))
    return NVDS_INVALID_META;
  return (NvDsMetaType) (NVDS_START_USER_META + (gint) q);
}
