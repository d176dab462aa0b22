"""ctypes peer for the DeepStream stand-in: `ctypes.Structure` mirrors of the
structs a probe walk touches, laid out from the layout table the SDK layout
test checks (sizes and field offsets of DeepStream 9.1), with explicit
padding between the fields we name."""

from __future__ import annotations

import ctypes
import json
from pathlib import Path

LAYOUT = json.loads((Path(__file__).resolve().parents[2] / "targets/deepstream/sdk/tests/layout/ds91_layout.json").read_text())


def mirror(name: str, fields: list[tuple[str, object]]) -> type:
    """A Structure named `name` holding `fields` at their real offsets."""
    info = LAYOUT[name]
    offsets = info["fields"]
    out, at = [], 0
    for i, (field, ctype) in enumerate(sorted(fields, key=lambda f: offsets[f[0]])):
        start = offsets[field] // 8
        if start > at:
            out.append((f"_pad{i}", ctypes.c_uint8 * (start - at)))
        out.append((field, ctype))
        at = start + ctypes.sizeof(ctype)
    if info["size"] > at:
        out.append(("_tail", ctypes.c_uint8 * (info["size"] - at)))
    cls = type(name, (ctypes.Structure,), {"_fields_": out})
    assert ctypes.sizeof(cls) == info["size"], name
    return cls


class GList(ctypes.Structure):
    pass


GList._fields_ = [("data", ctypes.c_void_p), ("next", ctypes.POINTER(GList)), ("prev", ctypes.POINTER(GList))]

NvOSD_ColorParams = mirror("NvOSD_ColorParams", [(c, ctypes.c_double) for c in ("red", "green", "blue", "alpha")])
NvOSD_RectParams = mirror(
    "NvOSD_RectParams",
    [("left", ctypes.c_float), ("top", ctypes.c_float), ("width", ctypes.c_float), ("height", ctypes.c_float), ("border_color", NvOSD_ColorParams)],
)
NvDsObjectMeta = mirror(
    "NvDsObjectMeta",
    [("class_id", ctypes.c_int32), ("confidence", ctypes.c_float), ("rect_params", NvOSD_RectParams), ("obj_label", ctypes.c_char * 128)],
)
NvDsFrameMeta = mirror("NvDsFrameMeta", [("frame_num", ctypes.c_int32), ("obj_meta_list", ctypes.POINTER(GList))])
NvDsBatchMeta = mirror("NvDsBatchMeta", [("frame_meta_list", ctypes.POINTER(GList))])
NvDsInferSegmentationMeta = mirror(
    "NvDsInferSegmentationMeta",
    [("classes", ctypes.c_uint32), ("width", ctypes.c_uint32), ("height", ctypes.c_uint32), ("class_map", ctypes.POINTER(ctypes.c_int32))],
)
