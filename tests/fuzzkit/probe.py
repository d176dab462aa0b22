"""Worker-side helpers of the fuzz harness (imported by every prelude).

Owns the oracles: `sweep_setattr` sets values on an attribute and checks
that each set either raised an allowed exception or reads back the value
that was set (floats: float32 rounding allowed, but a finite value never
reads back infinite); `sweep_calls` calls a function with argument tuples
and checks that it returns or raises an allowed exception; `keep_and_kill`
checks that a view kept past the death of its memory raises ReferenceError
or still reads what it read before (never a different value: that is a
read of freed or recycled memory). Each sub-operation announces itself with
`step(label)` so that a crash is attributed to it. Results are plain JSON:
counts by outcome and a list of findings.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter

import numpy as np

__all__ = [
    "ALLOWED", "CLASSES", "FACTORIES", "capsule", "capsule_of", "named_capsule", "other", "make",
    "same", "sweep_setattr", "sweep_calls", "read_all", "run_scenario",
]

#: Set by the prelude: the exception classes the target documents.
ALLOWED: tuple[type[BaseException], ...] = (TypeError, ValueError, OverflowError, ReferenceError)
#: Set by the prelude: name -> class of the target module (for `other`).
CLASSES: dict[str, type] = {}
#: Set by the prelude: class name -> zero-argument factory (default: the class).
FACTORIES: dict[str, object] = {}
FLT_MAX = 3.4028234663852886e38
_KEEP: list = []  # memory behind capsules made here lives as long as the worker


def step(label: str) -> None:
    """Announces a sub-operation; replaced by the worker's (see worker.py)."""

_api = ctypes.pythonapi
_api.PyCapsule_New.restype = ctypes.py_object
_api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
_api.PyCapsule_GetName.restype = ctypes.c_void_p
_api.PyCapsule_GetName.argtypes = [ctypes.py_object]
_api.PyCapsule_GetPointer.restype = ctypes.c_void_p
_api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_void_p]


def capsule(address: int):
    """An unnamed PyCapsule holding `address` (no destructor)."""
    return _api.PyCapsule_New(address, None, None)


def capsule_of(size: int):
    """A capsule over `size` zeroed bytes of valid memory that is no struct."""
    buffer = ctypes.create_string_buffer(size)
    _KEEP.append(buffer)
    return capsule(ctypes.addressof(buffer))


def named_capsule(size: int, name: str):
    """Like `capsule_of`, with a capsule name (names must outlive the capsule)."""
    buffer = ctypes.create_string_buffer(size)
    label = ctypes.create_string_buffer(name.encode())
    _KEEP.extend((buffer, label))
    return _api.PyCapsule_New(ctypes.addressof(buffer), ctypes.addressof(label), None)


def is_capsule(value) -> bool:
    return type(value).__name__ == "PyCapsule"


def capsule_address(cap) -> int:
    """The pointer a capsule holds, whatever its name."""
    return _api.PyCapsule_GetPointer(cap, _api.PyCapsule_GetName(cap)) or 0


def as_address(value):
    """An address for pointer-like values (capsules, ints, None, and views:
    a `void*` field set to a struct view stores its address and reads back
    as a capsule), else None."""
    if is_capsule(value):
        return capsule_address(value)
    if value is None:
        return 0
    if isinstance(value, int):
        return None if isinstance(value, bool) else value
    address = getattr(type(value), "address", None)
    return value.address if type(address).__name__ == "getset_descriptor" else None


def other(name: str):
    """A fresh instance of class `name` of the target."""
    return make(name)


def make(name: str):
    factory = FACTORIES.get(name) or CLASSES[name]
    return factory()


def exc_name(exc: BaseException) -> str:
    return type(exc).__name__


def same_float(read: float, value: float) -> bool:
    if math.isnan(value):
        return math.isnan(read)
    if math.isinf(read) and not math.isinf(value):
        return False
    if read == value:
        return True
    return abs(value) <= FLT_MAX and read == float(np.float32(value))


def as_number(value):
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def same(read, value, depth: int = 0) -> bool:
    """True when `read` (read back) is the value that was set."""
    if read is value:
        return True
    if is_capsule(read) or (read is None and as_address(value) == 0):
        return as_address(read) == as_address(value)  # a pointer field: the same address
    value = as_number(value)
    if isinstance(read, bool) and isinstance(value, int):
        return read == bool(value)  # gboolean-like fields normalise, as C's `!!x` would
    if value is None or read is None:
        return value is None and read is None
    if isinstance(read, float) and isinstance(value, (int, float)):
        return same_float(read, float(value)) or (isinstance(value, int) and read == value)
    if isinstance(read, str) and isinstance(value, (bytes, bytearray, memoryview)):
        return read.encode("utf-8", "surrogatepass") == bytes(value)
    if isinstance(read, np.ndarray):
        return same_sequence(read.tolist(), value, depth)
    if hasattr(read, "address") and hasattr(value, "address"):
        return read.address == value.address or same_struct(read, value, depth)
    return read == value


def same_sequence(read: list, value, depth: int) -> bool:
    try:
        items = np.asarray(value).tolist() if not isinstance(value, (list, tuple)) else list(value)
    except (TypeError, ValueError, OverflowError):  # numpy cannot take it: it was not stored
        return False
    flat = lambda x: [i for y in x for i in flat(y)] if isinstance(x, list) else [x]  # noqa: E731
    a, b = flat(read), flat(items)
    return len(a) == len(b) and all(same(x, y, depth + 1) for x, y in zip(a, b))


def fields_of(obj) -> list[str]:
    return [n for n, d in vars(type(obj)).items() if type(d).__name__ == "getset_descriptor" and n != "address"]


