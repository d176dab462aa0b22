"""Pure-Python floor for the benchmark: ``__slots__`` classes, no C at all.

Owns Python-only mirrors of the fixture structs holding the same
deterministic content as ``fx_frame_new`` builds in C (see
tests/fixture/src/fixture.c). Attribute access on a ``__slots__`` class is
the fastest any binding can hope to be, so this column is the floor.
"""

from __future__ import annotations

from typing import List, Optional

import numpy as np

LABELS = ("car", "person", "bicycle")
INT64_MAX, INT64_MIN = 2**63 - 1, -(2**63)


class FxColor:
    """RGBA colour."""

    __slots__ = ("red", "green", "blue", "alpha")

    def __init__(self, red=0.0, green=0.0, blue=0.0, alpha=0.0):
        self.red, self.green, self.blue, self.alpha = red, green, blue, alpha


class FxRect:
    """Box with border."""

    __slots__ = ("left", "top", "width", "height", "border_color", "border_width")

    def __init__(self, left=0.0, top=0.0, width=0.0, height=0.0):
        self.left, self.top, self.width, self.height = left, top, width, height
        self.border_color = FxColor()
        self.border_width = 0


class FxObjectMeta:
    """One detected object."""

    __slots__ = (
        "class_id", "object_id", "confidence", "rect", "obj_label", "note", "kind",
        "parent", "misc", "embedding", "i8", "u16", "u32", "i64", "score",
        "visible", "user_data",
    )

    def __init__(self, i: int, parent: "FxFrameMeta"):
        cls = i % 3
        self.class_id, self.kind = cls, cls
        self.object_id = parent.frame_num * 1000 + i
        self.confidence = float(np.float32(0.5 + (i % 50) / 100.0))
        self.rect = FxRect(10.0 * i, 5.0 * i, 20.0 + i, 40.0 + i)
        self.rect.border_color = FxColor(1.0, 0.0, 0.0, 1.0)
        self.rect.border_width = 2
        self.obj_label = LABELS[cls]
        self.note: Optional[str] = None
        self.parent = parent
        self.misc = np.array([i, -i, INT64_MAX, INT64_MIN], dtype=np.int64)
        self.embedding = (i + np.arange(8) / 10.0).astype(np.float32)
        self.i8 = self.u16 = self.u32 = self.i64 = 0
        self.score = 0.0
        self.visible = True
        self.user_data = None


class FxMask:
    """Segmentation mask held as a numpy array."""

    __slots__ = ("width", "height", "data")

    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.data = (np.add.outer(np.arange(height), np.arange(width)) % 4).astype(np.int32)

    def as_array(self) -> np.ndarray:
        """The mask array itself (no copy)."""
        return self.data


class FxFrameMeta:
    """A frame: objects as a Python list."""

    __slots__ = (
        "frame_num", "source_id", "pts", "num_objects", "obj_list", "user_list",
        "mask", "source_name",
    )

    def __init__(self) -> None:
        self.frame_num = self.source_id = self.pts = self.num_objects = 0
        self.obj_list: List[FxObjectMeta] = []
        self.user_list: list = []
        self.mask: Optional[FxMask] = None
        self.source_name = "cam0"


def fx_frame_new(num_objects: int, mask_width: int, mask_height: int) -> FxFrameMeta:
    """Python equivalent of the C fx_frame_new."""
    frame = FxFrameMeta()
    frame.obj_list = [FxObjectMeta(i, frame) for i in range(num_objects)]
    frame.num_objects = num_objects
    if mask_width > 0 and mask_height > 0:
        frame.mask = FxMask(mask_width, mask_height)
    return frame
