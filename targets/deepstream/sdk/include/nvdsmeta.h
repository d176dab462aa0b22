/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Core DeepStream metadata: the batch / frame / object / classifier /
 * label / display / user metadata tree, the pools it is allocated from,
 * and the functions that acquire, attach, detach, clear and copy it.
 *
 * Ownership model: every metadata element is taken from a pool owned by
 * the NvDsBatchMeta (nvds_acquire_*_from_pool) and goes back to that pool
 * when it is removed from its parent or when the batch is destroyed.
 */

#ifndef BINDERY_NVDSMETA_H
#define BINDERY_NVDSMETA_H

#include <stdbool.h>

#include <glib.h>
#include <gmodule.h>

#include "nvll_osd_struct.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Forward declaration; the ROI metadata is defined in nvds_roi_meta.h. */
typedef struct NvDsRoiMeta NvDsRoiMeta;

#ifdef __cplusplus
}
#endif

#include "nvds_roi_meta.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of user-defined gint64 slots in batch, frame, object and display metadata. */
#define MAX_USER_FIELDS 4
/** Number of reserved gint64 slots in batch, frame, object and display metadata. */
#define MAX_RESERVED_FIELDS 4
/** Capacity, including the terminating NUL, of fixed-size label strings. */
#define MAX_LABEL_SIZE 128
/** Number of entries in each shape array of NvDsDisplayMeta. */
#define MAX_ELEMENTS_IN_DISPLAY_META 16
/** Value of NvDsObjectMeta::object_id for an object no tracker has seen. */
#define UNTRACKED_OBJECT_ID 0xFFFFFFFFFFFFFFFF

/** A GList whose elements are NvDsFrameMeta pointers. */
typedef GList NvDsFrameMetaList;
/** A GList whose elements are NvDsUserMeta pointers. */
typedef GList NvDsUserMetaList;
/** A GList whose elements are NvDsObjectMeta pointers. */
typedef GList NvDsObjectMetaList;
/** A GList whose elements are NvDsDisplayMeta pointers. */
typedef GList NvDisplayMetaList;
/** A GList whose elements are NvDsClassifierMeta pointers. */
typedef GList NvDsClassifierMetaList;
/** A GList whose elements are NvDsLabelInfo pointers. */
typedef GList NvDsLabelInfoList;
/** A GList of metadata elements of any kind. */
typedef GList NvDsMetaList;
/** Opaque metadata element. */
typedef void NvDsElementMeta;

/**
 * Callback that deep-copies one metadata payload.
 * @param data      The payload to copy.
 * @param user_data Extra context; pass NULL.
 * @return A newly allocated copy of @a data.
 */
typedef gpointer (*NvDsMetaCopyFunc) (gpointer data, gpointer user_data);

/**
 * Callback that frees one metadata payload made by an NvDsMetaCopyFunc
 * (or by the producer) and everything it owns.
 * @param data      The payload to free.
 * @param user_data Extra context; pass NULL.
 */
typedef void (*NvDsMetaReleaseFunc) (gpointer data, gpointer user_data);

/**
 * Kind of a metadata element. Values from NVDS_START_USER_META upwards are
 * free for application-defined user metadata (see nvds_get_user_meta_type()).
 */
