"""Module functions never read freed memory, free twice, hang or take a
stray number as a pointer (issue 9, function-level defects). Each test names
what the generated pyds did before the rule it checks existed."""

from __future__ import annotations

import ctypes
import gc

import pytest

import pyds
from ds_pipeline import Gst
from test_buffer_liveness import LIB, buffer_with_batch


def batch_with_frame():
    batch = pyds.nvds_create_batch_meta(2)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    frame.frame_num = 7
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    return batch, frame


# -- provenance of results ---------------------------------------------------


def test_result_derived_from_a_list_dies_with_its_batch():
    # Before: nvds_get_nth_frame_meta's result had a fresh token that never
    # died, so this read freed memory (valgrind: invalid read in records.rs).
    batch, _ = batch_with_frame()
    nth = pyds.nvds_get_nth_frame_meta(batch.frame_meta_list, 0)
    assert nth.frame_num == 7
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        nth.frame_num


def test_result_keeps_its_argument_alive():
    batch, _ = batch_with_frame()
    address = batch.address
    nth = pyds.nvds_get_nth_frame_meta(batch.frame_meta_list, 0)
    del batch
    gc.collect()
    assert nth.frame_num == 7  # the batch is C's, nothing was freed
    # The test must not leak it (valgrind counts a lost batch): destroy it through its address.
    pyds.nvds_destroy_batch_meta(pyds.NvDsBatchMeta.cast(address))
    with pytest.raises(ReferenceError):
        nth.frame_num


# -- free/destroy functions consume ------------------------------------------


def test_destroy_twice_raises_reference_error():
    # Before: nvds_destroy_batch_meta only invalidated; now it consumes.
    batch, frame = batch_with_frame()
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        frame.frame_num


def test_python_built_meta_cannot_enter_a_frame():
    # Before: a zeroed NvDsObjectMeta() was linked into the frame and the
    # batch later handed it to its pool (invalid free at destroy).
    batch, frame = batch_with_frame()
    with pytest.raises(ValueError, match="constructed in Python"):
        pyds.nvds_add_obj_meta_to_frame(frame, pyds.NvDsObjectMeta(), None)
    assert frame.num_obj_meta == 0
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
    assert frame.num_obj_meta == 1
    pyds.nvds_destroy_batch_meta(batch)


def test_python_built_batch_cannot_be_destroyed():
    # Before: g_free of a zeroed struct's NULL pools crashed in the SDK.
    with pytest.raises(ValueError, match="constructed in Python"):
        pyds.nvds_destroy_batch_meta(pyds.NvDsBatchMeta())


def test_batch_held_by_a_buffer_cannot_be_destroyed():
    # Before: destroying it freed the batch under the buffer's meta, which
    # freed it again when the buffer died (double free, SIGABRT).
    buffer = buffer_with_batch()
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    with pytest.raises(ValueError, match="belongs to another object"):
        pyds.nvds_destroy_batch_meta(batch)
    assert batch.num_frames_in_batch == 1  # still there
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        batch.num_frames_in_batch


def test_batch_attached_to_a_buffer_cannot_be_destroyed_through_its_creator_view():
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    batch = pyds.nvds_create_batch_meta(1)
    # The SDK's copy/release functions: the buffer frees the batch when it dies.
    copy = ctypes.cast(LIB.nvds_batch_meta_copy_func, ctypes.c_void_p).value
    release = ctypes.cast(LIB.nvds_batch_meta_release_func, ctypes.c_void_p).value
    assert pyds.gst_buffer_add_nvds_meta(hash(buffer), batch, None, copy, release) is not None
    with pytest.raises(ValueError, match="belongs to another object"):
        pyds.nvds_destroy_batch_meta(batch)


def test_a_struct_python_owns_cannot_be_kept_by_a_buffer():
    # The buffer would free it with its release function after (or while)
    # Python frees it when the object dies: a double free that corrupted the
    # heap before holdable() refused it. Nothing is attached on refusal.
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    g_free = ctypes.cast(ctypes.CDLL("libglib-2.0.so.0").g_free, ctypes.c_void_p).value
    owned = pyds.NvDsUserMeta()
    with pytest.raises(ValueError, match=r"gst_buffer_add_nvds_meta\(meta_data\): this object owns its memory"):
        pyds.gst_buffer_add_nvds_meta(hash(buffer), owned, None, None, g_free)
    assert pyds.gst_buffer_get_nvds_meta(hash(buffer)) is None
    del buffer
    gc.collect()
    owned.base_meta.meta_type = 3  # still Python's, still alive
    assert owned.base_meta.meta_type == 3


