/*
 * bindery DeepStream SDK stand-in: NvDsMeta as a real GstMeta.
 *
 * Owns the registered "NvDsMetaAPI" meta API type and its implementation:
 * attaching DeepStream metadata to a GstBuffer, finding it again, copying
 * it (through the payload's copy function) when GStreamer copies the
 * buffer, and freeing it (through the release function) with the buffer.
 * Also turns NvDsMeta payloads of an input buffer into frame user meta.
 */
#include "gstnvdsmeta.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "nvdsgst_meta"

/** Registers (once) and returns the NvDsMeta API type. */
GType
nvds_meta_api_get_type (void)
{
  static GType type = 0;
  static const gchar *tags[] = { NULL };

  if (g_once_init_enter (&type)) {
    GType t = gst_meta_api_type_register ("NvDsMetaAPI", tags);
    g_once_init_leave (&type, t);
  }
  return type;
}

static gboolean
nvds_meta_init (GstMeta * meta, gpointer params, GstBuffer * buffer)
{
  NvDsMeta *m = (NvDsMeta *) meta;

  (void) params;
  (void) buffer;
  m->meta_data = NULL;
  m->user_data = NULL;
  m->meta_type = NVDS_GST_INVALID_META;
  m->copyfunc = NULL;
  m->freefunc = NULL;
  m->gst_to_nvds_meta_transform_func = NULL;
  m->gst_to_nvds_meta_release_func = NULL;
  return TRUE;
}

static void
nvds_meta_free (GstMeta * meta, GstBuffer * buffer)
{
  NvDsMeta *m = (NvDsMeta *) meta;
  NvDsMetaReleaseFunc release = m->freefunc;

  (void) buffer;
  m->freefunc = NULL;
  if (release != NULL && m->meta_data != NULL)
    release (m->meta_data, m->user_data);
  m->meta_data = NULL;
}

/* Copies the payload onto @dest; only full copies are supported. */
static gboolean
nvds_meta_transform (GstBuffer * dest, GstMeta * meta, GstBuffer * buffer,
    GQuark type, gpointer data)
{
  NvDsMeta *src = (NvDsMeta *) meta;

  (void) buffer;
  (void) data;
  if (!GST_META_TRANSFORM_IS_COPY (type) || src->copyfunc == NULL)
    return FALSE;
  gpointer copy = src->copyfunc (src->meta_data, src->user_data);
  if (copy == NULL)
    return FALSE;
  NvDsMeta *dst = (NvDsMeta *) gst_buffer_add_meta (dest, NVDS_META_INFO,
      NULL);
  if (dst == NULL) {
    if (src->freefunc)
      src->freefunc (copy, src->user_data);
    return FALSE;
  }
  dst->meta_data = copy;
  dst->user_data = src->user_data;
  dst->meta_type = src->meta_type;
  dst->copyfunc = src->copyfunc;
  dst->freefunc = src->freefunc;
  dst->gst_to_nvds_meta_transform_func = src->gst_to_nvds_meta_transform_func;
  dst->gst_to_nvds_meta_release_func = src->gst_to_nvds_meta_release_func;
  return TRUE;
}

/** Registers (once) and returns the NvDsMeta implementation. */
const GstMetaInfo *
nvds_meta_get_info (void)
{
  static const GstMetaInfo *info = NULL;

  if (g_once_init_enter ((GstMetaInfo **) & info)) {
    const GstMetaInfo *i = gst_meta_register (NVDS_META_API_TYPE, "NvDsMeta",
        sizeof (NvDsMeta), nvds_meta_init, nvds_meta_free,
        nvds_meta_transform);
    g_once_init_leave ((GstMetaInfo **) & info, (GstMetaInfo *) i);
  }
  return info;
}

/**
 * Attaches a new NvDsMeta holding @meta_data to a writable @buffer. The
 * caller sets meta_type afterwards. NULL when @buffer is not writable.
 */
NvDsMeta *
gst_buffer_add_nvds_meta (GstBuffer * buffer, gpointer meta_data,
    gpointer user_data, NvDsMetaCopyFunc copy_func,
    NvDsMetaReleaseFunc release_func)
{
  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  g_return_val_if_fail (gst_buffer_is_writable (buffer), NULL);
  NvDsMeta *m = (NvDsMeta *) gst_buffer_add_meta (buffer, NVDS_META_INFO,
      NULL);
  if (m == NULL)
    return NULL;
  m->meta_data = meta_data;
  m->user_data = user_data;
  m->copyfunc = copy_func;
  m->freefunc = release_func;
  return m;
}

/** The NvDsMeta added last to @buffer, or NULL. */
NvDsMeta *
gst_buffer_get_nvds_meta (GstBuffer * buffer)
{
  gpointer state = NULL;
  GstMeta *meta, *last = NULL;

  g_return_val_if_fail (GST_IS_BUFFER (buffer), NULL);
  while ((meta = gst_buffer_iterate_meta_filtered (buffer, &state,
              NVDS_META_API_TYPE)) != NULL)
    last = meta;
  return (NvDsMeta *) last;
}

/** The batch meta carried by @buffer (NVDS_BATCH_GST_META), or NULL. */
NvDsBatchMeta *
gst_buffer_get_nvds_batch_meta (GstBuffer * buffer)
{
  gpointer state = NULL;
  GstMeta *meta;
  NvDsBatchMeta *found = NULL;

  if (buffer == NULL || !GST_IS_BUFFER (buffer))
    return NULL;
  while ((meta = gst_buffer_iterate_meta_filtered (buffer, &state,
              NVDS_META_API_TYPE)) != NULL) {
    NvDsMeta *m = (NvDsMeta *) meta;
    if (m->meta_type == NVDS_BATCH_GST_META)
      found = m->meta_data;
  }
  return found;
}

/* Converts one NvDsMeta into a user meta through its transform function. */
static NvDsUserMeta *
user_meta_from_gst (NvDsBatchMeta * batch, NvDsMeta * m)
{
  if (m->gst_to_nvds_meta_transform_func == NULL)
    return NULL;
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL)
    return NULL;
  user->base_meta.meta_type = (NvDsMetaType) m->meta_type;
  user->user_meta_data = m->meta_data;  /* what the transform reads */
  user->user_meta_data = m->gst_to_nvds_meta_transform_func (user,
      m->user_data);
  user->base_meta.copy_func = m->gst_to_nvds_meta_transform_func;
  user->base_meta.release_func = m->gst_to_nvds_meta_release_func;
  return user;
}

/**
 * Adds, for every NvDsMeta on @src_gst_buffer that has a
 * gst_to_nvds_meta_transform_func, a frame user meta of the same type
 * holding the transformed payload. Plain GstMetas are not copied.
 */
void
nvds_copy_gst_meta_to_frame_meta (GstBuffer * src_gst_buffer,
    NvDsBatchMeta * batch_meta, NvDsFrameMeta * frame_meta)
{
  gpointer state = NULL;
  GstMeta *meta;

  g_return_if_fail (GST_IS_BUFFER (src_gst_buffer));
  g_return_if_fail (batch_meta != NULL && frame_meta != NULL);
  while ((meta = gst_buffer_iterate_meta_filtered (src_gst_buffer, &state,
              NVDS_META_API_TYPE)) != NULL) {
    NvDsUserMeta *user = user_meta_from_gst (batch_meta, (NvDsMeta *) meta);
    if (user != NULL)
      nvds_add_user_meta_to_frame (frame_meta, user);
  }
}
