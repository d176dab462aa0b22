/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Region-of-interest (ROI) metadata produced by a pre-processing stage:
 * one scaled/converted crop of a frame (or of an object) and the factors
 * needed to map results on it back to the original frame.
 */

#ifndef BINDERY_NVDS_ROI_META_H
#define BINDERY_NVDS_ROI_META_H

#include <glib.h>

#include "nvll_osd_struct.h"
#include "nvdsmeta.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Maximum number of polygon vertices an ROI can describe (reserved). */
#define DS_MAX_POLYGON_POINTS 8

/** Surface parameters of one buffer (defined in nvbufsurface.h). */
typedef struct NvBufSurfaceParams NvBufSurfaceParams;
/** Frame metadata (defined in nvdsmeta.h). */
typedef struct _NvDsFrameMeta NvDsFrameMeta;
/** Object metadata (defined in nvdsmeta.h). */
typedef struct _NvDsObjectMeta NvDsObjectMeta;
/** A GList whose elements are NvDsClassifierMeta pointers. */
typedef GList NvDsClassifierMetaList;
/** A GList whose elements are NvDsUserMeta pointers. */
typedef GList NvDsUserMetaList;

/** Element data type of a tensor handed to or produced by a model. */
typedef enum {
  NvDsDataType_FP32,   /**< 32-bit float. */
  NvDsDataType_UINT8,  /**< Unsigned 8-bit integer. */
  NvDsDataType_INT8,   /**< Signed 8-bit integer. */
  NvDsDataType_UINT32, /**< Unsigned 32-bit integer. */
  NvDsDataType_INT32,  /**< Signed 32-bit integer. */
  NvDsDataType_INT64,  /**< Signed 64-bit integer. */
  NvDsDataType_UINT64, /**< Unsigned 64-bit integer. */
  NvDsDataType_FP16,   /**< 16-bit float. */
} NvDsDataType;

/** What a pre-processed unit covers. */
typedef enum {
  NvDsUnitType_FullFrame = 0, /**< The whole frame. */
  NvDsUnitType_ROI,           /**< A configured region of the frame. */
  NvDsUnitType_Object,        /**< The box of a detected object. */
} NvDsUnitType;

/** One region of interest and how it was scaled for inference. */
typedef struct NvDsRoiMeta {
  NvOSD_RectParams roi;                         /**< The region, in frame pixels. */
  guint roi_polygon[DS_MAX_POLYGON_POINTS][2];  /**< Polygon vertices (x, y); reserved, not used yet. */
  NvBufSurfaceParams *converted_buffer;         /**< The scaled and colour-converted crop. */
  NvDsFrameMeta *frame_meta;                    /**< Frame this region belongs to. */
  gdouble scale_ratio_x;                        /**< Horizontal scale from frame to crop. */
  gdouble scale_ratio_y;                        /**< Vertical scale from frame to crop. */
  gdouble offset_left;                          /**< Horizontal padding added while scaling, in crop pixels. */
  gdouble offset_top;                           /**< Vertical padding added while scaling, in crop pixels. */
  NvDsClassifierMetaList *classifier_meta_list; /**< Classifier results for this region. */
  NvDsUserMetaList *roi_user_meta_list;         /**< User metadata attached to this region. */
  NvDsObjectMeta *object_meta;                  /**< Object this region was cut from, in object mode; else NULL. */
} NvDsRoiMeta;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_ROI_META_H */