typedef enum {
  NVDS_INVALID_META = -1,          /**< Not a valid kind. */
  NVDS_BATCH_META = 1,             /**< NvDsBatchMeta. */
  NVDS_FRAME_META,                 /**< NvDsFrameMeta. */
  NVDS_OBJ_META,                   /**< NvDsObjectMeta. */
  NVDS_DISPLAY_META,               /**< NvDsDisplayMeta. */
  NVDS_CLASSIFIER_META,            /**< NvDsClassifierMeta. */
  NVDS_LABEL_INFO_META,            /**< NvDsLabelInfo. */
  NVDS_USER_META,                  /**< NvDsUserMeta (internal use). */
  NVDS_PAYLOAD_META,               /**< NvDsPayload made by a message converter. */
  NVDS_EVENT_MSG_META,             /**< NvDsEventMsgMeta for a message broker. */
  NVDS_OPTICAL_FLOW_META,          /**< NvDsOpticalFlowMeta. */
  NVDS_LATENCY_MEASUREMENT_META,   /**< NvDsMetaCompLatency. */
  NVDSINFER_TENSOR_OUTPUT_META,    /**< NvDsInferTensorMeta (raw model output). */
  NVDSINFER_SEGMENTATION_META,     /**< NvDsInferSegmentationMeta. */
  NVDS_CROP_IMAGE_META,            /**< JPEG-encoded object crop (NvDsObjEncOutParams). */
  NVDS_TRACKER_PAST_FRAME_META,    /**< Tracker past-frame data (NvDsTargetMiscDataBatch). */
  NVDS_TRACKER_BATCH_REID_META,    /**< Re-identification features of a batch (NvDsReidTensorBatch). */
  NVDS_TRACKER_OBJ_REID_META,      /**< Re-identification feature of one object (NvDsObjReid). */
  NVDS_TRACKER_TERMINATED_LIST_META, /**< Tracks that ended in this frame. */
  NVDS_TRACKER_SHADOW_LIST_META,   /**< Tracks kept in shadow mode. */
  NVDS_OBJ_VISIBILITY,             /**< Visibility of an object. */
  NVDS_OBJ_IMAGE_FOOT_LOCATION,    /**< Foot location of an object in the image. */
  NVDS_OBJ_WORLD_FOOT_LOCATION,    /**< Foot location of an object on the world ground plane. */
  NVDS_OBJ_IMAGE_CONVEX_HULL,      /**< Convex hull of an object in the image. */
  NVDS_OBJ_3D_META,                /**< 3D object metadata. */
  NVDS_AUDIO_BATCH_META,           /**< Batch metadata of an audio batch. */
  NVDS_AUDIO_FRAME_META,           /**< NvDsAudioFrameMeta. */
  NVDS_PREPROCESS_FRAME_META,      /**< Pre-processing per-frame ROI metadata. */
  NVDS_PREPROCESS_BATCH_META,      /**< Pre-processing batch metadata. */
  NVDS_CUSTOM_MSG_BLOB,            /**< Custom message blob (NvDsCustomMsgInfo) for the payload. */
  NVDS_ROI_META,                   /**< NvDsRoiMeta. */
  NVDS_CUSTOM_MSG_SPARSE4D,        /**< Sparse4D custom message. */
  NVDS_FRAME_META_NVDSANALYTICS,   /**< NvDsAnalyticsFrameMeta. */
  NVDS_OBJ_META_NVDSANALYTICS,     /**< NvDsAnalyticsObjInfo. */
  NVDS_RESERVED_META = 4095,       /**< Reserved. */
  NVDS_GST_CUSTOM_META = 4096,     /**< First of the 4096 values reserved for GStreamer-level metadata. */
  NVDS_START_USER_META = NVDS_GST_CUSTOM_META + 4096 + 1, /**< First value for application-defined metadata. */
  NVDS_FORCE32_META = 0x7FFFFFFF   /**< Forces a 32-bit enum. */
} NvDsMetaType;

/** Unclipped box of an object as one component saw it. */
typedef struct _NvDsComp_BboxInfo {
  NvBbox_Coords org_bbox_coords; /**< The box, in frame pixels, before clipping. */
} NvDsComp_BboxInfo;

/** Description of the sensor (camera) a frame came from. */
typedef struct _NvDsSensorInfo_meta {
  guint source_id;         /**< Source index the sensor is attached to. */
  gchar const *uri;        /**< URI of the source; not owned. */
  gchar const *sensor_id;  /**< Sensor identifier; not owned. */
  gchar const *sensor_name;/**< Human-readable sensor name; not owned. */
} NvDsSensorInfo_meta;

