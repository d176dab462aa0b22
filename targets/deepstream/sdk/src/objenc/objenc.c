/*
 * bindery DeepStream SDK stand-in: the object encoder (nvds_obj_encode.h).
 *
 * Owns the encoder context and nvds_obj_enc_process(): crop an object (or
 * take the whole frame) from a system-memory NvBufSurface, encode it to
 * JPEG on the CPU, then attach it as NVDS_CROP_IMAGE_META user metadata
 * (payload NvDsObjEncOutParams) and/or write it to a file. Encoding is
 * synchronous, so nvds_obj_enc_finish() has nothing left to wait for.
 */
#include <string.h>

#include "nvds_obj_encode.h"
#include "objenc_internal.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "nvds_batch_jpegenc"

/** Encoder context: the GPU id it was made for and a count of images. */
struct _NvDsObjEncCtx
{
  int gpu_id;
  guint encoded;
  GMutex lock;
};

/** A new context; NULL for a negative @gpu_id. */
NvDsObjEncCtxHandle
nvds_obj_enc_create_context (int gpu_id)
{
  if (gpu_id < 0)
    return NULL;
  NvDsObjEncCtxHandle ctx = g_new0 (struct _NvDsObjEncCtx, 1);
  ctx->gpu_id = gpu_id;
  g_mutex_init (&ctx->lock);
  return ctx;
}

/** Waits for queued work; encoding is synchronous, so this only checks @ctx. */
void
nvds_obj_enc_finish (NvDsObjEncCtxHandle ctx)
{
  g_return_if_fail (ctx != NULL);
  g_mutex_lock (&ctx->lock);
  g_mutex_unlock (&ctx->lock);
}

/** Frees @ctx (NULL is ignored). */
void
nvds_obj_enc_destroy_context (NvDsObjEncCtxHandle ctx)
{
  if (ctx == NULL)
    return;
  g_mutex_clear (&ctx->lock);
  g_free (ctx);
}

static gpointer
out_copy (gpointer data, gpointer user_data)
{
  const NvDsObjEncOutParams *src = ((NvDsUserMeta *) data)->user_meta_data;
  (void) user_data;
  NvDsObjEncOutParams *dst = g_new0 (NvDsObjEncOutParams, 1);
  dst->outBuffer = g_memdup2 (src->outBuffer, src->outLen);
  dst->outLen = src->outLen;
  return dst;
}

static void
out_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *user = data;
  NvDsObjEncOutParams *out = user->user_meta_data;
  (void) user_data;
  if (out != NULL) {
    g_free (out->outBuffer);
    g_free (out);
  }
  user->user_meta_data = NULL;
}

/* Clips the object's box (or the frame) to the surface; FALSE if empty. */
static gboolean
crop_region (NvdsJpegJob * job, const NvDsObjEncUsrArgs * args,
    const NvDsObjectMeta * obj)
{
  gint w = (gint) job->surface->width, h = (gint) job->surface->height;
  gint l = 0, t = 0, r = w, b = h;

  if (!args->isFrame) {
    l = CLAMP ((gint) obj->rect_params.left, 0, w);
    t = CLAMP ((gint) obj->rect_params.top, 0, h);
    r = CLAMP ((gint) (obj->rect_params.left + obj->rect_params.width), 0, w);
    b = CLAMP ((gint) (obj->rect_params.top + obj->rect_params.height), 0, h);
  }
  job->left = l;
  job->top = t;
  job->width = r - l;
  job->height = b - t;
  return job->width > 0 && job->height > 0;
}

static gboolean
save_file (const NvDsObjEncUsrArgs * args, const NvDsFrameMeta * frame,
    const NvDsObjectMeta * obj, const NvdsJpegJob * job, const guint8 * bytes,
    gsize len)
{
  GError *err = NULL;
  gchar *name = args->fileNameImg[0] != '\0'
      ? g_strndup (args->fileNameImg, FILE_NAME_SIZE)
      : g_strdup_printf ("%d_%u_%d_%s_%dx%d.jpg", frame->frame_num,
      frame->source_id, args->objNum, args->isFrame ? "frame" : obj->obj_label,
      job->width, job->height);
  gboolean ok = g_file_set_contents (name, (const gchar *) bytes, len, &err);
  if (!ok) {
    g_warning ("object encoder: cannot write %s: %s", name, err->message);
    g_error_free (err);
  }
  g_free (name);
  return ok;
}

static void
attach_meta (NvDsObjectMeta * obj, NvDsFrameMeta * frame, gboolean to_frame,
    guint8 * bytes, gsize len)
{
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool
      (frame->base_meta.batch_meta);
  if (user == NULL) {
    g_free (bytes);
    return;
  }
  NvDsObjEncOutParams *out = g_new0 (NvDsObjEncOutParams, 1);
  out->outBuffer = bytes;
  out->outLen = len;
  user->user_meta_data = out;
  user->base_meta.meta_type = NVDS_CROP_IMAGE_META;
  user->base_meta.copy_func = out_copy;
  user->base_meta.release_func = out_release;
  if (to_frame)
    nvds_add_user_meta_to_frame (frame, user);
  else
    nvds_add_user_meta_to_obj (obj, user);
}

static gboolean
valid_call (NvDsObjEncCtxHandle ctx, NvDsObjEncUsrArgs * args,
    NvBufSurface * surf, NvDsObjectMeta * obj, NvDsFrameMeta * frame)
{
  if (ctx == NULL || args == NULL || surf == NULL || frame == NULL
      || (obj == NULL && !args->isFrame) || !gst_is_initialized ())
    return FALSE;
  /* Validates that surf is a live system-memory surface and the index. */
  return frame->batch_id < surf->batchSize
      && NvBufSurfaceSyncForCpu (surf, (int) frame->batch_id, -1) == 0;
}

/**
 * Encodes the object (or the frame when args->isFrame) to JPEG; FALSE on
 * bad arguments, an unsupported surface, an empty crop or a failed write.
 */
bool
nvds_obj_enc_process (NvDsObjEncCtxHandle ctx, NvDsObjEncUsrArgs * args,
    NvBufSurface * surf, NvDsObjectMeta * obj_meta,
    NvDsFrameMeta * frame_meta)
{
  NvdsJpegJob job = { 0 };
  gsize len = 0;

  if (!valid_call (ctx, args, surf, obj_meta, frame_meta))
    return false;
  job.surface = &surf->surfaceList[frame_meta->batch_id];
  if (!crop_region (&job, args, obj_meta))
    return false;
  if (args->scaleImg) {
    job.out_width = args->scaledWidth;
    job.out_height = args->scaledHeight;
  }
  job.quality = (args->quality >= 1 && args->quality <= 100)
      ? args->quality : 80;
  gint64 start = g_get_monotonic_time ();
  g_mutex_lock (&ctx->lock);
  guint8 *bytes = nvds_jpeg_encode (&job, &len);
  ctx->encoded += bytes != NULL;
  g_mutex_unlock (&ctx->lock);
  if (bytes == NULL)
    return false;
  if (args->calcEncodeTime)
    g_message ("object encoder: %.3f ms", (g_get_monotonic_time () - start)
        / 1000.0);
  gboolean ok = !args->saveImg || save_file (args, frame_meta, obj_meta,
      &job, bytes, len);
  if (ok && args->attachUsrMeta)
    attach_meta (obj_meta, frame_meta, args->isFrame, bytes, len);
  else
    g_free (bytes);
  return ok;
}
