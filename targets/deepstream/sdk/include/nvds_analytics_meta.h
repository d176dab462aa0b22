/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project.
 */

/**
 * @file
 * Analytics metadata (ROI occupancy, overcrowding, line crossing,
 * direction) per frame (NVDS_FRAME_META_NVDSANALYTICS) and per object
 * (NVDS_OBJ_META_NVDSANALYTICS), carried as NvDsUserMeta payloads.
 *
 * C-compatible design. The SDK's header of this name is C++ only: its
 * structs hold std::vector<std::string>, std::string and
 * std::unordered_map members, so they have no C layout. This stand-in
 * keeps the same struct names, field names and meaning, with C types:
 *  - a list of strings is a NULL-terminated gchar* array (a GStrv, freed
 *    with g_strfreev) plus a num_* count;
 *  - a string is a heap gchar* (g_free), or NULL for "empty";
 *  - a map is an array of key/value entries plus a num_* count (keys are
 *    unique; order is unspecified).
 * Every pointer is owned by the struct. The helper functions at the end
 * (a bindery extension, not SDK API) allocate, copy and free them so the
 * structs can be used as user-meta payloads.
 */

#ifndef BINDERY_NVDS_ANALYTICS_META_H
#define BINDERY_NVDS_ANALYTICS_META_H

#include <stdint.h>

#include <glib.h>

#include "nvdsmeta.h"

/** User-meta type of NvDsAnalyticsFrameMeta payloads. */
#define NVDS_USER_FRAME_META_NVDSANALYTICS NVDS_FRAME_META_NVDSANALYTICS
/** User-meta type of NvDsAnalyticsObjInfo payloads. */
#define NVDS_USER_OBJ_META_NVDSANALYTICS NVDS_OBJ_META_NVDSANALYTICS

#ifdef __cplusplus
extern "C" {
#endif

/** Map entry: label to flag (for NvDsAnalyticsFrameMeta::ocStatus). */
typedef struct {
  gchar *label;    /**< ROI label (key). */
  gboolean status; /**< TRUE when the ROI is overcrowded. */
} NvDsAnalyticsLabelFlag;

/** Map entry: label to 32-bit count (for NvDsAnalyticsFrameMeta::objInROIcnt). */
typedef struct {
  gchar *label;   /**< ROI label (key). */
  guint32 count;  /**< Count. */
} NvDsAnalyticsLabelCount;

/** Map entry: label to 64-bit count (for the line-crossing counters). */
typedef struct {
  gchar *label;   /**< Line-crossing label (key). */
  guint64 count;  /**< Count. */
} NvDsAnalyticsLabelCount64;

/** Map entry: class id to 32-bit count (for NvDsAnalyticsFrameMeta::objCnt). */
typedef struct {
  gint class_id;  /**< Class id (key). */
  guint32 count;  /**< Number of objects of the class. */
} NvDsAnalyticsClassCount;

/** Analytics results of one object. */
typedef struct {
  gchar **roiStatus;   /**< Labels of the ROIs the object is in (NULL-terminated). */
  guint num_roiStatus; /**< Number of labels in @a roiStatus. */
  gchar **ocStatus;    /**< Labels of the overcrowding ROIs the object is in (NULL-terminated). */
  guint num_ocStatus;  /**< Number of labels in @a ocStatus. */
  gchar **lcStatus;    /**< Labels of the lines the object crossed (NULL-terminated). */
  guint num_lcStatus;  /**< Number of labels in @a lcStatus. */
  gchar *dirStatus;    /**< Direction of the tracked object, or NULL. */
  guint unique_id;     /**< Id of the analytics instance. */
  gchar *objStatus;    /**< Status of the tracked object, or NULL. */
} NvDsAnalyticsObjInfo;

/** Analytics results of one frame. */
typedef struct {
  NvDsAnalyticsLabelFlag *ocStatus;         /**< Overcrowding flag per ROI label. */
  guint num_ocStatus;                       /**< Entries in @a ocStatus. */
  NvDsAnalyticsLabelCount *objInROIcnt;     /**< Objects inside each ROI. */
  guint num_objInROIcnt;                    /**< Entries in @a objInROIcnt. */
  NvDsAnalyticsLabelCount64 *objLCCurrCnt;  /**< Line crossings in this frame, per line. */
  guint num_objLCCurrCnt;                   /**< Entries in @a objLCCurrCnt. */
  NvDsAnalyticsLabelCount64 *objLCCumCnt;   /**< Cumulative line crossings, per line. */
  guint num_objLCCumCnt;                    /**< Entries in @a objLCCumCnt. */
  guint unique_id;                          /**< Id of the analytics instance. */
  NvDsAnalyticsClassCount *objCnt;          /**< Objects per class id. */
  guint num_objCnt;                         /**< Entries in @a objCnt. */
} NvDsAnalyticsFrameMeta;

/* ---- bindery extension: allocation helpers (not SDK API) ---------------- */

/** @return A new, zeroed NvDsAnalyticsObjInfo (free with nvds_analytics_obj_info_free()). */
NvDsAnalyticsObjInfo *nvds_analytics_obj_info_new (void);

/** Frees an NvDsAnalyticsObjInfo and everything it owns; NULL is ignored. @param info The struct. */
void nvds_analytics_obj_info_free (NvDsAnalyticsObjInfo *info);

/**
 * NvDsMetaCopyFunc for user meta carrying an NvDsAnalyticsObjInfo.
 * @param data      The source NvDsUserMeta.
 * @param user_data Unused.
 * @return A deep copy of its payload.
 */
gpointer nvds_analytics_obj_info_copy_func (gpointer data, gpointer user_data);

/**
 * NvDsMetaReleaseFunc for user meta carrying an NvDsAnalyticsObjInfo:
 * frees the payload and sets user_meta_data to NULL.
 * @param data      The NvDsUserMeta.
 * @param user_data Unused.
 */
void nvds_analytics_obj_info_release_func (gpointer data, gpointer user_data);

/** @return A new, zeroed NvDsAnalyticsFrameMeta (free with nvds_analytics_frame_meta_free()). */
NvDsAnalyticsFrameMeta *nvds_analytics_frame_meta_new (void);

/** Frees an NvDsAnalyticsFrameMeta and everything it owns; NULL is ignored. @param meta The struct. */
void nvds_analytics_frame_meta_free (NvDsAnalyticsFrameMeta *meta);

/**
 * NvDsMetaCopyFunc for user meta carrying an NvDsAnalyticsFrameMeta.
 * @param data      The source NvDsUserMeta.
 * @param user_data Unused.
 * @return A deep copy of its payload.
 */
gpointer nvds_analytics_frame_meta_copy_func (gpointer data, gpointer user_data);

/**
 * NvDsMetaReleaseFunc for user meta carrying an NvDsAnalyticsFrameMeta:
 * frees the payload and sets user_meta_data to NULL.
 * @param data      The NvDsUserMeta.
 * @param user_data Unused.
 */
void nvds_analytics_frame_meta_release_func (gpointer data, gpointer user_data);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_ANALYTICS_META_H */
