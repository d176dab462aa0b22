"""End to end: event message user meta with string fields (deepstream-test4
style), C copy/release through buffer copies, and Python user-meta callbacks
registered per meta type."""

from __future__ import annotations

import ctypes

import pyds
from ds_pipeline import run_pipeline, sim


def attach_event(buffer):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    frame = pyds.NvDsFrameMeta.cast(batch.frame_meta_list.data)
    obj = pyds.NvDsObjectMeta.cast(frame.obj_meta_list.data)
    user_event_meta = pyds.nvds_acquire_user_meta_from_pool(batch)
    msg_meta = pyds.alloc_nvds_event_msg_meta(user_event_meta)
    msg_meta.bbox.top = obj.rect_params.top
    msg_meta.frameId = frame.frame_num
    msg_meta.trackingId = obj.object_id
    msg_meta.confidence = obj.confidence
    msg_meta.sensorId = 0
    msg_meta.sensorStr = "sensor-0"
    msg_meta.objectId = f"obj-{obj.object_id}"
    msg_meta.ts = pyds.alloc_buffer(33)
    pyds.generate_ts_rfc3339(msg_meta.ts, 32)
    msg_meta.type = pyds.NvDsEventType.NVDS_EVENT_MOVING
    msg_meta.objType = pyds.NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE
    msg_meta.objClassId = 0
    vehicle = pyds.alloc_nvds_vehicle_object()
    vehicle.type = "sedan"
    vehicle.color = "blue"
    vehicle.make = "Bugatti"
    vehicle.model = "M"
    vehicle.license = "XX1234"
    vehicle.region = "CA"
    msg_meta.extMsg = vehicle
    msg_meta.extMsgSize = ctypes.sizeof(ctypes.c_void_p) * 6
    user_event_meta.user_meta_data = msg_meta
    user_event_meta.base_meta.meta_type = pyds.NvDsMetaType.NVDS_EVENT_MSG_META
    pyds.nvds_add_user_meta_to_frame(frame, user_event_meta)


def read_events(buffer, out):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    for frame in batch.frame_meta_list:
        for user_meta in frame.frame_user_meta_list:
            if user_meta.base_meta.meta_type != pyds.NvDsMetaType.NVDS_EVENT_MSG_META:
                continue
            msg = pyds.NvDsEventMsgMeta.cast(user_meta.user_meta_data)
            vehicle = pyds.NvDsVehicleObject.cast(msg.extMsg)
            out.append((frame.frame_num, msg.frameId, msg.sensorStr, msg.objectId, pyds.get_string(msg.ts), vehicle.type, vehicle.license, msg.objType))


def test_event_msg_strings_reach_downstream():
    seen = []
    run_pipeline(sim(buffers=2, objects=2), attach_event, probes={"after": lambda b: read_events(b, seen)})
    assert [s[:2] for s in seen] == [(0, 0), (1, 1)]
    for _, _, sensor, object_id, ts, vtype, plate, obj_type in seen:
        assert sensor == "sensor-0" and object_id.startswith("obj-")
        assert len(ts) == 24 and ts.endswith("Z") and ts[4] == "-" and ts[10] == "T"
        assert (vtype, plate) == ("sedan", "XX1234")
        assert obj_type == pyds.NvDsObjectType.NVDS_OBJECT_TYPE_VEHICLE


def test_event_msg_deep_copied_with_the_buffer():
    copies = []

    def copy_probe(buffer):
        original = []
        read_events(buffer, original)
        duplicate = buffer.copy_deep()  # gst_buffer_copy_deep: batch meta copied with our C copy function
        read_events(duplicate, copies)
        addr = lambda b: pyds.NvDsEventMsgMeta.cast(  # noqa: E731
            next(u for f in pyds.gst_buffer_get_nvds_batch_meta(hash(b)).frame_meta_list for u in f.frame_user_meta_list
                 if u.base_meta.meta_type == pyds.NvDsMetaType.NVDS_EVENT_MSG_META).user_meta_data).address
        assert addr(duplicate) != addr(buffer)
        assert copies[-1] == original[-1]
        del duplicate  # released: strings, vehicle and the block are freed by our release function

    run_pipeline(sim(buffers=2, objects=1), attach_event, probes={"after": copy_probe})
    assert len(copies) == 2


CUSTOM = "NVIDIA.TEST.CUSTOM"


def test_python_copy_and_release_callbacks_per_meta_type():
    calls = []
    type_a = pyds.nvds_get_user_meta_type(CUSTOM + ".A")
    type_b = pyds.nvds_get_user_meta_type(CUSTOM + ".B")
    assert type_a != type_b

    def make_copy(tag):
        def copy(data, user_data):
            user_meta = pyds.NvDsUserMeta.cast(data)
            calls.append(("copy", tag, user_meta.base_meta.meta_type))
            return pyds.memdup(user_meta.user_meta_data, 8)
        return copy

    def make_release(tag):
        def release(data, user_data):
            user_meta = pyds.NvDsUserMeta.cast(data)
            calls.append(("release", tag, user_meta.base_meta.meta_type))
            pyds.free_buffer(user_meta.user_meta_data)
        return release

    def attach(buffer):
        batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        frame = pyds.NvDsFrameMeta.cast(batch.frame_meta_list.data)
        for tag, meta_type in (("A", type_a), ("B", type_b)):
            user_meta = pyds.nvds_acquire_user_meta_from_pool(batch)
            user_meta.user_meta_data = pyds.alloc_buffer(8)
            user_meta.base_meta.meta_type = meta_type
            pyds.user_copyfunc(user_meta, make_copy(tag))
            pyds.user_releasefunc(user_meta, make_release(tag))
            pyds.nvds_add_user_meta_to_frame(frame, user_meta)

    def copy_probe(buffer):
        duplicate = buffer.copy_deep()
        del duplicate

    run_pipeline(sim(buffers=1, objects=1), attach, probes={"after": copy_probe})
    copies = [c for c in calls if c[0] == "copy"]
    releases = [c for c in calls if c[0] == "release"]
    # each type reached its own callable (pyds: the last registration wins for all)
    assert sorted(copies) == [("copy", "A", type_a), ("copy", "B", type_b)]
    # released once for the copy and once for the original buffer
    assert sorted(releases) == [("release", "A", type_a)] * 2 + [("release", "B", type_b)] * 2
    assert pyds.unset_callback_funcs() >= 4