/** A pool of preallocated metadata elements of one kind. */
typedef struct _NvDsMetaPool {
  NvDsMetaType meta_type;           /**< Kind of element the pool holds. */
  guint max_elements_in_pool;       /**< Capacity the pool was created with. */
  guint element_size;               /**< Size in bytes of one element. */
  guint num_empty_elements;         /**< Elements currently free. */
  guint num_full_elements;          /**< Elements currently handed out. */
  NvDsMetaList *empty_list;         /**< Free elements. */
  NvDsMetaList *full_list;          /**< Elements handed out. */
  NvDsMetaCopyFunc copy_func;       /**< Copies one element. */
  NvDsMetaReleaseFunc release_func; /**< Resets one element when it returns to the pool. */
} NvDsMetaPool;

/** Header shared by every metadata element. */
typedef struct _NvDsBaseMeta {
  struct _NvDsBatchMeta *batch_meta; /**< Batch that owns this element. */
  NvDsMetaType meta_type;            /**< Kind of this element. */
  void *uContext;                    /**< Free pointer for the user. */
  NvDsMetaCopyFunc copy_func;        /**< Copies the payload when the buffer is copied. */
  NvDsMetaReleaseFunc release_func;  /**< Frees the payload when the element is released. */
} NvDsBaseMeta;

/**
 * Metadata of a batch of frames (video) or of audio frames; the root of
 * the tree, attached to a GstBuffer through NvDsMeta (gstnvdsmeta.h).
 */
typedef struct _NvDsBatchMeta {
  NvDsBaseMeta base_meta;               /**< Common header. */
  guint max_frames_in_batch;            /**< Capacity of the batch. */
  guint num_frames_in_batch;            /**< Frames present now. */
  NvDsMetaPool *frame_meta_pool;        /**< Pool of NvDsFrameMeta. */
  NvDsMetaPool *obj_meta_pool;          /**< Pool of NvDsObjectMeta. */
  NvDsMetaPool *classifier_meta_pool;   /**< Pool of NvDsClassifierMeta. */
  NvDsMetaPool *display_meta_pool;      /**< Pool of NvDsDisplayMeta. */
  NvDsMetaPool *user_meta_pool;         /**< Pool of NvDsUserMeta. */
  NvDsMetaPool *label_info_meta_pool;   /**< Pool of NvDsLabelInfo. */
  NvDsFrameMetaList *frame_meta_list;   /**< Frames of the batch (NvDsFrameMeta or NvDsAudioFrameMeta). */
  NvDsUserMetaList *batch_user_meta_list; /**< User metadata attached to the batch. */
  GRecMutex meta_mutex;                 /**< Lock taken by nvds_acquire_meta_lock(). */
  gint64 misc_batch_info[MAX_USER_FIELDS]; /**< Free slots for the user. */
  gint64 reserved[MAX_RESERVED_FIELDS]; /**< Reserved. */
} NvDsBatchMeta;

/** Metadata of one frame of a batch. */
typedef struct _NvDsFrameMeta {
  NvDsBaseMeta base_meta;          /**< Common header. */
  guint pad_index;                 /**< Muxer sink pad the frame arrived on. */
  guint batch_id;                  /**< Index of the frame's surface in NvBufSurface::surfaceList. */
  gint frame_num;                  /**< Frame counter of the source. */
  guint64 buf_pts;                 /**< Presentation timestamp, in nanoseconds. */
  guint64 ntp_timestamp;           /**< NTP timestamp, in nanoseconds since the epoch. */
  guint source_id;                 /**< Identifier of the source (e.g. camera). */
  gint num_surfaces_per_frame;     /**< Number of surfaces making up the frame. */
  guint source_frame_width;        /**< Width of the frame as it entered the muxer. */
  guint source_frame_height;       /**< Height of the frame as it entered the muxer. */
  guint surface_type;              /**< Type of the sub-surface, for multi-surface frames. */
  guint surface_index;             /**< Index of the sub-surface, for multi-surface frames. */
  guint num_obj_meta;              /**< Number of objects in @a obj_meta_list. */
  gboolean bInferDone;             /**< TRUE once inference has run on the frame. */
  NvDsObjectMetaList *obj_meta_list;       /**< Objects of the frame. */
  NvDisplayMetaList *display_meta_list;    /**< Drawings requested for the frame. */
  NvDsUserMetaList *frame_user_meta_list;  /**< User metadata attached to the frame. */
  gint64 misc_frame_info[MAX_USER_FIELDS]; /**< Free slots for the user. */
  guint pipeline_width;            /**< Width of the frame as it left the muxer. */
  guint pipeline_height;           /**< Height of the frame as it left the muxer. */
  NvDsSensorInfo_meta sensorInfo_meta;     /**< Sensor that produced the frame. */
  gint64 reserved[MAX_RESERVED_FIELDS];    /**< Reserved. */
} NvDsFrameMeta;

