"""pyds compatibility details: the older tracker class names
(`NvDsPastFrameObj*`, `[struct] python_aliases`) read real past-frame data;
`nvds_measure_buffer_latency(hash(buf))` with pyds's signature; parameter
names the spec supplies where NVIDIA's headers omit them."""

from __future__ import annotations

import inspect

import pytest

import pyds
from ds_pipeline import Gst, chain, run_pipeline, sim

OLD_NAMES = {
    "NvDsPastFrameObjBatch": ("NvDsTargetMiscDataBatch", ["numAllocated", "numFilled", "list", "cast"]),
    "NvDsPastFrameObjStream": ("NvDsTargetMiscDataStream", ["numAllocated", "numFilled", "streamID", "surfaceStreamID", "list", "cast"]),
    "NvDsPastFrameObjList": ("NvDsTargetMiscDataObject", ["classId", "numObj", "objLabel", "uniqueId", "list", "cast"]),
    "NvDsPastFrameObj": ("NvDsTargetMiscDataFrame", ["frameNum", "tBbox", "confidence", "age", "cast"]),
}


@pytest.mark.parametrize("old", sorted(OLD_NAMES))
def test_older_tracker_class_names_are_the_ds91_classes(old):
    new, members = OLD_NAMES[old]
    assert getattr(pyds, old) is getattr(pyds, new)
    assert [m for m in members if not hasattr(getattr(pyds, old), m)] == []


def test_older_tracker_names_walk_past_frame_meta():
    """deepstream-test2 as written for older pyds: cast with the old names."""
    walked = []

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        for user_meta in batch_meta.batch_user_meta_list:
            if user_meta.base_meta.meta_type != pyds.NvDsMetaType.NVDS_TRACKER_PAST_FRAME_META:
                continue
            batch = pyds.NvDsPastFrameObjBatch.cast(user_meta.user_meta_data)
            for stream in pyds.NvDsPastFrameObjBatch.list(batch):
                assert isinstance(stream, pyds.NvDsPastFrameObjStream)
                for target in pyds.NvDsPastFrameObjStream.list(stream):
                    frames = pyds.NvDsPastFrameObjList.list(target)
                    assert target.numObj == len(frames) and isinstance(target.objLabel, str)
                    walked.extend((stream.streamID, target.uniqueId, f.frameNum, f.age) for f in frames)

    run_pipeline(chain("nvinfersim objects=2", "nvtrackersim name=tracker past-frames=2", buffers=4), probes={"tracker": probe})
    assert len(walked) == 2 * (1 + 2 + 2)  # two targets, up to two past frames each, from the second buffer on


def run_latency(probe_results):
    def probe(buffer):
        probe_results.append(pyds.nvds_measure_buffer_latency(hash(buffer)))

    run_pipeline(sim(buffers=2, objects=1), probes={"after": probe})


def test_measure_buffer_latency_off_returns_zero_and_prints_nothing(monkeypatch, capsys):
    monkeypatch.delenv("NVDS_ENABLE_LATENCY_MEASUREMENT", raising=False)
    sources = []
    run_latency(sources)
    assert sources == [0, 0]
    assert "BATCH-NUM" not in capsys.readouterr().out


def test_measure_buffer_latency_returns_sources_and_prints_them(monkeypatch, capsys):
    monkeypatch.setenv("NVDS_ENABLE_LATENCY_MEASUREMENT", "1")
    sources = []
    run_latency(sources)
    assert sources == [1, 1]
    out = capsys.readouterr().out
    assert out.count("************BATCH-NUM = ") == 2
    assert out.count("Source id = 0 Frame_num = ") == 2 and "Frame latency = " in out


def test_measure_buffer_latency_signature_and_bad_input(monkeypatch):
    monkeypatch.setenv("NVDS_ENABLE_LATENCY_MEASUREMENT", "1")
    assert list(inspect.signature(pyds.nvds_measure_buffer_latency).parameters) == ["gst_buffer"]
    with pytest.raises(TypeError):
        pyds.nvds_measure_buffer_latency("buffer")
    with pytest.raises((TypeError, ValueError)):
        pyds.nvds_measure_buffer_latency(pyds.NvOSD_ColorParams().address)
    with pytest.raises(ValueError):
        pyds.nvds_measure_buffer_latency(8)


def test_object_encoder_parameters_have_names():
    assert list(inspect.signature(pyds.nvds_obj_enc_create_context).parameters) == ["gpu_id"]
    assert list(inspect.signature(pyds.nvds_obj_enc_finish).parameters) == ["ctx"]
    assert list(inspect.signature(pyds.nvds_obj_enc_destroy_context).parameters) == ["ctx"]
    ctx = pyds.nvds_obj_enc_create_context(gpu_id=0)
    pyds.nvds_obj_enc_finish(ctx=ctx)
    pyds.nvds_obj_enc_destroy_context(ctx=ctx)
    with pytest.raises(ReferenceError):
        pyds.nvds_obj_enc_finish(ctx)


def test_roi_functions_take_roi_meta_objects():
    assert list(inspect.signature(pyds.nvds_remove_user_meta_from_roi).parameters) == ["roi_meta", "user_meta"]
    batch = pyds.nvds_create_batch_meta(1)
    try:
        with pytest.raises(TypeError):
            pyds.nvds_add_user_meta_to_roi(batch, pyds.nvds_acquire_user_meta_from_pool(batch))
    finally:
        pyds.nvds_destroy_batch_meta(batch)


def _events_into(element):
    """The SDK events (`nv-*` structures) `element`'s sink pad receives."""
    seen = []

    def on_event(pad, info):
        structure = info.get_event().get_structure()
        if structure is not None and structure.get_name().startswith("nv-"):
            seen.append(structure.to_string())
        return Gst.PadProbeReturn.OK

    element.get_static_pad("sink").add_probe(Gst.PadProbeType.EVENT_DOWNSTREAM, on_event)
    return seen


def test_event_senders_send_the_sdk_events_to_the_element_at_an_address():
    pipeline = Gst.parse_launch("appsrc ! identity name=i ! fakesink async=false")
    element = pipeline.get_by_name("i")
    seen = _events_into(element)
    pipeline.set_state(Gst.State.PAUSED)
    try:
        assert pyds.gst_element_send_nvevent_new_stream_reset(hash(element), 3) in (True, False)
        assert pyds.gst_element_send_nvevent_interval_update(hash(element), "cam-1", 5) in (True, False)
        assert pyds.gst_element_send_nvevent_interval_update(element, "cam-2", 7) in (True, False)
    finally:
        pipeline.set_state(Gst.State.NULL)
    assert len(seen) == 3, seen
    assert seen[0].startswith("nv-stream-reset") and "3" in seen[0]
    assert seen[1].startswith("nv-infer-interval-update") and "cam-1" in seen[1] and "5" in seen[1]
    assert "cam-2" in seen[2]


def test_event_senders_check_the_element():
    buffer = Gst.Buffer.new()  # kept alive: the address of a freed buffer is a ValueError (unreadable)
    with pytest.raises(TypeError):
        pyds.gst_element_send_nvevent_new_stream_reset(hash(buffer), 0)  # not a GstElement
    with pytest.raises(TypeError):
        pyds.gst_element_send_nvevent_interval_update("element", "cam", 1)
    element = Gst.ElementFactory.make("identity")
    with pytest.raises(TypeError):
        pyds.gst_element_send_nvevent_interval_update(hash(element), None, 1)
    with pytest.raises(OverflowError):
        pyds.gst_element_send_nvevent_new_stream_reset(hash(element), -1)
