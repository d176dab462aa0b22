/*
 * Tests of deep copies: frame, object, classifier/label, display and user
 * metadata are copied without sharing owned memory, user payloads go
 * through copy_func, release_func runs exactly once per user meta, and
 * object parent links are remapped inside a copied list.
 */
#include <string.h>

#include "nvdsmeta.h"

static guint n_copies, n_releases;

/* Payload: a heap string; copy duplicates it, release frees it. */
static gpointer
str_copy (gpointer data, gpointer user_data)
{
  NvDsUserMeta *u = data;
  g_assert_null (user_data);
  n_copies++;
  return g_strdup (u->user_meta_data);
}

static void
str_release (gpointer data, gpointer user_data)
{
  NvDsUserMeta *u = data;
  (void) user_data;
  n_releases++;
  g_free (u->user_meta_data);
  u->user_meta_data = NULL;
}

static NvDsUserMeta *
make_user (NvDsBatchMeta * b, const gchar * text)
{
  NvDsUserMeta *u = nvds_acquire_user_meta_from_pool (b);
  u->user_meta_data = g_strdup (text);
  u->base_meta.meta_type = nvds_get_user_meta_type ((gchar *) "TEST.COPY.STR");
  u->base_meta.copy_func = str_copy;
  u->base_meta.release_func = str_release;
  return u;
}

static NvDsObjectMeta *
make_object (NvDsBatchMeta * b, gint class_id)
{
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
  NvDsClassifierMeta *c = nvds_acquire_classifier_meta_from_pool (b);
  NvDsLabelInfo *l = nvds_acquire_label_info_meta_from_pool (b);

  o->class_id = class_id;
  o->rect_params.left = 10.5f;
  g_strlcpy (o->obj_label, "car", MAX_LABEL_SIZE);
  o->text_params.display_text = g_strdup ("car 1");
  o->mask_params.size = 4 * sizeof (float);
  o->mask_params.data = g_new0 (float, 4);
  o->mask_params.data[2] = 0.5f;
  g_strlcpy (l->result_label, "red", MAX_LABEL_SIZE);
  l->pResult_label = g_strdup ("a very red car");
  c->num_labels = 1;
  nvds_add_label_info_meta_to_classifier (c, l);
  nvds_add_classifier_meta_to_object (o, c);
  nvds_add_user_meta_to_obj (o, make_user (b, "obj payload"));
  return o;
}

static void
assert_object_copy (NvDsObjectMeta * src, NvDsObjectMeta * dst,
    NvDsBatchMeta * dst_batch)
{
  g_assert_true (src != dst);
  g_assert_true (dst->base_meta.batch_meta == dst_batch);
  g_assert_cmpint (dst->class_id, ==, src->class_id);
  g_assert_cmpfloat (dst->rect_params.left, ==, src->rect_params.left);
  g_assert_cmpstr (dst->obj_label, ==, src->obj_label);
  g_assert_cmpstr (dst->text_params.display_text, ==, "car 1");
  g_assert_true (dst->text_params.display_text !=
      src->text_params.display_text);
  g_assert_true (dst->mask_params.data != src->mask_params.data);
  g_assert_cmpfloat (dst->mask_params.data[2], ==, 0.5f);
  NvDsClassifierMeta *c = dst->classifier_meta_list->data;
  g_assert_true (c != src->classifier_meta_list->data);
  NvDsLabelInfo *l = c->label_info_list->data;
  g_assert_cmpstr (l->result_label, ==, "red");
  g_assert_cmpstr (l->pResult_label, ==, "a very red car");
  g_assert_true (l->pResult_label != ((NvDsLabelInfo *)
          ((NvDsClassifierMeta *) src->classifier_meta_list->data)->
          label_info_list->data)->pResult_label);
  NvDsUserMeta *u = dst->obj_user_meta_list->data;
  g_assert_cmpstr (u->user_meta_data, ==, "obj payload");
  g_assert_true (u->user_meta_data !=
      ((NvDsUserMeta *) src->obj_user_meta_list->data)->user_meta_data);
}

static void
test_object_copy (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsObjectMeta *src = make_object (b, 3);
  NvDsObjectMeta *dst = nvds_acquire_obj_meta_from_pool (b);

  n_copies = n_releases = 0;
  nvds_copy_obj_meta (src, dst);
  g_assert_cmpuint (n_copies, ==, 1);
  assert_object_copy (src, dst, b);
  /* Changing the copy leaves the source alone. */
  dst->text_params.display_text[0] = 'X';
  g_assert_cmpstr (src->text_params.display_text, ==, "car 1");
  nvds_destroy_batch_meta (b);
  g_assert_cmpuint (n_releases, ==, 2);
}

static NvDsFrameMeta *
make_frame (NvDsBatchMeta * b)
{
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  NvDsDisplayMeta *d = nvds_acquire_display_meta_from_pool (b);

  f->frame_num = 17;
  f->source_id = 2;
  f->misc_frame_info[3] = G_GINT64_CONSTANT (0x100000007);
  nvds_add_frame_meta_to_batch (b, f);
  NvDsObjectMeta *parent = make_object (b, 0);
  NvDsObjectMeta *child = make_object (b, 1);
  nvds_add_obj_meta_to_frame (f, parent, NULL);
  nvds_add_obj_meta_to_frame (f, child, parent);
  d->num_labels = 1;
  d->text_params[0].display_text = g_strdup ("hello");
  nvds_add_display_meta_to_frame (f, d);
  nvds_add_user_meta_to_frame (f, make_user (b, "frame payload"));
  return f;
}

