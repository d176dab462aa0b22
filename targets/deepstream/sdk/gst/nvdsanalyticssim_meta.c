/*
 * bindery DeepStream SDK stand-in: nvdsanalyticssim payloads.
 *
 * Owns turning analytics results into the payloads nvdsanalytics attaches:
 * NvDsAnalyticsObjInfo object user meta and NvDsAnalyticsFrameMeta frame
 * user meta (types NVDS_USER_OBJ_META_NVDSANALYTICS and
 * NVDS_USER_FRAME_META_NVDSANALYTICS, which nvds_get_user_meta_type also
 * returns for "NVIDIA.DSANALYTICSOBJ.USER_META" and
 * "NVIDIA.DSANALYTICSFRAME.USER_META"). This is the only simulator code
 * that knows the layout of nvds_analytics_meta.h; allocation, copy and
 * release are the SDK library's own functions.
 */
#include "nvds_analytics_meta.h"
#include "nvdsanalyticssim.h"

/* A one-label GStrv when @on, else NULL (an empty list). */
static gchar **
label_list (gboolean on, const gchar * label, guint * count)
{
  *count = on ? 1 : 0;
  if (!on)
    return NULL;
  gchar **list = g_new0 (gchar *, 2);
  list[0] = g_strdup (label);
  return list;
}

static void
attach_user (NvDsBatchMeta * batch, gpointer payload, NvDsMetaType type,
    NvDsMetaCopyFunc copy, NvDsMetaReleaseFunc release, NvDsUserMeta ** out)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  *out = user;
  if (user == NULL)
    return;
  user->user_meta_data = payload;
  user->base_meta.meta_type = type;
  user->base_meta.copy_func = copy;
  user->base_meta.release_func = release;
}

void
nvdsanalyticssim_attach_object (NvDsBatchMeta * batch, NvDsObjectMeta * obj,
    const NvAnalyticsSimConfig * config, const NvAnalyticsSimObjResult * r)
{
  NvDsAnalyticsObjInfo *info = nvds_analytics_obj_info_new ();
  NvDsUserMeta *user;

  info->roiStatus = label_list (r->in_roi, config->roi_label,
      &info->num_roiStatus);
  info->ocStatus = label_list (r->overcrowded, config->roi_label,
      &info->num_ocStatus);
  info->lcStatus = label_list (r->crossed, config->line_label,
      &info->num_lcStatus);
  info->dirStatus = r->direction != NULL
      ? g_strconcat ("DIR:", r->direction, NULL) : NULL;
  info->unique_id = config->unique_id;
  attach_user (batch, info, NVDS_USER_OBJ_META_NVDSANALYTICS,
      nvds_analytics_obj_info_copy_func,
      nvds_analytics_obj_info_release_func, &user);
  if (user == NULL)
    nvds_analytics_obj_info_free (info);
  else
    nvds_add_user_meta_to_obj (obj, user);
}

static void
fill_frame (NvDsAnalyticsFrameMeta * m, const NvAnalyticsSimConfig * config,
    const NvAnalyticsSimFrameResult * r)
{
  m->objInROIcnt = g_new0 (NvDsAnalyticsLabelCount, 1);
  m->objInROIcnt[0].label = g_strdup (config->roi_label);
  m->objInROIcnt[0].count = r->in_roi;
  m->num_objInROIcnt = 1;
  if (config->oc_threshold > 0) {
    m->ocStatus = g_new0 (NvDsAnalyticsLabelFlag, 1);
    m->ocStatus[0].label = g_strdup (config->roi_label);
    m->ocStatus[0].status = r->overcrowded;
    m->num_ocStatus = 1;
  }
  m->objLCCurrCnt = g_new0 (NvDsAnalyticsLabelCount64, 1);
  m->objLCCurrCnt[0].label = g_strdup (config->line_label);
  m->objLCCurrCnt[0].count = r->crossed_now;
  m->num_objLCCurrCnt = 1;
  m->objLCCumCnt = g_new0 (NvDsAnalyticsLabelCount64, 1);
  m->objLCCumCnt[0].label = g_strdup (config->line_label);
  m->objLCCumCnt[0].count = r->crossed_total;
  m->num_objLCCumCnt = 1;
}

static void
fill_classes (NvDsAnalyticsFrameMeta * m, const NvAnalyticsSimFrameResult * r)
{
  if (r->num_classes == 0)
    return;
  m->objCnt = g_new0 (NvDsAnalyticsClassCount, r->num_classes);
  for (guint i = 0; i < r->num_classes; i++) {
    m->objCnt[i].class_id = r->classes[i].class_id;
    m->objCnt[i].count = r->classes[i].count;
  }
  m->num_objCnt = r->num_classes;
}

void
nvdsanalyticssim_attach_frame (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvAnalyticsSimConfig * config, const NvAnalyticsSimFrameResult * r)
{
  NvDsAnalyticsFrameMeta *m = nvds_analytics_frame_meta_new ();
  NvDsUserMeta *user;

  fill_frame (m, config, r);
  fill_classes (m, r);
  m->unique_id = config->unique_id;
  attach_user (batch, m, NVDS_USER_FRAME_META_NVDSANALYTICS,
      nvds_analytics_frame_meta_copy_func,
      nvds_analytics_frame_meta_release_func, &user);
  if (user == NULL)
    nvds_analytics_frame_meta_free (m);
  else
    nvds_add_user_meta_to_frame (frame, user);
}