def same_struct(read, value, depth: int) -> bool:
    """Field-by-field comparison of two views of one struct type."""
    if type(read) is not type(value):
        return False
    if depth > 2:
        return True
    for name in fields_of(read):
        try:
            a, b = getattr(read, name), getattr(value, name)
        except ALLOWED:
            continue
        if not same(a, b, depth + 1):
            return False
    return True


def judge_set(target, attr: str, value, tally: Counter, findings: list, label: str) -> None:
    try:
        setattr(target, attr, value)
    except ALLOWED as exc:
        tally[f"raised {exc_name(exc)}"] += 1
        return
    except BaseException as exc:  # reported as a finding, never swallowed silently
        tally["undocumented exception"] += 1
        findings.append({"step": label, "kind": "undocumented exception", "detail": f"{exc_name(exc)}: {exc}"[:300]})
        return
    try:
        read = getattr(target, attr)
    except BaseException as exc:  # a set that cannot be read back is a finding
        findings.append({"step": label, "kind": "read-back failed", "detail": f"{exc_name(exc)}: {exc}"[:300]})
        return
    if same(read, value):
        tally["stored"] += 1
    else:
        tally["silent change"] += 1
        findings.append({"step": label, "kind": "silent change", "detail": f"read back {read!r:.120}"})


def sweep_setattr(make_target, attr: str, exprs: list[str], env: dict) -> dict:
    """Sets every value of `exprs` on `attr` of a fresh target each."""
    tally, findings = Counter(), []
    for expr in exprs:
        label = f"{attr} = {expr}"
        step(label)
        value = eval(expr, env)
        judge_set(make_target(), attr, value, tally, findings, label)
    return {"tally": dict(tally), "findings": findings}


def sweep_calls(fn, calls: list[str], env: dict) -> dict:
    """Calls `fn(*args)` for each argument-tuple expression of `calls`."""
    tally, findings = Counter(), []
    for expr in calls:
        label = f"{fn.__name__}{expr}"
        step(label)
        args = eval(expr, env)
        try:
            fn(*args)
            tally["returned"] += 1
        except ALLOWED as exc:
            tally[f"raised {exc_name(exc)}"] += 1
        except BaseException as exc:  # reported as a finding
            tally["undocumented exception"] += 1
            findings.append({"step": label, "kind": "undocumented exception", "detail": f"{exc_name(exc)}: {exc}"[:300]})
    return {"tally": dict(tally), "findings": findings}


def read_all(thing):
    """Everything a user could read from a kept object, as plain data."""
    if isinstance(thing, np.ndarray):
        return thing.tolist()
    if isinstance(thing, (int, float, str, bytes, type(None))):
        return thing
    if hasattr(thing, "__next__"):
        return [read_all(x) for x in thing]
    if isinstance(thing, list):
        return [read_all(x) for x in thing]
    return {name: plain(getattr(thing, name)) for name in fields_of(thing)}


def plain(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (int, float, str, bytes, type(None))):
        return value
    return getattr(value, "address", type(value).__name__)


def judge_after(label: str, expect: str, before, read, tally: Counter, findings: list) -> None:
    """Judges one read of a kept object after kills: `expect` is 'dead'
    (must raise ReferenceError), 'alive' (must read as before) or 'any'."""
    step(label)
    try:
        now = read()
    except ALLOWED as exc:
        tally[f"{expect}: raised {exc_name(exc)}"] += 1
        if expect == "alive":
            findings.append({"step": label, "kind": "kept-alive view died", "detail": f"{exc_name(exc)}: {exc}"[:200]})
        elif expect == "dead" and not isinstance(exc, ReferenceError):
            findings.append({"step": label, "kind": "dead view: wrong exception", "detail": f"{exc_name(exc)}: {exc}"[:200]})
        return
    except BaseException as exc:  # reported as a finding
        findings.append({"step": label, "kind": "undocumented exception", "detail": f"{exc_name(exc)}: {exc}"[:300]})
        return
    if before is None and now is None:  # the keeper kept no object (a NULL list field reads as None)
        tally[f"{expect}: kept None"] += 1
        return
    unchanged = now == before
    tally[f"{expect}: read {'unchanged' if unchanged else 'changed'}"] += 1
    if expect == "dead":
        kind = "stale view still readable" if unchanged else "read of freed or recycled memory"
        findings.append({"step": label, "kind": kind, "detail": f"{before!r:.80} -> {now!r:.80}"})
    elif expect == "alive" and not unchanged:
        findings.append({"step": label, "kind": "kept-alive view changed", "detail": f"{before!r:.80} -> {now!r:.80}"})


def run_scenario(keep: dict, kills: list, expect: dict, then: str, env: dict) -> dict:
    """Keeps `keep` (name -> (expr, read)), runs `kills` ((name, code)),
    runs `then`, and judges every keeper by `expect` (see judge_after)."""
    tally, findings = Counter(), []
    kept, before = {}, {}
    for name, (expr, read) in keep.items():
        step(f"keep {name}")
        before[name] = read_all(eval(read, env, {"K": eval(expr, env)}))
        kept[name] = eval(expr, env)
    for name, code in kills:
        step(f"kill {name}")
        try:
            exec(code, env)
        except ALLOWED as exc:
            tally[f"kill raised {exc_name(exc)}"] += 1
        except BaseException as exc:  # reported as a finding
            findings.append({"step": f"kill {name}", "kind": "undocumented exception", "detail": f"{exc_name(exc)}: {exc}"[:300]})
    exec(then, env)
    killed = "+".join(name for name, _ in kills)
    for name, (expr, read) in keep.items():
        reader = lambda: read_all(eval(read, env, {"K": kept[name]}))  # noqa: E731
        judge_after(f"read {name} after {killed}", expect[name], before[name], reader, tally, findings)
    return {"tally": dict(tally), "findings": findings}
