"""DESIGN §3 bad-input behaviour at the pyds surface: every wrong value
raises a Python exception (never a crash, never silent truncation)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import pyds


@pytest.fixture
def obj(batch):
    return pyds.nvds_acquire_obj_meta_from_pool(batch)


def test_char_array_bounds_and_nul(obj):
    obj.obj_label = "person"
    obj.obj_label = "car"
    assert obj.obj_label == "car"  # pyds reads back 'carson'
    obj.obj_label = "x" * 127
    assert obj.obj_label == "x" * 127
    with pytest.raises(ValueError, match="char\\[128\\]"):
        obj.obj_label = "y" * 128
    assert obj.obj_label == "x" * 127  # unchanged after the refused write
    with pytest.raises(TypeError):
        obj.obj_label = 5
    with pytest.raises(ValueError):
        obj.obj_label = "a\0b"


def test_integer_width_and_type(obj):
    obj.class_id = -(2**31)
    with pytest.raises(OverflowError):
        obj.class_id = 2**31
    with pytest.raises(OverflowError):
        obj.object_id = -1
    obj.object_id = 2**64 - 1
    assert obj.object_id == 2**64 - 1
    with pytest.raises(TypeError):
        obj.class_id = 1.5
    with pytest.raises(TypeError):
        obj.class_id = "3"
    with pytest.raises(TypeError):
        obj.confidence = "high"
    obj.confidence = 1
    assert obj.confidence == 1.0


def test_int64_arrays_are_64_bit(obj):
    values = [5, 0x100000007, -1, 2**62]
    obj.misc_obj_info[:] = values
    assert obj.misc_obj_info.dtype == np.int64
    assert obj.misc_obj_info.tolist() == values  # pyds shows int32 halves [5 0 7 1]
    obj.reserved = [1, 2, 3, 4]
    assert obj.reserved.tolist() == [1, 2, 3, 4]
    with pytest.raises(ValueError):
        obj.reserved = [1, 2, 3]


def test_enum_fields(batch):
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    user.base_meta.meta_type = pyds.NvDsMetaType.NVDS_EVENT_MSG_META
    assert user.base_meta.meta_type is pyds.NvDsMetaType.NVDS_EVENT_MSG_META
    custom = pyds.nvds_get_user_meta_type("NVIDIA.X.Y")
    user.base_meta.meta_type = custom  # open enum: user types are not members
    assert user.base_meta.meta_type == custom
    with pytest.raises(TypeError):
        user.base_meta.meta_type = "NVDS_EVENT_MSG_META"
    with pytest.raises(OverflowError):
        user.base_meta.meta_type = 2**40
    arrow = pyds.NvOSD_ArrowParams()
    with pytest.raises(ValueError):
        arrow.arrow_head = 99  # closed enum
    arrow.arrow_head = pyds.END_HEAD
    assert arrow.arrow_head == pyds.NvOSD_Arrow_Head_Direction.END_HEAD


def test_owned_strings_replace_and_none():
    text = pyds.NvOSD_TextParams()
    assert text.display_text is None
    text.display_text = "first"
    text.display_text = "second"
    assert text.display_text == "second"
    text.display_text = None
    assert text.display_text is None
    with pytest.raises(TypeError):
        text.display_text = 3


def test_interned_font_name_shared():
    a, b = pyds.NvOSD_FontParams(), pyds.NvOSD_FontParams()
    a.font_name = "Serif"
    b.font_name = "Serif"
    assert a.font_name == b.font_name == "Serif"


def test_cast_address_forms(obj):
    by_int = pyds.NvDsObjectMeta.cast(obj.address)
    assert by_int.address == obj.address
    with pytest.raises(TypeError):
        pyds.NvDsObjectMeta.cast(None)
    with pytest.raises(ValueError):
        pyds.NvDsObjectMeta.cast(0)
    with pytest.raises(TypeError):
        pyds.NvDsObjectMeta.cast("0x1234")
    with pytest.raises(OverflowError):
        pyds.NvDsObjectMeta.cast(-5)


def test_null_pointer_fields_read_none(batch):
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    assert frame.obj_meta_list is None
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    assert obj.parent is None
    assert pyds.NvDsUserMeta().user_meta_data is None


def test_function_argument_types(batch):
    with pytest.raises(TypeError):
        pyds.nvds_add_frame_meta_to_batch(batch, "frame")
    with pytest.raises(TypeError):
        pyds.nvds_acquire_frame_meta_from_pool(None)
    with pytest.raises(TypeError):
        pyds.gst_buffer_get_nvds_batch_meta("buffer")
    assert pyds.gst_buffer_get_nvds_batch_meta(0) is None
    o = pyds.NvDsObjectMeta()
    with pytest.raises(TypeError, match="not a GstBuffer"):
        pyds.gst_buffer_get_nvds_batch_meta(o.address)  # mapped memory that is no GstBuffer


def test_helper_bounds():
    with pytest.raises(ValueError):
        pyds.alloc_buffer(0)
    with pytest.raises(ValueError):
        pyds.alloc_buffer(-4)
    with pytest.raises(ValueError):
        pyds.get_string(0)
    buf = pyds.alloc_buffer(16)
    with pytest.raises(ValueError):
        pyds.generate_ts_rfc3339(buf, 0)
    pyds.generate_ts_rfc3339(buf, 8)
    assert len(pyds.get_string(buf)) == 7  # truncated to the given size, NUL-terminated
    pyds.free_buffer(buf)
    with pytest.raises(ValueError):
        pyds.get_detections(0, 0)
    seg = pyds.NvDsInferSegmentationMeta()
    # The sizes the mask helpers trust are read-only (spec), so a script
    # cannot make them read past class_map.
    with pytest.raises(AttributeError):
        seg.width = 4
    assert pyds.get_segmentation_masks(seg).shape == (0, 0)  # NULL map, empty shape


def test_null_buffer_address_before_gstreamer_is_loaded():
    # `0` is NULL even in a process that has not loaded GObject yet (the
    # type check that needs it never runs for NULL): None, not TypeError.
    code = (
        "import sys, pyds\n"
        "assert 'gi' not in sys.modules\n"
        "assert pyds.gst_buffer_get_nvds_batch_meta(0) is None\n"
        "assert pyds.gst_buffer_get_nvds_batch_meta(None) is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