/** Metadata of one detected or tracked object. */
typedef struct _NvDsObjectMeta {
  NvDsBaseMeta base_meta;                 /**< Common header. */
  struct _NvDsObjectMeta *parent;         /**< Parent object, or NULL. */
  gint unique_component_id;               /**< Id of the component that made the object. */
  gint class_id;                          /**< Class index from the detector. */
  guint64 object_id;                      /**< Tracking id, or UNTRACKED_OBJECT_ID. */
  NvDsComp_BboxInfo detector_bbox_info;   /**< Box as output by the detector. */
  NvDsComp_BboxInfo tracker_bbox_info;    /**< Box as output by the tracker. */
  gfloat confidence;                      /**< Detector confidence (-0.1 when unknown). */
  gfloat tracker_confidence;              /**< Tracker confidence (-0.1 when unknown). */
  NvOSD_RectParams rect_params;           /**< Clipped box from the last component that updated it; also drawn by the OSD. */
  NvOSD_MaskParams mask_params;           /**< Instance mask of the object. */
  NvOSD_TextParams text_params;           /**< Label drawn next to the object. */
  gchar obj_label[MAX_LABEL_SIZE];        /**< Class name, NUL-terminated. */
  NvDsClassifierMetaList *classifier_meta_list; /**< Classifier results for the object. */
  NvDsUserMetaList *obj_user_meta_list;   /**< User metadata attached to the object. */
  gint64 misc_obj_info[MAX_USER_FIELDS];  /**< Free slots for the user. */
  gint64 reserved[MAX_RESERVED_FIELDS];   /**< Reserved. */
} NvDsObjectMeta;

/** Result of one classifier on one object. */
typedef struct _NvDsClassifierMeta {
  NvDsBaseMeta base_meta;             /**< Common header. */
  guint num_labels;                   /**< Number of labels in @a label_info_list. */
  gint unique_component_id;           /**< Id of the classifier component. */
  NvDsLabelInfoList *label_info_list; /**< The labels (NvDsLabelInfo). */
  const gchar *classifier_type;       /**< Kind of classifier; not owned. */
} NvDsClassifierMeta;

/** One label produced by a classifier. */
typedef struct _NvDsLabelInfo {
  NvDsBaseMeta base_meta;            /**< Common header. */
  guint num_classes;                 /**< Number of classes of the label. */
  gchar result_label[MAX_LABEL_SIZE];/**< Label text, NUL-terminated. */
  gchar *pResult_label;              /**< Label text when longer than MAX_LABEL_SIZE - 1, else NULL. */
  guint result_class_id;             /**< Class index of the best result. */
  guint label_id;                    /**< Which label, for multi-label classifiers. */
  gfloat result_prob;                /**< Probability of the best result. */
} NvDsLabelInfo;

/** Shapes and text an application asks the OSD to draw on a frame. */
typedef struct NvDsDisplayMeta {
  NvDsBaseMeta base_meta;  /**< Common header. */
  guint num_rects;         /**< Rectangles used in @a rect_params. */
  guint num_labels;        /**< Labels used in @a text_params. */
  guint num_lines;         /**< Lines used in @a line_params. */
  guint num_arrows;        /**< Arrows used in @a arrow_params. */
  guint num_circles;       /**< Circles used in @a circle_params. */
  NvOSD_RectParams rect_params[MAX_ELEMENTS_IN_DISPLAY_META];     /**< Rectangles. */
  NvOSD_TextParams text_params[MAX_ELEMENTS_IN_DISPLAY_META];     /**< Text labels. */
  NvOSD_LineParams line_params[MAX_ELEMENTS_IN_DISPLAY_META];     /**< Lines. */
  NvOSD_ArrowParams arrow_params[MAX_ELEMENTS_IN_DISPLAY_META];   /**< Arrows. */
  NvOSD_CircleParams circle_params[MAX_ELEMENTS_IN_DISPLAY_META]; /**< Circles. */
  gint64 misc_osd_data[MAX_USER_FIELDS]; /**< Free slots for the user. */
  gint64 reserved[MAX_RESERVED_FIELDS];  /**< Reserved. */
} NvDsDisplayMeta;

