/* Golden case: parameter names the header omits or mistypes, supplied by
 * the spec, and further Python names for renamed structs. */
#ifndef RENAMES_H
#define RENAMES_H

/** One past position of a track. */
typedef struct {
  int frame_num;    /**< Frame number. */
  float confidence; /**< Confidence then. */
} RnTrackPoint;

/** A track and its past positions. */
typedef struct {
  RnTrackPoint *points; /**< @a count points. */
  unsigned count;       /**< Points in @a points. */
} RnTrack;

/** Opens a context; the header leaves the parameter unnamed. */
int rn_open(int);

/** Attaches a point; the header names the first parameter after another function's. */
void rn_attach(RnTrack *obj_meta, RnTrackPoint *point);

/** Scales a track; no parameter is named. */
int rn_scale(RnTrack *, int, float);

#endif