def test_function_addresses_are_ints_capsules_or_none():
    # gst_buffer_add_nvds_meta is generated (`function_pointer = "address"`):
    # a bool or a Python callable is not a C function's address.
    buffer = Gst.Buffer.new_allocate(None, 16, None)
    batch = pyds.nvds_create_batch_meta(1)
    release = ctypes.cast(LIB.nvds_batch_meta_release_func, ctypes.c_void_p).value
    with pytest.raises(TypeError, match="copy_func"):
        pyds.gst_buffer_add_nvds_meta(hash(buffer), batch, None, True, release)
    with pytest.raises(TypeError, match="release_func"):
        pyds.gst_buffer_add_nvds_meta(hash(buffer), batch, None, None, lambda *a: None)
    pyds.nvds_destroy_batch_meta(batch)  # nothing was attached: still Python's to destroy
    batch = pyds.nvds_create_batch_meta(1)
    assert pyds.gst_buffer_add_nvds_meta(buffer, batch, None, None, release) is not None
    with pytest.raises(ValueError, match="belongs to another object"):
        pyds.nvds_destroy_batch_meta(batch)


# -- raw integers, None and lists --------------------------------------------


def test_none_only_for_nullable_parameters():
    # Before: None became NULL everywhere (the SDK dereferenced it).
    batch, frame = batch_with_frame()
    with pytest.raises(TypeError, match="None"):
        pyds.nvds_add_obj_meta_to_frame(frame, None, None)
    with pytest.raises(TypeError, match="None"):
        pyds.nvds_get_nth_frame_meta(None, 0)
    pyds.nvds_destroy_batch_meta(batch)


def test_int_is_not_a_pointer_unless_the_spec_says_so():
    # Before: any int was an address (segfault on a wrong one).
    batch = pyds.nvds_create_batch_meta(1)
    with pytest.raises(TypeError, match="int is not accepted"):
        pyds.nvds_batch_meta_copy_func(batch, 12345)  # user_data: a void*
    with pytest.raises(TypeError, match="expected NvDsBatchMeta, got int"):
        pyds.nvds_batch_meta_copy_func(12345, None)  # data: a void* the spec types as a batch
    with pytest.raises(TypeError):
        pyds.nvds_get_nth_frame_meta(12345, 0)
    pyds.nvds_destroy_batch_meta(batch)


def test_list_of_the_wrong_element_type_is_refused():
    # Before: a GList of objects passed where frames are expected was read as frames.
    batch, frame = batch_with_frame()
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
    with pytest.raises(TypeError, match="GList of NvDsFrameMeta"):
        pyds.nvds_get_nth_frame_meta(frame.obj_meta_list, 0)
    with pytest.raises(TypeError, match="GList"):
        pyds.nvds_get_nth_frame_meta(frame, 0)
    pyds.nvds_destroy_batch_meta(batch)


def test_dead_list_argument_raises_reference_error():
    batch, _ = batch_with_frame()
    frames = batch.frame_meta_list
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        pyds.nvds_get_nth_frame_meta(frames, 0)


# -- hangs -------------------------------------------------------------------


def test_copying_a_frames_list_into_the_same_frame_raises():
    # Before: the copy appended to the list it walked and never ended.
    batch, frame = batch_with_frame()
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
    with pytest.raises(ValueError, match="overlap"):
        pyds.nvds_copy_obj_meta_list(frame.obj_meta_list, frame)
    other = pyds.nvds_acquire_frame_meta_from_pool(batch)
    pyds.nvds_copy_obj_meta_list(frame.obj_meta_list, other)
    assert other.num_obj_meta == 1
    pyds.nvds_destroy_batch_meta(batch)