/** Application-defined metadata attached to a batch, frame or object. */
typedef struct _NvDsUserMeta {
  NvDsBaseMeta base_meta; /**< Common header; meta_type, copy_func and release_func describe the payload. */
  void *user_meta_data;   /**< The payload. */
} NvDsUserMeta;

/* ---- Locking and batch lifetime ---------------------------------------- */

/** Takes the batch's recursive metadata lock. @param batch_meta Batch to lock. */
void nvds_acquire_meta_lock (NvDsBatchMeta *batch_meta);

/** Releases the lock taken by nvds_acquire_meta_lock(). @param batch_meta Batch to unlock. */
void nvds_release_meta_lock (NvDsBatchMeta *batch_meta);

/**
 * Creates a batch with all its pools.
 * @param max_batch_size Maximum number of frames in the batch.
 * @return The new batch (free with nvds_destroy_batch_meta()), or NULL on failure.
 */
NvDsBatchMeta *nvds_create_batch_meta (guint max_batch_size);

/**
 * Destroys a batch, its pools and every element taken from them.
 * @param batch_meta Batch to destroy.
 * @return TRUE on success, FALSE if @a batch_meta is NULL.
 */
gboolean nvds_destroy_batch_meta (NvDsBatchMeta *batch_meta);

/* ---- Frames ------------------------------------------------------------ */

/** Takes a cleared frame meta from the batch's pool. @param batch_meta Owning batch. @return The frame meta, or NULL. */
NvDsFrameMeta *nvds_acquire_frame_meta_from_pool (NvDsBatchMeta *batch_meta);

/** Appends a frame meta to the batch. @param batch_meta Batch. @param frame_meta Frame to add. */
void nvds_add_frame_meta_to_batch (NvDsBatchMeta *batch_meta, NvDsFrameMeta *frame_meta);

/** Detaches a frame meta from the batch and returns it to its pool. @param batch_meta Batch. @param frame_meta Frame to remove. */
void nvds_remove_frame_meta_from_batch (NvDsBatchMeta *batch_meta, NvDsFrameMeta *frame_meta);

/* ---- Objects ----------------------------------------------------------- */

/** Takes a cleared object meta from the batch's pool. @param batch_meta Owning batch. @return The object meta, or NULL. */
NvDsObjectMeta *nvds_acquire_obj_meta_from_pool (NvDsBatchMeta *batch_meta);

/**
 * Appends an object meta to a frame.
 * @param frame_meta Frame to add to.
 * @param obj_meta   Object to add.
 * @param obj_parent Parent object stored in @a obj_meta->parent, or NULL.
 */
void nvds_add_obj_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsObjectMeta *obj_meta,
    NvDsObjectMeta *obj_parent);

/** Detaches an object meta from a frame and returns it to its pool. @param frame_meta Frame. @param obj_meta Object to remove. */
void nvds_remove_obj_meta_from_frame (NvDsFrameMeta *frame_meta, NvDsObjectMeta *obj_meta);

/* ---- Classifiers and labels -------------------------------------------- */

/** Takes a cleared classifier meta from the batch's pool. @param batch_meta Owning batch. @return The classifier meta, or NULL. */
NvDsClassifierMeta *nvds_acquire_classifier_meta_from_pool (NvDsBatchMeta *batch_meta);

/** Appends a classifier meta to an ROI. @param roi_meta ROI. @param classifier_meta Classifier result to add. */
void nvds_add_classifier_meta_to_roi (NvDsRoiMeta *roi_meta, NvDsClassifierMeta *classifier_meta);

