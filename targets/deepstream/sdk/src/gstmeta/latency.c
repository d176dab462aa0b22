/*
 * bindery DeepStream SDK stand-in: latency measurement metadata.
 *
 * Owns nvds_latency_meta.h: components stamp arrival/departure times into
 * NVDS_LATENCY_MEASUREMENT_META user metadata (payload NvDsMetaCompLatency,
 * one per frame, on the batch), and nvds_measure_buffer_latency() reports,
 * per frame, the time since the earliest stamp. Times are milliseconds of
 * wall-clock time. Measurement is switched on by exporting
 * NVDS_ENABLE_LATENCY_MEASUREMENT.
 */
#include <string.h>

#include "gstnvdsmeta.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "nvdsgst_meta"

static gdouble
now_ms (void)
{
  return (gdouble) g_get_real_time () / 1000.0;
}

/** TRUE when NVDS_ENABLE_LATENCY_MEASUREMENT is exported. */
gboolean
nvds_get_enable_latency_measurement (void)
{
  return g_getenv ("NVDS_ENABLE_LATENCY_MEASUREMENT") != NULL;
}

/** TRUE when NVDS_LATENCY_MEASUREMENT_SILENT is exported. */
gboolean
nvds_get_latency_measurement_silent (void)
{
  return g_getenv ("NVDS_LATENCY_MEASUREMENT_SILENT") != NULL;
}

static gpointer
latency_copy (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;

  (void) user_data;
  return g_memdup2 (user->user_meta_data, sizeof (NvDsMetaCompLatency));
}

static void
latency_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;

  (void) user_data;
  g_clear_pointer (&user->user_meta_data, g_free);
}

/* One stamped user meta for @frame, attached to @batch. */
static NvDsUserMeta *
stamp_frame (NvDsBatchMeta * batch, NvDsFrameMeta * frame, const gchar * name)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == NULL)
    return NULL;
  NvDsMetaCompLatency *lat = g_new0 (NvDsMetaCompLatency, 1);
  g_strlcpy (lat->component_name, name, MAX_COMPONENT_LEN);
  lat->in_system_timestamp = now_ms ();
  lat->source_id = frame->source_id;
  lat->frame_num = (guint) frame->frame_num;
  lat->pad_index = frame->pad_index;
  user->user_meta_data = lat;
  user->base_meta.meta_type = NVDS_LATENCY_MEASUREMENT_META;
  user->base_meta.copy_func = latency_copy;
  user->base_meta.release_func = latency_release;
  nvds_add_user_meta_to_batch (batch, user);
  return user;
}

/**
 * Stamps the arrival of @buffer at @element_name for every frame of its
 * batch; returns the first stamp's user meta, or NULL without a batch.
 */
NvDsUserMeta *
nvds_set_input_system_timestamp (GstBuffer * buffer, gchar * element_name)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buffer);
  NvDsUserMeta *first = NULL;

  if (batch == NULL || element_name == NULL)
    return NULL;
  nvds_acquire_meta_lock (batch);
  for (GList * l = batch->frame_meta_list; l != NULL; l = l->next) {
    NvDsUserMeta *u = stamp_frame (batch, l->data, element_name);
    if (first == NULL)
      first = u;
  }
  nvds_release_meta_lock (batch);
  return first;
}

static gboolean
is_latency (NvDsUserMeta * u)
{
  return u->base_meta.meta_type == NVDS_LATENCY_MEASUREMENT_META
      && u->user_meta_data != NULL;
}

/** Stamps departure on every open stamp of @element_name; FALSE if none. */
gboolean
nvds_set_output_system_timestamp (GstBuffer * buffer, gchar * element_name)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buffer);
  gboolean found = FALSE;

  if (batch == NULL || element_name == NULL)
    return FALSE;
  nvds_acquire_meta_lock (batch);
  for (GList * l = batch->batch_user_meta_list; l != NULL; l = l->next) {
    NvDsUserMeta *u = l->data;
    NvDsMetaCompLatency *lat = u->user_meta_data;
    if (is_latency (u) && lat->out_system_timestamp == 0.0
        && g_strcmp0 (lat->component_name, element_name) == 0) {
      lat->out_system_timestamp = now_ms ();
      found = TRUE;
    }
  }
  nvds_release_meta_lock (batch);
  return found;
}

/* Earliest arrival stamp for @frame in @batch, or 0 when none. */
static gdouble
first_stamp (NvDsBatchMeta * batch, NvDsFrameMeta * frame)
{
  gdouble first = 0.0;

  for (GList * l = batch->batch_user_meta_list; l != NULL; l = l->next) {
    NvDsUserMeta *u = l->data;
    NvDsMetaCompLatency *lat = u->user_meta_data;
    if (!is_latency (u) || lat->source_id != frame->source_id
        || lat->frame_num != (guint) frame->frame_num)
      continue;
    if (first == 0.0 || lat->in_system_timestamp < first)
      first = lat->in_system_timestamp;
  }
  return first;
}

/**
 * Fills @latency_info (one entry per frame of the batch, so it must hold
 * num_frames_in_batch entries) for frames that carry a stamp; returns how
 * many entries were filled.
 */
guint
nvds_measure_buffer_latency (GstBuffer * buf,
    NvDsFrameLatencyInfo * latency_info)
{
  NvDsBatchMeta *batch = gst_buffer_get_nvds_batch_meta (buf);
  guint n = 0;

  if (batch == NULL || latency_info == NULL)
    return 0;
  gdouble now = now_ms ();
  nvds_acquire_meta_lock (batch);
  for (GList * l = batch->frame_meta_list; l != NULL; l = l->next) {
    NvDsFrameMeta *frame = l->data;
    gdouble first = first_stamp (batch, frame);
    if (first == 0.0 || n >= batch->num_frames_in_batch)
      continue;
    latency_info[n].source_id = frame->source_id;
    latency_info[n].frame_num = (guint) frame->frame_num;
    latency_info[n].comp_in_timestamp = first;
    latency_info[n].latency = now - first;
    n++;
  }
  nvds_release_meta_lock (batch);
  return n;
}

static gpointer
ref_copy (gpointer data, gpointer user_data)
{
  (void) user_data;
  return g_memdup2 (data, sizeof (NvDsMetaCompLatency));
}

static void
ref_free (gpointer data, gpointer user_data)
{
  (void) user_data;
  g_free (data);
}

/**
 * Attaches to a writable @buffer a reference stamp (an NvDsMeta of type
 * NVDS_LATENCY_MEASUREMENT_META holding an NvDsMetaCompLatency) that
 * nvds_copy_gst_meta_to_frame_meta() turns into frame user meta.
 */
void
nvds_add_reference_timestamp_meta (GstBuffer * buffer, gchar * element_name,
    guint frame_id)
{
  g_return_if_fail (element_name != NULL);
  NvDsMetaCompLatency *lat = g_new0 (NvDsMetaCompLatency, 1);
  g_strlcpy (lat->component_name, element_name, MAX_COMPONENT_LEN);
  lat->in_system_timestamp = now_ms ();
  lat->frame_num = frame_id;
  NvDsMeta *m = gst_buffer_add_nvds_meta (buffer, lat, NULL, ref_copy,
      ref_free);
  if (m == NULL) {
    g_free (lat);
    return;
  }
  m->meta_type = NVDS_LATENCY_MEASUREMENT_META;
  m->gst_to_nvds_meta_transform_func = latency_copy;
  m->gst_to_nvds_meta_release_func = latency_release;
}
