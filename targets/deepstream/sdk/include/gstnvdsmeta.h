/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * GStreamer glue: NvDsMeta, the GstMeta that carries DeepStream metadata
 * (normally an NvDsBatchMeta) on a GstBuffer, and the functions that add
 * and find it.
 */

#ifndef BINDERY_GSTNVDSMETA_H
#define BINDERY_GSTNVDSMETA_H

#include <gst/gst.h>
#include <gst/video/video.h>
#include <gst/base/gstbasetransform.h>

#include "nvdsmeta.h"
#include "nvds_audio_meta.h"
#include "nvds_latency_meta.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Registers (once) and returns the GType of the NvDsMeta API. */
GType nvds_meta_api_get_type (void);
/** The GType of the NvDsMeta API. */
#define NVDS_META_API_TYPE (nvds_meta_api_get_type())

/** Registers (once) and returns the GstMetaInfo of NvDsMeta. */
const GstMetaInfo *nvds_meta_get_info (void);
/** The GstMetaInfo of NvDsMeta. */
#define NVDS_META_INFO (nvds_meta_get_info())

/** Name under which the NvDsMeta implementation is registered. */
#define NVDS_META_STRING "nvdsmeta"

/** Kind of payload an NvDsMeta carries (NvDsMeta::meta_type). */
typedef enum {
  NVDS_GST_INVALID_META = -1,                         /**< Not a valid kind. */
  NVDS_BATCH_GST_META = NVDS_GST_CUSTOM_META + 1,     /**< An NvDsBatchMeta. */
  NVDS_DECODER_GST_META,                              /**< Decoder metadata. */
  NVDS_DEWARPER_GST_META,                             /**< Dewarped-surface metadata. */
  NVDS_BUFFER_GST_AS_FRAME_USER_META,                 /**< GstMetas of an input buffer copied into a frame's user meta. */
  NVDS_RESERVED_GST_META = NVDS_GST_CUSTOM_META + 4096, /**< Reserved. */
  NVDS_GST_META_FORCE32 = 0x7FFFFFFF                  /**< Forces a 32-bit enum. */
} GstNvDsMetaType;

/** The GstMeta that carries DeepStream metadata on a GstBuffer. */
typedef struct _NvDsMeta {
  GstMeta meta;                   /**< GStreamer meta header. */
  gpointer meta_data;             /**< The payload; its type follows @a meta_type. */
  gpointer user_data;             /**< Extra pointer passed to the callbacks. */
  gint meta_type;                 /**< A GstNvDsMetaType (or user) value. */
  NvDsMetaCopyFunc copyfunc;      /**< Copies @a meta_data when the buffer is copied. */
  NvDsMetaReleaseFunc freefunc;   /**< Frees @a meta_data when the meta is freed. */
  NvDsMetaCopyFunc gst_to_nvds_meta_transform_func;   /**< Turns @a meta_data into frame user meta at the muxer. */
  NvDsMetaReleaseFunc gst_to_nvds_meta_release_func;  /**< Frees what @a gst_to_nvds_meta_transform_func made. */
} NvDsMeta;

/**
 * Attaches an NvDsMeta to a buffer.
 * @param buffer       Writable buffer.
 * @param meta_data    The payload.
 * @param user_data    Extra pointer passed to the callbacks.
 * @param copy_func    Copies the payload when the buffer is copied.
 * @param release_func Frees the payload when the meta is freed.
 * @return The attached meta, or NULL on failure.
 */
NvDsMeta *gst_buffer_add_nvds_meta (GstBuffer *buffer, gpointer meta_data,
    gpointer user_data, NvDsMetaCopyFunc copy_func, NvDsMetaReleaseFunc release_func);

/** @param buffer A buffer. @return The NvDsMeta added last, or NULL. */
NvDsMeta *gst_buffer_get_nvds_meta (GstBuffer *buffer);

/** @param buffer A buffer. @return The NvDsBatchMeta carried by the buffer, or NULL. */
NvDsBatchMeta *gst_buffer_get_nvds_batch_meta (GstBuffer *buffer);

/**
 * Copies the GstMetas of an input buffer into a frame's user metadata.
 * @param src_gst_buffer Input buffer whose metas are copied.
 * @param batch_meta     Batch the frame belongs to.
 * @param frame_meta     Frame receiving the user metadata.
 */
void nvds_copy_gst_meta_to_frame_meta (GstBuffer *src_gst_buffer, NvDsBatchMeta *batch_meta,
    NvDsFrameMeta *frame_meta);

/**
 * Audio counterpart of nvds_copy_gst_meta_to_frame_meta().
 * @param src_gst_buffer Input buffer whose metas are copied.
 * @param batch_meta     Batch the frame belongs to.
 * @param frame_meta     Audio frame receiving the user metadata.
 */
void nvds_copy_gst_meta_to_audio_frame_meta (GstBuffer *src_gst_buffer, NvDsBatchMeta *batch_meta,
    NvDsAudioFrameMeta *frame_meta);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_GSTNVDSMETA_H */