/** Detaches a classifier meta from an ROI. @param roi_meta ROI. @param classifier_meta Classifier result to remove. */
void nvds_remove_classifier_meta_from_roi (NvDsRoiMeta *roi_meta, NvDsClassifierMeta *classifier_meta);

/** Appends a classifier meta to an object. @param obj_meta Object. @param classifier_meta Classifier result to add. */
void nvds_add_classifier_meta_to_object (NvDsObjectMeta *obj_meta, NvDsClassifierMeta *classifier_meta);

/** Detaches a classifier meta from an object and returns it to its pool. @param obj_meta Object. @param classifier_meta Classifier result to remove. */
void nvds_remove_classifier_meta_from_obj (NvDsObjectMeta *obj_meta, NvDsClassifierMeta *classifier_meta);

/** Takes a cleared label info from the batch's pool. @param batch_meta Owning batch. @return The label info, or NULL. */
NvDsLabelInfo *nvds_acquire_label_info_meta_from_pool (NvDsBatchMeta *batch_meta);

/** Appends a label to a classifier result. @param classifier_meta Classifier result. @param label_info_meta Label to add. */
void nvds_add_label_info_meta_to_classifier (NvDsClassifierMeta *classifier_meta,
    NvDsLabelInfo *label_info_meta);

/** Detaches a label from a classifier result and returns it to its pool. @param classifier_meta Classifier result. @param label_info_meta Label to remove. */
void nvds_remove_label_info_meta_from_classifier (NvDsClassifierMeta *classifier_meta,
    NvDsLabelInfo *label_info_meta);

/* ---- Display ----------------------------------------------------------- */

/** Takes a cleared display meta from the batch's pool. @param batch_meta Owning batch. @return The display meta, or NULL. */
NvDsDisplayMeta *nvds_acquire_display_meta_from_pool (NvDsBatchMeta *batch_meta);

/** Appends a display meta to a frame. @param frame_meta Frame. @param display_meta Drawing request to add. */
void nvds_add_display_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsDisplayMeta *display_meta);

/** Detaches a display meta from a frame and returns it to its pool. @param frame_meta Frame. @param display_meta Drawing request to remove. */
void nvds_remove_display_meta_from_frame (NvDsFrameMeta *frame_meta, NvDsDisplayMeta *display_meta);

/* ---- User metadata ----------------------------------------------------- */

/** Takes a cleared user meta from the batch's pool. @param batch_meta Owning batch. @return The user meta, or NULL. */
NvDsUserMeta *nvds_acquire_user_meta_from_pool (NvDsBatchMeta *batch_meta);

/** Attaches a user meta to a batch. @param batch_meta Batch. @param user_meta User meta to add. */
void nvds_add_user_meta_to_batch (NvDsBatchMeta *batch_meta, NvDsUserMeta *user_meta);

/** Attaches a user meta to a frame. @param frame_meta Frame. @param user_meta User meta to add. */
void nvds_add_user_meta_to_frame (NvDsFrameMeta *frame_meta, NvDsUserMeta *user_meta);

/** Attaches a user meta to an ROI. @param roi_meta ROI. @param user_meta User meta to add. */
void nvds_add_user_meta_to_roi (NvDsRoiMeta *roi_meta, NvDsUserMeta *user_meta);

/** Attaches a user meta to an object. @param obj_meta Object. @param user_meta User meta to add. */
void nvds_add_user_meta_to_obj (NvDsObjectMeta *obj_meta, NvDsUserMeta *user_meta);

/** Detaches a user meta from a batch, releases its payload and returns it to its pool. @param batch_meta Batch. @param user_meta User meta to remove. */
void nvds_remove_user_meta_from_batch (NvDsBatchMeta *batch_meta, NvDsUserMeta *user_meta);

/** Detaches a user meta from a frame, releases its payload and returns it to its pool. @param frame_meta Frame. @param user_meta User meta to remove. */
void nvds_remove_user_meta_from_frame (NvDsFrameMeta *frame_meta, NvDsUserMeta *user_meta);

