"""End to end: classifier/label info, segmentation masks (zero-copy),
tensor output layers, and liveness of views after their GstBuffer is gone."""

from __future__ import annotations

import ctypes

import numpy as np
import pytest

import pyds
from ds_pipeline import run_pipeline, sim

COLOURS = {"red", "green", "blue", "white"}

get_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
get_capsule_pointer.restype = ctypes.c_void_p
get_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]


def frames(buffer):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    return list(batch.frame_meta_list)


def user_metas(frame, meta_type):
    out = []
    l_user = frame.frame_user_meta_list
    while l_user is not None:
        user_meta = pyds.NvDsUserMeta.cast(l_user.data)
        if user_meta.base_meta.meta_type == meta_type:
            out.append(user_meta)
        l_user = l_user.next
    return out


def test_classifier_and_label_info():
    labels = []

    def probe(buffer):
        for frame in frames(buffer):
            for obj in frame.obj_meta_list:
                l_class = obj.classifier_meta_list
                while l_class is not None:
                    cls = pyds.NvDsClassifierMeta.cast(l_class.data)
                    for label in cls.label_info_list:
                        labels.append((label.result_label, label.num_classes, cls.unique_component_id))
                    l_class = l_class.next

    run_pipeline(sim(buffers=2, objects=3), probe)
    assert len(labels) == 6
    assert {lab[0] for lab in labels} <= COLOURS


def test_segmentation_masks_are_zero_copy_and_match_objects():
    checked = []

    def probe(buffer):
        for frame in frames(buffer):
            metas = user_metas(frame, pyds.NvDsMetaType.NVDSINFER_SEGMENTATION_META)
            assert len(metas) == 1
            seg = pyds.NvDsInferSegmentationMeta.cast(metas[0].user_meta_data)
            masks = pyds.get_segmentation_masks(seg)
            assert masks.dtype == np.int32 and masks.shape == (seg.height, seg.width) == (48, 64)
            assert set(np.unique(masks)) <= {-1, 0, 1, 2, 3}
            assert (masks >= 0).any()
            # zero copy: the array's memory is the C class_map
            class_map = seg.class_map
            assert masks.ctypes.data == pyds.get_ptr(class_map)
            c_view = (ctypes.c_int32 * (64 * 48)).from_address(pyds.get_ptr(class_map))
            assert list(c_view[:64]) == masks[0].tolist()
            assert masks.base is not None
            checked.append(1)

    run_pipeline(sim(buffers=2, objects=4), probe)
    assert len(checked) == 2


def test_tensor_output_layers():
    found = []

    def probe(buffer):
        for frame in frames(buffer):
            metas = user_metas(frame, pyds.NvDsMetaType.NVDSINFER_TENSOR_OUTPUT_META)
            tensor = pyds.NvDsInferTensorMeta.cast(metas[0].user_meta_data)
            assert tensor.num_output_layers == 2
            names = []
            for i in range(tensor.num_output_layers):
                layer = pyds.get_nvds_LayerInfo(tensor, i)
                names.append(layer.layerName)
                assert layer.dataType == pyds.NvDsInferDataType.FLOAT
                assert layer.inferDims.numDims == layer.dims.numDims == 2
                n, k = layer.inferDims.d[:2]
                assert (n, k) == (frame.num_obj_meta, 4)
                ptr = ctypes.cast(pyds.get_ptr(layer.buffer), ctypes.POINTER(ctypes.c_float))
                # samples also read capsules with ctypes (unnamed capsules, as pyds)
                assert get_capsule_pointer(layer.buffer, None) == pyds.get_ptr(layer.buffer)
                values = [ptr[j] for j in range(n * k)]
                assert values[0] == pyds.get_detections(layer.buffer, 0)
                # the span `layer.buffer` recorded: numElements floats, no more
                assert values[-1] == pyds.get_detections(layer.buffer, n * k - 1)
                with pytest.raises(IndexError):
                    pyds.get_detections(layer.buffer, n * k)
                if layer.layerName == "output_bbox":
                    assert all(0.0 <= v <= 1.0 for v in values)
            assert tensor.output_layers_info(1).layerName == names[1]
            with pytest.raises(IndexError):
                pyds.get_nvds_LayerInfo(tensor, 2)
            with pytest.raises(IndexError):
                tensor.output_layers_info(-1)
            found.append(sorted(names))

    run_pipeline(sim(buffers=2, objects=3), probe)
    assert found == [["output_bbox", "output_cov"]] * 2


def test_views_raise_reference_error_after_buffer_is_gone():
    kept = {}

    def probe(buffer):
        if kept:
            return
        batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        l_frame = batch.frame_meta_list
        frame = pyds.NvDsFrameMeta.cast(l_frame.data)
        obj = pyds.NvDsObjectMeta.cast(frame.obj_meta_list.data)
        kept.update(batch=batch, l_frame=l_frame, frame=frame, obj=obj, rect=obj.rect_params, num=frame.frame_num)

    run_pipeline(sim(buffers=3, objects=2), probe)
    assert kept["num"] == 0
    for name in ("batch", "frame", "obj", "rect"):
        with pytest.raises(ReferenceError):
            repr(getattr(kept[name], "frame_meta_list" if name == "batch" else "left" if name == "rect" else "base_meta"))
    with pytest.raises(ReferenceError):
        kept["l_frame"].data
    with pytest.raises(ReferenceError):
        kept["obj"].class_id = 1


def test_view_is_alive_inside_the_probe_and_same_token_reused():
    def probe(buffer):
        a = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        b = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        assert a.address == b.address
        assert a.num_frames_in_batch == 1

    assert run_pipeline(sim(buffers=2), probe) == 2