def test_encoder_functions_take_only_a_context():
    # Before: nvds_obj_enc_finish(<any capsule>) waited forever on a garbage queue.
    batch, _ = batch_with_frame()
    with pytest.raises(TypeError, match="NvDsObjEncCtx"):
        pyds.nvds_obj_enc_finish(batch.frame_meta_list.data)
    with pytest.raises(TypeError):
        pyds.nvds_obj_enc_finish(12345)
    ctx = pyds.nvds_obj_enc_create_context(0)
    assert type(ctx).__name__ == "NvDsObjEncCtx"
    pyds.nvds_obj_enc_finish(ctx)
    pyds.nvds_obj_enc_destroy_context(ctx)
    with pytest.raises(ReferenceError):
        pyds.nvds_obj_enc_finish(ctx)
    with pytest.raises(ReferenceError):
        pyds.nvds_obj_enc_destroy_context(ctx)
    pyds.nvds_destroy_batch_meta(batch)


# -- GstBuffer arguments ---------------------------------------------------------


def test_buffer_helpers_accept_a_gst_buffer_and_refuse_bad_addresses():
    buffer = buffer_with_batch()
    by_object = pyds.gst_buffer_get_nvds_batch_meta(buffer)
    assert by_object.address == pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).address
    with pytest.raises(ValueError, match="unreadable"):
        pyds.gst_buffer_get_nvds_batch_meta(8)  # unmapped: probed, not read
    not_a_buffer = pyds.nvds_create_batch_meta(1)
    with pytest.raises(TypeError, match="not a GstBuffer"):
        pyds.gst_buffer_get_nvds_batch_meta(not_a_buffer.address)
    with pytest.raises(TypeError):
        pyds.gst_buffer_get_nvds_batch_meta("buffer")
    pyds.nvds_destroy_batch_meta(not_a_buffer)


# -- memory helpers go through the runtime's registry ------------------------------


def test_free_buffer_only_frees_what_alloc_buffer_returned():
    # Before: free_buffer(any int) called g_free on it (invalid free / abort).
    buf = pyds.alloc_buffer(16)
    with pytest.raises(ValueError, match="not memory this module allocated"):
        pyds.free_buffer(buf + 8)
    batch = pyds.nvds_create_batch_meta(1)  # memory the module did not allocate
    with pytest.raises(ValueError, match="not memory this module allocated"):
        pyds.free_buffer(batch.address)
    pyds.nvds_destroy_batch_meta(batch)
    pyds.free_buffer(buf)
    with pytest.raises(ValueError, match="already freed"):
        pyds.free_buffer(buf)


def test_string_and_copy_helpers_stay_inside_their_buffer():
    # Before: get_string/strdup/memdup read any address until a NUL or `size`.
    with pytest.raises(ValueError, match="not inside memory"):
        pyds.get_string(4096)
    buf = pyds.alloc_buffer(8)
    pyds.generate_ts_rfc3339(buf, 8)
    assert pyds.get_string(buf) == pyds.get_string(pyds.strdup(buf))
    with pytest.raises(ValueError, match="past the end"):
        pyds.memdup(buf, 9)
    with pytest.raises(ValueError, match="past the end"):
        pyds.generate_ts_rfc3339(buf, 64)
    pyds.free_buffer(pyds.memdup(buf, 4))
    pyds.free_buffer(buf)
    with pytest.raises(ValueError):
        pyds.get_string(buf)  # freed: no longer known


def test_get_detections_is_bounds_checked():
    # Before: get_detections(ptr, i) read any index of any address.
    buf = pyds.alloc_buffer(16)  # four floats
    assert pyds.get_detections(buf, 3) == 0.0
    with pytest.raises(IndexError):
        pyds.get_detections(buf, 4)
    with pytest.raises(ValueError, match="not inside memory"):
        pyds.get_detections(8192, 0)
    pyds.free_buffer(buf)



def test_python_made_layer_buffer_is_not_a_known_span():
    # A struct constructed in Python may point anywhere: reading its sized
    # `buffer` records nothing, so get_detections refuses the address.
    data = (ctypes.c_float * 4)(1.0, 2.0, 3.0, 4.0)
    layer = pyds.NvDsInferLayerInfo()
    layer.buffer = ctypes.addressof(data)
    layer.inferDims.numElements = 1 << 20
    with pytest.raises(ValueError):
        pyds.get_detections(layer.buffer, 0)

