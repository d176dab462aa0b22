/*
 * Helpers shared by the simulator element tests; see sim_util.h.
 */
#include "sim_util.h"

/** The user's probe and the buffer count. */
typedef struct {
  GstPadProbeCallback cb;
  gpointer data;
  guint count;
} Counted;

static GstPadProbeReturn
counted_probe (GstPad * pad, GstPadProbeInfo * info, gpointer data)
{
  Counted *c = data;
  c->count++;
  return c->cb (pad, info, c->data);
}

guint
sim_run (const gchar * desc, GstPadProbeCallback cb, gpointer data)
{
  Counted counted = { cb, data, 0 };
  GError *err = NULL;
  GstElement *pipe = gst_parse_launch (desc, &err);
  g_assert_no_error (err);
  GstElement *probe = gst_bin_get_by_name (GST_BIN (pipe), "probe");
  GstPad *pad = gst_element_get_static_pad (probe, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, counted_probe, &counted,
      NULL);
  gst_element_set_state (pipe, GST_STATE_PLAYING);
  GstBus *bus = gst_element_get_bus (pipe);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND,
      GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_element_set_state (pipe, GST_STATE_NULL);
  gst_object_unref (bus);
  gst_object_unref (pad);
  gst_object_unref (probe);
  gst_object_unref (pipe);
  return counted.count;
}

NvDsFrameMeta *
sim_only_frame (GstBuffer * buffer)
{
  NvDsBatchMeta *b = gst_buffer_get_nvds_batch_meta (buffer);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_list_length (b->frame_meta_list), ==, 1);
  return b->frame_meta_list->data;
}

NvDsBatchMeta *
sim_batch_new (guint frames, gint frame_num)
{
  NvDsBatchMeta *b = nvds_create_batch_meta (frames);
  g_assert_nonnull (b);
  for (guint i = 0; i < frames; i++) {
    NvDsFrameMeta *f = nvds_acquire_frame_meta_from_pool (b);
    f->pad_index = f->source_id = i;
    f->frame_num = frame_num;
    nvds_add_frame_meta_to_batch (b, f);
  }
  return b;
}

NvDsObjectMeta *
sim_add_object (NvDsBatchMeta * batch, NvDsFrameMeta * frame, guint64 id,
    gint class_id, gfloat left, gfloat top, gfloat w, gfloat h)
{
  NvDsObjectMeta *o = nvds_acquire_obj_meta_from_pool (batch);
  o->object_id = id;
  o->class_id = class_id;
  o->rect_params.left = left;
  o->rect_params.top = top;
  o->rect_params.width = w;
  o->rect_params.height = h;
  o->tracker_confidence = 0.9f;
  g_snprintf (o->obj_label, MAX_LABEL_SIZE, "class%d", class_id);
  nvds_add_obj_meta_to_frame (frame, o, NULL);
  return o;
}

NvDsUserMeta *
sim_find_user (GList * list, NvDsMetaType type)
{
  for (GList * l = list; l != NULL; l = l->next)
    if (((NvDsUserMeta *) l->data)->base_meta.meta_type == type)
      return l->data;
  return NULL;
}

guint
sim_count_user (GList * list, NvDsMetaType type)
{
  guint n = 0;
  for (GList * l = list; l != NULL; l = l->next)
    n += ((NvDsUserMeta *) l->data)->base_meta.meta_type == type;
  return n;
}
