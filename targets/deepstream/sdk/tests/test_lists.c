/*
 * Tests of list integrity: adding and removing metadata at every level in
 * every order keeps lists well formed (next/prev agree, counters match),
 * misuse is refused with a warning, and clearing works both on a parent's
 * own list and on a caller-built list.
 */
#include <string.h>

#include "nvdsmeta.h"

#define N 4

/* The list is well linked and holds exactly @expected (in order). */
static void
assert_list (GList * list, gpointer * expected, guint n)
{
  GList *prev = NULL;
  guint i = 0;

  for (GList * l = list; l != NULL; l = l->next, i++) {
    g_assert_true (l->prev == prev);
    g_assert_cmpuint (i, <, n);
    g_assert_true (l->data == expected[i]);
    prev = l;
  }
  g_assert_cmpuint (i, ==, n);
}

/* Writes permutation number @k of 0..N-1 into @perm. */
static void
nth_permutation (guint k, guint * perm)
{
  guint pool[N];
  for (guint i = 0; i < N; i++)
    pool[i] = i;
  for (guint i = 0, left = N; i < N; i++, left--) {
    guint fact = 1;
    for (guint j = 2; j < left; j++)
      fact *= j;
    guint pick = k / fact;
    k %= fact;
    perm[i] = pool[pick];
    for (guint j = pick; j + 1 < left; j++)
      pool[j] = pool[j + 1];
  }
}

/* Removes element @victim from the expected array of length *@n. */
static void
expect_removed (gpointer * expected, guint * n, gpointer victim)
{
  for (guint i = 0; i < *n; i++) {
    if (expected[i] == victim) {
      for (guint j = i; j + 1 < *n; j++)
        expected[j] = expected[j + 1];
      (*n)--;
      return;
    }
  }
  g_assert_not_reached ();
}

static void
run_object_orders (guint add_k, guint remove_k)
{
  guint add[N], rem[N], n = 0;
  gpointer objs[N], expected[N];
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);

  nvds_add_frame_meta_to_batch (b, f);
  for (guint i = 0; i < N; i++)
    objs[i] = nvds_acquire_obj_meta_from_pool (b);
  nth_permutation (add_k, add);
  nth_permutation (remove_k, rem);
  for (guint i = 0; i < N; i++) {
    nvds_add_obj_meta_to_frame (f, objs[add[i]], NULL);
    expected[n++] = objs[add[i]];
    assert_list (f->obj_meta_list, expected, n);
    g_assert_cmpuint (f->num_obj_meta, ==, n);
  }
  for (guint i = 0; i < N; i++) {
    nvds_remove_obj_meta_from_frame (f, objs[rem[i]]);
    expect_removed (expected, &n, objs[rem[i]]);
    assert_list (f->obj_meta_list, expected, n);
    g_assert_cmpuint (f->num_obj_meta, ==, n);
  }
  g_assert_cmpuint (b->obj_meta_pool->num_full_elements, ==, 0);
  nvds_destroy_batch_meta (b);
}

static void
test_object_orders (void)
{
  for (guint a = 0; a < 24; a++)
    for (guint r = 0; r < 24; r++)
      run_object_orders (a, r);
}

/* Frames, classifiers, labels, displays and user metas in every order. */
static void
test_other_levels_orders (void)
{
  for (guint k = 0; k < 24; k++) {
    guint perm[N], n = N;
    gpointer fr[N], cl[N], lb[N], ds[N], us[N];
    NvDsBatchMeta *b = nvds_create_batch_meta (N);
    NvDsFrameMeta *f;
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
    NvDsClassifierMeta *c0 = nvds_acquire_classifier_meta_from_pool (b);

    nth_permutation (k, perm);
    for (guint i = 0; i < N; i++) {
      fr[i] = nvds_acquire_frame_meta_from_pool (b);
      cl[i] = nvds_acquire_classifier_meta_from_pool (b);
      lb[i] = nvds_acquire_label_info_meta_from_pool (b);
      ds[i] = nvds_acquire_display_meta_from_pool (b);
      us[i] = nvds_acquire_user_meta_from_pool (b);
      nvds_add_frame_meta_to_batch (b, fr[i]);
    }
    f = fr[0];
    nvds_add_obj_meta_to_frame (f, o, NULL);
    nvds_add_classifier_meta_to_object (o, c0);
    for (guint i = 0; i < N; i++) {
      nvds_add_classifier_meta_to_object (o, cl[i]);
      nvds_add_label_info_meta_to_classifier (c0, lb[i]);
      nvds_add_display_meta_to_frame (f, ds[i]);
      nvds_add_user_meta_to_obj (o, us[i]);
    }
    gpointer exp_fr[N], exp_lb[N], exp_ds[N], exp_us[N];
    memcpy (exp_fr, fr, sizeof fr);
    memcpy (exp_lb, lb, sizeof lb);
    memcpy (exp_ds, ds, sizeof ds);
    memcpy (exp_us, us, sizeof us);
    for (guint i = 0; i < N; i++) {
      guint j = perm[i];
      nvds_remove_label_info_meta_from_classifier (c0, lb[j]);
      nvds_remove_display_meta_from_frame (f, ds[j]);
      nvds_remove_user_meta_from_object (o, us[j]);
      guint m = n;
      expect_removed (exp_lb, &m, lb[j]);
      m = n;
      expect_removed (exp_ds, &m, ds[j]);
      m = n;
      expect_removed (exp_us, &m, us[j]);
      n--;
      assert_list (c0->label_info_list, exp_lb, n);
      assert_list (f->display_meta_list, exp_ds, n);
      assert_list (o->obj_user_meta_list, exp_us, n);
    }
    /* Frames last (frame 0 holds everything else). */
    n = N;
    for (guint i = 0; i < N; i++) {
      nvds_remove_frame_meta_from_batch (b, fr[perm[i]]);
      expect_removed (exp_fr, &n, fr[perm[i]]);
      assert_list (b->frame_meta_list, exp_fr, n);
      g_assert_cmpuint (b->num_frames_in_batch, ==, n);
    }
    g_assert_cmpuint (b->obj_meta_pool->num_full_elements, ==, 0);
    g_assert_cmpuint (b->classifier_meta_pool->num_full_elements, ==, 0);
    nvds_destroy_batch_meta (b);
  }
}

