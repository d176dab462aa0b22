"""End to end: preprocess batch meta from `nvdspreprocesssim`, read the way
NVIDIA's deepstream-preprocess-test probe reads it: the batch user meta of
type NVDS_PREPROCESS_BATCH_META cast to GstNvDsPreProcessBatchMeta, its
`roi_vector` of NvDsRoiMeta views and its tensor meta (`tensor_shape`,
`tensor_name`, `data_type`). nvdspreprocess_meta.h is C++: the vectors and
the string come through the generated C++ shim, copied on read, and the
ROIs are views into the batch meta that die with the buffer."""

from __future__ import annotations

import pyds
import pytest
from ds_pipeline import chain, run_pipeline

W, H = 320, 240


def preprocess_metas(batch_meta):
    return [
        pyds.GstNvDsPreProcessBatchMeta.cast(user_meta.user_meta_data)
        for user_meta in batch_meta.batch_user_meta_list
        if user_meta.base_meta.meta_type == pyds.NvDsMetaType.NVDS_PREPROCESS_BATCH_META
    ]


def test_rois_and_tensor_as_the_sample_reads_them():
    seen = []

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        (meta,) = preprocess_metas(batch_meta)
        assert meta.target_unique_ids == [3]
        frame = pyds.NvDsFrameMeta.cast(batch_meta.frame_meta_list.data)
        rois = meta.roi_vector
        assert [type(r) for r in rois] == [pyds.NvDsRoiMeta] * 4
        assert [r.roi.left for r in rois] == [0, 80, 160, 240]
        assert all((r.roi.width, r.roi.height) == (80, 240) for r in rois)
        assert all(r.frame_meta.frame_num == frame.frame_num for r in rois)
        assert rois[0].scale_ratio_x == pytest.approx(32 / 80)
        tensor = meta.tensor_meta
        assert tensor.tensor_shape == [4, 3, 24, 32]
        assert tensor.tensor_name == "images"
        assert tensor.data_type == pyds.NvDsDataType.NvDsDataType_FP32
        assert tensor.buffer_size == 4 * 3 * 24 * 32 * 4
        assert tensor.maintain_aspect_ratio
        assert tensor.raw_tensor_buffer is not None
        seen.append(frame.frame_num)

    pre = "nvdspreprocesssim name=pre rois=4 network-width=32 network-height=24 target-unique-id=3 tensor-name=images"
    assert run_pipeline(chain(pre, buffers=5), probes={"pre": probe}) == 5
    assert seen == [0, 1, 2, 3, 4]


def test_values_are_copies_and_views_die_with_the_buffer():
    kept = {}

    def probe(buffer):
        (meta,) = preprocess_metas(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)))
        shape = meta.tensor_meta.tensor_shape
        shape.append(99)  # a copy: the C++ vector is unchanged
        assert meta.tensor_meta.tensor_shape == [2, 3, 16, 16]
        kept["roi"] = meta.roi_vector[1]
        kept["meta"] = meta

    run_pipeline(chain("nvdspreprocesssim name=pre", buffers=1), probes={"pre": probe})
    with pytest.raises(ReferenceError):
        kept["roi"].roi.left
    with pytest.raises(ReferenceError):
        kept["meta"].roi_vector
    with pytest.raises(ReferenceError):
        kept["meta"].tensor_meta


def test_cxx_members_are_read_only_and_classes_not_constructible():
    def probe(buffer):
        (meta,) = preprocess_metas(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)))
        with pytest.raises(AttributeError):
            meta.roi_vector = []
        with pytest.raises(AttributeError):
            meta.tensor_meta.tensor_name = "x"

    run_pipeline(chain("nvdspreprocesssim name=pre", buffers=1), probes={"pre": probe})
    with pytest.raises(TypeError):
        pyds.GstNvDsPreProcessBatchMeta()
    with pytest.raises(TypeError):
        pyds.NvDsAnalyticsFrameMeta()


def test_enums():
    assert pyds.NvDsDataType.NvDsDataType_FP16 == 7
    assert pyds.NvDsDataType_INT8 == pyds.NvDsDataType.NvDsDataType_INT8
    assert [m.name for m in pyds.NvDsUnitType] == ["NvDsUnitType_FullFrame", "NvDsUnitType_ROI", "NvDsUnitType_Object"]
