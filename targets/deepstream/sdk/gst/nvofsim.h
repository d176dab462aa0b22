/*
 * bindery DeepStream SDK stand-in: nvofsim optical-flow producer.
 *
 * Owns the NVDS_OPTICAL_FLOW_META frame user meta the nvofsim element
 * attaches (an NvDsOpticalFlowMeta: one motion vector per grid block) and
 * its copy and release functions. Motion comes from nvinfersim's
 * synthetic scene (same seed and objects give the same boxes), so a
 * pipeline can compare vectors with the objects' movement.
 */
#ifndef BINDERY_NVOFSIM_H
#define BINDERY_NVOFSIM_H

#include "nvds_opticalflow_meta.h"
#include "nvinfersim_synth.h"

G_BEGIN_DECLS

/** Fixed-point scale of NvOFFlowVector (S10.5: 32 units per pixel). */
#define NVOFSIM_UNITS_PER_PIXEL 32

/**
 * Builds the flow of frame @frame_num of @scene (@scene->width x height
 * picture) on a @grid-pixel grid: each block's vector is the motion since
 * the previous frame of the last object covering the block's centre, in
 * S10.5 units; blocks outside every object, and all of frame 0, are zero.
 * Free with nvofsim_flow_free().
 */
NvDsOpticalFlowMeta *nvofsim_flow_new (const NvInferSimParams * scene,
    gint frame_num, guint grid);

/** Frees @meta and its vectors; NULL is ignored. */
void nvofsim_flow_free (NvDsOpticalFlowMeta * meta);

/** Attaches @flow (taking ownership) to @frame as NVDS_OPTICAL_FLOW_META. */
void nvofsim_attach_flow (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    NvDsOpticalFlowMeta * flow);

G_END_DECLS

#endif /* BINDERY_NVOFSIM_H */
