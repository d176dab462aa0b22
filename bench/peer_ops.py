"""Per-peer benchmark operations: each peer's natural idiom for the same work.

Owns, for every peer (bindery, hand-written PyO3, pybind11, ctypes, cffi, pure Python), the
statements and small functions that fixture_bench.py times. All C peers look
at the SAME frame (one fx_frame_new, cast by address into each binding), so
they read the same memory; the pure-Python floor holds an equal copy.
Timing, tables and goals live in fixture_bench.py, not here.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator

import numpy as np

#: Index of the object used for single-field operations.
OBJ_INDEX = 500


@dataclass
class Peer:
    """One binding under test: the namespace its statements run in, plus ops."""

    name: str
    env: Dict[str, Any]
    ops: Dict[str, str] = field(default_factory=dict)

    def add_fn(self, op: str, fn: Callable[[], Any]) -> None:
        """Register a whole-function op (timed as ``fn()``)."""
        key = "fn_" + re.sub(r"\W", "_", op)
        self.env[key] = fn
        self.ops[op] = key + "()"

    def run(self, op: str) -> Any:
        """Run an op once and return its result (for the data check)."""
        stmt = self.ops[op]
        fn = self.env.get(stmt[:-2]) if stmt.endswith("()") else None
        if callable(fn):
            return fn()
        exec(stmt, self.env)  # noqa: S102 - our own statement strings
        return self.env.get("a")


def columns_from(objs: Iterable[Any], label_is_bytes: bool = False) -> Dict[str, np.ndarray]:
    """The bulk-export columns built by a plain Python loop over ``objs``."""
    cid, oid, conf, left, top, width, height = [], [], [], [], [], [], []
    for o in objs:
        cid.append(o.class_id)
        oid.append(o.object_id)
        conf.append(o.confidence)
        r = o.rect
        left.append(r.left)
        top.append(r.top)
        width.append(r.width)
        height.append(r.height)
    f32 = np.float32
    return {
        "class_id": np.array(cid, dtype=np.int32),
        "object_id": np.array(oid, dtype=np.uint64),
        "confidence": np.array(conf, dtype=f32),
        "left": np.array(left, dtype=f32),
        "top": np.array(top, dtype=f32),
        "width": np.array(width, dtype=f32),
        "height": np.array(height, dtype=f32),
    }


def _scalar_ops(peer: Peer, label_read: str, label_write: str) -> None:
    peer.ops.update(
        {
            "int read": "a = o.class_id",
            "int write": "o.class_id = v_int",
            "float read": "a = o.confidence",
            "float write": "o.confidence = v_float",
            "nested read": "a = o.rect.left",
            "char[] read": label_read,
            "char[] write": label_write,
        }
    )


def _values(peer: Peer, label: str) -> None:
    o = peer.env["o"]
    peer.env.update(v_int=o.class_id, v_float=o.confidence, v_label=label, np=np)


def _iter_ops(peer: Peer, walk: Callable[[], Iterator[Any]]) -> None:
    def iterate() -> None:
        for o in walk():
            a = o.class_id
            b = o.confidence
            c = o.rect.left
        return None

    peer.add_fn("iterate 1000 x 3 fields", iterate)
    peer.add_fn("bulk export (Python loop)", lambda: columns_from(walk()))


def bindery_peer(bf: Any, frame: Any) -> Peer:
    """bindery_fixture: typed iteration, as_array(), export_objects()."""
    o = bf.fx_frame_get_object(frame, OBJ_INDEX)
    peer = Peer("bindery", {"f": frame, "o": o})
    _values(peer, o.obj_label)
    _scalar_ops(peer, "a = o.obj_label", "o.obj_label = v_label")
    peer.ops["mask export 1920x1080"] = "a = f.mask.as_array()"
    _iter_ops(peer, lambda: iter(frame.obj_list))
    peer.ops["bulk export (native)"] = "a = f.export_objects()"
    return peer


def pyo3_peer(po: Any, address: int) -> Peer:
    """Hand-written PyO3 (bench/peers/pyo3_fixture): cast + typed iteration."""
    frame = po.FxFrameMeta.cast(address)
    o = po.fx_frame_get_object(frame, OBJ_INDEX)
    peer = Peer("pyo3", {"f": frame, "o": o})
    _values(peer, o.obj_label)
    _scalar_ops(peer, "a = o.obj_label", "o.obj_label = v_label")
    peer.ops["mask export 1920x1080"] = "a = f.mask.as_array()"
    _iter_ops(peer, lambda: iter(frame.obj_list))
    return peer


def pybind11_peer(pb: Any, address: int) -> Peer:
    """pyds-style pybind11: cast + GList walk."""
    frame = pb.FxFrameMeta.cast(address)
    o = pb.fx_frame_get_object(frame, OBJ_INDEX)
    peer = Peer("pybind11", {"f": frame, "o": o})
    _values(peer, o.obj_label)
    _scalar_ops(peer, "a = o.obj_label", "o.obj_label = v_label")
    peer.ops["mask export 1920x1080"] = "a = f.mask.as_array()"
    cast = pb.FxObjectMeta.cast

    def walk() -> Iterator[Any]:
        l = frame.obj_list
        while l is not None:
            yield cast(l.data)
            l = l.next

    def iterate() -> None:  # the pyds loop, written out (no generator)
        l = frame.obj_list
        while l is not None:
            o = cast(l.data)
            a = o.class_id
            b = o.confidence
            c = o.rect.left
            l = l.next

    peer.add_fn("iterate 1000 x 3 fields", iterate)
    peer.add_fn("bulk export (Python loop)", lambda: columns_from(walk()))
    return peer


def ctypes_peer(cf: Any, address: int) -> Peer:
    """ctypes Structure mirrors: from_address + pointer walk."""
    frame = cf.FxFrameMeta.from_address(address)
    o = cf.FxObjectMeta.from_address(
        ctypes.addressof(cf.lib.fx_frame_get_object(ctypes.pointer(frame), OBJ_INDEX).contents)
    )
    peer = Peer("ctypes", {"f": frame, "o": o})
    _values(peer, o.obj_label.decode())
    _scalar_ops(peer, "a = o.obj_label.decode()", "o.obj_label = v_label.encode()")
    peer.env["as_array"] = np.ctypeslib.as_array
    peer.ops["mask export 1920x1080"] = (
        "m = f.mask.contents; a = as_array(m.data, shape=(m.height, m.width))"
    )
    from_address = cf.FxObjectMeta.from_address

    def walk() -> Iterator[Any]:
        l = frame.obj_list
        while l:
            node = l.contents
            yield from_address(node.data)
            l = node.next

    def iterate() -> None:
        l = frame.obj_list
        while l:
            node = l.contents
            o = from_address(node.data)
            a = o.class_id
            b = o.confidence
            c = o.rect.left
            l = node.next

    peer.add_fn("iterate 1000 x 3 fields", iterate)
    peer.add_fn("bulk export (Python loop)", lambda: columns_from(walk()))
    return peer


def cffi_peer(mod: Any, address: int) -> Peer:
    """cffi API mode: cdata pointers + GList walk."""
    ffi, lib = mod.ffi, mod.lib
    frame = ffi.cast("FxFrameMeta *", address)
    o = lib.fx_frame_get_object(frame, OBJ_INDEX)
    peer = Peer("cffi", {"f": frame, "o": o, "ffi": ffi})
    _values(peer, ffi.string(o.obj_label).decode())
    _scalar_ops(peer, "a = ffi.string(o.obj_label).decode()", "o.obj_label = v_label.encode()")
    peer.ops["mask export 1920x1080"] = (
        "m = f.mask; a = np.frombuffer(ffi.buffer(m.data, m.width * m.height * 4),"
        " dtype=np.int32).reshape(m.height, m.width)"
    )
    null, cast = ffi.NULL, ffi.cast

    def walk() -> Iterator[Any]:
        l = frame.obj_list
        while l != null:
            yield cast("FxObjectMeta *", l.data)
            l = l.next

    def iterate() -> None:
        l = frame.obj_list
        while l != null:
            o = cast("FxObjectMeta *", l.data)
            a = o.class_id
            b = o.confidence
            c = o.rect.left
            l = l.next

    peer.add_fn("iterate 1000 x 3 fields", iterate)
    peer.add_fn("bulk export (Python loop)", lambda: columns_from(walk()))
    return peer


def pure_peer(pp: Any, num_objects: int, width: int, height: int) -> Peer:
    """__slots__ classes: the floor for attribute access."""
    frame = pp.fx_frame_new(num_objects, width, height)
    o = frame.obj_list[OBJ_INDEX]
    peer = Peer("pure", {"f": frame, "o": o})
    _values(peer, o.obj_label)
    _scalar_ops(peer, "a = o.obj_label", "o.obj_label = v_label")
    peer.ops["mask export 1920x1080"] = "a = f.mask.as_array()"
    _iter_ops(peer, lambda: iter(frame.obj_list))
    return peer
