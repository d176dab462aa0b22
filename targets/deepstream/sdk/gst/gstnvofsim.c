/*
 * bindery DeepStream SDK stand-in: the nvofsim GStreamer element.
 *
 * Owns the element standing where nvof stands in a pipeline (straight
 * after the muxer, no detector needed): it starts a batch and frame when
 * the buffer has none and attaches NVDS_OPTICAL_FLOW_META frame user meta
 * describing the motion of nvinfersim's synthetic scene for the same
 * seed and object count (nvofsim_flow.c).
 */
#include "nvofsim.h"
#include "nvsim_elements.h"
#include "nvsim_filter.h"

G_DECLARE_FINAL_TYPE (GstNvOfSim, gst_nvofsim, GST, NVOFSIM, GstNvSimFilter)

/** Element instance: the scene and the grid. */
struct _GstNvOfSim
{
  GstNvSimFilter parent;
  guint objects;
  guint64 seed;
  guint grid_size;
  guint source_id;
};

enum
{ PROP_0, PROP_OBJECTS, PROP_SEED, PROP_GRID_SIZE, PROP_SOURCE_ID };

#define MAX_OBJECTS 1024
#define MAX_GRID_SIZE 64

G_DEFINE_TYPE (GstNvOfSim, gst_nvofsim, GST_TYPE_NVSIM_FILTER);

static void
gst_nvofsim_set_property (GObject * object, guint id, const GValue * v,
    GParamSpec * pspec)
{
  GstNvOfSim *self = GST_NVOFSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: self->objects = g_value_get_uint (v); break;
    case PROP_SEED: self->seed = g_value_get_uint64 (v); break;
    case PROP_GRID_SIZE: self->grid_size = g_value_get_uint (v); break;
    case PROP_SOURCE_ID: self->source_id = g_value_get_uint (v); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvofsim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvOfSim *self = GST_NVOFSIM (object);

  GST_OBJECT_LOCK (self);
  switch (id) {
    case PROP_OBJECTS: g_value_set_uint (v, self->objects); break;
    case PROP_SEED: g_value_set_uint64 (v, self->seed); break;
    case PROP_GRID_SIZE: g_value_set_uint (v, self->grid_size); break;
    case PROP_SOURCE_ID: g_value_set_uint (v, self->source_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec); break;
  }
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvofsim_process (GstNvSimFilter * base, GstBuffer * buf,
    NvDsBatchMeta * batch)
{
  GstNvOfSim *self = GST_NVOFSIM (base);
  NvInferSimParams scene;
  guint w, h;

  gst_nvsim_filter_get_size (base, &w, &h);
  nvinfersim_params_init (&scene, w, h);
  GST_OBJECT_LOCK (self);
  scene.objects = self->objects;
  scene.seed = self->seed;
  guint grid = self->grid_size, source_id = self->source_id;
  GST_OBJECT_UNLOCK (self);
  NvDsFrameMeta *frame = gst_nvsim_filter_ensure_frame (base, batch, buf,
      gst_nvsim_filter_get_count (base), source_id);
  if (frame != NULL)
    nvofsim_attach_flow (batch, frame, nvofsim_flow_new (&scene,
            frame->frame_num, grid));
}

static void
install_uint (GObjectClass * k, guint id, const gchar * name,
    const gchar * blurb, guint min, guint max, guint def)
{
  g_object_class_install_property (k, id, g_param_spec_uint (name, name,
          blurb, min, max, def, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
gst_nvofsim_class_init (GstNvOfSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstNvSimFilterClass *fk = GST_NVSIM_FILTER_CLASS (klass);

  k->set_property = gst_nvofsim_set_property;
  k->get_property = gst_nvofsim_get_property;
  install_uint (k, PROP_OBJECTS, "objects", "Moving objects of the scene "
      "(as nvinfersim's objects)", 0, MAX_OBJECTS, 4);
  g_object_class_install_property (k, PROP_SEED, g_param_spec_uint64 ("seed",
          "seed", "Seed of the scene (as nvinfersim's seed)", 0, G_MAXUINT64,
          42, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  install_uint (k, PROP_GRID_SIZE, "grid-size", "Block size of the flow "
      "grid, pixels", 1, MAX_GRID_SIZE, 4);
  install_uint (k, PROP_SOURCE_ID, "source-id", "source_id and pad_index "
      "of new frames", 0, G_MAXUINT, 0);
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass),
      "Synthetic DeepStream optical flow", "Filter/Video",
      "Attaches optical-flow motion vectors (NVDS_OPTICAL_FLOW_META)",
      "bindery project");
  fk->process = gst_nvofsim_process;
  fk->creates_batch = TRUE;
}

static void
gst_nvofsim_init (GstNvOfSim * self)
{
  self->objects = 4;
  self->seed = 42;
  self->grid_size = 4;
}
