/*
 * bindery DeepStream SDK stand-in: base class of the simulator elements.
 *
 * Owns what every simulator element shares: an in-place GstBaseTransform
 * on raw video (any format, any memory) that learns the frame size from
 * the caps, counts buffers from 0 at start, and hands each buffer to the
 * subclass's process() with the buffer's batch meta locked. It also owns
 * the batch/frame helpers for elements that start a batch themselves, as
 * nvstreammux does in a real pipeline. It does not decide what metadata
 * is attached: that is each subclass's job.
 */
#ifndef BINDERY_NVSIM_FILTER_H
#define BINDERY_NVSIM_FILTER_H

#include <gst/base/gstbasetransform.h>

#include "nvdsmeta.h"

G_BEGIN_DECLS

#define GST_TYPE_NVSIM_FILTER (gst_nvsim_filter_get_type ())
G_DECLARE_DERIVABLE_TYPE (GstNvSimFilter, gst_nvsim_filter, GST, NVSIM_FILTER,
    GstBaseTransform)

/**
 * GstNvSimFilterClass:
 * @reset: called on start, before the first buffer (streaming stopped).
 * @process: called for every buffer with @batch locked. @batch is the
 *     buffer's batch meta; NULL when the buffer has none and the class
 *     does not create batches (see @creates_batch).
 * @creates_batch: when TRUE a buffer without batch meta gets a new
 *     one-frame-capacity batch before process() (as after nvstreammux).
 */
struct _GstNvSimFilterClass
{
  GstBaseTransformClass parent_class;
  void (*reset) (GstNvSimFilter * self);
  void (*process) (GstNvSimFilter * self, GstBuffer * buf,
      NvDsBatchMeta * batch);
  gboolean creates_batch;
};

/** Frame width and height from the negotiated caps (0 before caps). */
void gst_nvsim_filter_get_size (GstNvSimFilter * self, guint * width,
    guint * height);

/** Number of buffers processed since start (the current buffer's index). */
gint gst_nvsim_filter_get_count (GstNvSimFilter * self);

/**
 * The batch's first frame, or a new frame for @buf (frame_num = @frame_num,
 * source_id = pad_index = @source_id, size from the caps) added to @batch.
 * NULL when the batch is full.
 */
NvDsFrameMeta *gst_nvsim_filter_ensure_frame (GstNvSimFilter * self,
    NvDsBatchMeta * batch, GstBuffer * buf, gint frame_num, guint source_id);

G_END_DECLS

#endif /* BINDERY_NVSIM_FILTER_H */
