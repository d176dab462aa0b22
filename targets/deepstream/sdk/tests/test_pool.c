/*
 * Tests of metadata pools: reuse of released elements, growth, the frame
 * pool limit (batch capacity), counters, zeroing and bad arguments.
 */
#include "nvdsmeta.h"

/* The pool counters agree with the pool lists. */
static void
assert_pool_consistent (NvDsMetaPool * pool)
{
  g_assert_cmpuint (g_list_length (pool->empty_list), ==,
      pool->num_empty_elements);
  g_assert_cmpuint (g_list_length (pool->full_list), ==,
      pool->num_full_elements);
  g_assert_cmpuint (pool->num_empty_elements + pool->num_full_elements, ==,
      pool->max_elements_in_pool);
}

static void
test_reuse (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (2);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);

  nvds_add_frame_meta_to_batch (b, f);
  nvds_add_obj_meta_to_frame (f, o, NULL);
  o->class_id = 7;
  nvds_remove_obj_meta_from_frame (f, o);
  /* The released element is handed out again, zeroed. */
  NvDsObjectMeta *o2 = nvds_acquire_obj_meta_from_pool (b);
  g_assert_true (o2 == o);
  g_assert_cmpint (o2->class_id, ==, 0);
  g_assert_true (o2->object_id == UNTRACKED_OBJECT_ID);
  g_assert_true (o2->base_meta.batch_meta == b);
  g_assert_cmpint (o2->base_meta.meta_type, ==, NVDS_OBJ_META);
  assert_pool_consistent (b->obj_meta_pool);
  g_assert_true (nvds_destroy_batch_meta (b));
}

static void
test_user_reuse (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsUserMeta *u = nvds_acquire_user_meta_from_pool (b);
  nvds_add_user_meta_to_batch (b, u);
  nvds_remove_user_meta_from_batch (b, u);
  g_assert_true (nvds_acquire_user_meta_from_pool (b) == u);
  g_assert_null (u->user_meta_data);
  g_assert_cmpint (u->base_meta.meta_type, ==, NVDS_USER_META);
  nvds_destroy_batch_meta (b);
}

static void
test_frame_limit (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (2);
  NvDsFrameMeta *f1 = nvds_acquire_frame_meta_from_pool (b);
  NvDsFrameMeta *f2 = nvds_acquire_frame_meta_from_pool (b);

  g_assert_nonnull (f1);
  g_assert_nonnull (f2);
  g_assert_true (f1 != f2);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*exhausted*");
  g_assert_null (nvds_acquire_frame_meta_from_pool (b));
  g_test_assert_expected_messages ();
  nvds_add_frame_meta_to_batch (b, f1);
  nvds_remove_frame_meta_from_batch (b, f1);
  /* After a release the limit allows one more, and it is the same memory. */
  g_assert_true (nvds_acquire_frame_meta_from_pool (b) == f1);
  g_assert_cmpuint (b->frame_meta_pool->max_elements_in_pool, ==, 2);
  assert_pool_consistent (b->frame_meta_pool);
  nvds_destroy_batch_meta (b);
}

static void
test_growth (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsMetaPool *pool = b->obj_meta_pool;
  guint initial = pool->max_elements_in_pool;
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);

  nvds_add_frame_meta_to_batch (b, f);
  for (guint i = 0; i < initial * 3 + 1; i++) {
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
    g_assert_nonnull (o);
    g_assert_false (g_hash_table_contains (seen, o));
    g_hash_table_add (seen, o);
    nvds_add_obj_meta_to_frame (f, o, NULL);
  }
  g_assert_cmpuint (pool->max_elements_in_pool, >, initial);
  g_assert_cmpuint (pool->num_full_elements, ==, initial * 3 + 1);
  g_assert_cmpuint (f->num_obj_meta, ==, initial * 3 + 1);
  assert_pool_consistent (pool);
  nvds_clear_obj_meta_list (f, f->obj_meta_list);
  g_assert_null (f->obj_meta_list);
  g_assert_cmpuint (f->num_obj_meta, ==, 0);
  g_assert_cmpuint (pool->num_full_elements, ==, 0);
  assert_pool_consistent (pool);
  g_hash_table_destroy (seen);
  nvds_destroy_batch_meta (b);
}

static void
test_pool_types (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (4);
  g_assert_cmpint (b->base_meta.meta_type, ==, NVDS_BATCH_META);
  g_assert_cmpint (b->frame_meta_pool->meta_type, ==, NVDS_FRAME_META);
  g_assert_cmpint (b->obj_meta_pool->meta_type, ==, NVDS_OBJ_META);
  g_assert_cmpint (b->classifier_meta_pool->meta_type, ==,
      NVDS_CLASSIFIER_META);
  g_assert_cmpint (b->display_meta_pool->meta_type, ==, NVDS_DISPLAY_META);
  g_assert_cmpint (b->user_meta_pool->meta_type, ==, NVDS_USER_META);
  g_assert_cmpint (b->label_info_meta_pool->meta_type, ==,
      NVDS_LABEL_INFO_META);
  g_assert_cmpuint (b->frame_meta_pool->element_size, ==,
      sizeof (NvDsFrameMeta));
  g_assert_cmpuint (b->display_meta_pool->element_size, ==,
      sizeof (NvDsDisplayMeta));
  g_assert_cmpuint (b->max_frames_in_batch, ==, 4);
  nvds_destroy_batch_meta (b);
}

static void
test_bad_batch_size (void)
{
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_CRITICAL, "*batch size*");
  g_assert_null (nvds_create_batch_meta (0));
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_CRITICAL, "*batch size*");
  g_assert_null (nvds_create_batch_meta (G_MAXUINT));
  g_test_assert_expected_messages ();
}

static void
test_user_meta_types (void)
{
  NvDsMetaType a = nvds_get_user_meta_type ((gchar *) "NVIDIA.TEST.A");
  NvDsMetaType a2 = nvds_get_user_meta_type ((gchar *) "NVIDIA.TEST.A");
  NvDsMetaType c = nvds_get_user_meta_type ((gchar *) "NVIDIA.TEST.C");

  g_assert_cmpint (a, ==, a2);
  g_assert_cmpint (a, !=, c);
  g_assert_cmpint (a, >=, NVDS_START_USER_META);
  g_assert_cmpint (c, >=, NVDS_START_USER_META);
  g_assert_cmpint (nvds_get_user_meta_type (NULL), ==, NVDS_INVALID_META);
  g_assert_cmpint (nvds_get_user_meta_type ((gchar *) ""), ==,
      NVDS_INVALID_META);
}

static void
test_lock_is_recursive (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  nvds_acquire_meta_lock (b);
  nvds_acquire_meta_lock (b);
  /* Library calls take the same lock internally. */
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  nvds_add_frame_meta_to_batch (b, f);
  nvds_release_meta_lock (b);
  nvds_release_meta_lock (b);
  g_assert_cmpuint (b->num_frames_in_batch, ==, 1);
  nvds_destroy_batch_meta (b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pool/reuse", test_reuse);
  g_test_add_func ("/pool/user-reuse", test_user_reuse);
  g_test_add_func ("/pool/frame-limit", test_frame_limit);
  g_test_add_func ("/pool/growth", test_growth);
  g_test_add_func ("/pool/types", test_pool_types);
  g_test_add_func ("/pool/bad-batch-size", test_bad_batch_size);
  g_test_add_func ("/pool/user-meta-types", test_user_meta_types);
  g_test_add_func ("/pool/lock-is-recursive", test_lock_is_recursive);
  return g_test_run ();
}
