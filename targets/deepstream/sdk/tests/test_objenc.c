/*
 * Tests of the object encoder: objects and whole frames of system-memory
 * surfaces become real JPEGs of the right size (read back from the JPEG
 * header), attached as NVDS_CROP_IMAGE_META or written to a file, and bad
 * input is refused.
 */
#include <string.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "nvds_obj_encode.h"

typedef struct {
  NvDsBatchMeta *batch;
  NvDsFrameMeta *frame;
  NvDsObjectMeta *obj;
  NvBufSurface *surf;
  NvDsObjEncCtxHandle ctx;
} Fixture;

static void
setup (Fixture * fx, gconstpointer data)
{
  NvBufSurfaceCreateParams p = { 0 };
  p.width = 64;
  p.height = 48;
  p.colorFormat = GPOINTER_TO_INT (data);
  p.memType = NVBUF_MEM_SYSTEM;
  g_assert_cmpint (NvBufSurfaceCreate (&fx->surf, 1, &p), ==, 0);
  NvBufSurfaceMemSet (fx->surf, 0, -1, 90);
  fx->surf->numFilled = 1;
  fx->batch = nvds_create_batch_meta (1);
  fx->frame = nvds_acquire_frame_meta_from_pool (fx->batch);
  nvds_add_frame_meta_to_batch (fx->batch, fx->frame);
  fx->obj = nvds_acquire_obj_meta_from_pool (fx->batch);
  fx->obj->rect_params.left = 10;
  fx->obj->rect_params.top = 8;
  fx->obj->rect_params.width = 20;
  fx->obj->rect_params.height = 16;
  g_strlcpy (fx->obj->obj_label, "car", MAX_LABEL_SIZE);
  nvds_add_obj_meta_to_frame (fx->frame, fx->obj, NULL);
  fx->ctx = nvds_obj_enc_create_context (0);
  g_assert_nonnull (fx->ctx);
}

static void
teardown (Fixture * fx, gconstpointer data)
{
  (void) data;
  nvds_obj_enc_destroy_context (fx->ctx);
  nvds_destroy_batch_meta (fx->batch);
  NvBufSurfaceDestroy (fx->surf);
}

/* Width and height from the JPEG frame header; FALSE if not a JPEG. */
static gboolean
jpeg_size (const guint8 * b, gsize len, guint * w, guint * h)
{
  if (len < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[len - 2] != 0xFF
      || b[len - 1] != 0xD9)
    return FALSE;
  for (gsize i = 2; i + 8 < len; i++) {
    if (b[i] == 0xFF && (b[i + 1] == 0xC0 || b[i + 1] == 0xC2)) {
      *h = (guint) b[i + 5] << 8 | b[i + 6];
      *w = (guint) b[i + 7] << 8 | b[i + 8];
      return TRUE;
    }
  }
  return FALSE;
}

static NvDsObjEncOutParams *
find_crop (GList * user_list)
{
  for (GList * l = user_list; l; l = l->next) {
    NvDsUserMeta *u = l->data;
    if (u->base_meta.meta_type == NVDS_CROP_IMAGE_META)
      return u->user_meta_data;
  }
  return NULL;
}

static void
test_object_crop (Fixture * fx, gconstpointer data)
{
  NvDsObjEncUsrArgs args = { 0 };
  guint w = 0, h = 0;

  (void) data;
  args.attachUsrMeta = true;
  args.quality = 90;
  g_assert_true (nvds_obj_enc_process (fx->ctx, &args, fx->surf, fx->obj,
          fx->frame));
  nvds_obj_enc_finish (fx->ctx);
  NvDsObjEncOutParams *out = find_crop (fx->obj->obj_user_meta_list);
  g_assert_nonnull (out);
  g_assert_true (jpeg_size (out->outBuffer, out->outLen, &w, &h));
  g_assert_cmpuint (w, ==, 20);
  g_assert_cmpuint (h, ==, 16);
}

