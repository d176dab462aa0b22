"""End to end: DeepStream sample-app style probes in real GStreamer
pipelines (`videotestsrc ! nvinfersim ! fakesink`), driven through pyds."""

from __future__ import annotations

import pyds
from ds_pipeline import run_pipeline, sim

LABELS = {"Vehicle", "TwoWheeler", "Person", "RoadSign"}


def sample_walk(buffer, out):
    """The deepstream-test1 probe body, unchanged in style."""
    batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    l_frame = batch_meta.frame_meta_list
    while l_frame is not None:
        try:
            frame_meta = pyds.NvDsFrameMeta.cast(l_frame.data)
        except StopIteration:
            break
        l_obj = frame_meta.obj_meta_list
        count = 0
        while l_obj is not None:
            obj_meta = pyds.NvDsObjectMeta.cast(l_obj.data)
            r = obj_meta.rect_params
            out.append((frame_meta.frame_num, obj_meta.class_id, obj_meta.confidence, obj_meta.obj_label, r.left, r.top, r.width, r.height))
            obj_meta.rect_params.border_color.set(0.0, 0.0, 1.0, 0.8)
            count += 1
            l_obj = l_obj.next
        display_meta = pyds.nvds_acquire_display_meta_from_pool(batch_meta)
        display_meta.num_labels = 1
        text = display_meta.text_params[0]
        text.display_text = f"Frame={frame_meta.frame_num} Objects={count}"
        text.x_offset = 10
        text.font_params.font_name = "Serif"
        text.font_params.font_size = 10
        text.font_params.font_color.set(1.0, 1.0, 1.0, 1.0)
        text.set_bg_clr = 1
        text.text_bg_clr.set(0.0, 0.0, 0.0, 1.0)
        pyds.nvds_add_display_meta_to_frame(frame_meta, display_meta)
        l_frame = l_frame.next


def test_sample_walk_reads_every_object():
    rows = []
    n = run_pipeline(sim(buffers=3, objects=5), lambda b: sample_walk(b, rows))
    assert n == 3
    assert len(rows) == 15
    assert [r[0] for r in rows] == [0] * 5 + [1] * 5 + [2] * 5
    for _, class_id, conf, label, left, top, width, height in rows:
        assert 0 <= class_id <= 3
        assert 0.5 <= conf <= 1.0
        assert label in LABELS
        assert 0 <= left < 320 and 0 <= top < 240 and width > 0 and height > 0


def test_border_color_and_display_text_reach_c_downstream():
    """A second probe downstream reads what the first wrote (C memory, not copies)."""
    seen = []

    def check(buffer):
        batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        for frame in batch.frame_meta_list:
            for obj in frame.obj_meta_list:
                c = obj.rect_params.border_color
                seen.append((c.red, c.green, c.blue, round(c.alpha, 3)))
            texts = [d.text_params[0].display_text for d in frame.display_meta_list]
            assert f"Frame={frame.frame_num} Objects=4" in texts
            fonts = [d.text_params[0].font_params.font_name for d in frame.display_meta_list]
            assert "Serif" in fonts

    rows = []
    run_pipeline(sim(buffers=2, objects=4), lambda b: sample_walk(b, rows), probes={"after": check})
    assert len(rows) == 8
    assert len(seen) == 8
    assert set(seen) == {(0.0, 0.0, 1.0, 0.8)}
