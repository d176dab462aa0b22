/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Event-message metadata (the "schema"): NvDsEventMsgMeta and the object
 * descriptions (vehicle, person, face, product, 3D boxes, poses, LLM
 * results ...) that a message converter turns into payloads, plus the
 * payload and custom-message holders.
 *
 * All gchar* fields of these structs are heap strings (g_malloc / g_strdup)
 * owned by the struct that holds them, unless noted otherwise.
 */

#ifndef BINDERY_NVDSMETA_SCHEMA_H
#define BINDERY_NVDSMETA_SCHEMA_H

#include <stdbool.h>

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What happened to an object. */
typedef enum NvDsEventType {
  NVDS_EVENT_ENTRY,           /**< The object entered a region. */
  NVDS_EVENT_EXIT,            /**< The object left a region. */
  NVDS_EVENT_MOVING,          /**< The object is moving. */
  NVDS_EVENT_STOPPED,         /**< The object stopped. */
  NVDS_EVENT_EMPTY,           /**< A region became empty. */
  NVDS_EVENT_PARKED,          /**< A vehicle parked. */
  NVDS_EVENT_RESET,           /**< Reset. */
  NVDS_EVENT_RESERVED = 0x100,/**< Reserved; custom events use larger values. */
  NVDS_EVENT_CUSTOM = 0x101,  /**< A custom event. */
  NVDS_EVENT_FORCE32 = 0x7FFFFFFF /**< Forces a 32-bit enum. */
} NvDsEventType;

/** Kind of object described by NvDsEventMsgMeta::extMsg. */
typedef enum NvDsObjectType {
  NVDS_OBJECT_TYPE_VEHICLE,      /**< NvDsVehicleObject. */
  NVDS_OBJECT_TYPE_PERSON,       /**< NvDsPersonObject. */
  NVDS_OBJECT_TYPE_FACE,         /**< NvDsFaceObject. */
  NVDS_OBJECT_TYPE_BAG,          /**< A bag. */
  NVDS_OBJECT_TYPE_BICYCLE,      /**< A bicycle. */
  NVDS_OBJECT_TYPE_ROADSIGN,     /**< A road sign. */
  NVDS_OBJECT_TYPE_VEHICLE_EXT,  /**< NvDsVehicleObjectExt. */
  NVDS_OBJECT_TYPE_PERSON_EXT,   /**< NvDsPersonObjectExt. */
  NVDS_OBJECT_TYPE_FACE_EXT,     /**< NvDsFaceObjectExt. */
  NVDS_OBJECT_TYPE_3D,           /**< A 3D object. */
  NVDS_OBJECT_TYPE_DUMMY,        /**< Placeholder object. */
  NVDS_OBJECT_TYPE_PRODUCT,      /**< NvDsProductObject. */
  NVDS_OBJECT_TYPE_PRODUCT_EXT,  /**< NvDsProductObjectExt. */
  NVDS_OBJECT_TYPE_RESERVED = 0x100, /**< Reserved; custom objects use larger values. */
  NVDS_OBJECT_TYPE_CUSTOM = 0x101,   /**< A custom object. */
  NVDS_OBJECT_TYPE_UNKNOWN = 0x102,  /**< No object key in the message. */
  NVDS_OBEJCT_TYPE_FORCE32 = 0x7FFFFFFF /**< Forces a 32-bit enum (spelling kept from the SDK). */
} NvDsObjectType;

/** Payload format produced by a message converter. */
typedef enum NvDsPayloadType {
  NVDS_PAYLOAD_DEEPSTREAM,          /**< Full DeepStream JSON schema. */
  NVDS_PAYLOAD_DEEPSTREAM_MINIMAL,  /**< Minimal DeepStream JSON schema. */
  NVDS_PAYLOAD_DEEPSTREAM_PROTOBUF, /**< DeepStream protobuf schema. */
  NVDS_PAYLOAD_RESERVED = 0x100,    /**< Reserved; custom payloads use larger values. */
  NVDS_PAYLOAD_CUSTOM = 0x101,      /**< A custom payload. */
  NVDS_PAYLOAD_FORCE32 = 0x7FFFFFFF /**< Forces a 32-bit enum. */
} NvDsPayloadType;

/** Rectangle in pixels (note: top comes first). */
typedef struct NvDsRect {
  float top;    /**< Y of the top edge. */
  float left;   /**< X of the left edge. */
  float width;  /**< Width. */
  float height; /**< Height. */
} NvDsRect;

