"""Liveness of batch views on a GstBuffer made in Python: the batch attached
with `gst_buffer_add_nvds_meta` dies when the buffer is finalized, and every
view of it (also through capsules passed to `cast`) raises ReferenceError."""

from __future__ import annotations

import ctypes
import gc
from pathlib import Path

import pytest

import pyds
from ds_pipeline import Gst

LIB = ctypes.CDLL(str(Path(__file__).resolve().parents[3] / "build" / "sdk" / "src" / "libnvdsgst_meta.so"))


def buffer_with_batch():
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    batch = pyds.nvds_create_batch_meta(1)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    frame.frame_num = 42
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    copy = ctypes.cast(LIB.nvds_batch_meta_copy_func, ctypes.c_void_p).value
    release = ctypes.cast(LIB.nvds_batch_meta_release_func, ctypes.c_void_p).value
    meta = pyds.gst_buffer_add_nvds_meta(hash(buffer), batch, None, copy, release)
    assert meta is not None
    meta.meta_type = pyds.GstNvDsMetaType.NVDS_BATCH_GST_META
    return buffer


def test_views_die_with_a_finalized_buffer():
    buffer = buffer_with_batch()
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    data = batch.frame_meta_list.data
    frame = pyds.NvDsFrameMeta.cast(data)
    assert frame.frame_num == 42
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        frame.frame_num
    with pytest.raises(ReferenceError):
        pyds.NvDsFrameMeta.cast(data).frame_num  # the capsule carries the token
    with pytest.raises(ReferenceError):
        batch.frame_meta_list


def test_copied_buffer_has_its_own_live_batch():
    buffer = buffer_with_batch()
    original = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    duplicate = buffer.copy_deep()
    copied = pyds.gst_buffer_get_nvds_batch_meta(hash(duplicate))
    assert copied.address != original.address
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        original.num_frames_in_batch
    assert pyds.NvDsFrameMeta.cast(copied.frame_meta_list.data).frame_num == 42
    del duplicate
    gc.collect()
    with pytest.raises(ReferenceError):
        copied.num_frames_in_batch


def test_batch_views_die_when_its_meta_is_removed_on_its_own():
    # pyds hooks the NvDsMeta's release function (helpers/buffer.rs), so
    # gst_buffer_remove_meta (not only the buffer's end) kills the batch's views.
    gst = ctypes.CDLL("libgstreamer-1.0.so.0")
    gst.gst_buffer_remove_meta.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    batch = pyds.nvds_create_batch_meta(1)
    copy = ctypes.cast(LIB.nvds_batch_meta_copy_func, ctypes.c_void_p).value
    release = ctypes.cast(LIB.nvds_batch_meta_release_func, ctypes.c_void_p).value
    meta = pyds.gst_buffer_add_nvds_meta(buffer, batch, None, copy, release)
    meta.meta_type = pyds.GstNvDsMetaType.NVDS_BATCH_GST_META
    view = pyds.gst_buffer_get_nvds_batch_meta(buffer)
    assert view.max_frames_in_batch == 1
    assert gst.gst_buffer_remove_meta(hash(buffer), meta.address)
    with pytest.raises(ReferenceError):
        view.max_frames_in_batch


def test_embedded_gstreamer_structs_are_read_only_capsules_of_their_address():
    # `embedded = "address"`: NvDsMeta.meta (GstMeta) and
    # NvDsBatchMeta.meta_mutex (GRecMutex) have no class; pyds names them.
    buffer = buffer_with_batch()
    meta = pyds.gst_buffer_get_nvds_meta(hash(buffer))
    assert type(meta.meta).__name__ == "PyCapsule"
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    mutex = batch.meta_mutex
    assert type(mutex).__name__ == "PyCapsule"
    with pytest.raises(AttributeError):
        batch.meta_mutex = mutex
    with pytest.raises(AttributeError):
        meta.meta = None
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        batch.meta_mutex


G_FREE = ctypes.cast(ctypes.CDLL("libglib-2.0.so.0").g_free, ctypes.c_void_p).value


def test_c_made_memory_a_buffer_keeps_dies_with_the_buffer():
    # Lifetime abused on purpose: the buffer's release function (g_free)
    # frees the struct with the buffer; its view (and the NvDsMeta returned)
    # then raise ReferenceError instead of reading freed memory, as pyds does.
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    event = pyds.alloc_nvds_event()  # C-made: C frees it, not Python
    event.eventType = pyds.NvDsEventType.NVDS_EVENT_EXIT
    meta = pyds.gst_buffer_add_nvds_meta(hash(buffer), event, None, None, G_FREE)
    assert meta is not None
    assert event.eventType == pyds.NvDsEventType.NVDS_EVENT_EXIT  # alive while the buffer is
    found = pyds.gst_buffer_get_nvds_meta(buffer)
    assert found.address == meta.address
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        event.eventType
    with pytest.raises(ReferenceError):
        event.eventType = pyds.NvDsEventType.NVDS_EVENT_EMPTY
    with pytest.raises(ReferenceError):
        meta.meta_type
    with pytest.raises(ReferenceError):
        found.meta_type


def test_memory_one_buffer_keeps_cannot_be_given_to_another():
    # Abuse on purpose: both buffers' release functions would free the same
    # struct (a double free and a crash before); the second add is refused.
    first = Gst.Buffer.new_allocate(None, 16, None)
    second = Gst.Buffer.new_allocate(None, 16, None)
    event = pyds.alloc_nvds_event()
    pyds.gst_buffer_add_nvds_meta(hash(first), event, None, None, G_FREE)
    with pytest.raises(ValueError, match="already handed to a container"):
        pyds.gst_buffer_add_nvds_meta(hash(second), event, None, None, G_FREE)
    assert pyds.gst_buffer_get_nvds_meta(second) is None
    del first, second
    gc.collect()
    with pytest.raises(ReferenceError):
        event.eventType


def test_a_batch_a_buffer_keeps_dies_with_the_buffer():
    # The batch passed to gst_buffer_add_nvds_meta (not only the views
    # gst_buffer_get_nvds_batch_meta returns) dies with the buffer.
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    batch = pyds.nvds_create_batch_meta(1)
    release = ctypes.cast(LIB.nvds_batch_meta_release_func, ctypes.c_void_p).value
    pyds.gst_buffer_add_nvds_meta(buffer, batch, None, None, release)
    assert batch.max_frames_in_batch == 1
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        batch.max_frames_in_batch
    with pytest.raises(ReferenceError):
        pyds.nvds_acquire_frame_meta_from_pool(batch)