/** Detaches a user meta from an ROI. @param roi_meta ROI. @param user_meta User meta to remove. */
void nvds_remove_user_meta_from_roi (NvDsRoiMeta *roi_meta, NvDsUserMeta *user_meta);

/** Detaches a user meta from an object, releases its payload and returns it to its pool. @param obj_meta Object. @param user_meta User meta to remove. */
void nvds_remove_user_meta_from_object (NvDsObjectMeta *obj_meta, NvDsUserMeta *user_meta);

/**
 * Maps a descriptor such as "ORG.COMPONENT.DESCRIPTION" to a metadata kind
 * at or above NVDS_START_USER_META (equal strings, equal kinds); the
 * nvdsanalytics descriptors give NVDS_{FRAME,OBJ}_META_NVDSANALYTICS.
 * @param meta_descriptor NUL-terminated descriptor.
 * @return The kind for @a meta_descriptor.
 */
NvDsMetaType nvds_get_user_meta_type (gchar *meta_descriptor);

/* ---- Batch-level helpers ----------------------------------------------- */

/** Prints a summary of the batch's metadata to stdout (debug aid). @param batch_meta Batch. @return TRUE on success. */
gboolean nvds_get_current_metadata_info (NvDsBatchMeta *batch_meta);

/**
 * Deep-copies a whole batch (an NvDsMetaCopyFunc for NvDsMeta).
 * @param data      The NvDsBatchMeta to copy.
 * @param user_data Unused; pass NULL.
 * @return The new NvDsBatchMeta.
 */
gpointer nvds_batch_meta_copy_func (gpointer data, gpointer user_data);

/**
 * Destroys a batch (an NvDsMetaReleaseFunc for NvDsMeta).
 * @param data      The NvDsBatchMeta to destroy.
 * @param user_data Unused; pass NULL.
 */
void nvds_batch_meta_release_func (gpointer data, gpointer user_data);

/**
 * Returns the frame meta at a position of a frame list.
 * @param frame_meta_list List of NvDsFrameMeta.
 * @param index           Zero-based position.
 * @return The frame meta, or NULL when @a index is out of range.
 */
NvDsFrameMeta *nvds_get_nth_frame_meta (NvDsFrameMetaList *frame_meta_list, guint index);

/* ---- Clearing lists ---------------------------------------------------- */

/** Removes every frame of @a meta_list from the batch. @param batch_meta Batch. @param meta_list Its frame list. */
void nvds_clear_frame_meta_list (NvDsBatchMeta *batch_meta, NvDsFrameMetaList *meta_list);

/** Removes every object of @a meta_list from the frame. @param frame_meta Frame. @param meta_list Its object list. */
void nvds_clear_obj_meta_list (NvDsFrameMeta *frame_meta, NvDsObjectMetaList *meta_list);

/** Removes every classifier result of @a meta_list from the object. @param obj_meta Object. @param meta_list Its classifier list. */
void nvds_clear_classifier_meta_list (NvDsObjectMeta *obj_meta, NvDsClassifierMetaList *meta_list);

/** Removes every label of @a meta_list from the classifier result. @param classifier_meta Classifier result. @param meta_list Its label list. */
void nvds_clear_label_info_meta_list (NvDsClassifierMeta *classifier_meta, NvDsLabelInfoList *meta_list);

/** Removes every display meta of @a meta_list from the frame. @param frame_meta Frame. @param meta_list Its display list. */
void nvds_clear_display_meta_list (NvDsFrameMeta *frame_meta, NvDisplayMetaList *meta_list);

/** Removes every user meta of @a meta_list from the batch. @param batch_meta Batch. @param meta_list Its user meta list. */
void nvds_clear_batch_user_meta_list (NvDsBatchMeta *batch_meta, NvDsUserMetaList *meta_list);

/** Removes every user meta of @a meta_list from the frame. @param frame_meta Frame. @param meta_list Its user meta list. */
void nvds_clear_frame_user_meta_list (NvDsFrameMeta *frame_meta, NvDsUserMetaList *meta_list);

