/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Audio frame metadata. An audio batch reuses NvDsBatchMeta; its frame
 * list holds NvDsAudioFrameMeta instead of NvDsFrameMeta.
 *
 * Only the types are declared here; the audio batch functions of the SDK
 * are not part of this stand-in.
 */

#ifndef BINDERY_NVDS_AUDIO_META_H
#define BINDERY_NVDS_AUDIO_META_H

#include <glib.h>

#include "nvdsmeta.h"
#include "nvbufaudio.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Metadata of one audio frame of a batch. */
typedef struct _NvDsAudioFrameMeta {
  NvDsBaseMeta base_meta;      /**< Common header. */
  guint pad_index;             /**< Muxer sink pad the frame arrived on. */
  guint batch_id;              /**< Position of the frame in the batch. */
  gint frame_num;              /**< Frame counter of the source. */
  guint64 buf_pts;             /**< Presentation timestamp, in nanoseconds. */
  guint64 ntp_timestamp;       /**< NTP timestamp, in nanoseconds. */
  guint source_id;             /**< Source identifier. */
  gint num_samples_per_frame;  /**< Samples in the frame. */
  guint sample_rate;           /**< Samples per second. */
  guint num_channels;          /**< Number of channels. */
  NvBufAudioFormat format;     /**< Sample format. */
  NvBufAudioLayout layout;     /**< Channel arrangement. */
  gboolean bInferDone;         /**< TRUE once inference has run on the frame. */
  gint class_id;               /**< Class of the last detected sound event. */
  gfloat confidence;           /**< Confidence of the last detected sound event. */
  gchar class_label[MAX_LABEL_SIZE];           /**< Name of the last detected sound event. */
  NvDsClassifierMetaList *classifier_meta_list;/**< Classifier results of the frame. */
  NvDsUserMetaList *frame_user_meta_list;      /**< User metadata of the frame. */
  gint64 misc_frame_info[MAX_USER_FIELDS];     /**< Free slots for the user. */
  gint64 reserved[MAX_RESERVED_FIELDS];        /**< Reserved. */
} NvDsAudioFrameMeta;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_AUDIO_META_H */
