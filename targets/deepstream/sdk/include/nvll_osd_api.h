/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * On-screen-display drawing API: per-frame lists of shapes to draw on a
 * surface and the functions of an OSD context that draw them.
 */

#ifndef BINDERY_NVLL_OSD_API_H
#define BINDERY_NVLL_OSD_API_H

#include <stdio.h>

#include "nvll_osd_struct.h"
#include "nvbufsurface.h"

/** Prints an OSD error message with the source line to stdout. */
#define NVOSD_PRINT_E(f_, ...) \
  printf ("libnvosd (%d):(ERROR) : " f_, __LINE__, ##__VA_ARGS__)

/** Maximum number of input buffers of an OSD context. */
#define MAX_IN_BUF 16
/** Maximum border width, in pixels. */
#define MAX_BORDER_WIDTH 32

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque handle of an OSD context. */
typedef void *NvOSDCtxHandle;

/** Text labels to draw on one frame. */
typedef struct _NvOSD_FrameTextParams {
  NvBufSurfaceParams *buf_ptr;        /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                    /**< Drawing mode. */
  int num_strings;                    /**< Entries in @a text_params_list. */
  NvOSD_TextParams *text_params_list; /**< The labels. */
  NvBufSurface *surf;                 /**< Batch holding the frame. */
} NvOSD_FrameTextParams;

/** Rectangles to draw on one frame. */
typedef struct _NvOSD_FrameRectParams {
  NvBufSurfaceParams *buf_ptr;        /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                    /**< Drawing mode. */
  int num_rects;                      /**< Entries in @a rect_params_list. */
  NvOSD_RectParams *rect_params_list; /**< The rectangles. */
  NvOSD_MaskParams *mask_params_list; /**< Masks of the rectangles, or NULL. */
  NvBufSurface *surf;                 /**< Batch holding the frame. */
} NvOSD_FrameRectParams;

/** Segmentation masks to draw on one frame. */
typedef struct _NvOSD_FrameSegmentMaskParams {
  NvBufSurfaceParams *buf_ptr;        /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                    /**< Drawing mode. */
  int num_segments;                   /**< Entries in the two lists. */
  NvOSD_RectParams *rect_params_list; /**< Box of each mask. */
  NvOSD_MaskParams *mask_params_list; /**< The masks. */
  NvBufSurface *surf;                 /**< Batch holding the frame. */
} NvOSD_FrameSegmentMaskParams;

/** Lines to draw on one frame. */
typedef struct _NvOSD_FrameLineParams {
  NvBufSurfaceParams *buf_ptr;        /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                    /**< Drawing mode. */
  int num_lines;                      /**< Entries in @a line_params_list. */
  NvOSD_LineParams *line_params_list; /**< The lines. */
  NvBufSurface *surf;                 /**< Batch holding the frame. */
} NvOSD_FrameLineParams;

/** Arrows to draw on one frame. */
typedef struct _NvOSD_FrameArrowParams {
  NvBufSurfaceParams *buf_ptr;          /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                      /**< Drawing mode. */
  int num_arrows;                       /**< Entries in @a arrow_params_list. */
  NvOSD_ArrowParams *arrow_params_list; /**< The arrows. */
  NvBufSurface *surf;                   /**< Batch holding the frame. */
} NvOSD_FrameArrowParams;

/** Circles to draw on one frame. */
typedef struct _NvOSD_FrameCircleParams {
  NvBufSurfaceParams *buf_ptr;            /**< Frame surface (deprecated; use @a surf). */
  NvOSD_Mode mode;                        /**< Drawing mode. */
  int num_circles;                        /**< Entries in @a circle_params_list. */
  NvOSD_CircleParams *circle_params_list; /**< The circles. */
  NvBufSurface *surf;                     /**< Batch holding the frame. */
} NvOSD_FrameCircleParams;

/** Creates an OSD context. @return The context, or NULL on failure. */
NvOSDCtxHandle nvll_osd_create_context (void);

/** Destroys an OSD context. @param nvosd_ctx The context. */
void nvll_osd_destroy_context (NvOSDCtxHandle nvosd_ctx);

/** Sets (or, with NULL, disables) the clock drawn by nvll_osd_put_text(). @param nvosd_ctx The context. @param clk_params Clock text parameters, or NULL. */
void nvll_osd_set_clock_params (NvOSDCtxHandle nvosd_ctx, NvOSD_TextParams *clk_params);

/** Draws text labels (and the clock). @param nvosd_ctx The context. @param frame_text_params The labels. @return 0 on success, -1 on failure. */
int nvll_osd_put_text (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameTextParams *frame_text_params);

/** Draws segmentation masks. @param nvosd_ctx The context. @param frame_mask_params The masks. @return 0 on success, -1 on failure. */
int nvll_osd_draw_segment_masks (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameSegmentMaskParams *frame_mask_params);

/** Blurs rectangles. @param nvosd_ctx The context. @param frame_rect_params The rectangles. @return 0 on success, -1 on failure. */
int nvll_osd_blur_rectangles (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameRectParams *frame_rect_params);

/** Draws rectangles (border and/or fill). @param nvosd_ctx The context. @param frame_rect_params The rectangles. @return 0 on success, -1 on failure. */
int nvll_osd_draw_rectangles (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameRectParams *frame_rect_params);

/** Draws lines. @param nvosd_ctx The context. @param frame_line_params The lines. @return 0 on success, -1 on failure. */
int nvll_osd_draw_lines (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameLineParams *frame_line_params);

/** Draws arrows. @param nvosd_ctx The context. @param frame_arrow_params The arrows. @return 0 on success, -1 on failure. */
int nvll_osd_draw_arrows (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameArrowParams *frame_arrow_params);

/** Draws circles. @param nvosd_ctx The context. @param frame_circle_params The circles. @return 0 on success, -1 on failure. */
int nvll_osd_draw_circles (NvOSDCtxHandle nvosd_ctx, NvOSD_FrameCircleParams *frame_circle_params);

/** Sets the frame size the context works on. @param nvosd_ctx The context. @param width Frame width. @param height Frame height. @return Internal state pointer, or NULL. */
void *nvll_osd_set_params (NvOSDCtxHandle nvosd_ctx, int width, int height);

/** Loads a colour table for hardware blending. @param nvosd_ctx The context. @param color_info The colours. @param num_classes Entries in @a color_info. @return 0 on success, -1 on failure. */
int nvll_osd_init_colors_for_hw_blend (void *nvosd_ctx, NvOSD_Color_info *color_info, int num_classes);

/** Applies the queued drawing to a surface. @param nvosd_ctx The context. @param buf_ptr Frame surface (deprecated). @param surf Batch. @return 0 on success, -1 on failure. */
int nvll_osd_apply (NvOSDCtxHandle nvosd_ctx, NvBufSurfaceParams *buf_ptr, NvBufSurface *surf);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVLL_OSD_API_H */
