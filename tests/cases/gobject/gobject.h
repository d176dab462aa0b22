/* Golden case: GObject interop. Parameters that take PyGObject objects
 * (`gobject = "GstBuffer"`, `"GstElement"`), a result found on a buffer
 * (its view dies with the buffer's metas), and a GstMeta struct reached by
 * its API type (`buffer_meta_api`), and a `void*` the buffer keeps with a
 * C function pointer passed by address (`function_pointer = "address"`), and
 * an embedded struct without a class read as its address (`embedded`). The GStreamer types are declared here
 * as GStreamer declares them; nothing is linked. */
#ifndef GOLDEN_GOBJECT_H
#define GOLDEN_GOBJECT_H

#include "go_lock.h"

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

/** Boxes shared between elements, guarded by a lock. */
typedef struct {
    /** Lock of the list (a struct outside the bound headers). */
    GoRecMutex lock;
    /** Number of boxes. */
    unsigned int count;
} GoBoxList;

/** The API type of GoBoxMeta. */
GType go_box_meta_api_get_type(void);

/** Adds a box to a buffer; the meta lives as long as the buffer holds it. */
GoBoxMeta *go_buffer_add_box(GstBuffer *buffer, unsigned int x, unsigned int w);

/** Counts the boxes of a buffer. */
int go_buffer_count_boxes(GstBuffer *buffer);

/** Frees the data go_buffer_attach() attached. */
typedef void (*GoDataFree)(void *data);

/** Attaches @a data to a buffer, which frees it with @a free_func (a C
 *  function's address in Python); returns the meta carrying it, or NULL. */
GoBoxMeta *go_buffer_attach(GstBuffer *buffer, void *data, GoDataFree free_func);

/** Whether an element is playing; NULL gives 0. */
int go_element_is_playing(GstElement *element);

/** A frame descriptor a buffer's memory holds (as NVMM buffers hold theirs). */
typedef struct {
  unsigned int width;  /**< Columns. */
  unsigned int height; /**< Rows. */
} GoSurface;

/** Pixels of a frame descriptor. */
unsigned int go_surface_area(const GoSurface *surface);

#endif