/** Geographic position. */
typedef struct NvDsGeoLocation {
  gdouble lat; /**< Latitude, degrees. */
  gdouble lon; /**< Longitude, degrees. */
  gdouble alt; /**< Altitude. */
} NvDsGeoLocation;

/** Point in a 3D coordinate system. */
typedef struct NvDsCoordinate {
  gdouble x; /**< X. */
  gdouble y; /**< Y. */
  gdouble z; /**< Z. */
} NvDsCoordinate;

/** Feature vector identifying an object. */
typedef struct NvDsObjectSignature {
  gdouble *signature; /**< @a size values. */
  guint size;         /**< Number of values in @a signature. */
} NvDsObjectSignature;

/** Product attributes, with a mask. */
typedef struct NvDsProductObjectExt {
  gchar *brand; /**< Brand. */
  gchar *type;  /**< Product type. */
  gchar *shape; /**< Shape. */
  GList *mask;  /**< Polygons outlining the product. */
} NvDsProductObjectExt;

/** Vehicle attributes. */
typedef struct NvDsVehicleObject {
  gchar *type;    /**< Vehicle type. */
  gchar *make;    /**< Make. */
  gchar *model;   /**< Model. */
  gchar *color;   /**< Colour. */
  gchar *region;  /**< Licence region. */
  gchar *license; /**< Licence plate. */
} NvDsVehicleObject;

/** Person attributes. */
typedef struct NvDsPersonObject {
  gchar *gender;  /**< Gender. */
  gchar *hair;    /**< Hair colour. */
  gchar *cap;     /**< Cap worn, if any. */
  gchar *apparel; /**< Clothing description. */
  guint age;      /**< Age in years. */
} NvDsPersonObject;

/** Face attributes. */
typedef struct NvDsFaceObject {
  gchar *gender;     /**< Gender. */
  gchar *hair;       /**< Hair colour. */
  gchar *cap;        /**< Cap worn, if any. */
  gchar *glasses;    /**< Glasses worn, if any. */
  gchar *facialhair; /**< Facial hair. */
  gchar *name;       /**< Name. */
  gchar *eyecolor;   /**< Eye colour. */
  guint age;         /**< Age in years. */
} NvDsFaceObject;

/** Vehicle attributes, with a mask. */
typedef struct NvDsVehicleObjectExt {
  gchar *type;    /**< Vehicle type. */
  gchar *make;    /**< Make. */
  gchar *model;   /**< Model. */
  gchar *color;   /**< Colour. */
  gchar *region;  /**< Licence region. */
  gchar *license; /**< Licence plate. */
  GList *mask;    /**< Polygons outlining the vehicle. */
} NvDsVehicleObjectExt;

/** Person attributes, with a mask. */
typedef struct NvDsPersonObjectExt {
  gchar *gender;  /**< Gender. */
  gchar *hair;    /**< Hair colour. */
  gchar *cap;     /**< Cap worn, if any. */
  gchar *apparel; /**< Clothing description. */
  guint age;      /**< Age in years. */
  GList *mask;    /**< Polygons outlining the person. */
} NvDsPersonObjectExt;

/** Face attributes, with a mask (struct tag NvDsFaceObjectWithExt). */
typedef struct NvDsFaceObjectWithExt {
  gchar *gender;     /**< Gender. */
  gchar *hair;       /**< Hair colour. */
  gchar *cap;        /**< Cap worn, if any. */
  gchar *glasses;    /**< Glasses worn, if any. */
  gchar *facialhair; /**< Facial hair. */
  gchar *name;       /**< Name. */
  gchar *eyecolor;   /**< Eye colour. */
  guint age;         /**< Age in years. */
  GList *mask;       /**< Polygons outlining the face. */
} NvDsFaceObjectExt;

/** One body joint. */
typedef struct NvDsJoint {
  float x;          /**< X, in pixels. */
  float y;          /**< Y, in pixels. */
  float z;          /**< Z, in pixels. */
  float confidence; /**< Confidence of the joint. */
} NvDsJoint;

/** A body pose. */
typedef struct NvDsJoints {
  NvDsJoint *joints; /**< @a num_joints joints. */
  int num_joints;    /**< Number of joints. */
  int pose_type;     /**< 0 for 2D, 1 for 3D. */
} NvDsJoints;

