"""The gstgva-style Python layer (`bindery_gst.video_frame`) in real
pipelines: metas written by PyGObject and by bindery_gst, read back through
`VideoFrame(buffer, caps).regions()`."""

from __future__ import annotations

import gc

import pytest
from conftest import new_buffer, CAPS, Gst, GstVideo, add_roi_with_gi, pull_all

from bindery_gst.video_frame import Rect, Region, VideoFrame


def test_regions_read_label_and_confidence_written_by_pygobject(buffer, caps):
    add_roi_with_gi(buffer, "person", 10, 20, 30, 40, confidence=0.875)
    add_roi_with_gi(buffer, "dog", 1, 2, 3, 4)
    frame = VideoFrame(buffer, caps)
    first, second = frame.regions()
    assert first.rect() == Rect(10, 20, 30, 40)
    assert (first.label(), first.confidence()) == ("person", 0.875)
    # No detection param: the ROI type names it, confidence defaults to 0.
    assert (second.label(), second.confidence()) == ("dog", 0.0)


def test_add_region_is_read_by_pygobject(buffer, caps):
    region = VideoFrame(buffer, caps).add_region(4, 5, 6, 7, label='a "quoted" \\ label', confidence=0.25)
    assert region.label() == 'a "quoted" \\ label'
    seen = GstVideo.buffer_get_video_region_of_interest_meta_id(buffer, region.region_id())
    assert (seen.x, seen.y, seen.w, seen.h) == (4, 5, 6, 7)
    detection = seen.get_param("detection")
    assert detection.get_value("confidence") == 0.25
    assert detection.get_value("label") == 'a "quoted" \\ label'


def test_video_info_comes_from_the_caps(buffer, caps):
    info = VideoFrame(buffer, caps).video_info()
    assert (info.width, info.height) == (64, 48)
    assert VideoFrame(buffer).video_info() is None
    with pytest.raises(ValueError):
        VideoFrame(buffer, Gst.Caps.from_string("audio/x-raw")).video_info()


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((-1, 0, 1, 1), OverflowError),
        ((0, 2**32, 1, 1), OverflowError),
        (("0", 0, 1, 1), TypeError),
    ],
)
def test_add_region_rejects_bad_coordinates(buffer, args, error):
    with pytest.raises(error):
        VideoFrame(buffer).add_region(*args, label="x")


def test_add_region_rejects_bad_labels_and_confidences(buffer):
    with pytest.raises(TypeError):
        VideoFrame(buffer).add_region(0, 0, 1, 1, label=5)
    with pytest.raises(ValueError):
        VideoFrame(buffer).add_region(0, 0, 1, 1, confidence=float("nan"))
    with pytest.raises(ValueError):
        VideoFrame(buffer).add_region(0, 0, 1, 1, label="nul\0byte")


def test_wrong_objects_are_refused():
    with pytest.raises(TypeError):
        VideoFrame("not a buffer")
    with pytest.raises(TypeError):
        Region(object())


def test_regions_die_with_the_buffer():
    buffer = new_buffer()
    region = VideoFrame(buffer).add_region(1, 2, 3, 4, label="x", confidence=0.5)
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        region.rect()
    with pytest.raises(ReferenceError):
        region.label()


def test_videotestsrc_pipeline_frames_carry_no_regions_and_are_read_only():
    seen = []

    def on_sample(sample):
        buf = sample.get_buffer()
        frame = VideoFrame(buf, sample.get_caps())
        info = frame.video_info()
        seen.append((info.width, info.height, len(frame.regions())))
        # The appsink's sample holds another reference: adding must refuse, not corrupt.
        with pytest.raises(ValueError, match="not writable"):
            frame.add_region(0, 0, 1, 1, label="x")

    n = pull_all(f"videotestsrc num-buffers=5 ! {CAPS} ! appsink name=sink sync=false", on_sample)
    assert n == 5
    assert seen == [(64, 48, 0)] * 5


def test_appsrc_pipeline_carries_metas_from_pygobject_and_bindery():
    pipeline = Gst.parse_launch(f"appsrc name=src caps={CAPS} format=time ! identity name=id ! appsink name=sink sync=false")
    src, sink = pipeline.get_by_name("src"), pipeline.get_by_name("sink")
    probed = []

    def probe(pad, info):
        # pyds-style: the buffer's address, as `hash(buffer)`.
        frame = VideoFrame(hash(info.get_buffer()))
        probed.append([r.label() for r in frame.regions()])
        return Gst.PadProbeReturn.OK

    pipeline.get_by_name("id").get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, probe)
    pipeline.set_state(Gst.State.PLAYING)
    for i in range(3):
        buf = Gst.Buffer.new_allocate(None, 64 * 48 * 3, None)
        buf.pts = i * Gst.SECOND // 30
        add_roi_with_gi(buf, "gi", i, i, 10, 10, confidence=0.5)
        VideoFrame(buf).add_region(20 + i, 20, 5, 5, label=f"bindery{i}", confidence=0.9)
        assert src.emit("push-buffer", buf) == Gst.FlowReturn.OK
    src.emit("end-of-stream")
    pulled = []
    try:
        while (sample := sink.emit("pull-sample")) is not None:
            regions = VideoFrame(sample.get_buffer(), sample.get_caps()).regions()
            pulled.append([(r.label(), r.rect(), r.confidence()) for r in regions])
    finally:
        pipeline.set_state(Gst.State.NULL)
    assert probed == [["gi", f"bindery{i}"] for i in range(3)]
    assert pulled == [[("gi", Rect(i, i, 10, 10), 0.5), (f"bindery{i}", Rect(20 + i, 20, 5, 5), 0.9)] for i in range(3)]
