/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * On-screen-display (OSD) value types: colours, fonts, text labels,
 * rectangles, masks, lines, arrows and circles drawn over video frames.
 *
 * These plain structs are embedded in object and display metadata
 * (see nvdsmeta.h), so their sizes and field order are part of the ABI.
 */

#ifndef BINDERY_NVLL_OSD_STRUCT_H
#define BINDERY_NVLL_OSD_STRUCT_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where OSD drawing is performed. */
typedef enum {
  MODE_CPU,  /**< Draw on the CPU (RGBA frames only). */
  MODE_GPU,  /**< Draw on the GPU. */
  MODE_NONE  /**< No explicit choice; treated as GPU drawing. */
} NvOSD_Mode;

/** Which ends of an arrow carry an arrow head. */
typedef enum {
  START_HEAD, /**< Head at the start point (x1, y1) only. */
  END_HEAD,   /**< Head at the end point (x2, y2) only. */
  BOTH_HEAD   /**< Heads at both ends. */
} NvOSD_Arrow_Head_Direction;

/** Axis-aligned box in pixels, before any clipping to the frame. */
typedef struct _NvBbox_Coords {
  float left;   /**< X of the left edge, in pixels. */
  float top;    /**< Y of the top edge, in pixels. */
  float width;  /**< Box width, in pixels. */
  float height; /**< Box height, in pixels. */
} NvBbox_Coords;

/** RGBA colour; every channel is a double between 0.0 and 1.0. */
typedef struct _NvOSD_ColorParams {
  double red;   /**< Red channel, 0.0 to 1.0. */
  double green; /**< Green channel, 0.0 to 1.0. */
  double blue;  /**< Blue channel, 0.0 to 1.0. */
  double alpha; /**< Opacity, 0.0 (transparent) to 1.0 (opaque). */
} NvOSD_ColorParams;

/** Font used to render a text label. */
typedef struct _NvOSD_FontParams {
  char *font_name;              /**< Font family name (a fontconfig name such as "Serif"); not owned by the struct. */
  unsigned int font_size;       /**< Font size in points. */
  NvOSD_ColorParams font_color; /**< Text colour. */
} NvOSD_FontParams;

/** One text label to draw on a frame. */
typedef struct _NvOSD_TextParams {
  char *display_text;           /**< NUL-terminated text to draw (heap string owned by the metadata). */
  unsigned int x_offset;        /**< X of the text origin, from the frame's left edge, in pixels. */
  unsigned int y_offset;        /**< Y of the text origin, from the frame's top edge, in pixels. */
  NvOSD_FontParams font_params; /**< Font, size and colour of the text. */
  int set_bg_clr;               /**< Non-zero when the text box is filled with @a text_bg_clr. */
  NvOSD_ColorParams text_bg_clr;/**< Fill colour behind the text, used when @a set_bg_clr is set. */
} NvOSD_TextParams;

/** A colour entry in a colour table, referenced by id. */
typedef struct _NvOSD_Color_info {
  int id;                  /**< Identifier of this colour entry. */
  NvOSD_ColorParams color; /**< The colour itself. */
} NvOSD_Color_info;

/** A rectangle to draw (border and optional fill). */
typedef struct _NvOSD_RectParams {
  float left;                     /**< X of the left edge, in pixels. */
  float top;                      /**< Y of the top edge, in pixels. */
  float width;                    /**< Width, in pixels. */
  float height;                   /**< Height, in pixels. */
  unsigned int border_width;      /**< Border thickness in pixels; 0 draws no border. */
  NvOSD_ColorParams border_color; /**< Border colour. */
  unsigned int has_bg_color;      /**< Non-zero when the rectangle is filled with @a bg_color. */
  unsigned int reserved;          /**< Reserved; keep zero. */
  NvOSD_ColorParams bg_color;     /**< Fill colour, used when @a has_bg_color is set. */
  int has_color_info;             /**< Non-zero when @a color_id selects a colour-table entry. */
  int color_id;                   /**< Colour-table entry id, used when @a has_color_info is set. */
  float rotation_angle;           /**< Rotation in degrees for oriented boxes; 0 for axis-aligned. */
} NvOSD_RectParams;

/** A per-pixel mask (e.g. instance segmentation) to overlay on an object. */
typedef struct _NvOSD_MaskParams {
  float *data;         /**< Mask values, row-major, @a width x @a height floats. */
  unsigned int size;   /**< Size of @a data in bytes. */
  float threshold;     /**< Values above this are treated as inside the mask. */
  unsigned int width;  /**< Mask width in elements. */
  unsigned int height; /**< Mask height in elements. */
} NvOSD_MaskParams;

/** A straight line segment to draw. */
typedef struct _NvOSD_LineParams {
  unsigned int x1;              /**< X of the start point, in pixels. */
  unsigned int y1;              /**< Y of the start point, in pixels. */
  unsigned int x2;              /**< X of the end point, in pixels. */
  unsigned int y2;              /**< Y of the end point, in pixels. */
  unsigned int line_width;      /**< Line thickness, in pixels. */
  NvOSD_ColorParams line_color; /**< Line colour. */
} NvOSD_LineParams;

/** An arrow to draw. */
typedef struct _NvOSD_ArrowParams {
  unsigned int x1;                       /**< X of the start point, in pixels. */
  unsigned int y1;                       /**< Y of the start point, in pixels. */
  unsigned int x2;                       /**< X of the end point, in pixels. */
  unsigned int y2;                       /**< Y of the end point, in pixels. */
  unsigned int arrow_width;              /**< Shaft thickness, in pixels. */
  NvOSD_Arrow_Head_Direction arrow_head; /**< Which ends carry a head. */
  NvOSD_ColorParams arrow_color;         /**< Arrow colour. */
  unsigned int reserved;                 /**< Reserved; keep zero. */
} NvOSD_ArrowParams;

/** A circle to draw. */
typedef struct _NvOSD_CircleParams {
  unsigned int xc;                /**< X of the centre, in pixels. */
  unsigned int yc;                /**< Y of the centre, in pixels. */
  unsigned int radius;            /**< Radius, in pixels. */
  NvOSD_ColorParams circle_color; /**< Outline colour. */
  unsigned int has_bg_color;      /**< Non-zero when the circle is filled with @a bg_color. */
  NvOSD_ColorParams bg_color;     /**< Fill colour, used when @a has_bg_color is set. */
  unsigned int circle_width;      /**< Outline thickness, in pixels. */
  unsigned int reserved;          /**< Reserved; keep zero. */
} NvOSD_CircleParams;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVLL_OSD_STRUCT_H */
