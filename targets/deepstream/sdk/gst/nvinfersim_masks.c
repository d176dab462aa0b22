/*
 * bindery DeepStream SDK stand-in: nvinfersim instance masks.
 *
 * Owns the per-object instance mask (NvDsObjectMeta::mask_params, what
 * nvinfer fills for instance-segmentation models with
 * output-instance-mask=1): a size x size float mask over the object's
 * box, row-major, allocated with g_malloc because the object's release
 * frees mask_params.data with g_free.
 */
#include "nvinfersim_synth.h"

/** Values at or above this are inside the object. */
#define MASK_THRESHOLD 0.5f

/* Mask value of cell (x, y): 1 at the centre of the box, falling to 0 at
 * the inscribed ellipse (1 - r^2), so the ellipse r^2 <= 0.5 is inside. */
static gfloat
cell_value (guint x, guint y, guint size)
{
  gfloat nx = (2.0f * ((gfloat) x + 0.5f) / (gfloat) size) - 1.0f;
  gfloat ny = (2.0f * ((gfloat) y + 0.5f) / (gfloat) size) - 1.0f;
  return MAX (0.0f, 1.0f - (nx * nx + ny * ny));
}

void
nvinfersim_fill_instance_mask (NvDsObjectMeta * obj, guint size)
{
  NvOSD_MaskParams *m = &obj->mask_params;
  gsize cells = (gsize) size * size;

  g_free (m->data);
  m->data = g_new (gfloat, cells);
  for (guint y = 0; y < size; y++)
    for (guint x = 0; x < size; x++)
      m->data[(gsize) y * size + x] = cell_value (x, y, size);
  m->size = (guint) (cells * sizeof (gfloat));
  m->width = size;
  m->height = size;
  m->threshold = MASK_THRESHOLD;
}
