"""pyds benchmark: the generated `pyds` against a pyds-style pybind11 module
(`bench/peers/pybind11_pyds.cpp`) and ctypes mirrors (`bench/peers/ctypes_pyds.py`)
of the DeepStream stand-in, in one process over the same C memory.

Cases: a probe-style walk of 4 frames x 200 objects (read class_id,
confidence, rect_params left/top/width/height, obj_label; set border_color),
the segmentation class map of a 1920x1080 mask, and bulk export of the
objects as numpy columns. Prints median ns per case and ratios; goals are
printed as PASS/MISS, never asserted.

Run: `bash bench/peers/build_pybind11_pyds.sh && .venv/bin/python bench/pyds_bench.py`
(needs the generated pyds installed in the venv).
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
import sys
import timeit
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench" / "peers"), str(ROOT / "build" / "bench")]

import ctypes_pyds as cty  # noqa: E402
import pybind11_pyds as pb  # noqa: E402

import pyds  # noqa: E402

FRAMES, OBJECTS = 4, 200
LABELS = ["Vehicle", "TwoWheeler", "Person", "RoadSign"]


def build_batch():
    """A batch of 4 frames x 200 objects made through pyds (C memory)."""
    batch = pyds.nvds_create_batch_meta(FRAMES)
    for f in range(FRAMES):
        frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
        frame.frame_num = f
        for i in range(OBJECTS):
            obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
            obj.class_id = i % 4
            obj.confidence = 0.5 + (i % 50) / 100
            r = obj.rect_params
            r.left, r.top, r.width, r.height = i, 2 * i, 10 + i % 7, 20 + i % 5
            obj.obj_label = LABELS[i % 4]
            pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
        pyds.nvds_add_frame_meta_to_batch(batch, frame)
    return batch


def build_mask():
    """A 1920x1080 int32 segmentation meta owned by the benchmark."""
    seg = pyds.NvDsInferSegmentationMeta()
    buf = pyds.alloc_buffer(1920 * 1080 * 4)
    seg.width, seg.height, seg.classes, seg.class_map = 1920, 1080, 4, buf
    return seg, buf


def walk_bindery(batch):
    out = 0.0
    l_frame = batch.frame_meta_list
    while l_frame is not None:
        frame = pyds.NvDsFrameMeta.cast(l_frame.data)
        l_obj = frame.obj_meta_list
        while l_obj is not None:
            obj = pyds.NvDsObjectMeta.cast(l_obj.data)
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
            r.border_color.set(0.0, 0.0, 1.0, 0.8)
            l_obj = l_obj.next
        l_frame = l_frame.next
    return out


def walk_bindery_typed(batch):
    out = 0.0
    for frame in batch.frame_meta_list:
        for obj in frame.obj_meta_list:
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
            r.border_color.set(0.0, 0.0, 1.0, 0.8)
    return out


def walk_pybind11(batch):
    out = 0.0
    l_frame = batch.frame_meta_list
    while l_frame is not None:
        frame = pb.NvDsFrameMeta.cast(l_frame.data)
        l_obj = frame.obj_meta_list
        while l_obj is not None:
            obj = pb.NvDsObjectMeta.cast(l_obj.data)
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label)
            r.border_color.set(0.0, 0.0, 1.0, 0.8)
            l_obj = l_obj.next
        l_frame = l_frame.next
    return out


def walk_ctypes(batch):
    out = 0.0
    node = batch.frame_meta_list
    while node:
        frame = ctypes.cast(node.contents.data, ctypes.POINTER(cty.NvDsFrameMeta)).contents
        l_obj = frame.obj_meta_list
        while l_obj:
            obj = ctypes.cast(l_obj.contents.data, ctypes.POINTER(cty.NvDsObjectMeta)).contents
            r = obj.rect_params
            out += obj.class_id + obj.confidence + r.left + r.top + r.width + r.height + len(obj.obj_label.decode())
            c = r.border_color
            c.red, c.green, c.blue, c.alpha = 0.0, 0.0, 1.0, 0.8
            l_obj = l_obj.contents.next
        node = node.contents.next
    return out


def export_loop(batch):
    cols = {k: [] for k in ("class_id", "confidence", "left", "top", "width", "height")}
    for frame in batch.frame_meta_list:
        for obj in frame.obj_meta_list:
            r = obj.rect_params
            cols["class_id"].append(obj.class_id)
            cols["confidence"].append(obj.confidence)
            cols["left"].append(r.left)
            cols["top"].append(r.top)
            cols["width"].append(r.width)
            cols["height"].append(r.height)
    return {k: np.asarray(v) for k, v in cols.items()}


def export_bulk(batch):
    return [frame.export_objects() for frame in batch.frame_meta_list]


def median_ns(fn, repeats, min_time):
    number = 1
    while timeit.timeit(fn, number=number) < min_time:
        number *= 2
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeats)) / number * 1e9


def check_same(batch, pb_batch, ct_batch):
    values = {walk_bindery(batch), walk_bindery_typed(batch), walk_pybind11(pb_batch), walk_ctypes(ct_batch)}
    assert len(values) == 1, values
    bulk = export_bulk(batch)
    loop = export_loop(batch)
    assert np.allclose(np.concatenate([b["left"] for b in bulk]), loop["left"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.05)
    args = parser.parse_args()
    batch = build_batch()
    pb_batch = pb.NvDsBatchMeta.cast(batch.address)
    ct_batch = cty.NvDsBatchMeta.from_address(batch.address)
    seg, buf = build_mask()
    pb_seg = pb.NvDsInferSegmentationMeta.cast(seg.address)
    ct_seg = cty.NvDsInferSegmentationMeta.from_address(seg.address)
    check_same(batch, pb_batch, ct_batch)
    t = lambda fn: median_ns(fn, args.repeats, args.min_time)  # noqa: E731
    walk = {
        "bindery (pyds idiom)": t(lambda: walk_bindery(batch)),
        "bindery (typed iteration)": t(lambda: walk_bindery_typed(batch)),
        "pybind11": t(lambda: walk_pybind11(pb_batch)),
        "ctypes": t(lambda: walk_ctypes(ct_batch)),
    }
    masks = {
        "bindery": t(lambda: pyds.get_segmentation_masks(seg)),
        "pybind11 (copy, as pyds)": t(lambda: pb.get_segmentation_masks(pb_seg)),
        "ctypes (as_array)": t(lambda: np.ctypeslib.as_array(ct_seg.class_map, (ct_seg.height, ct_seg.width))),
    }
    bulk = {"bulk export_objects()": t(lambda: export_bulk(batch)), "Python loop (bindery)": t(lambda: export_loop(batch))}
    report(walk, masks, bulk)
    pyds.nvds_destroy_batch_meta(batch)
    pyds.free_buffer(buf)


def report(walk, masks, bulk):
    n = FRAMES * OBJECTS
    print(f"walk of {FRAMES} frames x {OBJECTS} objects (ns per object):")
    for k, v in walk.items():
        print(f"  {k:28s} {v / n:9.1f}")
    b = walk["bindery (pyds idiom)"]
    goal = lambda ok: "PASS" if ok else "MISS"  # noqa: E731
    print(f"  ratio bindery/pybind11 = {b / walk['pybind11']:.2f} (goal <= 0.3: {goal(b / walk['pybind11'] <= 0.3)})")
    print(f"  ratio bindery/ctypes   = {b / walk['ctypes']:.2f} (goal <= 0.6: {goal(b / walk['ctypes'] <= 0.6)})")
    print(f"  typed iteration/pybind11 = {walk['bindery (typed iteration)'] / walk['pybind11']:.2f}")
    print("segmentation mask 1920x1080 (us per call):")
    for k, v in masks.items():
        print(f"  {k:28s} {v / 1000:9.3f}")
    print(f"  bindery goal <= 0.2 us: {goal(masks['bindery'] / 1000 <= 0.2)}")
    print(f"bulk export ({n} objects, ns per object):")
    for k, v in bulk.items():
        print(f"  {k:28s} {v / n:9.1f}")
    speed = bulk["Python loop (bindery)"] / bulk["bulk export_objects()"]
    print(f"  speed-up {speed:.1f}x (goal >= 20x: {goal(speed >= 20)})")


if __name__ == "__main__":
    main()