static void
test_frame_copy (void)
{
  n_copies = n_releases = 0;
  NvDsBatchMeta *src_b = nvds_create_batch_meta (1);
  NvDsBatchMeta *dst_b = nvds_create_batch_meta (1);
  NvDsFrameMeta *src = make_frame (src_b);
  NvDsFrameMeta *dst = nvds_acquire_frame_meta_from_pool (dst_b);

  nvds_copy_frame_meta (src, dst);
  g_assert_true (dst->base_meta.batch_meta == dst_b);
  g_assert_cmpint (dst->frame_num, ==, 17);
  g_assert_cmpuint (dst->source_id, ==, 2);
  g_assert_true (dst->misc_frame_info[3] == G_GINT64_CONSTANT (0x100000007));
  g_assert_cmpuint (dst->num_obj_meta, ==, 2);
  NvDsObjectMeta *p = dst->obj_meta_list->data;
  NvDsObjectMeta *c = dst->obj_meta_list->next->data;
  assert_object_copy (src->obj_meta_list->data, p, dst_b);
  g_assert_true (c->parent == p);       /* remapped to the copy */
  NvDsDisplayMeta *d = dst->display_meta_list->data;
  g_assert_cmpstr (d->text_params[0].display_text, ==, "hello");
  g_assert_true (d->text_params[0].display_text !=
      ((NvDsDisplayMeta *) src->display_meta_list->data)->text_params[0].
      display_text);
  NvDsUserMeta *u = dst->frame_user_meta_list->data;
  g_assert_cmpstr (u->user_meta_data, ==, "frame payload");
  g_assert_cmpuint (n_copies, ==, 3);
  /* The source can go first: the copy owns everything it points to. */
  nvds_destroy_batch_meta (src_b);
  g_assert_cmpuint (n_releases, ==, 3);
  g_assert_cmpstr (u->user_meta_data, ==, "frame payload");
  nvds_destroy_batch_meta (dst_b);
  g_assert_cmpuint (n_releases, ==, 6);
}

static void
test_batch_copy_func (void)
{
  n_copies = n_releases = 0;
  NvDsBatchMeta *b = nvds_create_batch_meta (2);
  make_frame (b);
  make_frame (b);
  nvds_add_user_meta_to_batch (b, make_user (b, "batch payload"));
  b->misc_batch_info[0] = 99;

  NvDsBatchMeta *c = nvds_batch_meta_copy_func (b, NULL);
  g_assert_nonnull (c);
  g_assert_true (c != b);
  g_assert_cmpuint (c->max_frames_in_batch, ==, 2);
  g_assert_cmpuint (c->num_frames_in_batch, ==, 2);
  g_assert_cmpint (c->misc_batch_info[0], ==, 99);
  g_assert_cmpuint (g_list_length (c->batch_user_meta_list), ==, 1);
  g_assert_cmpuint (n_copies, ==, 7);
  nvds_batch_meta_release_func (b, NULL);
  g_assert_cmpuint (n_releases, ==, 7);
  nvds_batch_meta_release_func (c, NULL);
  g_assert_cmpuint (n_releases, ==, 14);
}

static void
test_release_exactly_once (void)
{
  n_releases = 0;
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  nvds_add_frame_meta_to_batch (b, f);
  NvDsUserMeta *u1 = make_user (b, "a"), *u2 = make_user (b, "b");
  NvDsUserMeta *u3 = make_user (b, "never attached");
  nvds_add_user_meta_to_frame (f, u1);
  nvds_add_user_meta_to_frame (f, u2);
  nvds_remove_user_meta_from_frame (f, u1);
  g_assert_cmpuint (n_releases, ==, 1);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*not attached*");
  nvds_remove_user_meta_from_frame (f, u1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (n_releases, ==, 1);
  (void) u3;
  nvds_destroy_batch_meta (b);  /* u2 via the frame, u3 as a stray */
  g_assert_cmpuint (n_releases, ==, 3);
}

static void
test_uncopyable_user_meta (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  nvds_add_frame_meta_to_batch (b, f);
  NvDsUserMeta *u = make_user (b, "x");
  u->base_meta.copy_func = NULL;        /* release but no copy */
  nvds_add_user_meta_to_frame (f, u);
  NvDsUserMeta *shared = nvds_acquire_user_meta_from_pool (b);
  static gint payload = 5;
  shared->user_meta_data = &payload;    /* neither callback: shared */
  nvds_add_user_meta_to_frame (f, shared);

  NvDsBatchMeta *dst = nvds_create_batch_meta (1);
  NvDsFrameMeta *df = nvds_acquire_frame_meta_from_pool (dst);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*no copy_func*");
  nvds_copy_frame_meta (f, df);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_length (df->frame_user_meta_list), ==, 1);
  g_assert_true (((NvDsUserMeta *) df->frame_user_meta_list->data)->
      user_meta_data == &payload);
  nvds_destroy_batch_meta (dst);
  nvds_destroy_batch_meta (b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/copy/object", test_object_copy);
  g_test_add_func ("/copy/frame", test_frame_copy);
  g_test_add_func ("/copy/batch-copy-func", test_batch_copy_func);
  g_test_add_func ("/copy/release-exactly-once", test_release_exactly_once);
  g_test_add_func ("/copy/uncopyable-user-meta", test_uncopyable_user_meta);
  return g_test_run ();
}