static void
test_misuse_is_refused (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (2);
  NvDsBatchMeta *other = nvds_create_batch_meta (1);
  NvDsFrameMeta *f1 = nvds_acquire_frame_meta_from_pool (b);
  NvDsFrameMeta *f2 = nvds_acquire_frame_meta_from_pool (b);
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
  NvDsObjectMeta *foreign = nvds_acquire_obj_meta_from_pool (other);

  nvds_add_frame_meta_to_batch (b, f1);
  nvds_add_frame_meta_to_batch (b, f2);
  nvds_add_obj_meta_to_frame (f1, o, NULL);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*already*");
  nvds_add_obj_meta_to_frame (f2, o, NULL);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*not attached*");
  nvds_remove_obj_meta_from_frame (f2, o);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*not acquired*");
  nvds_add_obj_meta_to_frame (f1, foreign, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (f1->num_obj_meta, ==, 1);
  g_assert_cmpuint (f2->num_obj_meta, ==, 0);
  nvds_remove_obj_meta_from_frame (f1, o);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*not attached*");
  nvds_remove_obj_meta_from_frame (f1, o);      /* second removal */
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_CRITICAL, "*NULL*");
  nvds_add_obj_meta_to_frame (f1, NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (f1->obj_meta_list);
  nvds_destroy_batch_meta (other);
  nvds_destroy_batch_meta (b);
}

static void
test_clear_parent_list (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);

  nvds_add_frame_meta_to_batch (b, f);
  for (guint i = 0; i < 5; i++) {
    nvds_add_obj_meta_to_frame (f, nvds_acquire_obj_meta_from_pool (b), NULL);
    nvds_add_display_meta_to_frame (f,
        nvds_acquire_display_meta_from_pool (b));
    nvds_add_user_meta_to_frame (f, nvds_acquire_user_meta_from_pool (b));
  }
  nvds_clear_obj_meta_list (f, f->obj_meta_list);
  nvds_clear_display_meta_list (f, f->display_meta_list);
  nvds_clear_frame_user_meta_list (f, f->frame_user_meta_list);
  g_assert_null (f->obj_meta_list);
  g_assert_null (f->display_meta_list);
  g_assert_null (f->frame_user_meta_list);
  g_assert_cmpuint (f->num_obj_meta, ==, 0);
  g_assert_cmpuint (b->obj_meta_pool->num_full_elements, ==, 0);
  g_assert_cmpuint (b->display_meta_pool->num_full_elements, ==, 0);
  nvds_clear_frame_meta_list (b, b->frame_meta_list);
  g_assert_null (b->frame_meta_list);
  g_assert_cmpuint (b->num_frames_in_batch, ==, 0);
  nvds_destroy_batch_meta (b);
}

/* A list the caller built (not the frame's own) holding attached objects. */
static void
test_clear_meta_list_separate (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (1);
  NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
  GList *mine = NULL;
  NvDsObjectMeta *keep = nvds_acquire_obj_meta_from_pool (b);

  nvds_add_frame_meta_to_batch (b, f);
  nvds_add_obj_meta_to_frame (f, keep, NULL);
  for (guint i = 0; i < 3; i++) {
    NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (b);
    nvds_add_obj_meta_to_frame (f, o, NULL);
    mine = g_list_prepend (mine, o);
  }
  mine = nvds_clear_meta_list (b, mine, b->obj_meta_pool);
  g_assert_null (mine);
  gpointer expected[] = { keep };
  assert_list (f->obj_meta_list, expected, 1);
  g_assert_cmpuint (f->num_obj_meta, ==, 1);
  /* Wrong pool for the batch is refused. */
  NvDsBatchMeta *other = nvds_create_batch_meta (1);
  g_test_expect_message ("nvds_meta", G_LOG_LEVEL_WARNING, "*does not belong*");
  GList *same = nvds_clear_meta_list (b, f->obj_meta_list,
      other->obj_meta_pool);
  g_test_assert_expected_messages ();
  g_assert_true (same == f->obj_meta_list);
  nvds_destroy_batch_meta (other);
  nvds_destroy_batch_meta (b);
}

static void
test_nth_frame (void)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (3);
  gpointer frames[3];
  for (guint i = 0; i < 3; i++) {
    frames[i] = nvds_acquire_frame_meta_from_pool (b);
    nvds_add_frame_meta_to_batch (b, frames[i]);
  }
  for (guint i = 0; i < 3; i++)
    g_assert_true (nvds_get_nth_frame_meta (b->frame_meta_list, i) ==
        frames[i]);
  g_assert_null (nvds_get_nth_frame_meta (b->frame_meta_list, 3));
  g_assert_null (nvds_get_nth_frame_meta (NULL, 0));
  nvds_destroy_batch_meta (b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lists/object-orders", test_object_orders);
  g_test_add_func ("/lists/other-levels-orders", test_other_levels_orders);
  g_test_add_func ("/lists/misuse-is-refused", test_misuse_is_refused);
  g_test_add_func ("/lists/clear-parent-list", test_clear_parent_list);
  g_test_add_func ("/lists/clear-meta-list-separate",
      test_clear_meta_list_separate);
  g_test_add_func ("/lists/nth-frame", test_nth_frame);
  return g_test_run ();
}