/** An embedding vector. */
typedef struct NvDsEmbedding {
  float *embedding_vector; /**< @a embedding_length values. */
  guint embedding_length;  /**< Number of values. */
} NvDsEmbedding;

/** Product attributes. */
typedef struct NvDsProductObject {
  gchar *brand; /**< Brand. */
  gchar *type;  /**< Product type. */
  gchar *shape; /**< Shape. */
} NvDsProductObject;

/** 2D convex hull. */
typedef struct NvDsConvexHull {
  gint *points;    /**< Coordinates as x, y pairs. */
  guint numFilled; /**< Number of points. */
} NvDsConvexHull;

/** A 3D box from a 3D detector. */
typedef struct _NvDsBbox3dObject {
  float boxes_3d[12];             /**< Box parameters. */
  float scores_3d;                /**< Box score. */
  gchar *labels_3d;               /**< Class label. */
  gchar *embedding_filter;        /**< Embedding filter name. */
  float cls_scores;               /**< Class confidence. */
  guint instance_ids;             /**< Instance id. */
  NvDsEmbedding *instance_feats;  /**< Instance features, or NULL. */
  gchar *ocr_label;               /**< OCR text, or NULL. */
} NvDsBbox3dObject;

/** Capacity, including the NUL, of SourceTimePair::source_id. */
#define MAX_SOURCE_ID_LEN 128

/** A source name and a timestamp. */
typedef struct {
  gchar source_id[MAX_SOURCE_ID_LEN]; /**< Source name, NUL-terminated. */
  guint64 timestamp;                  /**< Timestamp. */
} SourceTimePair;

/** Capacity of NvDsBbox3dObjectList::objects. */
#define MAX_NUM_OBJECTS 600
/** Capacity of the SourceTimePair arrays (maximum sparse-4D batch). */
#define MAX_ENTRIES 100

/** All 3D boxes of one frame. */
typedef struct _NvDsBbox3dObjectList {
  NvDsBbox3dObject objects[MAX_NUM_OBJECTS]; /**< The boxes. */
  guint num_objects;                         /**< Boxes used in @a objects. */
  guint64 timestamp;                         /**< Frame timestamp. */
  gint frame_num;                            /**< Frame number. */
  guint camera_id;                           /**< Camera id. */
  gchar *sensorStr;                          /**< Sensor name. */
  SourceTimePair entries[MAX_ENTRIES];       /**< Per-source timestamps. */
  int count;                                 /**< Entries used in @a entries. */
} NvDsBbox3dObjectList;

/** Single-view 3D tracking result of an object. */
typedef struct NvDs3DTracking {
  gfloat ptWorldFeet[2];     /**< Foot position on the world ground plane. */
  gfloat ptImgFeet[2];       /**< Foot position in the frame. */
  NvDsConvexHull convexHull; /**< Outline in the frame. */
  NvDsBbox3dObject bbox3d;   /**< 3D box. */
} NvDs3DTracking;

/** One question/answer exchange with a language model. */
typedef struct {
  gchar *id;       /**< Exchange id. */
  gchar *query;    /**< Question. */
  gchar *response; /**< Answer. */
} NvDsConversationObject;

/** Language-model results attached to an event. */
typedef struct {
  GHashTable *info;                       /**< Free-form string attributes. */
  NvDsConversationObject *conversations;  /**< @a num_conversations exchanges. */
  guint num_conversations;                /**< Number of exchanges. */
  NvDsEmbedding *embeddings;              /**< @a num_embeddings embeddings. */
  guint num_embeddings;                   /**< Number of embeddings. */
} NvDsLLMObject;

/** An interaction between objects. */
typedef struct {
  gchar *id;                   /**< Interaction id. */
  gchar **objectIds;           /**< Ids of the objects involved. */
  guint num_objectIds;         /**< Number of ids. */
  NvDsCoordinate *coordinates; /**< Where it happened. */
  guint num_coordinates;       /**< Number of coordinates. */
  gchar *description;          /**< Description. */
  GHashTable *info;            /**< Free-form string attributes. */
  gint64 timestamp;            /**< Timestamp. */
} NvDsInteractionObject;

/** A congestion observation. */
typedef struct {
  gchar *id;           /**< Observation id. */
  gchar **objectIds;   /**< Ids of the objects involved. */
  guint num_objectIds; /**< Number of ids. */
  float amount;        /**< Amount of congestion. */
  GHashTable *info;    /**< Free-form string attributes. */
  gint64 timestamp;    /**< Timestamp. */
} NvDsCongestionObject;

