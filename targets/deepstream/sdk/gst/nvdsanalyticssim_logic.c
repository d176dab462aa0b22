/*
 * bindery DeepStream SDK stand-in: nvdsanalyticssim analytics.
 *
 * Owns the analytics themselves: shape parsing, point-in-ROI and
 * line-crossing geometry, compass direction, and per-stream memory (each
 * tracked object's last bottom-centre point, cumulative crossings). An
 * object's position is the bottom centre of its rect_params, as
 * nvdsanalytics uses. Results go to nvdsanalyticssim_meta.cpp.
 */
#include <math.h>
#include <string.h>

#include "nvdsanalyticssim.h"

/** An object's previous position. */
typedef struct {
  guint64 id;
  gfloat x, y;
  guint64 seen;
} LastPoint;

/** Memory of one stream. */
typedef struct {
  GHashTable *points;           /* object_id -> LastPoint */
  guint64 crossed_total;
} StreamMemory;

struct _NvAnalyticsSimState
{
  GHashTable *streams;          /* pad_index -> StreamMemory */
  guint64 seq;
};

static void
stream_free (gpointer data)
{
  StreamMemory *m = data;
  g_hash_table_unref (m->points);
  g_free (m);
}

NvAnalyticsSimState *
nvdsanalyticssim_state_new (void)
{
  NvAnalyticsSimState *s = g_new0 (NvAnalyticsSimState, 1);
  s->streams = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
      stream_free);
  return s;
}

void
nvdsanalyticssim_state_free (NvAnalyticsSimState * state)
{
  if (state == NULL)
    return;
  g_hash_table_unref (state->streams);
  g_free (state);
}

gboolean
nvdsanalyticssim_parse_shape (const gchar * text, guint min_points,
    guint max_points, NvAnalyticsSimShape * out)
{
  gchar **parts = g_strsplit (text != NULL ? text : "", ";", -1);
  NvAnalyticsSimShape shape = { 0 };
  gfloat values[2 * NVDSANALYTICSSIM_MAX_POINTS];
  guint n = 0;
  gboolean ok = TRUE;

  for (guint i = 0; ok && parts[i] != NULL; i++) {
    gchar *s = g_strstrip (parts[i]), *end = NULL;
    if (s[0] == '\0')
      continue;
    gdouble v = g_ascii_strtod (s, &end);
    ok = *end == '\0' && isfinite (v) && n < G_N_ELEMENTS (values);
    if (ok)
      values[n++] = (gfloat) v;
  }
  g_strfreev (parts);
  if (!ok || n % 2 != 0 || (n > 0 && (n / 2 < min_points
              || n / 2 > max_points)))
    return FALSE;
  shape.n = n / 2;
  for (guint i = 0; i < shape.n; i++) {
    shape.x[i] = values[2 * i];
    shape.y[i] = values[2 * i + 1];
  }
  *out = shape;
  return TRUE;
}

gboolean
nvdsanalyticssim_inside (const NvAnalyticsSimShape * roi, gfloat x, gfloat y)
{
  gboolean inside = FALSE;
  for (guint i = 0, j = roi->n - 1; i < roi->n; j = i++) {
    gboolean spans = (roi->y[i] > y) != (roi->y[j] > y);
    if (spans && x < (roi->x[j] - roi->x[i]) * (y - roi->y[i])
        / (roi->y[j] - roi->y[i]) + roi->x[i])
      inside = !inside;
  }
  return inside;
}

/* Sign of the cross product (b - a) x (p - a): which side of a->b p is on. */
static gint
side (gfloat ax, gfloat ay, gfloat bx, gfloat by, gfloat px, gfloat py)
{
  gdouble c = ((gdouble) bx - ax) * ((gdouble) py - ay)
      - ((gdouble) by - ay) * ((gdouble) px - ax);
  return (c > 0) - (c < 0);
}

gboolean
nvdsanalyticssim_crosses (const NvAnalyticsSimShape * line, gfloat x0,
    gfloat y0, gfloat x1, gfloat y1)
{
  gfloat lx0 = line->x[0], ly0 = line->y[0], lx1 = line->x[1],
      ly1 = line->y[1];
  gint s0 = side (lx0, ly0, lx1, ly1, x0, y0);
  gint s1 = side (lx0, ly0, lx1, ly1, x1, y1);
  if (s0 * s1 >= 0)             /* same side, or starts/ends on the line */
    return FALSE;
  return side (x0, y0, x1, y1, lx0, ly0) * side (x0, y0, x1, y1, lx1,
      ly1) <= 0;
}

/* Compass direction of a move in image coordinates (y grows down). */
static const gchar *
direction (gfloat dx, gfloat dy)
{
  if (fabsf (dx) < 1e-3f && fabsf (dy) < 1e-3f)
    return NULL;
  if (fabsf (dy) >= fabsf (dx))
    return dy > 0 ? "South" : "North";
  return dx > 0 ? "East" : "West";
}

/* @config with default shapes filled in for a @w x @h picture. */
static NvAnalyticsSimConfig
resolve (const NvAnalyticsSimConfig * config, guint w, guint h)
{
  NvAnalyticsSimConfig c = *config;
  if (c.roi.n == 0) {
    gfloat x0 = w / 4.0f, x1 = 3 * w / 4.0f, y0 = h / 4.0f, y1 = 3 * h / 4.0f;
    c.roi = (NvAnalyticsSimShape) { 4, {x0, x1, x1, x0}, {y0, y0, y1, y1} };
  }
  if (c.line.n == 0)
    c.line = (NvAnalyticsSimShape) { 2, {0.0f, (gfloat) w},
      {h / 2.0f, h / 2.0f} };
  return c;
}

