/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Optical-flow metadata (NVDS_OPTICAL_FLOW_META): a grid of motion vectors
 * for one frame.
 */

#ifndef BINDERY_NVDS_OPTICALFLOW_META_H
#define BINDERY_NVDS_OPTICALFLOW_META_H

#ifdef __cplusplus
extern "C" {
#endif

/** Motion of one grid block, in the optical-flow engine's fixed-point units. */
typedef struct _NvOFFlowVector {
  short flowx; /**< Horizontal motion. */
  short flowy; /**< Vertical motion. */
} NvOFFlowVector;

/** Motion vectors of one frame. */
typedef struct {
  unsigned int rows;      /**< Grid rows (frame height / block size). */
  unsigned int cols;      /**< Grid columns (frame width / block size). */
  unsigned int mv_size;   /**< Size of @a data in bytes. */
  unsigned int cost_size; /**< Size of @a cost in bytes. */
  unsigned long frame_num;/**< Frame number of the source. */
  void *data;             /**< rows x cols NvOFFlowVector values, row-major. */
  void *cost;             /**< Confidence cost of each vector, or NULL. */
  void *priv;             /**< Internal. */
  void *reserved;         /**< Internal. */
} NvDsOpticalFlowMeta;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_OPTICALFLOW_META_H */