/** Removes every user meta of @a meta_list from the object. @param object_meta Object. @param meta_list Its user meta list. */
void nvds_clear_obj_user_meta_list (NvDsObjectMeta *object_meta, NvDsUserMetaList *meta_list);

/**
 * Returns every element of a list to a pool and frees the list.
 * @param batch_meta Owning batch.
 * @param meta_list  List to clear.
 * @param meta_pool  Pool the elements came from.
 * @return The emptied list (NULL).
 */
NvDsMetaList *nvds_clear_meta_list (NvDsBatchMeta *batch_meta, NvDsMetaList *meta_list,
    NvDsMetaPool *meta_pool);

/* ---- Deep copies ------------------------------------------------------- */

/** Copies the fields of one frame meta into another. @param src_frame_meta Source. @param dst_frame_meta Destination. */
void nvds_copy_frame_meta (NvDsFrameMeta *src_frame_meta, NvDsFrameMeta *dst_frame_meta);

/** Copies the fields of one object meta into another. @param src_object_meta Source. @param dst_object_meta Destination. */
void nvds_copy_obj_meta (NvDsObjectMeta *src_object_meta, NvDsObjectMeta *dst_object_meta);

/** Copies the fields of one classifier meta into another. @param src_classifier_meta Source. @param dst_classifier_meta Destination. */
void nvds_copy_classifier_meta (NvDsClassifierMeta *src_classifier_meta,
    NvDsClassifierMeta *dst_classifier_meta);

/** Copies the fields of one label info into another. @param src_label_info Source. @param dst_label_info Destination. */
void nvds_copy_label_info_meta (NvDsLabelInfo *src_label_info, NvDsLabelInfo *dst_label_info);

/** Copies the fields of one display meta into another. @param src_display_meta Source. @param dst_display_meta Destination. */
void nvds_copy_display_meta (NvDsDisplayMeta *src_display_meta, NvDsDisplayMeta *dst_display_meta);

/** Deep-copies a user meta list into a batch. @param src_user_meta_list Source list. @param dst_batch_meta Destination batch. */
void nvds_copy_batch_user_meta_list (NvDsUserMetaList *src_user_meta_list, NvDsBatchMeta *dst_batch_meta);

/** Deep-copies a user meta list into a frame. @param src_user_meta_list Source list. @param dst_frame_meta Destination frame. */
void nvds_copy_frame_user_meta_list (NvDsUserMetaList *src_user_meta_list, NvDsFrameMeta *dst_frame_meta);

/** Deep-copies a user meta list into an object. @param src_user_meta_list Source list. @param dst_object_meta Destination object. */
void nvds_copy_obj_user_meta_list (NvDsUserMetaList *src_user_meta_list, NvDsObjectMeta *dst_object_meta);

/** Deep-copies a display meta list into a frame. @param src_display_meta_list Source list. @param dst_frame_meta Destination frame. */
void nvds_copy_display_meta_list (NvDisplayMetaList *src_display_meta_list, NvDsFrameMeta *dst_frame_meta);

/** Deep-copies a frame list (with objects and user meta) into a batch. @param src_frame_meta_list Source list. @param dst_batch_meta Destination batch. */
void nvds_copy_frame_meta_list (NvDsFrameMetaList *src_frame_meta_list, NvDsBatchMeta *dst_batch_meta);

/** Deep-copies an object list into a frame. @param src_obj_meta_list Source list. @param dst_frame_meta Destination frame. */
void nvds_copy_obj_meta_list (NvDsObjectMetaList *src_obj_meta_list, NvDsFrameMeta *dst_frame_meta);

/** Deep-copies a classifier list into an object. @param src_classifier_meta_list Source list. @param dst_object_meta Destination object. */
void nvds_copy_classification_list (NvDsClassifierMetaList *src_classifier_meta_list,
    NvDsObjectMeta *dst_object_meta);

/** Deep-copies a label list into a classifier result. @param src_label_info_list Source list. @param dst_classifier_meta Destination classifier result. */
void nvds_copy_label_info_list (NvDsLabelInfoList *src_label_info_list,
    NvDsClassifierMeta *dst_classifier_meta);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDSMETA_H */
