/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Tracker output metadata: past-frame / trajectory data of targets
 * (NVDS_TRACKER_PAST_FRAME_META), re-identification features
 * (NVDS_TRACKER_BATCH_REID_META, NVDS_TRACKER_OBJ_REID_META), convex hulls
 * and 3D boxes of objects.
 */

#ifndef BINDERY_NVDS_TRACKER_META_H
#define BINDERY_NVDS_TRACKER_META_H

#include <stdint.h>

#include "nvll_osd_struct.h"

/** Capacity, including the NUL, of label strings (same value as nvdsmeta.h). */
#define MAX_LABEL_SIZE 128

#ifdef __cplusplus
extern "C" {
#endif

/** Life-cycle state of a track. */
typedef enum {
  EMPTY = 0,       /**< The track slot is unused. */
  ACTIVE = 1,      /**< Confirmed by detections and reported. */
  INACTIVE = 2,    /**< Not confirmed (shadow tracking); kept but not reported. */
  TENTATIVE = 3,   /**< Just started; on probation before becoming active. */
  PROJECTED = 4,   /**< Finished; projected points appended for re-association. */
  QUASIACTIVE = 5  /**< Confirmed by peer cameras but not by detections. */
} TRACKER_STATE;

/** One past frame of one target. */
typedef struct _NvDsTargetMiscDataFrame {
  uint32_t frameNum;          /**< Frame number. */
  NvOSD_RectParams tBbox;     /**< Box in that frame. */
  float confidence;           /**< Tracking confidence. */
  uint32_t age;               /**< Track age, in frames. */
  TRACKER_STATE trackerState; /**< Track state in that frame. */
  float visibility;           /**< Fraction of the box inside the image. */
  float ptWorldFeet[2];       /**< Foot position on the world ground plane. */
} NvDsTargetMiscDataFrame;

/** All past frames of one target. */
typedef struct _NvDsTargetMiscDataObject {
  NvDsTargetMiscDataFrame *list; /**< @a numObj frames. */
  uint32_t numObj;               /**< Frames in @a list. */
  uint32_t numAllocated;         /**< Capacity of @a list. */
  uint64_t uniqueId;             /**< Tracking id. */
  uint16_t classId;              /**< Class id. */
  char objLabel[MAX_LABEL_SIZE]; /**< Class name, NUL-terminated. */
} NvDsTargetMiscDataObject;

/** All targets of one stream. */
typedef struct _NvDsTargetMiscDataStream {
  NvDsTargetMiscDataObject *list; /**< @a numFilled targets. */
  uint32_t streamID;              /**< Stream id (NvDsFrameMeta::pad_index). */
  uint64_t surfaceStreamID;       /**< Stream id used inside the tracker. */
  uint32_t numAllocated;          /**< Capacity of @a list. */
  uint32_t numFilled;             /**< Targets in @a list. */
} NvDsTargetMiscDataStream;

/** Past-frame data of all streams of a batch. */
typedef struct _NvDsTargetMiscDataBatch {
  NvDsTargetMiscDataStream *list; /**< @a numFilled streams. */
  uint32_t numAllocated;          /**< Capacity of @a list. */
  uint32_t numFilled;             /**< Streams in @a list. */
  void *priv_data;                /**< Producer-private data (buffer pool). */
} NvDsTargetMiscDataBatch;

/** Re-identification features of a whole batch. */
typedef struct _NvDsReidTensorBatch {
  uint32_t featureSize; /**< Length of one feature vector. */
  uint32_t numFilled;   /**< Number of vectors. */
  float *ptr_host;      /**< Vectors in host memory. */
  float *ptr_dev;       /**< Vectors in device memory. */
  void *priv_data;      /**< Producer-private data (buffer pool). */
} NvDsReidTensorBatch;

/** Trajectory data of all streams; same layout as NvDsTargetMiscDataBatch. */
typedef NvDsTargetMiscDataBatch NvDsTrajectoryBatch;

/** Convex hull of an object. */
typedef struct _NvDsObjConvexHull {
  int *list;                   /**< Coordinates as x, y pairs. */
  uint32_t numPointsAllocated; /**< Capacity of @a list, in points. */
  uint32_t numPoints;          /**< Points in @a list. */
} NvDsObjConvexHull;

/** Re-identification feature of one object. */
typedef struct _NvDsObjReid {
  uint32_t featureSize; /**< Length of the vector. */
  float *ptr_host;      /**< Vector in host memory. */
  float *ptr_dev;       /**< Vector in device memory. */
} NvDsObjReid;

/** 3D box of an object: centre, extent, rotation and velocity. */
typedef struct _NvDsObj3DBbox {
  float xCentre; /**< Centre X. */
  float yCentre; /**< Centre Y. */
  float zCentre; /**< Centre Z. */
  float xLen;    /**< Extent along X. */
  float yLen;    /**< Extent along Y. */
  float zLen;    /**< Extent along Z. */
  float xRot;    /**< Rotation about X. */
  float yRot;    /**< Rotation about Y. */
  float zRot;    /**< Rotation about Z. */
  float xVel;    /**< Velocity along X. */
  float yVel;    /**< Velocity along Y. */
  float zVel;    /**< Velocity along Z. */
} NvDsObj3DBbox;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_TRACKER_META_H */
