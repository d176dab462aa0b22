"""Pipeline benchmark: what a DeepStream Python user feels. A real GStreamer
pipeline (`videotestsrc ! nvinfersim objects=100 ! fakesink`, 300 frames)
runs once per peer, in one process, with a pad probe that walks every object
of every frame and reads 6 fields plus the label, as NVIDIA's sample apps do.

Peers: the generated `pyds` (pyds idiom and typed iteration), the pyds-style
pybind11 module (`bench/peers/pybind11_pyds.cpp`), ctypes mirrors
(`bench/peers/ctypes_pyds.py`), and the generated `pyds` bulk export
(`frame.export_objects()`, numpy columns). A probe that only fetches the
batch gives the pipeline's own cost, and the pure-Python floor (the same
walk over plain `__slots__` objects holding the same values, copied from
each frame before timing) gives what the interpreter alone costs. Reported per peer: probe cost per frame
(median over repeats, measured inside the probe), frames/s of the whole run,
and ratios to pybind11. Goal (printed, never asserted): generated ≤ 0.25×
pybind11 per frame. A data check compares every peer's per-frame sums first.

Run: `bash bench/peers/build_pybind11_pyds.sh && .venv/bin/python bench/pipeline_bench.py`
(needs the generated pyds installed in the venv, release build).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import statistics
import sys
import time
from pathlib import Path

import gi

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench" / "peers"), str(ROOT / "build" / "bench")]
os.environ.setdefault("GST_PLUGIN_PATH", str(ROOT / "build" / "sdk" / "gst"))

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

import ctypes_pyds as cty  # noqa: E402
import pybind11_pyds as pb  # noqa: E402

import pyds  # noqa: E402

FRAMES, OBJECTS = 300, 100
PIPELINE = (
    f"videotestsrc num-buffers={FRAMES} ! video/x-raw,width=320,height=240 ! "
    f"nvinfersim name=infer objects={OBJECTS} seed=11 ! fakesink sync=false"
)
_libmeta = ctypes.CDLL(str(ROOT / "build" / "sdk" / "src" / "libnvdsgst_meta.so"))
_libmeta.gst_buffer_get_nvds_batch_meta.restype = ctypes.c_void_p
_libmeta.gst_buffer_get_nvds_batch_meta.argtypes = [ctypes.c_void_p]


def probe_bindery(buffer):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    out = 0.0
    l_frame = batch.frame_meta_list
    while l_frame is not None:
        frame = pyds.NvDsFrameMeta.cast(l_frame.data)
        l_obj = frame.obj_meta_list
        while l_obj is not None:
            obj = pyds.NvDsObjectMeta.cast(l_obj.data)
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
            l_obj = l_obj.next
        l_frame = l_frame.next
    return out


def probe_bindery_typed(buffer):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    out = 0.0
    for frame in batch.frame_meta_list:
        for obj in frame.obj_meta_list:
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
    return out


def sums_without_labels(buffer):
    """Reference for the bulk peer, whose columns hold no labels."""
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    out = 0.0
    for frame in batch.frame_meta_list:
        for obj in frame.obj_meta_list:
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height
    return out


def probe_bulk(buffer):
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    out = 0.0
    for frame in batch.frame_meta_list:
        c = frame.export_objects()
        out += float(c["class_id"].sum() + c["confidence"].sum() + c["left"].sum() + c["top"].sum() + c["width"].sum() + c["height"].sum())
    return out


def probe_pybind11(buffer):
    batch = pb.gst_buffer_get_nvds_batch_meta(hash(buffer))
    out = 0.0
    l_frame = batch.frame_meta_list
    while l_frame is not None:
        frame = pb.NvDsFrameMeta.cast(l_frame.data)
        l_obj = frame.obj_meta_list
        while l_obj is not None:
            obj = pb.NvDsObjectMeta.cast(l_obj.data)
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
            l_obj = l_obj.next
        l_frame = l_frame.next
    return out


def probe_ctypes(buffer):
    batch = cty.NvDsBatchMeta.from_address(_libmeta.gst_buffer_get_nvds_batch_meta(hash(buffer)))
    out = 0.0
    node = batch.frame_meta_list
    while node:
        frame = ctypes.cast(node.contents.data, ctypes.POINTER(cty.NvDsFrameMeta)).contents
        l_obj = frame.obj_meta_list
        while l_obj:
            obj = ctypes.cast(l_obj.contents.data, ctypes.POINTER(cty.NvDsObjectMeta)).contents
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label.decode())
            l_obj = l_obj.contents.next
        node = node.contents.next
    return out


class Slots:
    """Plain `__slots__` mirrors of the walked structs: the interpreter floor."""

    class Node:
        __slots__ = ("data", "next")

    class Frame:
        __slots__ = ("obj_meta_list",)

    class Object:
        __slots__ = ("class_id", "confidence", "rect_params", "obj_label")

    class Rect:
        __slots__ = ("left", "top", "width", "height")


def linked(items):
    """`items` as a chain of `Slots.Node` (data/next, like a GList), or None."""
    head = None
    for item in reversed(items):
        node = Slots.Node()
        node.data, node.next = item, head
        head = node
    return head


def mirror_batch(buffer):
    """The batch as `__slots__` objects: (frame_meta_list chain, frames as lists)."""
    batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    frames = []
    for f in batch.frame_meta_list:
        objects = []
        for o in f.obj_meta_list:
            obj, rect, r = Slots.Object(), Slots.Rect(), o.rect_params
            rect.left, rect.top, rect.width, rect.height = r.left, r.top, r.width, r.height
            obj.class_id, obj.confidence, obj.rect_params, obj.obj_label = o.class_id, o.confidence, rect, o.obj_label
            objects.append(obj)
        frame = Slots.Frame()
        frame.obj_meta_list = linked(objects)
        frames.append((frame, objects))
    return linked([f for f, _ in frames]), [objs for _, objs in frames]


class PureFloor:
    """Pure-Python floor: the same walk over `__slots__` mirrors of the
    batches one pipeline run produces (copied in a first, untimed run; the
    pipeline is deterministic, `seed=11`). Each call takes the next batch in
    order; `reset()` starts a new run. `typed` walks Python lists (the typed
    iteration's shape), otherwise the pyds idiom's `data`/`next` chains."""

    batches: list = []

    def __init__(self, typed: bool):
        self.typed, self.index = typed, 0

    @classmethod
    def record(cls) -> None:
        cls.batches = run(mirror_batch)[2]

    def reset(self) -> None:
        self.index = 0

    def __call__(self, buffer):
        chain, frames = self.batches[self.index]
        self.index += 1
        return self.walk_typed(frames) if self.typed else self.walk_chain(chain)

    @staticmethod
    def walk_chain(l_frame):
        out = 0.0
        while l_frame is not None:
            frame = l_frame.data
            l_obj = frame.obj_meta_list
            while l_obj is not None:
                obj = l_obj.data
                r = obj.rect_params
                out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
                l_obj = l_obj.next
            l_frame = l_frame.next
        return out

    @staticmethod
    def walk_typed(frames):
        out = 0.0
        for objects in frames:
            for obj in objects:
                r = obj.rect_params
                out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
        return out


def probe_none(buffer):
    pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
    return 0.0


PEERS = {
    "bindery (pyds idiom)": probe_bindery,
    "bindery (typed iteration)": probe_bindery_typed,
    "bindery bulk export_objects()": probe_bulk,
    "pybind11 (pyds-style)": probe_pybind11,
    "ctypes": probe_ctypes,
    "batch fetch only (pipeline floor)": probe_none,
    "pure Python __slots__, pyds idiom (interpreter floor)": PureFloor(typed=False),
    "pure Python __slots__, typed iteration (interpreter floor)": PureFloor(typed=True),
}


def run(probe) -> tuple[float, float, list[float]]:
    """One pipeline run: (probe ns per frame, frames/s, per-frame sums)."""
    pipeline = Gst.parse_launch(PIPELINE)
    spent, sums, errors = [0], [], []

    def on_buffer(_pad, info):
        start = time.perf_counter_ns()
        try:
            sums.append(probe(info.get_buffer()))
        except Exception as exc:  # re-raised after the run
            errors.append(exc)
        spent[0] += time.perf_counter_ns() - start
        return Gst.PadProbeReturn.OK

    if hasattr(probe, "reset"):
        probe.reset()
    pipeline.get_by_name("infer").get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, on_buffer)
    started = time.perf_counter()
    pipeline.set_state(Gst.State.PLAYING)
    msg = pipeline.get_bus().timed_pop_filtered(120 * Gst.SECOND, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    wall = time.perf_counter() - started
    pipeline.set_state(Gst.State.NULL)
    if errors:
        raise errors[0]
    if msg is None or msg.type != Gst.MessageType.EOS:
        raise SystemExit(f"pipeline failed: {msg.parse_error() if msg else 'timeout'}")
    return spent[0] / len(sums), len(sums) / wall, sums


def data_check() -> None:
    """Every walking peer computes the same per-frame sums as pybind11; the
    bulk peer (float32 columns, no labels) matches a label-free walk."""
    walked, label_free = run(probe_pybind11)[2], run(sums_without_labels)[2]
    for name, probe in PEERS.items():
        if probe is probe_none:
            continue
        reference = label_free if probe is probe_bulk else walked
        sums = run(probe)[2]
        same = len(sums) == len(reference) and all(abs(a - b) <= 1e-3 * max(1.0, abs(b)) for a, b in zip(sums, reference))
        assert same, f"data check failed for {name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="pipeline runs per peer (median reported)")
    args = parser.parse_args()
    Gst.init(None)
    PureFloor.record()
    data_check()
    results = {name: [] for name in PEERS}
    for _ in range(args.repeats):  # interleaved, so drift hits every peer alike
        for name, probe in PEERS.items():
            results[name].append(run(probe)[:2])
    report({name: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)) for name, runs in results.items()})


def report(table: dict[str, tuple[float, float]]) -> None:
    base = table["pybind11 (pyds-style)"][0]
    floor = table["pure Python __slots__, pyds idiom (interpreter floor)"][0]
    print(f"{PIPELINE}\n{FRAMES} frames x {OBJECTS} objects; probe reads 6 fields + label per object\n")
    print("| probe | µs per frame | frames/s | × pybind11 | × pure-Python floor (pyds idiom) |\n|---|---|---|---|---|")
    for name, (ns, fps) in table.items():
        print(f"| {name} | {ns / 1000:.1f} | {fps:.0f} | {ns / base:.2f} | {ns / floor:.2f} |")
    ratio = table["bindery (pyds idiom)"][0] / base
    print(f"\ngoal: generated ≤ 0.25× pybind11 per frame: {ratio:.2f} ({'PASS' if ratio <= 0.25 else 'MISS'})")
    print(f"interpreter floor (pure Python, pyds idiom): {floor / base:.2f}× pybind11")


if __name__ == "__main__":
    main()