/** Counts of one object type inside a field of view. */
typedef struct {
  gchar *id;                   /**< Metric id. */
  gchar *type;                 /**< Object type counted. */
  gint32 count;                /**< Count. */
  NvDsCoordinate *coordinates; /**< Region outline. */
  guint num_coordinates;       /**< Number of coordinates. */
  gchar **objectIds;           /**< Ids of the counted objects. */
  guint num_objectIds;         /**< Number of ids. */
  GHashTable *info;            /**< Free-form string attributes. */
} NvDsTypeMetricsObject;

/** A segmentation mask attached to an event. */
typedef struct {
  gint32 *mask;     /**< Mask values. */
  guint mask_size;  /**< Number of values. */
  GHashTable *info; /**< Free-form string attributes. */
} NvDsSegmentationObject;

/**
 * An event to be sent by a message broker. Attach an object description
 * (vehicle, person, face, product or custom) through @a extMsg.
 */
typedef struct NvDsEventMsgMeta {
  NvDsEventType type;              /**< What happened. */
  NvDsObjectType objType;          /**< Kind of object in @a extMsg. */
  NvDsRect bbox;                   /**< Object box. */
  NvDsGeoLocation location;        /**< Object geolocation. */
  NvDsCoordinate coordinate;       /**< Object coordinates. */
  NvDsObjectSignature objSignature;/**< Object signature. */
  gint objClassId;                 /**< Object class id. */
  gint sensorId;                   /**< Sensor id. */
  gint moduleId;                   /**< Analytics module id. */
  gint placeId;                    /**< Place id. */
  gint componentId;                /**< Id of the component that made the event. */
  gint frameId;                    /**< Frame number. */
  gdouble confidence;              /**< Inference confidence. */
  guint64 trackingId;              /**< Tracking id. */
  gchar *ts;                       /**< Timestamp string (RFC 3339). */
  gchar *objectId;                 /**< Object id. */
  gchar *sensorStr;                /**< Sensor identity. */
  SourceTimePair entries[MAX_ENTRIES]; /**< Per-source timestamps (sparse 4D). */
  int count;                       /**< Entries used in @a entries. */
  NvDsBbox3dObject *bbox3d;        /**< 3D box, or NULL. */
  NvDsLLMObject *llm;              /**< Language-model results, or NULL. */
  gint num_interactions;           /**< Entries in @a interactions. */
  NvDsInteractionObject *interactions; /**< Interactions, or NULL. */
  gint num_congestions;            /**< Entries in @a congestions. */
  NvDsCongestionObject *congestions;   /**< Congestion observations, or NULL. */
  gint num_fov;                    /**< Entries in @a fov. */
  NvDsTypeMetricsObject *fov;      /**< Field-of-view metrics, or NULL. */
  NvDsSegmentationObject *segmentation; /**< Segmentation, or NULL. */
  gchar *otherAttrs;               /**< Other attributes of the object. */
  gchar *videoPath;                /**< Name of the video file. */
  gpointer extMsg;                 /**< Object description (see @a objType), or NULL. */
  guint extMsgSize;                /**< Size of the object at @a extMsg, in bytes. */
  NvDsJoints pose;                 /**< Body pose. */
  NvDsEmbedding embedding;         /**< Embedding. */
  bool has3DTracking;              /**< @a singleView3DTracking is valid. */
  NvDs3DTracking singleView3DTracking; /**< Single-view 3D tracking result. */
  gfloat visibility;               /**< Visibility of the object. */
} NvDsEventMsgMeta;

/** An event and its metadata. */
typedef struct _NvDsEvent {
  NvDsEventType eventType;    /**< What happened. */
  NvDsEventMsgMeta *metadata; /**< Event metadata. */
} NvDsEvent;

/** A custom message to be added to a payload (NVDS_CUSTOM_MSG_BLOB). */
typedef struct _NvDsCustomMsgInfo {
  void *message; /**< Message bytes. */
  guint size;    /**< Number of bytes. */
} NvDsCustomMsgInfo;

/** A payload made by a message converter. */
typedef struct NvDsPayload {
  gpointer payload;  /**< Payload bytes. */
  guint payloadSize; /**< Number of bytes. */
  guint componentId; /**< Id of the component that attached the payload. */
} NvDsPayload;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDSMETA_SCHEMA_H */
