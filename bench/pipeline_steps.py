"""Per-step cost of the pyds idiom, outside GStreamer: one frame of 100
objects (built through pyds, as the pipeline's `nvinfersim` fills it) walked
`--walks` times, the probe's steps added one at a time:

    next   l = l.next                        (the loop itself)
    data   + d = l.data
    cast   + o = pyds.NvDsObjectMeta.cast(d)
    rect   + r = o.rect_params
    fields + o.class_id + o.confidence + r.left + r.top + r.width + r.height
    label  + len(o.obj_label)                (the whole idiom)
    typed  `for o in frame.obj_meta_list` with the fields and label

Count instructions one step per process (this machine's VM exposes no
hardware counters to `perf stat`, so callgrind counts them), minus a run
with `--walks 0` (start-up and the batch); per object = difference /
(walks × 100):

    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null \
                .venv/bin/python bench/pipeline_steps.py "$@" 2>&1 | grep -o 'Collected : [0-9]*'; }
    count next --walks 0
    for s in next data cast rect fields label typed; do count $s --walks 200; done

`--time` prints ns per object from `time.perf_counter` instead (no perf);
`--peer pybind11` walks the same C frame through the pyds-style pybind11
peer (`bash bench/peers/build_pybind11_pyds.sh`; no `typed` step).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pyds

OBJECTS = 100
MODULE = pyds  # the module walked: pyds, or the pybind11 peer (`--peer pybind11`)


def frame_of_objects():
    """A batch holding one frame of OBJECTS objects with set fields."""
    batch = pyds.nvds_create_batch_meta(1)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    for i in range(OBJECTS):
        obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
        obj.class_id = i % 4
        obj.confidence = 0.5
        obj.rect_params.left, obj.rect_params.top = float(i), float(2 * i)
        obj.rect_params.width, obj.rect_params.height = 10.0, 20.0
        obj.obj_label = "car"
        pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
    return batch, frame


def walk_next(frame):
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        l_obj = l_obj.next


def walk_data(frame):
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        d = l_obj.data  # noqa: F841
        l_obj = l_obj.next


def walk_cast(frame):
    cast = MODULE.NvDsObjectMeta.cast
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        o = cast(l_obj.data)  # noqa: F841
        l_obj = l_obj.next


def walk_rect(frame):
    cast = MODULE.NvDsObjectMeta.cast
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        o = cast(l_obj.data)
        r = o.rect_params  # noqa: F841
        l_obj = l_obj.next


def walk_fields(frame):
    cast = MODULE.NvDsObjectMeta.cast
    out = 0.0
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        o = cast(l_obj.data)
        r = o.rect_params
        out += o.class_id + o.confidence + r.left + r.top + r.width + r.height
        l_obj = l_obj.next
    return out


def walk_label(frame):
    out = 0.0
    l_obj = frame.obj_meta_list
    while l_obj is not None:
        o = MODULE.NvDsObjectMeta.cast(l_obj.data)
        r = o.rect_params
        out += o.class_id + o.confidence + r.left + r.top + r.width + r.height + len(o.obj_label)
        l_obj = l_obj.next
    return out


def walk_typed(frame):
    out = 0.0
    for o in frame.obj_meta_list:
        r = o.rect_params
        out += o.class_id + o.confidence + r.left + r.top + r.width + r.height + len(o.obj_label)
    return out


STEPS = {
    "next": walk_next,
    "data": walk_data,
    "cast": walk_cast,
    "rect": walk_rect,
    "fields": walk_fields,
    "label": walk_label,
    "typed": walk_typed,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("--walks", type=int, default=20000)
    parser.add_argument("--time", action="store_true", help="print ns per object (best of 5)")
    parser.add_argument("--peer", choices=["pyds", "pybind11"], default="pyds")
    args = parser.parse_args()
    batch, frame = frame_of_objects()
    if args.peer == "pybind11":
        global MODULE
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build" / "bench"))
        import pybind11_pyds

        MODULE, frame = pybind11_pyds, pybind11_pyds.NvDsFrameMeta.cast(frame.address)
    walk = STEPS[args.step]
    walk(frame)  # warm up (and create what is created once per list)
    if args.time:
        best = min(timed(walk, frame, args.walks) for _ in range(5))
        print(f"{args.step}: {best * 1e9 / (args.walks * OBJECTS):.1f} ns per object")
    else:
        for _ in range(args.walks):
            walk(frame)
    pyds.nvds_destroy_batch_meta(batch)


def timed(walk, frame, walks: int) -> float:
    start = time.perf_counter()
    for _ in range(walks):
        walk(frame)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
