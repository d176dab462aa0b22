/*
 * bindery DeepStream SDK stand-in: the nvtrackersim GStreamer element.
 *
 * Owns the element standing where nvtracker stands in a pipeline (after
 * the detector): it reads the tracked objects upstream put on each frame
 * and attaches NVDS_TRACKER_PAST_FRAME_META batch user meta from what it
 * saw in earlier buffers (nvtrackersim_history.c). It does not create
 * objects or assign ids: nvinfersim's objects already carry tracker ids.
 */
#include "nvsim_elements.h"
#include "nvsim_filter.h"
#include "nvtrackersim.h"

G_DECLARE_FINAL_TYPE (GstNvTrackerSim, gst_nvtrackersim, GST, NVTRACKERSIM,
    GstNvSimFilter)

/** Element instance: the setting and the track history. */
struct _GstNvTrackerSim
{
  GstNvSimFilter parent;
  guint past_frames;
  NvTrackerSimState *state;     /* streaming thread only */
};

enum
{ PROP_0, PROP_PAST_FRAMES };

G_DEFINE_TYPE (GstNvTrackerSim, gst_nvtrackersim, GST_TYPE_NVSIM_FILTER);

static void
gst_nvtrackersim_set_property (GObject * object, guint id, const GValue * v,
    GParamSpec * pspec)
{
  GstNvTrackerSim *self = GST_NVTRACKERSIM (object);

  GST_OBJECT_LOCK (self);
  if (id == PROP_PAST_FRAMES)
    self->past_frames = g_value_get_uint (v);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvtrackersim_get_property (GObject * object, guint id, GValue * v,
    GParamSpec * pspec)
{
  GstNvTrackerSim *self = GST_NVTRACKERSIM (object);

  GST_OBJECT_LOCK (self);
  if (id == PROP_PAST_FRAMES)
    g_value_set_uint (v, self->past_frames);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
  GST_OBJECT_UNLOCK (self);
}

static void
gst_nvtrackersim_reset (GstNvSimFilter * base)
{
  GstNvTrackerSim *self = GST_NVTRACKERSIM (base);
  nvtrackersim_state_free (self->state);
  self->state = nvtrackersim_state_new ();
}

static void
gst_nvtrackersim_process (GstNvSimFilter * base, GstBuffer * buf,
    NvDsBatchMeta * batch)
{
  GstNvTrackerSim *self = GST_NVTRACKERSIM (base);

  (void) buf;
  if (batch == NULL)
    return;
  GST_OBJECT_LOCK (self);
  guint past_frames = self->past_frames;
  GST_OBJECT_UNLOCK (self);
  nvtrackersim_process (self->state, batch, past_frames);
}

static void
gst_nvtrackersim_finalize (GObject * object)
{
  nvtrackersim_state_free (GST_NVTRACKERSIM (object)->state);
  G_OBJECT_CLASS (gst_nvtrackersim_parent_class)->finalize (object);
}

static void
gst_nvtrackersim_class_init (GstNvTrackerSimClass * klass)
{
  GObjectClass *k = G_OBJECT_CLASS (klass);
  GstNvSimFilterClass *fk = GST_NVSIM_FILTER_CLASS (klass);

  k->set_property = gst_nvtrackersim_set_property;
  k->get_property = gst_nvtrackersim_get_property;
  k->finalize = gst_nvtrackersim_finalize;
  g_object_class_install_property (k, PROP_PAST_FRAMES,
      g_param_spec_uint ("past-frames", "past-frames", "Past frames reported "
          "per target in NVDS_TRACKER_PAST_FRAME_META (0: no meta)", 0,
          NVTRACKERSIM_MAX_PAST_FRAMES, 5,
          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass),
      "Synthetic DeepStream tracker output", "Filter/Video",
      "Attaches past-frame data of tracked objects "
      "(NVDS_TRACKER_PAST_FRAME_META)", "bindery project");
  fk->reset = gst_nvtrackersim_reset;
  fk->process = gst_nvtrackersim_process;
}

static void
gst_nvtrackersim_init (GstNvTrackerSim * self)
{
  self->past_frames = 5;
  self->state = nvtrackersim_state_new ();
}
