/* Golden case: runtime features switched on by the spec. `[runtime]
 * raw_memory` (integer-address memory helpers) and a GstMeta payload
 * getter (`[gst.meta_payload.FUNCTION]`): a carrier meta holding a payload
 * pointer and a release function, as DeepStream's NvDsMeta holds a batch.
 * The GStreamer types are declared here as GStreamer declares them; nothing
 * is linked. */
#ifndef GOLDEN_RUNTIME_FEATURES_H
#define GOLDEN_RUNTIME_FEATURES_H

typedef unsigned long GType;
typedef struct _GstBuffer GstBuffer;
typedef struct _GstMetaInfo GstMetaInfo;

/** The header of every buffer meta. */
typedef struct _GstMeta {
    unsigned int flags;
    const GstMetaInfo *info;
} GstMeta;

/** Releases a payload. */
typedef void (*RfReleaseFunc)(void *data, void *user_data);

/** A scene attached to a buffer (the payload). */
typedef struct {
    /** Frames in the scene. */
    unsigned int num_frames;
} RfScene;

/** The meta that carries a payload on a buffer. */
typedef struct {
    GstMeta meta;
    /** The payload. */
    void *data;
    /** Called with the payload when the meta is freed. */
    RfReleaseFunc release;
} RfMeta;

/** The API type of RfMeta. */
GType rf_meta_api_get_type(void);

/** The scene on a buffer, or NULL. */
RfScene *rf_buffer_get_scene(GstBuffer *buffer);

#endif
