/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Latency measurement: per-component timestamps attached to buffers as
 * user metadata (NVDS_LATENCY_MEASUREMENT_META) and the function that turns
 * them into per-frame latencies.
 */

#ifndef BINDERY_NVDS_LATENCY_META_H
#define BINDERY_NVDS_LATENCY_META_H

#include <glib.h>
#include <gst/gst.h>

#include "nvdsmeta.h"

/** Capacity, including the NUL, of component names. */
#define MAX_COMPONENT_LEN 64

#ifdef __cplusplus
extern "C" {
#endif

/** Timestamps of one sub-component of a component. */
typedef struct _NvDsMetaSubCompLatency {
  gchar sub_comp_name[MAX_COMPONENT_LEN]; /**< Sub-component name. */
  gdouble in_system_timestamp;            /**< Arrival time, in milliseconds of system time. */
  gdouble out_system_timestamp;           /**< Departure time, in milliseconds of system time. */
} NvDsMetaSubCompLatency;

/** Timestamps of a buffer passing through one component. */
typedef struct _NvDsMetaCompLatency {
  gchar component_name[MAX_COMPONENT_LEN]; /**< Component name. */
  gdouble in_system_timestamp;             /**< Arrival time, in milliseconds of system time. */
  gdouble out_system_timestamp;            /**< Departure time, in milliseconds of system time. */
  guint source_id;                         /**< Source identifier. */
  guint frame_num;                         /**< Frame number. */
  guint pad_index;                         /**< Muxer sink pad of the frame. */
  NvDsMetaSubCompLatency sub_comp_latencies[16]; /**< Sub-component timestamps. */
  guint num_sub_comps;                     /**< Entries used in @a sub_comp_latencies. */
} NvDsMetaCompLatency;

/** Latency of one frame, filled by nvds_measure_buffer_latency(). */
typedef struct {
  guint source_id;           /**< Source identifier. */
  guint frame_num;           /**< Frame number. */
  gdouble comp_in_timestamp; /**< Time the frame entered the first component (by default the decoder). */
  gdouble latency;           /**< Latency up to the measuring point, in milliseconds. */
} NvDsFrameLatencyInfo;

/**
 * Records the arrival time of a buffer at a component.
 * @param buffer       The arriving buffer.
 * @param element_name Name of the component.
 * @return The user meta holding the NvDsMetaCompLatency, or NULL.
 */
NvDsUserMeta *nvds_set_input_system_timestamp (GstBuffer *buffer, gchar *element_name);

/**
 * Records the departure time of a buffer from a component.
 * @param buffer       The departing buffer.
 * @param element_name Name of the component.
 * @return TRUE if the timestamp was recorded.
 */
gboolean nvds_set_output_system_timestamp (GstBuffer *buffer, gchar *element_name);

/**
 * Computes the latency of every frame of a batch up to now.
 * @param buf          Buffer carrying an NvDsBatchMeta.
 * @param latency_info Array with room for one entry per frame of the batch.
 * @return Number of entries filled.
 */
guint nvds_measure_buffer_latency (GstBuffer *buf, NvDsFrameLatencyInfo *latency_info);

/** @return TRUE when the NVDS_ENABLE_LATENCY_MEASUREMENT environment variable is set. */
gboolean nvds_get_enable_latency_measurement (void);

/**
 * Attaches a reference timestamp to a buffer; decoders use this to mark
 * the start of the latency measurement.
 * @param buffer       The buffer.
 * @param element_name Name of the component.
 * @param frame_id     Frame number assigned by the component.
 */
void nvds_add_reference_timestamp_meta (GstBuffer *buffer, gchar *element_name, guint frame_id);

/** @return TRUE when the NVDS_LATENCY_MEASUREMENT_SILENT environment variable is set. */
gboolean nvds_get_latency_measurement_silent (void);

/** Shorthand for nvds_get_enable_latency_measurement(). */
#define nvds_enable_latency_measurement (nvds_get_enable_latency_measurement())
/** Shorthand for nvds_get_latency_measurement_silent(). */
#define nvds_latency_measurement_silent (nvds_get_latency_measurement_silent())

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_LATENCY_META_H */
