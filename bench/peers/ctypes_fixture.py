"""Hand-written ctypes peer for the fixture library (benchmark baseline).

Owns ``ctypes.Structure`` mirrors of every struct in
``tests/fixture/include/fixture.h`` and typed prototypes of its functions,
written the way hand-maintained ctypes bindings (Intel's gstgva, GPAC's
libgpac) do it. The pytest suite also uses it to inspect C memory behind the
generated module's views. It does no memory management beyond what the
caller asks for: pointers returned by the library stay raw.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Iterator, Optional

#: Repository root (this file lives in bench/peers/).
REPO_ROOT = Path(__file__).resolve().parents[2]

FX_MAX_LABEL = 32
FX_SOURCE_NAME_LEN = 16
FX_MISC_COUNT = 4
FX_EMBEDDING_LEN = 8
#: Number of captions on a frame (FX_CAPTION_COUNT).
FX_CAPTION_COUNT = 2

FX_CLASS_CAR = 0
FX_CLASS_PERSON = 1
FX_CLASS_BICYCLE = 2
FX_CLASS_SIGN = 7


def library_path() -> Path:
    """Path of libfixture.so: $BINDERY_FIXTURE_LIB or build/fixture/."""
    env = os.environ.get("BINDERY_FIXTURE_LIB")
    if env:
        return Path(env)
    return REPO_ROOT / "build" / "fixture" / "libfixture.so"


class GList(ctypes.Structure):
    """GLib's doubly linked list node."""


GList._fields_ = [
    ("data", ctypes.c_void_p),
    ("next", ctypes.POINTER(GList)),
    ("prev", ctypes.POINTER(GList)),
]


class FxColor(ctypes.Structure):
    """Mirror of FxColor."""

    _fields_ = [
        ("red", ctypes.c_double),
        ("green", ctypes.c_double),
        ("blue", ctypes.c_double),
        ("alpha", ctypes.c_double),
    ]


class FxRect(ctypes.Structure):
    """Mirror of FxRect."""

    _fields_ = [
        ("left", ctypes.c_float),
        ("top", ctypes.c_float),
        ("width", ctypes.c_float),
        ("height", ctypes.c_float),
        ("border_color", FxColor),
        ("border_width", ctypes.c_uint),
    ]


class FxCaption(ctypes.Structure):
    """Mirror of FxCaption."""

    _fields_ = [
        ("text", ctypes.c_char_p),
        ("color", FxColor),
    ]


class FxFrameMeta(ctypes.Structure):
    """Mirror of FxFrameMeta (fields set below: it is self-referential)."""


class FxObjectMeta(ctypes.Structure):
    """Mirror of FxObjectMeta."""

    _fields_ = [
        ("class_id", ctypes.c_int),
        ("object_id", ctypes.c_uint64),
        ("confidence", ctypes.c_float),
        ("rect", FxRect),
        ("obj_label", ctypes.c_char * FX_MAX_LABEL),
        ("note", ctypes.c_char_p),
        ("kind", ctypes.c_int),
        ("parent", ctypes.POINTER(FxFrameMeta)),
        ("misc", ctypes.c_int64 * FX_MISC_COUNT),
        ("embedding", ctypes.c_float * FX_EMBEDDING_LEN),
        ("i8", ctypes.c_int8),
        ("u16", ctypes.c_uint16),
        ("u32", ctypes.c_uint32),
        ("i64", ctypes.c_int64),
        ("score", ctypes.c_double),
        ("visible", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("caption", FxCaption),
    ]


class FxMask(ctypes.Structure):
    """Mirror of FxMask."""

    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_int32)),
    ]


class FxUserMeta(ctypes.Structure):
    """Mirror of FxUserMeta (callback fields set below)."""


#: C type of FxUserMeta.copy_func.
FxCopyFunc = ctypes.CFUNCTYPE(
    ctypes.c_void_p, ctypes.POINTER(FxUserMeta), ctypes.c_void_p
)
#: C type of FxUserMeta.release_func.
FxReleaseFunc = ctypes.CFUNCTYPE(None, ctypes.POINTER(FxUserMeta), ctypes.c_void_p)

FxUserMeta._fields_ = [
    ("meta_type", ctypes.c_int),
    ("user_data", ctypes.c_void_p),
    ("copy_func", FxCopyFunc),
    ("release_func", FxReleaseFunc),
]

FxFrameMeta._fields_ = [
    ("frame_num", ctypes.c_uint),
    ("source_id", ctypes.c_int),
    ("pts", ctypes.c_uint64),
    ("num_objects", ctypes.c_uint),
    ("obj_list", ctypes.POINTER(GList)),
    ("user_list", ctypes.POINTER(GList)),
    ("mask", ctypes.POINTER(FxMask)),
    ("source_name", ctypes.c_char * FX_SOURCE_NAME_LEN),
    ("captions", FxCaption * FX_CAPTION_COUNT),
    ("spare_list", ctypes.POINTER(GList)),
]

_P = ctypes.POINTER
# name -> (restype, argtypes)
_PROTOTYPES = {
    "fx_frame_new": (_P(FxFrameMeta), [ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]),
    "fx_frame_free": (None, [_P(FxFrameMeta)]),
    "fx_object_new": (_P(FxObjectMeta), []),
    "fx_object_free": (None, [_P(FxObjectMeta)]),
    "fx_frame_add_object": (ctypes.c_int, [_P(FxFrameMeta), _P(FxObjectMeta)]),
    "fx_frame_get_object": (_P(FxObjectMeta), [_P(FxFrameMeta), ctypes.c_uint]),
    "fx_user_meta_new": (_P(FxUserMeta), [ctypes.c_int, ctypes.c_void_p]),
    "fx_frame_add_user_meta": (None, [_P(FxFrameMeta), _P(FxUserMeta)]),
    "fx_user_meta_copy": (_P(FxUserMeta), [_P(FxUserMeta)]),
    "fx_user_meta_release": (None, [_P(FxUserMeta)]),
    "fx_frame_confidence_sum": (ctypes.c_double, [_P(FxFrameMeta), ctypes.c_int]),
    "fx_add": (ctypes.c_int64, [ctypes.c_int32, ctypes.c_int32]),
    "fx_frame_scale": (ctypes.c_int, [_P(FxFrameMeta), ctypes.c_float]),
}


def load(path: Optional[Path] = None) -> ctypes.CDLL:
    """Load libfixture.so and attach the typed prototypes."""
    path = path or library_path()
    if not path.exists():
        raise OSError(
            f"{path} not found: build it with "
            "`meson setup build/fixture tests/fixture && meson compile -C build/fixture` "
            "(or set BINDERY_FIXTURE_LIB)"
        )
    lib = ctypes.CDLL(str(path))
    for name, (restype, argtypes) in _PROTOTYPES.items():
        func = getattr(lib, name)
        func.restype = restype
        func.argtypes = argtypes
    return lib


#: The loaded library.
lib = load()


def iter_list(node: "ctypes._Pointer[GList]", cls: type) -> Iterator:
    """Yield ``cls`` mirrors of every element of a GList, in order."""
    while node:
        entry = node.contents
        yield cls.from_address(entry.data)
        node = entry.next


def object_at(address: int) -> FxObjectMeta:
    """FxObjectMeta mirror over the C object at ``address`` (no copy)."""
    return FxObjectMeta.from_address(address)


def offset_of(cls: type, field: str) -> int:
    """Byte offset of ``field`` inside ``cls``, as the C compiler lays it out."""
    return getattr(cls, field).offset
