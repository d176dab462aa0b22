/*
 * bindery DeepStream SDK stand-in: nvdsanalyticssim producer.
 *
 * Owns the analytics the nvdsanalyticssim element computes (one ROI with
 * occupancy and overcrowding, one counting line, compass direction of
 * motion; per stream, from the objects' bottom-centre points) and the
 * interface between that logic (nvdsanalyticssim_logic.c) and the one
 * module that knows the layout of the analytics payloads
 * (nvdsanalyticssim_meta.cpp, C++ like nvds_analytics_meta.h), so the
 * logic stays C.
 */
#ifndef BINDERY_NVDSANALYTICSSIM_H
#define BINDERY_NVDSANALYTICSSIM_H

#include "nvdsmeta.h"

G_BEGIN_DECLS

/** Most points of the ROI polygon. */
#define NVDSANALYTICSSIM_MAX_POINTS 32

/** A polygon (or, with 2 points, a segment) in frame pixels. */
typedef struct {
  guint n;                                  /* 0: use the default */
  gfloat x[NVDSANALYTICSSIM_MAX_POINTS];
  gfloat y[NVDSANALYTICSSIM_MAX_POINTS];
} NvAnalyticsSimShape;

/** Settings of one nvdsanalyticssim element. */
typedef struct {
  NvAnalyticsSimShape roi;      /* >= 3 points, or n = 0 */
  NvAnalyticsSimShape line;     /* 2 points, or n = 0 */
  const gchar *roi_label;
  const gchar *line_label;
  guint oc_threshold;           /* objects in the ROI for overcrowding; 0 off */
  guint unique_id;
} NvAnalyticsSimConfig;

/** Analytics of one object in one frame. */
typedef struct {
  gboolean in_roi;
  gboolean overcrowded;         /* in the ROI while it is overcrowded */
  gboolean crossed;             /* crossed the line since the last frame */
  const gchar *direction;       /* "North", "South", "East", "West" or NULL */
} NvAnalyticsSimObjResult;

/** One class and how many of its objects a frame has. */
typedef struct {
  gint class_id;
  guint count;
} NvAnalyticsSimClassCount;

/** Analytics of one frame. */
typedef struct {
  guint in_roi;                 /* objects in the ROI */
  gboolean overcrowded;
  guint64 crossed_now;          /* line crossings in this frame */
  guint64 crossed_total;        /* since start, this stream */
  NvAnalyticsSimClassCount *classes;
  guint num_classes;
} NvAnalyticsSimFrameResult;

/** Per-stream memory (last positions, cumulative counts). */
typedef struct _NvAnalyticsSimState NvAnalyticsSimState;

NvAnalyticsSimState *nvdsanalyticssim_state_new (void);
void nvdsanalyticssim_state_free (NvAnalyticsSimState * state);

/**
 * Parses "x1;y1;x2;y2;..." (pixels) into @out when it has between
 * @min_points and @max_points points; "" gives n = 0 (the default).
 * Returns FALSE (leaving @out untouched) otherwise.
 */
gboolean nvdsanalyticssim_parse_shape (const gchar * text, guint min_points,
    guint max_points, NvAnalyticsSimShape * out);

/** TRUE when (x, y) is inside polygon @roi (even-odd rule). */
gboolean nvdsanalyticssim_inside (const NvAnalyticsSimShape * roi, gfloat x,
    gfloat y);

/** TRUE when the move (x0, y0) -> (x1, y1) crosses segment @line. */
gboolean nvdsanalyticssim_crosses (const NvAnalyticsSimShape * line,
    gfloat x0, gfloat y0, gfloat x1, gfloat y1);

/**
 * Computes the analytics of every frame of @batch for a @width x @height
 * picture (default ROI: the centre rectangle of half the size; default
 * line: the horizontal middle line) and attaches the results.
 */
void nvdsanalyticssim_process (NvAnalyticsSimState * state,
    const NvAnalyticsSimConfig * config, NvDsBatchMeta * batch, guint width,
    guint height);

/* ---- nvdsanalyticssim_meta.cpp: the payload layout ---------------------- */

/** Attaches an object analytics user meta for @r to @obj. */
void nvdsanalyticssim_attach_object (NvDsBatchMeta * batch,
    NvDsObjectMeta * obj, const NvAnalyticsSimConfig * config,
    const NvAnalyticsSimObjResult * r);

/** Attaches a frame analytics user meta for @r to @frame. */
void nvdsanalyticssim_attach_frame (NvDsBatchMeta * batch,
    NvDsFrameMeta * frame, const NvAnalyticsSimConfig * config,
    const NvAnalyticsSimFrameResult * r);

G_END_DECLS

#endif /* BINDERY_NVDSANALYTICSSIM_H */
