/*
 * bindery DeepStream SDK stand-in: nvdsanalyticssim payloads.
 *
 * Owns turning analytics results into the payloads nvdsanalytics attaches:
 * NvDsAnalyticsObjInfo object user meta and NvDsAnalyticsFrameMeta frame
 * user meta (types NVDS_USER_OBJ_META_NVDSANALYTICS and
 * NVDS_USER_FRAME_META_NVDSANALYTICS, which nvds_get_user_meta_type also
 * returns for "NVIDIA.DSANALYTICSOBJ.USER_META" and
 * "NVIDIA.DSANALYTICSFRAME.USER_META"). nvds_analytics_meta.h is C++ (its
 * payloads hold std::vector, std::string and std::unordered_map), so this
 * is the one C++ file of the simulator: it creates the payloads with new,
 * copies them with their copy constructors and frees them with delete,
 * from the user meta's copy and release functions.
 */
#include "nvds_analytics_meta.h"
#include "nvdsanalyticssim.h"

namespace {

/* A one-label list when @on, else an empty one. */
std::vector<std::string>
label_list (gboolean on, const gchar * label)
{
  if (!on)
    return {};
  return {label};
}

/* NvDsMetaCopyFunc / NvDsMetaReleaseFunc of a user meta holding a T. */
template <typename T>
gpointer
copy_payload (gpointer data, gpointer)
{
  auto *user = static_cast<NvDsUserMeta *>(data);
  return new T (*static_cast<const T *>(user->user_meta_data));
}

template <typename T>
void
release_payload (gpointer data, gpointer)
{
  auto *user = static_cast<NvDsUserMeta *>(data);
  delete static_cast<T *>(user->user_meta_data);
  user->user_meta_data = nullptr;
}

/* Attaches @payload as a user meta of @type; deletes it when the pool is empty. */
template <typename T>
NvDsUserMeta *
attach_user (NvDsBatchMeta * batch, T * payload, NvDsMetaType type)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == nullptr) {
    delete payload;
    return nullptr;
  }
  user->user_meta_data = payload;
  user->base_meta.meta_type = type;
  user->base_meta.copy_func = copy_payload<T>;
  user->base_meta.release_func = release_payload<T>;
  return user;
}

}  // namespace

extern "C" void
nvdsanalyticssim_attach_object (NvDsBatchMeta * batch, NvDsObjectMeta * obj,
    const NvAnalyticsSimConfig * config, const NvAnalyticsSimObjResult * r)
{
  auto *info = new NvDsAnalyticsObjInfo ();
  info->roiStatus = label_list (r->in_roi, config->roi_label);
  info->ocStatus = label_list (r->overcrowded, config->roi_label);
  info->lcStatus = label_list (r->crossed, config->line_label);
  if (r->direction != nullptr)
    info->dirStatus = std::string ("DIR:") + r->direction;
  info->unique_id = config->unique_id;
  NvDsUserMeta *user = attach_user (batch, info,
      (NvDsMetaType) NVDS_USER_OBJ_META_NVDSANALYTICS);
  if (user != nullptr)
    nvds_add_user_meta_to_obj (obj, user);
}

extern "C" void
nvdsanalyticssim_attach_frame (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvAnalyticsSimConfig * config, const NvAnalyticsSimFrameResult * r)
{
  auto *m = new NvDsAnalyticsFrameMeta ();
  m->objInROIcnt[config->roi_label] = r->in_roi;
  if (config->oc_threshold > 0)
    m->ocStatus[config->roi_label] = r->overcrowded != FALSE;
  m->objLCCurrCnt[config->line_label] = r->crossed_now;
  m->objLCCumCnt[config->line_label] = r->crossed_total;
  for (guint i = 0; i < r->num_classes; i++)
    m->objCnt[r->classes[i].class_id] = r->classes[i].count;
  m->unique_id = config->unique_id;
  NvDsUserMeta *user = attach_user (batch, m,
      (NvDsMetaType) NVDS_USER_FRAME_META_NVDSANALYTICS);
  if (user != nullptr)
    nvds_add_user_meta_to_frame (frame, user);
}
