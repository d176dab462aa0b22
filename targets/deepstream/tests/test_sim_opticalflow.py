"""End to end: optical-flow metadata from `nvofsim`, read as
deepstream-opticalflow's probe reads it (every frame user meta cast to
NvDsOpticalFlowMeta, `pyds.get_optical_flow_vectors(...)` reshaped to
rows x cols x 2), and compared with the motion of the objects of the same
synthetic scene."""

from __future__ import annotations

import ctypes
import math

import numpy as np
import pytest

import pyds
from ds_pipeline import chain, run_pipeline

GRID = 4
SCENE = "objects=3 seed=5"


def flow_fields(frame_meta):
    """The sample's loop: each frame user meta as optical flow, vectors as (rows, cols, 2)."""
    fields = []
    l_user = frame_meta.frame_user_meta_list
    while l_user is not None:
        of_user_meta = pyds.NvDsUserMeta.cast(l_user.data)
        of_meta = pyds.NvDsOpticalFlowMeta.cast(of_user_meta.user_meta_data)
        assert of_user_meta.base_meta.meta_type == pyds.NvDsMetaType.NVDS_OPTICAL_FLOW_META
        flow_vectors = pyds.get_optical_flow_vectors(of_meta)
        fields.append((of_meta, flow_vectors.reshape(of_meta.rows, of_meta.cols, 2)))
        l_user = l_user.next
    return fields


def fixed_point(pixels):
    """Pixels in S10.5 units, rounded half away from zero (C's roundf)."""
    return int(math.copysign(math.floor(abs(pixels) * 32 + 0.5), pixels))


def covering(boxes, x, y):
    return [i for i, (left, top, width, height) in enumerate(boxes) if left <= x < left + width and top <= y < top + height]


def test_nvofsim_alone_starts_the_batch():
    """As in the sample, optical flow runs straight after the muxer: no detector."""
    shapes = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        ((of_meta, field),) = flow_fields(frame)
        assert of_meta.frame_num == frame.frame_num
        assert of_meta.mv_size == of_meta.rows * of_meta.cols * 4
        assert field.dtype == np.float32
        if frame.frame_num == 0:
            assert not field.any()
        shapes.append(field.shape)

    run_pipeline(chain(f"nvofsim name=of {SCENE}", buffers=3), probes={"of": probe})
    assert shapes == [(240 // GRID, 320 // GRID, 2)] * 3


def test_vectors_are_the_motion_of_the_objects():
    previous = {}
    checked = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        ((_, field),) = flow_fields(frame)
        ids = [obj.object_id for obj in frame.obj_meta_list]
        boxes = [(o.rect_params.left, o.rect_params.top, o.rect_params.width, o.rect_params.height) for o in frame.obj_meta_list]
        for row in range(field.shape[0]):
            for col in range(field.shape[1]):
                hits = covering(boxes, (col + 0.5) * GRID, (row + 0.5) * GRID)
                if not hits:
                    assert field[row, col].tolist() == [0.0, 0.0]
                if len(hits) != 1 or ids[hits[0]] not in previous:
                    continue
                before = previous[ids[hits[0]]]
                now = boxes[hits[0]]
                expected = [fixed_point(now[0] - before[0]), fixed_point(now[1] - before[1])]
                assert field[row, col].tolist() == expected
                checked.append(expected != [0, 0])
        previous.update(zip(ids, boxes))

    # no tensor/segmentation meta: the sample casts every frame user meta to optical flow
    infer = f"nvinfersim name=infer {SCENE} output-tensor-meta=false segmentation-meta=false"
    assert run_pipeline(chain(f"nvofsim {SCENE}", infer, buffers=10), probe) == 10
    assert len(checked) > 500 and any(checked)


def test_flow_vectors_are_a_new_flat_float32_array_of_the_int16_pairs():
    pairs = (ctypes.c_int16 * 8)(1, -2, 3, -4, 32767, -32768, 0, 5)
    meta = pyds.NvDsOpticalFlowMeta()
    meta.data = ctypes.addressof(pairs)
    ctypes.c_uint.from_address(meta.address + 0).value = 2  # rows (read-only from Python)
    ctypes.c_uint.from_address(meta.address + 4).value = 2  # cols
    vectors = pyds.get_optical_flow_vectors(meta)
    assert vectors.dtype == np.float32 and vectors.shape == (8,)
    assert vectors.tolist() == [1.0, -2.0, 3.0, -4.0, 32767.0, -32768.0, 0.0, 5.0]
    pairs[0] = 9
    assert vectors[0] == 1.0  # a copy, not a view
    meta.data = None
    with pytest.raises(ValueError):
        pyds.get_optical_flow_vectors(meta)  # NULL data for a 2 x 2 grid