static StreamMemory *
stream_memory (NvAnalyticsSimState * s, guint pad_index)
{
  gpointer key = GUINT_TO_POINTER (pad_index);
  StreamMemory *m = g_hash_table_lookup (s->streams, key);
  if (m == NULL) {
    m = g_new0 (StreamMemory, 1);
    m->points = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
        g_free);
    g_hash_table_insert (s->streams, key, m);
  }
  return m;
}

static void
anchor (const NvDsObjectMeta * o, gfloat * x, gfloat * y)
{
  *x = o->rect_params.left + o->rect_params.width / 2.0f;
  *y = o->rect_params.top + o->rect_params.height;
}

/* Motion of @o since its last frame (direction, crossing); remembers it. */
static void
track_motion (StreamMemory * m, const NvAnalyticsSimConfig * c,
    const NvDsObjectMeta * o, guint64 seq, NvAnalyticsSimObjResult * r)
{
  gfloat x, y;
  anchor (o, &x, &y);
  if (o->object_id == UNTRACKED_OBJECT_ID)
    return;
  LastPoint *p = g_hash_table_lookup (m->points, &o->object_id);
  if (p != NULL && p->seen == seq)      /* duplicate id in this frame */
    return;
  if (p != NULL) {
    r->crossed = nvdsanalyticssim_crosses (&c->line, p->x, p->y, x, y);
    r->direction = direction (x - p->x, y - p->y);
  } else {
    p = g_new0 (LastPoint, 1);
    p->id = o->object_id;
    g_hash_table_insert (m->points, &p->id, p);
  }
  p->x = x;
  p->y = y;
  p->seen = seq;
}

static void
count_class (GArray * classes, gint class_id)
{
  for (guint i = 0; i < classes->len; i++) {
    NvAnalyticsSimClassCount *c =
        &g_array_index (classes, NvAnalyticsSimClassCount, i);
    if (c->class_id == class_id) {
      c->count++;
      return;
    }
  }
  NvAnalyticsSimClassCount fresh = { class_id, 1 };
  g_array_append_val (classes, fresh);
}

static gboolean
is_stale (gpointer key, gpointer value, gpointer seq)
{
  (void) key;
  return ((LastPoint *) value)->seen != *(guint64 *) seq;
}

/* Measures @frame's objects into @res (one per object) and @fr. */
static void
measure_frame (StreamMemory * m, const NvAnalyticsSimConfig * c,
    const NvDsFrameMeta * frame, guint64 seq, NvAnalyticsSimObjResult * res,
    NvAnalyticsSimFrameResult * fr, GArray * classes)
{
  guint i = 0;
  for (GList * l = frame->obj_meta_list; l != NULL; l = l->next, i++) {
    const NvDsObjectMeta *o = l->data;
    gfloat x, y;
    anchor (o, &x, &y);
    res[i].in_roi = nvdsanalyticssim_inside (&c->roi, x, y);
    fr->in_roi += res[i].in_roi;
    track_motion (m, c, o, seq, &res[i]);
    fr->crossed_now += res[i].crossed;
    count_class (classes, o->class_id);
  }
  g_hash_table_foreach_remove (m->points, is_stale, &seq);
  fr->overcrowded = c->oc_threshold > 0 && fr->in_roi >= c->oc_threshold;
  m->crossed_total += fr->crossed_now;
  fr->crossed_total = m->crossed_total;
  fr->classes = (NvAnalyticsSimClassCount *) classes->data;
  fr->num_classes = classes->len;
}

static void
process_frame (NvAnalyticsSimState * s, const NvAnalyticsSimConfig * c,
    NvDsBatchMeta * batch, NvDsFrameMeta * frame)
{
  StreamMemory *m = stream_memory (s, frame->pad_index);
  guint n = g_list_length (frame->obj_meta_list), i = 0;
  NvAnalyticsSimObjResult *res = g_new0 (NvAnalyticsSimObjResult, n + 1);
  NvAnalyticsSimFrameResult fr = { 0 };
  GArray *classes = g_array_new (FALSE, TRUE,
      sizeof (NvAnalyticsSimClassCount));

  measure_frame (m, c, frame, ++s->seq, res, &fr, classes);
  for (GList * l = frame->obj_meta_list; l != NULL; l = l->next, i++) {
    res[i].overcrowded = fr.overcrowded && res[i].in_roi;
    nvdsanalyticssim_attach_object (batch, l->data, c, &res[i]);
  }
  nvdsanalyticssim_attach_frame (batch, frame, c, &fr);
  g_array_unref (classes);
  g_free (res);
}

void
nvdsanalyticssim_process (NvAnalyticsSimState * state,
    const NvAnalyticsSimConfig * config, NvDsBatchMeta * batch, guint width,
    guint height)
{
  NvAnalyticsSimConfig c = resolve (config, width, height);
  for (GList * l = batch->frame_meta_list; l != NULL; l = l->next)
    process_frame (state, &c, batch, l->data);
}