def test_event_message_views_die_when_c_releases_them():
    # Before: the views of blocks the release function freed stayed readable.
    batch, frame = batch_with_frame()
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    msg = pyds.alloc_nvds_event_msg_meta(user)
    msg.frameId = 5
    msg.ts = pyds.alloc_buffer(33)
    pyds.generate_ts_rfc3339(msg.ts, 32)
    stamp = pyds.get_ptr(msg.ts)
    user.user_meta_data = msg
    user.base_meta.meta_type = pyds.NvDsMetaType.NVDS_EVENT_MSG_META
    pyds.nvds_add_user_meta_to_frame(frame, user)
    assert pyds.get_string(stamp).endswith("Z")
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        msg.frameId
    with pytest.raises(ValueError):
        pyds.get_string(stamp)


def test_user_callbacks_keep_the_views_liveness():
    batch, _ = batch_with_frame()
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        pyds.user_copyfunc(user, lambda data, user_data: None)


def test_custom_payload_view_dies_when_c_releases_it():
    # Before: alloc_custom_struct returned an untracked view of a block the
    # release function g_free'd (read of freed memory).
    batch, frame = batch_with_frame()
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    data = pyds.alloc_custom_struct(user)
    data.structId = 3
    data.message = "hello"
    user.user_meta_data = data
    user.base_meta.meta_type = pyds.nvds_get_user_meta_type("BINDERY.TEST.CUSTOM")
    pyds.nvds_add_user_meta_to_frame(frame, user)
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        data.structId


def test_reid_vector_is_a_copy():
    # `[struct.NvDsObjReid.numpy.get_host_reid_vector] copy = true`: later C
    # writes do not reach the array, and a NULL vector is an empty array.
    class Reid(ctypes.Structure):
        _fields_ = [("featureSize", ctypes.c_uint32), ("ptr_host", ctypes.POINTER(ctypes.c_float)), ("ptr_dev", ctypes.c_void_p)]

    values = (ctypes.c_float * 3)(1.0, 2.0, 3.0)
    raw = Reid(3, values, None)
    reid = pyds.NvDsObjReid.cast(ctypes.addressof(raw))
    vector = reid.get_host_reid_vector()
    assert vector.dtype.name == "float32" and vector.tolist() == [1.0, 2.0, 3.0]
    values[0] = 9.0
    assert vector[0] == 1.0 and vector.flags.owndata
    raw.ptr_host = None
    assert reid.get_host_reid_vector().size == 0


def test_python_owned_extension_is_not_freed_by_the_release_function():
    # Before: the event's release function g_free'd whatever extMsg pointed
    # to, so a Python-owned NvDsVehicleObject was freed by C and again by Python.
    batch, frame = batch_with_frame()
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    msg = pyds.alloc_nvds_event_msg_meta(user)
    vehicle = pyds.NvDsVehicleObject()
    vehicle.make = "own"
    msg.objType = pyds.NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE
    msg.extMsg = vehicle
    user.user_meta_data = msg
    user.base_meta.meta_type = pyds.NvDsMetaType.NVDS_EVENT_MSG_META
    pyds.nvds_add_user_meta_to_frame(frame, user)
    pyds.nvds_destroy_batch_meta(batch)
    with pytest.raises(ReferenceError):
        msg.frameId
    assert vehicle.make == "own"
    del vehicle
    gc.collect()


def test_layers_of_an_untracked_tensor_meta_are_probed_and_never_written():
    # A tensor meta at a raw int address (cast of an int: untracked): its
    # layer array is probed readable, and `buffer` is not filled in place.
    meta = (ctypes.c_uint64 * 32)()
    layers = (ctypes.c_uint64 * 64)()
    host = (ctypes.c_void_p * 1)(ctypes.addressof(meta))
    ctypes.c_uint32.from_address(ctypes.addressof(meta) + 4).value = 1  # num_output_layers
    ctypes.c_void_p.from_address(ctypes.addressof(meta) + 8).value = 8  # output_layers_info: unreadable
    ctypes.c_void_p.from_address(ctypes.addressof(meta) + 16).value = ctypes.addressof(host)
    tensor = pyds.NvDsInferTensorMeta.cast(ctypes.addressof(meta))
    with pytest.raises(ValueError):
        pyds.get_nvds_LayerInfo(tensor, 0)
    ctypes.c_void_p.from_address(ctypes.addressof(meta) + 8).value = ctypes.addressof(layers)
    layer = pyds.get_nvds_LayerInfo(ctypes.addressof(meta), 0)
    assert pyds.get_ptr(layer.buffer) == 0
    assert not any(layers)
    with pytest.raises(IndexError):
        tensor.output_layers_info(1)
