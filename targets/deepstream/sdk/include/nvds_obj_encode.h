/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Object encoder: JPEG-encodes object crops or whole frames of a batch and
 * optionally attaches the result as NVDS_CROP_IMAGE_META user metadata
 * (payload NvDsObjEncOutParams) and/or saves it to a file.
 */

#ifndef BINDERY_NVDS_OBJ_ENCODE_H
#define BINDERY_NVDS_OBJ_ENCODE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/time.h>

#include "nvbufsurface.h"
#include "nvdsmeta.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Capacity, including the NUL, of NvDsObjEncUsrArgs::fileNameImg. */
#define FILE_NAME_SIZE (1024)

struct _NvDsObjEncCtx;

/** Opaque handle of an encoder context. */
typedef struct _NvDsObjEncCtx *NvDsObjEncCtxHandle;

/** An encoded image (payload of NVDS_CROP_IMAGE_META). */
typedef struct _NvDsObjEncOutParams {
  uint8_t *outBuffer; /**< JPEG bytes. */
  uint64_t outLen;    /**< Number of bytes at @a outBuffer. */
} NvDsObjEncOutParams;

/** What nvds_obj_enc_process() should do with one object or frame. */
typedef struct _NvDsObjEncUsrArgs {
  bool saveImg;                   /**< Write the JPEG to a file. */
  bool attachUsrMeta;             /**< Attach the JPEG as NVDS_CROP_IMAGE_META user metadata. */
  bool scaleImg;                  /**< Scale to @a scaledWidth x @a scaledHeight first. */
  int scaledWidth;                /**< Target width (at most the frame width). */
  int scaledHeight;               /**< Target height (at most the frame height). */
  char fileNameImg[FILE_NAME_SIZE];/**< File name; when empty a name is derived from frame, stream, object and size. */
  int objNum;                     /**< Object number in the frame (used in derived file names). */
  int quality;                    /**< JPEG quality, 1 to 100. */
  bool isFrame;                   /**< Encode the whole frame instead of the object. */
  bool calcEncodeTime;            /**< Measure the encoding time. */
} NvDsObjEncUsrArgs;

/**
 * Creates an encoder context.
 * @param gpu_id GPU to use.
 * @return The context, or NULL on failure.
 */
NvDsObjEncCtxHandle nvds_obj_enc_create_context (int gpu_id);

/**
 * Queues one object crop (or frame) for encoding; does not wait.
 * @param ctx        Encoder context.
 * @param args       What to do.
 * @param surf       Batch holding the frame.
 * @param obj_meta   Object to crop (ignored when @a args->isFrame).
 * @param frame_meta Frame the object belongs to.
 * @return true if the work was queued.
 */
bool nvds_obj_enc_process (NvDsObjEncCtxHandle ctx, NvDsObjEncUsrArgs *args,
    NvBufSurface *surf, NvDsObjectMeta *obj_meta, NvDsFrameMeta *frame_meta);

/** Waits until every queued crop is encoded. @param ctx Encoder context. */
void nvds_obj_enc_finish (NvDsObjEncCtxHandle ctx);

/** Destroys an encoder context. @param ctx Encoder context. */
void nvds_obj_enc_destroy_context (NvDsObjEncCtxHandle ctx);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_OBJ_ENCODE_H */
