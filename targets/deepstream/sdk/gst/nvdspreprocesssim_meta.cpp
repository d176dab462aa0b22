/*
 * bindery DeepStream SDK stand-in: nvdspreprocesssim payloads.
 *
 * Owns the layout of nvdspreprocess_meta.h (C++: std::vector shapes, ids
 * and ROI lists, a std::string tensor name): builds the batch meta with
 * new, copies it with its copy constructor (and a copy of the tensor) and
 * frees it with delete, from the user meta's copy and release functions.
 */
#include <cstring>

#include "nvdspreprocess_meta.h"
#include "nvdspreprocesssim.h"

namespace {

/* One ROI: strip @i of @n of @frame, scaled to the network size. */
NvDsRoiMeta
strip (NvDsFrameMeta * frame, guint i, guint n, guint w, guint h,
    const NvPreProcessSimConfig * c)
{
  NvDsRoiMeta roi;
  std::memset (&roi, 0, sizeof roi);
  roi.roi.left = (gfloat) (w * i / n);
  roi.roi.top = 0;
  roi.roi.width = (gfloat) (w / n);
  roi.roi.height = (gfloat) h;
  roi.frame_meta = frame;
  roi.scale_ratio_x = (gdouble) c->width / roi.roi.width;
  roi.scale_ratio_y = (gdouble) c->height / roi.roi.height;
  return roi;
}

NvDsPreProcessTensorMeta *
tensor_new (guint units, const NvPreProcessSimConfig * c)
{
  auto *t = new NvDsPreProcessTensorMeta ();
  t->tensor_shape = {(int) units, 3, (int) c->height, (int) c->width};
  t->buffer_size = (guint64) units * 3 * c->height * c->width * sizeof (float);
  t->raw_tensor_buffer = g_malloc0 (t->buffer_size);
  t->data_type = NvDsDataType_FP32;
  t->tensor_name = c->tensor_name;
  t->maintain_aspect_ratio = TRUE;
  return t;
}

void
tensor_free (NvDsPreProcessTensorMeta * t)
{
  if (t == nullptr)
    return;
  g_free (t->raw_tensor_buffer);
  delete t;
}

gpointer
copy_batch (gpointer data, gpointer)
{
  auto *user = static_cast<NvDsUserMeta *>(data);
  auto *src = static_cast<const GstNvDsPreProcessBatchMeta *>(user->user_meta_data);
  auto *dst = new GstNvDsPreProcessBatchMeta (*src);
  if (src->tensor_meta != nullptr) {
    dst->tensor_meta = new NvDsPreProcessTensorMeta (*src->tensor_meta);
    dst->tensor_meta->raw_tensor_buffer =
        g_memdup2 (src->tensor_meta->raw_tensor_buffer, src->tensor_meta->buffer_size);
  }
  return dst;
}

void
release_batch (gpointer data, gpointer)
{
  auto *user = static_cast<NvDsUserMeta *>(data);
  auto *meta = static_cast<GstNvDsPreProcessBatchMeta *>(user->user_meta_data);
  if (meta != nullptr)
    tensor_free (meta->tensor_meta);
  delete meta;
  user->user_meta_data = nullptr;
}

}  // namespace

extern "C" void
nvdspreprocesssim_attach (NvDsBatchMeta * batch,
    const NvPreProcessSimConfig * config, guint width, guint height)
{
  guint n = config->rois > 0 ? config->rois : 1;
  auto *meta = new GstNvDsPreProcessBatchMeta ();
  meta->target_unique_ids = {config->target_id};
  for (GList * l = batch->frame_meta_list; l != nullptr; l = l->next)
    for (guint i = 0; i < n; i++)
      meta->roi_vector.push_back (strip (static_cast<NvDsFrameMeta *>(l->data),
              i, n, width, height, config));
  meta->tensor_meta = tensor_new ((guint) meta->roi_vector.size (), config);
  NvDsUserMeta *user = nvds_acquire_user_meta_from_pool (batch);
  if (user == nullptr) {
    tensor_free (meta->tensor_meta);
    delete meta;
    return;
  }
  user->user_meta_data = meta;
  user->base_meta.meta_type = NVDS_PREPROCESS_BATCH_META;
  user->base_meta.copy_func = copy_batch;
  user->base_meta.release_func = release_batch;
  nvds_add_user_meta_to_batch (batch, user);
}
