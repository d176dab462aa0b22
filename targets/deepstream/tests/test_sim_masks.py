"""End to end: instance masks in `obj.mask_params` from nvinfersim
(`output-instance-mask=true`), read as deepstream-segmask's probe reads
them: `get_mask_array()`, `width`, `height`, `threshold`, then resized to
the object's box and binarised at the threshold."""

from __future__ import annotations

import math

import numpy as np

import pyds
from ds_pipeline import chain, run_pipeline

SIZE = 28


def binarised_mask(mask_params, width, height):
    """Nearest-neighbour resize of the mask to width x height, 255 where >= threshold."""
    src = mask_params.get_mask_array().reshape(mask_params.height, mask_params.width)
    rows = np.minimum((np.arange(height) * mask_params.height / height).astype(int), mask_params.height - 1)
    cols = np.minimum((np.arange(width) * mask_params.width / width).astype(int), mask_params.width - 1)
    return np.where(src[np.ix_(rows, cols)] >= mask_params.threshold, 255, 0).astype(np.uint8)


def test_every_object_has_a_mask_over_its_box():
    masks = []

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        l_frame = batch_meta.frame_meta_list
        while l_frame is not None:
            frame_meta = pyds.NvDsFrameMeta.cast(l_frame.data)
            l_obj = frame_meta.obj_meta_list
            while l_obj is not None:
                obj_meta = pyds.NvDsObjectMeta.cast(l_obj.data)
                mask_params = obj_meta.mask_params
                values = mask_params.get_mask_array()
                assert (mask_params.width, mask_params.height) == (SIZE, SIZE)
                assert values.dtype == np.float32 and values.shape == (SIZE * SIZE,)
                assert mask_params.size == values.nbytes
                assert mask_params.threshold == 0.5
                r = obj_meta.rect_params
                masks.append(binarised_mask(mask_params, math.floor(r.width), math.floor(r.height)))
                l_obj = l_obj.next
            l_frame = l_frame.next

    assert run_pipeline(chain(f"nvinfersim name=infer objects=3 output-instance-mask=true instance-mask-size={SIZE}", buffers=2), probe) == 2
    assert len(masks) == 6
    for mask in masks:
        h, w = mask.shape
        assert mask[h // 2, w // 2] == 255  # the object's centre is inside
        assert mask[0, 0] == mask[0, -1] == mask[-1, 0] == mask[-1, -1] == 0  # box corners are not
        assert 0.2 < (mask == 255).mean() < 0.6  # an ellipse, not the whole box


def test_mask_array_is_zero_copy():
    """Two reads share the C mask; a write through the array reaches C."""
    centres = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        obj = pyds.NvDsObjectMeta.cast(frame.obj_meta_list.data)
        first = obj.mask_params.get_mask_array()
        second = obj.mask_params.get_mask_array()
        assert np.shares_memory(first, second)
        centres.append(float(first.reshape(8, 8)[4, 4]))
        first[:] = 0.0
        assert not obj.mask_params.get_mask_array().any()

    run_pipeline(chain("nvinfersim name=infer objects=1 output-instance-mask=true instance-mask-size=8", buffers=1), probe)
    assert centres and centres[0] > 0.5


def test_no_masks_unless_asked():
    sizes = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        for obj in frame.obj_meta_list:
            sizes.append((obj.mask_params.size, obj.mask_params.get_mask_array().size))

    run_pipeline(chain("nvinfersim name=infer objects=2", buffers=1), probe)
    assert sizes == [(0, 0), (0, 0)]
