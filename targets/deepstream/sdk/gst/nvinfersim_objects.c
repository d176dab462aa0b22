/*
 * bindery DeepStream SDK stand-in: nvinfersim detections and object meta.
 *
 * Owns the deterministic detector (a hash of seed, object index and frame
 * number; boxes move steadily from frame to frame and keep their tracker
 * id), the element's default settings, and the object / classifier /
 * label / display metadata built from the detections. Strings the
 * metadata owns are g_malloc'ed; font names are static.
 */
#include <math.h>
#include <string.h>

#include "nvinfersim_synth.h"

static const gchar *const DEFAULT_LABELS[] = {
  "Vehicle", "TwoWheeler", "Person", "RoadSign"
};

static const gchar *const COLOURS[] = { "red", "green", "blue", "white" };

static gchar FONT_NAME[] = "Serif";

/* splitmix64: a fixed, well-mixed 64-bit hash. */
static guint64
mix (guint64 x)
{
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/* A value in [0, 1) from the hash of (seed, a, b). */
static gdouble
unit (guint64 seed, guint64 a, guint64 b)
{
  return (gdouble) (mix (seed ^ mix (a ^ mix (b))) >> 11) / 9007199254740992.0;
}

void
nvinfersim_params_init (NvInferSimParams * p, guint width, guint height)
{
  memset (p, 0, sizeof (*p));
  p->width = width;
  p->height = height;
  p->objects = 4;
  p->seed = 42;
  p->mask_width = 64;
  p->mask_height = 48;
  p->unique_id = 1;
  p->conf_min = 0.5f;
  p->conf_max = 1.0f;
  p->num_classes = G_N_ELEMENTS (DEFAULT_LABELS);
  p->tensor_meta = TRUE;
  p->segmentation_meta = TRUE;
  p->instance_mask_size = 28;
}

const gchar *
nvinfersim_class_name (const NvInferSimParams * p, gint class_id)
{
  if (class_id < 0 || (guint) class_id >= p->num_classes)
    return "Unknown";
  if (p->labels == NULL)
    return (guint) class_id < G_N_ELEMENTS (DEFAULT_LABELS)
        ? DEFAULT_LABELS[class_id] : "Unknown";
  return p->labels[class_id];
}

/* Position along a track of @span pixels that bounces between the ends. */
static gfloat
bounce (gdouble start, gdouble speed, gint frame, gfloat span)
{
  if (span <= 0.0f)
    return 0.0f;
  gdouble t = fmod (start * span + speed * frame, 2.0 * span);
  return (gfloat) (t < span ? t : 2.0 * span - t);
}

void
nvinfersim_detect (const NvInferSimParams * p, gint frame_num,
    NvInferSimObject * out)
{
  gfloat fw = (gfloat) p->width, fh = (gfloat) p->height;
  gfloat lo = MIN (p->conf_min, p->conf_max);
  gfloat span = MAX (p->conf_min, p->conf_max) - lo;
  guint classes = MAX (p->num_classes, 1u);

  for (guint i = 0; i < p->objects; i++) {
    NvInferSimObject *o = &out[i];
    memset (o, 0, sizeof (*o));
    o->class_id = (gint) (mix (p->seed ^ i) % classes);
    o->track_id = i + 1;
    o->confidence = lo + span * (gfloat) unit (p->seed, i, frame_num + 1u);
    o->rect.width = MAX (1.0f, fw * (0.1f + 0.15f * (gfloat) unit (p->seed,
                i, 101)));
    o->rect.height = MAX (1.0f, fh * (0.1f + 0.15f * (gfloat) unit (p->seed,
                i, 102)));
    o->rect.left = bounce (unit (p->seed, i, 103), 1.0 + 4.0 * unit (p->seed,
            i, 104), frame_num, fw - o->rect.width);
    o->rect.top = bounce (unit (p->seed, i, 105), 1.0 + 4.0 * unit (p->seed,
            i, 106), frame_num, fh - o->rect.height);
  }
}

static void
set_colour (NvOSD_ColorParams * c, double r, double g, double b, double a)
{
  c->red = r;
  c->green = g;
  c->blue = b;
  c->alpha = a;
}

static void
fill_text (NvOSD_TextParams * t, gchar * text, guint x, guint y)
{
  t->display_text = text;
  t->x_offset = x;
  t->y_offset = y;
  t->font_params.font_name = FONT_NAME;
  t->font_params.font_size = 10;
  set_colour (&t->font_params.font_color, 1.0, 1.0, 1.0, 1.0);
  t->set_bg_clr = 1;
  set_colour (&t->text_bg_clr, 0.0, 0.0, 0.0, 1.0);
}

/* One classifier result ("colour") with one label for @obj. */
static void
attach_classifier (NvDsBatchMeta * batch, NvDsObjectMeta * obj,
    const NvInferSimParams * p, guint index)
{
  NvDsClassifierMeta *cls = nvds_acquire_classifier_meta_from_pool (batch);
  NvDsLabelInfo *label = nvds_acquire_label_info_meta_from_pool (batch);
  if (cls == NULL || label == NULL)
    return;
  guint colour = (guint) (mix (p->seed ^ (index + 7919u)) % 4u);
  cls->num_labels = 1;
  cls->unique_component_id = p->unique_id + 1;
  cls->classifier_type = "colour";
  label->num_classes = G_N_ELEMENTS (COLOURS);
  g_strlcpy (label->result_label, COLOURS[colour], MAX_LABEL_SIZE);
  label->result_class_id = colour;
  label->label_id = 0;
  label->result_prob = 0.75f;
  nvds_add_label_info_meta_to_classifier (cls, label);
  nvds_add_classifier_meta_to_object (obj, cls);
}

static void
fill_object (NvDsObjectMeta * obj, const NvInferSimParams * p,
    const NvInferSimObject * o)
{
  obj->unique_component_id = p->unique_id;
  obj->class_id = o->class_id;
  obj->object_id = o->track_id;
  obj->confidence = o->confidence;
  obj->tracker_confidence = 1.0f;
  obj->rect_params.left = o->rect.left;
  obj->rect_params.top = o->rect.top;
  obj->rect_params.width = o->rect.width;
  obj->rect_params.height = o->rect.height;
  obj->rect_params.border_width = 3;
  set_colour (&obj->rect_params.border_color, 1.0, 0.0, 0.0, 1.0);
  obj->detector_bbox_info.org_bbox_coords.left = o->rect.left;
  obj->detector_bbox_info.org_bbox_coords.top = o->rect.top;
  obj->detector_bbox_info.org_bbox_coords.width = o->rect.width;
  obj->detector_bbox_info.org_bbox_coords.height = o->rect.height;
  obj->tracker_bbox_info = obj->detector_bbox_info;
  g_strlcpy (obj->obj_label, nvinfersim_class_name (p, o->class_id),
      MAX_LABEL_SIZE);
  fill_text (&obj->text_params, g_strdup_printf ("%s %" G_GUINT64_FORMAT,
          obj->obj_label, o->track_id), (guint) o->rect.left,
      (guint) MAX (0.0f, o->rect.top - 12.0f));
}

void
nvinfersim_attach_objects (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p, const NvInferSimObject * objs)
{
  for (guint i = 0; i < p->objects; i++) {
    NvDsObjectMeta *obj = nvds_acquire_obj_meta_from_pool (batch);
    if (obj == NULL)
      return;
    fill_object (obj, p, &objs[i]);
    if (p->instance_masks)
      nvinfersim_fill_instance_mask (obj, p->instance_mask_size);
    attach_classifier (batch, obj, p, i);
    nvds_add_obj_meta_to_frame (frame, obj, NULL);
  }
}

void
nvinfersim_attach_display (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p)
{
  NvDsDisplayMeta *d = nvds_acquire_display_meta_from_pool (batch);
  if (d == NULL)
    return;
  d->num_rects = 1;
  d->rect_params[0].left = (gfloat) p->width / 4.0f;
  d->rect_params[0].top = (gfloat) p->height / 4.0f;
  d->rect_params[0].width = (gfloat) p->width / 2.0f;
  d->rect_params[0].height = (gfloat) p->height / 2.0f;
  d->rect_params[0].border_width = 2;
  set_colour (&d->rect_params[0].border_color, 0.0, 1.0, 0.0, 1.0);
  d->num_labels = 1;
  fill_text (&d->text_params[0], g_strdup_printf ("Frame=%d Objects=%u",
          frame->frame_num, frame->num_obj_meta), 10, 12);
  d->num_lines = 1;
  d->line_params[0].x1 = 0;
  d->line_params[0].y1 = p->height / 2;
  d->line_params[0].x2 = p->width ? p->width - 1 : 0;
  d->line_params[0].y2 = p->height / 2;
  d->line_params[0].line_width = 2;
  set_colour (&d->line_params[0].line_color, 0.0, 0.0, 1.0, 1.0);
  nvds_add_display_meta_to_frame (frame, d);
}

void
nvinfersim_attach_all (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    const NvInferSimParams * p)
{
  NvInferSimObject *objs = g_new0 (NvInferSimObject, p->objects + 1);

  nvinfersim_detect (p, frame->frame_num, objs);
  nvinfersim_attach_objects (batch, frame, p, objs);
  nvinfersim_attach_display (batch, frame, p);
  if (p->segmentation_meta)
    nvinfersim_attach_segmentation (batch, frame, p, objs);
  if (p->tensor_meta)
    nvinfersim_attach_tensor (batch, frame, p, objs);
  g_free (objs);
}
