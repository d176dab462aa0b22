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
 * A C++ header, as the SDK's: the payloads hold standard containers
 * (label lists as std::vector<std::string>, counters as
 * std::unordered_map), so only C++ code can create or read them. The
 * layout matches DeepStream 9.1 built with libstdc++.
 */

#ifndef BINDERY_NVDS_ANALYTICS_META_H
#define BINDERY_NVDS_ANALYTICS_META_H

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <glib.h>

#include "nvdsmeta.h"

/** User-meta type of NvDsAnalyticsFrameMeta payloads. */
#define NVDS_USER_FRAME_META_NVDSANALYTICS NVDS_FRAME_META_NVDSANALYTICS
/** User-meta type of NvDsAnalyticsObjInfo payloads. */
#define NVDS_USER_OBJ_META_NVDSANALYTICS NVDS_OBJ_META_NVDSANALYTICS

#ifdef __cplusplus
extern "C" {
#endif

/** Analytics results of one object. */
typedef struct {
  /** Labels of the ROIs the object is in. */
  std::vector<std::string> roiStatus;
  /** Labels of the overcrowding ROIs the object is in. */
  std::vector<std::string> ocStatus;
  /** Labels of the lines the object crossed in this frame. */
  std::vector<std::string> lcStatus;
  /** Direction of the tracked object (empty when unknown). */
  std::string dirStatus;
  /** Id of the analytics instance. */
  guint unique_id;
  /** Status of the tracked object (empty when unknown). */
  std::string objStatus;
} NvDsAnalyticsObjInfo;

/** Analytics results of one frame. */
typedef struct {
  /** Overcrowding flag per ROI label. */
  std::unordered_map<std::string, bool> ocStatus;
  /** Objects inside each ROI, per ROI label. */
  std::unordered_map<std::string, uint32_t> objInROIcnt;
  /** Line crossings in this frame, per line label. */
  std::unordered_map<std::string, uint64_t> objLCCurrCnt;
  /** Cumulative line crossings, per line label. */
  std::unordered_map<std::string, uint64_t> objLCCumCnt;
  /** Id of the analytics instance. */
  guint unique_id;
  /** Objects per class id. */
  std::unordered_map<int, uint32_t> objCnt;
} NvDsAnalyticsFrameMeta;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_ANALYTICS_META_H */
