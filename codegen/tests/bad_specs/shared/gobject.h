/* Shared header of the GObject bad specs: a copy of the golden case
 * `gobject` header (GstBuffer/GstElement parameters, a GstMeta struct). */
#ifndef GOLDEN_GOBJECT_H
#define GOLDEN_GOBJECT_H

typedef unsigned long GType;
typedef struct _GstBuffer GstBuffer;
typedef struct _GstElement GstElement;
typedef struct _GstMetaInfo GstMetaInfo;

/** The header of every buffer meta. */
typedef struct _GstMeta {
    unsigned int flags;
    const GstMetaInfo *info;
} GstMeta;

/** A box on a frame, attached to a buffer as a meta. */
typedef struct {
    GstMeta meta;
    /** Left edge in pixels. */
    unsigned int x;
    /** Width in pixels. */
    unsigned int w;
} GoBoxMeta;

/** The API type of GoBoxMeta. */
GType go_box_meta_api_get_type(void);

/** Adds a box to a buffer; the meta lives as long as the buffer holds it. */
GoBoxMeta *go_buffer_add_box(GstBuffer *buffer, unsigned int x, unsigned int w);

/** Counts the boxes of a buffer. */
int go_buffer_count_boxes(GstBuffer *buffer);

/** Whether an element is playing; NULL gives 0. */
int go_element_is_playing(GstElement *element);

/** Stores @a data on an element (which is not a buffer). */
int go_element_keep(GstElement *element, void *data);

/** A frame descriptor a buffer's memory holds. */
typedef struct {
  unsigned int width;  /**< Columns. */
  unsigned int height; /**< Rows. */
} GoSurface;

/** Pixels of a frame descriptor. */
unsigned int go_surface_area(const GoSurface *surface);

#endif