static void
test_scaled_frame_to_file (Fixture * fx, gconstpointer data)
{
  NvDsObjEncUsrArgs args = { 0 };
  gchar *dir = g_dir_make_tmp ("objenc-XXXXXX", NULL);
  gchar *path = g_build_filename (dir, "frame.jpg", NULL);
  gchar *bytes = NULL;
  gsize len = 0;
  guint w = 0, h = 0;

  (void) data;
  args.isFrame = true;
  args.saveImg = true;
  args.attachUsrMeta = true;
  args.scaleImg = true;
  args.scaledWidth = 32;
  args.scaledHeight = 24;
  g_strlcpy (args.fileNameImg, path, FILE_NAME_SIZE);
  g_assert_true (nvds_obj_enc_process (fx->ctx, &args, fx->surf, NULL,
          fx->frame));
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (jpeg_size ((guint8 *) bytes, len, &w, &h));
  g_assert_cmpuint (w, ==, 32);
  g_assert_cmpuint (h, ==, 24);
  NvDsObjEncOutParams *out = find_crop (fx->frame->frame_user_meta_list);
  g_assert_nonnull (out);
  g_assert_cmpmem (out->outBuffer, out->outLen, bytes, len);
  g_free (bytes);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static void
test_bad_input (Fixture * fx, gconstpointer data)
{
  NvDsObjEncUsrArgs args = { 0 };
  NvBufSurface fake;

  (void) data;
  args.attachUsrMeta = true;
  g_assert_null (nvds_obj_enc_create_context (-1));
  g_assert_false (nvds_obj_enc_process (NULL, &args, fx->surf, fx->obj,
          fx->frame));
  g_assert_false (nvds_obj_enc_process (fx->ctx, NULL, fx->surf, fx->obj,
          fx->frame));
  g_assert_false (nvds_obj_enc_process (fx->ctx, &args, fx->surf, NULL,
          fx->frame));
  memset (&fake, 0, sizeof fake);
  g_assert_false (nvds_obj_enc_process (fx->ctx, &args, &fake, fx->obj,
          fx->frame));
  fx->frame->batch_id = 3;      /* no such surface in the batch */
  g_assert_false (nvds_obj_enc_process (fx->ctx, &args, fx->surf, fx->obj,
          fx->frame));
  fx->frame->batch_id = 0;
  fx->obj->rect_params.left = 500;      /* entirely outside the frame */
  g_assert_false (nvds_obj_enc_process (fx->ctx, &args, fx->surf, fx->obj,
          fx->frame));
  g_assert_null (fx->obj->obj_user_meta_list);
}

static void
test_unsupported_format (Fixture * fx, gconstpointer data)
{
  NvDsObjEncUsrArgs args = { 0 };

  (void) data;
  args.attachUsrMeta = true;
  g_test_expect_message ("nvds_batch_jpegenc", G_LOG_LEVEL_WARNING,
      "*not supported*");
  g_assert_false (nvds_obj_enc_process (fx->ctx, &args, fx->surf, fx->obj,
          fx->frame));
  g_test_assert_expected_messages ();
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/objenc/object-crop-rgba", Fixture,
      GINT_TO_POINTER (NVBUF_COLOR_FORMAT_RGBA), setup, test_object_crop,
      teardown);
  g_test_add ("/objenc/object-crop-nv12", Fixture,
      GINT_TO_POINTER (NVBUF_COLOR_FORMAT_NV12), setup, test_object_crop,
      teardown);
  g_test_add ("/objenc/scaled-frame-to-file", Fixture,
      GINT_TO_POINTER (NVBUF_COLOR_FORMAT_RGB), setup,
      test_scaled_frame_to_file, teardown);
  g_test_add ("/objenc/bad-input", Fixture,
      GINT_TO_POINTER (NVBUF_COLOR_FORMAT_RGBA), setup, test_bad_input,
      teardown);
  g_test_add ("/objenc/unsupported-format", Fixture,
      GINT_TO_POINTER (NVBUF_COLOR_FORMAT_YUV444), setup,
      test_unsupported_format, teardown);
  int rc = g_test_run ();
  gst_deinit ();
  return rc;
}
