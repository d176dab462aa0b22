/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Per-stream control events: ROI update, inference interval update, OSD
 * process-mode update, analytics config reload and tracker config update.
 * Each event names the stream it applies to by its stream-id string.
 */

#ifndef BINDERY_GST_NVDSCUSTOMEVENT_H
#define BINDERY_GST_NVDSCUSTOMEVENT_H

#include <gst/gst.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One region carried by a ROI-update event. */
typedef struct RoiDimension {
  gchar roi_id[128]; /**< Region name, NUL-terminated. */
  guint left;        /**< X of the left edge, in pixels. */
  guint top;         /**< Y of the top edge, in pixels. */
  guint width;       /**< Width, in pixels. */
  guint height;      /**< Height, in pixels. */
} RoiDimension;

/* Flags shared by the control events: downstream and serialized. */
#define BINDERY_NVDSCUSTOMEVENT_FLAGS (GST_EVENT_TYPE_DOWNSTREAM | GST_EVENT_TYPE_SERIALIZED)

/** Custom event types of the control events. */
typedef enum {
  GST_NVEVENT_ROI_UPDATE = GST_EVENT_MAKE_TYPE (406, BINDERY_NVDSCUSTOMEVENT_FLAGS),                    /**< New ROIs for pre-processing. */
  GST_NVEVENT_INFER_INTERVAL_UPDATE = GST_EVENT_MAKE_TYPE (407, BINDERY_NVDSCUSTOMEVENT_FLAGS),         /**< New inference interval. */
  GST_NVEVENT_OSD_PROCESS_MODE_UPDATE = GST_EVENT_MAKE_TYPE (408, BINDERY_NVDSCUSTOMEVENT_FLAGS),       /**< New OSD process mode. */
  GST_NVEVENT_ANALYTICS_RELOAD_CONFIG_UPDATE = GST_EVENT_MAKE_TYPE (409, BINDERY_NVDSCUSTOMEVENT_FLAGS),/**< Reload the analytics config. */
  GST_NVEVENT_NVTRACKER_CONFIG_UPDATE = GST_EVENT_MAKE_TYPE (410, BINDERY_NVDSCUSTOMEVENT_FLAGS)        /**< New tracker config. */
} GstNvDsCustomEventType;
#undef BINDERY_NVDSCUSTOMEVENT_FLAGS

/** @param stream_id Stream id. @param roi_count Entries in @a roi_dim. @param roi_dim The regions (copied). @return A new ROI-update event, or NULL. */
GstEvent *gst_nvevent_new_roi_update (gchar *stream_id, guint roi_count, RoiDimension *roi_dim);

/**
 * Reads a ROI-update event.
 * @param event     The event.
 * @param stream_id Receives the stream id (owned by the event).
 * @param roi_count Receives the number of regions.
 * @param roi_dim   Receives a new array of regions; free it with g_free().
 */
void gst_nvevent_parse_roi_update (GstEvent *event, gchar **stream_id, guint *roi_count,
    RoiDimension **roi_dim);

/** @param stream_id Stream id. @param interval Frames to skip between inferences. @return A new interval-update event, or NULL. */
GstEvent *gst_nvevent_infer_interval_update (gchar *stream_id, guint interval);

/** Reads an interval-update event. @param event The event. @param stream_id Receives the stream id (owned by the event). @param interval Receives the interval. */
void gst_nvevent_parse_infer_interval_update (GstEvent *event, gchar **stream_id, guint *interval);

/** @param stream_id Stream id. @param configStr New tracker configuration text. @return A new tracker-config event, or NULL. */
GstEvent *gst_nvevent_nvtracker_config_update (gchar *stream_id, gchar *configStr);

/** Reads a tracker-config event. @param event The event. @param stream_id Receives the stream id. @param configStr Receives the configuration text (both owned by the event). */
void gst_nvevent_parse_nvtracker_config_update (GstEvent *event, gchar **stream_id, gchar **configStr);

/** @param stream_id Stream id. @param process_mode New OSD process mode. @return A new process-mode event, or NULL. */
GstEvent *gst_nvevent_osd_process_mode_update (gchar *stream_id, guint process_mode);

/** Reads a process-mode event. @param event The event. @param stream_id Receives the stream id (owned by the event). @param process_mode Receives the mode. */
void gst_nvevent_parse_osd_process_mode_update (GstEvent *event, gchar **stream_id, guint *process_mode);

/** @param config_file_path Path of the analytics configuration. @return A new reload event, or NULL. */
GstEvent *gst_nvevent_analytics_reload_config_update (gchar *config_file_path);

/** Reads a reload event. @param event The event. @param config_file_path Receives the path (owned by the event). */
void gst_nvevent_parse_analytics_reload_config_update (GstEvent *event, gchar **config_file_path);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_GST_NVDSCUSTOMEVENT_H */
