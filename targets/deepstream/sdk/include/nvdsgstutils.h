/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * GStreamer helpers for pipelines: configuring RTSP sources so that the
 * muxer can compute NTP timestamps of frames.
 */

#ifndef BINDERY_NVDSGSTUTILS_H
#define BINDERY_NVDSGSTUTILS_H

#include <gst/gst.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Configures an RTSP source ("rtspsrc", or "uridecodebin" with an rtsp://
 * URI) to produce NTP synchronisation values from RTCP sender reports.
 * Other elements are left unchanged.
 * @param src_elem The source element.
 */
void configure_source_for_ntp_sync (GstElement *src_elem);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDSGSTUTILS_H */
