"""A DeepStream sample-app style pad probe, running unchanged on bindery's
generated `pyds` over a real GStreamer pipeline with the stand-in inference
element (`nvinfersim`, from targets/deepstream/sdk).

Run after `bash scripts/main.sh` with
`GST_PLUGIN_PATH=build/sdk/gst .venv/bin/python examples/deepstream_probe.py`.
"""

import os
from collections import Counter
from pathlib import Path

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

import pyds  # noqa: E402

os.environ.setdefault("GST_PLUGIN_PATH", str(Path(__file__).resolve().parents[1] / "build" / "sdk" / "gst"))
CLASS_NAMES = {0: "vehicle", 1: "person", 2: "bicycle", 3: "roadsign"}
per_class = Counter()
frames = 0


def osd_sink_pad_buffer_probe(pad, info):
    """What deepstream_test_1.py does: walk batch → frames → objects, count
    objects per class, recolour boxes, and add a text label per frame."""
    global frames
    gst_buffer = info.get_buffer()
    batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(gst_buffer))
    l_frame = batch_meta.frame_meta_list
    while l_frame is not None:
        frame_meta = pyds.NvDsFrameMeta.cast(l_frame.data)
        counts = Counter()
        l_obj = frame_meta.obj_meta_list
        while l_obj is not None:
            obj_meta = pyds.NvDsObjectMeta.cast(l_obj.data)
            counts[obj_meta.class_id] += 1
            obj_meta.rect_params.border_color.set(0.0, 0.0, 1.0, 0.8)
            l_obj = l_obj.next
        display_meta = pyds.nvds_acquire_display_meta_from_pool(batch_meta)
        display_meta.num_labels = 1
        text = display_meta.text_params[0]
        text.display_text = "Frame={} Objects={} ".format(frame_meta.frame_num, frame_meta.num_obj_meta) + " ".join(
            f"{CLASS_NAMES.get(c, c)}={n}" for c, n in sorted(counts.items())
        )
        text.x_offset, text.y_offset = 10, 12
        text.font_params.font_size = 10
        pyds.nvds_add_display_meta_to_frame(frame_meta, display_meta)
        if frame_meta.frame_num % 10 == 0:
            print(text.display_text)
        per_class.update(counts)
        frames += 1
        l_frame = l_frame.next
    return Gst.PadProbeReturn.OK


def main() -> None:
    Gst.init(None)
    pipeline = Gst.parse_launch(
        "videotestsrc num-buffers=30 ! video/x-raw,width=640,height=480 ! "
        "nvinfersim name=infer objects=8 seed=7 ! fakesink"
    )
    pipeline.get_by_name("infer").get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, osd_sink_pad_buffer_probe)
    pipeline.set_state(Gst.State.PLAYING)
    msg = pipeline.get_bus().timed_pop_filtered(30 * Gst.SECOND, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if msg is None or msg.type != Gst.MessageType.EOS:
        raise SystemExit(f"pipeline failed: {msg.parse_error() if msg else 'timeout'}")
    print(f"{frames} frames; objects per class: " + ", ".join(f"{CLASS_NAMES.get(c, c)}={n}" for c, n in sorted(per_class.items())))


if __name__ == "__main__":
    main()
