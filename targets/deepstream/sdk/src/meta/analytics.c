/*
 * bindery DeepStream SDK stand-in: C-compatible analytics metadata.
 *
 * Owns allocation, deep copy and freeing of the C versions of
 * NvDsAnalyticsObjInfo and NvDsAnalyticsFrameMeta (nvds_analytics_meta.h,
 * a bindery extension: the SDK's header is C++). Every pointer inside is
 * owned by its struct; copy and release functions follow the user-meta
 * conventions (called with the NvDsUserMeta as first argument).
 */
#include <string.h>

#include "nvds_analytics_meta.h"

/* The label helpers below rely on the key being the first field. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (NvDsAnalyticsLabelFlag, label) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (NvDsAnalyticsLabelCount, label) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (NvDsAnalyticsLabelCount64, label) == 0);

/** A zeroed object record. */
NvDsAnalyticsObjInfo *
nvds_analytics_obj_info_new (void)
{
  return g_new0 (NvDsAnalyticsObjInfo, 1);
}

/** Frees an object record and everything it owns; NULL is ignored. */
void
nvds_analytics_obj_info_free (NvDsAnalyticsObjInfo * info)
{
  if (info == NULL)
    return;
  g_strfreev (info->roiStatus);
  g_strfreev (info->ocStatus);
  g_strfreev (info->lcStatus);
  g_free (info->dirStatus);
  g_free (info->objStatus);
  g_free (info);
}

static NvDsAnalyticsObjInfo *
obj_info_dup (const NvDsAnalyticsObjInfo * src)
{
  NvDsAnalyticsObjInfo *dst = g_memdup2 (src, sizeof (*src));
  dst->roiStatus = g_strdupv (src->roiStatus);
  dst->ocStatus = g_strdupv (src->ocStatus);
  dst->lcStatus = g_strdupv (src->lcStatus);
  dst->dirStatus = g_strdup (src->dirStatus);
  dst->objStatus = g_strdup (src->objStatus);
  return dst;
}

/** Copy function for user meta holding an NvDsAnalyticsObjInfo. */
gpointer
nvds_analytics_obj_info_copy_func (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL || user->user_meta_data == NULL)
    return NULL;
  return obj_info_dup (user->user_meta_data);
}

/** Release function for user meta holding an NvDsAnalyticsObjInfo. */
void
nvds_analytics_obj_info_release_func (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL)
    return;
  nvds_analytics_obj_info_free (user->user_meta_data);
  user->user_meta_data = NULL;
}

/** A zeroed frame record. */
NvDsAnalyticsFrameMeta *
nvds_analytics_frame_meta_new (void)
{
  return g_new0 (NvDsAnalyticsFrameMeta, 1);
}

/* Frees the label strings of @n entries of @stride bytes at @entries. */
static void
free_labels (gpointer entries, guint n, gsize stride)
{
  for (guint i = 0; entries != NULL && i < n; i++)
    g_free (*(gchar **) ((guint8 *) entries + i * stride));
  g_free (entries);
}

/** Frees a frame record and everything it owns; NULL is ignored. */
void
nvds_analytics_frame_meta_free (NvDsAnalyticsFrameMeta * meta)
{
  if (meta == NULL)
    return;
  free_labels (meta->ocStatus, meta->num_ocStatus,
      sizeof (NvDsAnalyticsLabelFlag));
  free_labels (meta->objInROIcnt, meta->num_objInROIcnt,
      sizeof (NvDsAnalyticsLabelCount));
  free_labels (meta->objLCCurrCnt, meta->num_objLCCurrCnt,
      sizeof (NvDsAnalyticsLabelCount64));
  free_labels (meta->objLCCumCnt, meta->num_objLCCumCnt,
      sizeof (NvDsAnalyticsLabelCount64));
  g_free (meta->objCnt);
  g_free (meta);
}

/* Copies @n entries of @stride bytes and duplicates each label string. */
static gpointer
dup_labels (gconstpointer entries, guint n, gsize stride)
{
  if (entries == NULL || n == 0)
    return NULL;
  guint8 *copy = g_memdup2 (entries, n * stride);
  for (guint i = 0; i < n; i++) {
    gchar **label = (gchar **) (copy + i * stride);
    *label = g_strdup (*label);
  }
  return copy;
}

static NvDsAnalyticsFrameMeta *
frame_meta_dup (const NvDsAnalyticsFrameMeta * src)
{
  NvDsAnalyticsFrameMeta *dst = g_memdup2 (src, sizeof (*src));
  dst->ocStatus = dup_labels (src->ocStatus, src->num_ocStatus,
      sizeof (NvDsAnalyticsLabelFlag));
  dst->objInROIcnt = dup_labels (src->objInROIcnt, src->num_objInROIcnt,
      sizeof (NvDsAnalyticsLabelCount));
  dst->objLCCurrCnt = dup_labels (src->objLCCurrCnt, src->num_objLCCurrCnt,
      sizeof (NvDsAnalyticsLabelCount64));
  dst->objLCCumCnt = dup_labels (src->objLCCumCnt, src->num_objLCCumCnt,
      sizeof (NvDsAnalyticsLabelCount64));
  dst->objCnt = (src->objCnt && src->num_objCnt)
      ? g_memdup2 (src->objCnt, src->num_objCnt * sizeof (*src->objCnt))
      : NULL;
  return dst;
}

/** Copy function for user meta holding an NvDsAnalyticsFrameMeta. */
gpointer
nvds_analytics_frame_meta_copy_func (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL || user->user_meta_data == NULL)
    return NULL;
  return frame_meta_dup (user->user_meta_data);
}

/** Release function for user meta holding an NvDsAnalyticsFrameMeta. */
void
nvds_analytics_frame_meta_release_func (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  (void) user_data;
  if (user == NULL)
    return;
  nvds_analytics_frame_meta_free (user->user_meta_data);
  user->user_meta_data = NULL;
}
