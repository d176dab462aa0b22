"""End to end: tracker past-frame data from `nvtrackersim`, read as
deepstream-test2's probe reads it (batch user meta of type
NVDS_TRACKER_PAST_FRAME_META, cast to NvDsTargetMiscDataBatch, walked with
the `list()` methods), and checked against the boxes earlier buffers had."""

from __future__ import annotations

import pyds
from ds_pipeline import chain, run_pipeline

PIPELINE = chain("nvinfersim objects=4", "nvtrackersim name=tracker past-frames=3", buffers=6)


def past_frame_batches(batch_meta):
    """The past-frame payloads of a batch, found the way test2 finds them."""
    found = []
    l_user = batch_meta.batch_user_meta_list
    while l_user is not None:
        user_meta = pyds.NvDsUserMeta.cast(l_user.data)
        if user_meta and user_meta.base_meta.meta_type == pyds.NvDsMetaType.NVDS_TRACKER_PAST_FRAME_META:
            found.append(pyds.NvDsTargetMiscDataBatch.cast(user_meta.user_meta_data))
        l_user = l_user.next
    return found


def read_past_frames(batch_meta):
    """{(stream, target id): [(frameNum, left, top, width, height, confidence, age)]}."""
    rows = {}
    (past,) = past_frame_batches(batch_meta)
    for stream in pyds.NvDsTargetMiscDataBatch.list(past):
        assert stream.surfaceStreamID >> 32 == stream.streamID
        for target in pyds.NvDsTargetMiscDataStream.list(stream):
            frames = pyds.NvDsTargetMiscDataObject.list(target)
            assert target.numObj == len(frames)
            assert target.objLabel in {"Vehicle", "TwoWheeler", "Person", "RoadSign"}
            rows[(stream.streamID, target.uniqueId)] = [
                (f.frameNum, f.tBbox.left, f.tBbox.top, f.tBbox.width, f.tBbox.height, f.confidence, f.age) for f in frames
            ]
    return rows


def test_past_frames_are_the_boxes_of_earlier_buffers():
    earlier = {}  # (frame_num, object_id) -> box as the probe saw it then
    reported = []

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        frame = pyds.NvDsFrameMeta.cast(batch_meta.frame_meta_list.data)
        past = read_past_frames(batch_meta)
        expected_ids = {(0, obj.object_id) for obj in frame.obj_meta_list} if frame.frame_num > 0 else set()
        assert set(past) == expected_ids
        for (_, target_id), frames in past.items():
            assert len(frames) == min(frame.frame_num, 3)
            assert [f[0] for f in frames] == list(range(frame.frame_num - len(frames), frame.frame_num))
            assert [f[6] for f in frames] == list(range(frame.frame_num - len(frames) + 1, frame.frame_num + 1))
            for frame_num, *box, confidence, _age in frames:
                assert tuple(box) == earlier[(frame_num, target_id)]
                assert confidence == 1.0
            reported.append(target_id)
        for obj in frame.obj_meta_list:
            r = obj.rect_params
            earlier[(frame.frame_num, obj.object_id)] = (r.left, r.top, r.width, r.height)

    assert run_pipeline(PIPELINE, probes={"tracker": probe}) == 6
    assert len(reported) == 5 * 4


def test_past_frame_meta_follows_the_buffer_downstream():
    """A probe further down (after a tee, in a queue thread) reads the same data."""
    at_tracker, downstream = [], []

    def keep(into):
        return lambda buffer: into.append(read_past_frames(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))))

    description = chain(
        "nvinfersim objects=2", "nvtrackersim name=tracker past-frames=2", "tee name=t t. ! queue ! fakesink t. ! queue",
        "identity name=after", buffers=4,
    )
    run_pipeline(description, probes={"tracker": keep(at_tracker), "after": keep(downstream)})
    assert len(at_tracker) == 4
    assert downstream == at_tracker
    assert sum(len(rows) for rows in at_tracker) == 3 * 2


def test_past_frames_zero_attaches_nothing():
    seen = []

    def probe(buffer):
        seen.append(past_frame_batches(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))))

    run_pipeline(chain("nvinfersim objects=2", "nvtrackersim name=tracker past-frames=0", buffers=3), probes={"tracker": probe})
    assert seen == [[], [], []]
