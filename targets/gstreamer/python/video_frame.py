"""Ergonomic access to a buffer's regions of interest (ROI metas).

A thin pure-Python layer over the generated ``bindery_gst`` functions, in the
shape of Intel DL Streamer's ``gstgva`` (which hand-writes this with ctypes):
``VideoFrame(buffer, caps).regions()`` yields ``Region`` objects with
``rect()``, ``label()`` and ``confidence()`` read from the ROI's
``"detection"`` parameter structure, and ``add_region(...)`` writes one.

Every object here reads C memory through the generated views, so it inherits
their rules: wrong objects raise ``TypeError``, and once the buffer no longer
holds a meta, reading it raises ``ReferenceError`` instead of returning stale
data.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .bindery_gst import (
    GstStructure,
    GstVideoInfo,
    GstVideoRegionOfInterestMeta,
    gst_buffer_add_video_region_of_interest_meta,
    gst_buffer_is_writable,
    gst_structure_get_double,
    gst_structure_get_name,
    gst_structure_get_string,
    gst_structure_new_from_string,
    gst_video_info_from_caps,
    gst_video_region_of_interest_meta_add_param,
    gst_video_region_of_interest_meta_get_param,
)

__all__ = ["DETECTION", "Rect", "Region", "VideoFrame"]

#: Name of the ROI parameter structure holding label and confidence.
DETECTION = "detection"


class Rect(NamedTuple):
    """A region's bounding box in pixels."""

    x: int
    y: int
    w: int
    h: int


def _quoted(text: str) -> str:
    """``text`` as a GstStructure string literal (quotes and backslashes escaped)."""
    if not isinstance(text, str):
        raise TypeError(f"label: expected str, got {type(text).__name__}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Region:
    """One region of interest of a frame (a ``GstVideoRegionOfInterestMeta``)."""

    def __init__(self, meta: GstVideoRegionOfInterestMeta) -> None:
        if not isinstance(meta, GstVideoRegionOfInterestMeta):
            raise TypeError(f"Region: expected a GstVideoRegionOfInterestMeta, got {type(meta).__name__}")
        self._meta = meta

    @property
    def meta(self) -> GstVideoRegionOfInterestMeta:
        """The underlying meta view (fields readable and writable)."""
        return self._meta

    def rect(self) -> Rect:
        """The bounding box."""
        m = self._meta
        return Rect(m.x, m.y, m.w, m.h)

    def region_id(self) -> int:
        """The ROI's id on its buffer."""
        return int(self._meta.id)

    def detection(self) -> GstStructure | None:
        """The ``"detection"`` parameter structure, or None."""
        return gst_video_region_of_interest_meta_get_param(self._meta, DETECTION)

    def label(self) -> str:
        """The detection's ``label`` field, else the ROI type's name."""
        d = self.detection()
        text = gst_structure_get_string(d, "label") if d is not None else None
        return text if text is not None else _quark_name(self._meta.roi_type)

    def confidence(self) -> float:
        """The detection's ``confidence`` field (0.0 when absent)."""
        d = self.detection()
        if d is None:
            return 0.0
        found, value = gst_structure_get_double(d, "confidence")
        return float(value) if found else 0.0

    def params(self) -> list[str]:
        """Names of the ROI's parameter structures."""
        return [gst_structure_get_name(s) or "" for s in self._meta.params]

    def __repr__(self) -> str:
        return f"Region({self.rect()}, label={self.label()!r}, confidence={self.confidence():.3f})"


def _quark_name(quark: int) -> str:
    """The string of a GQuark, through PyGObject's GLib (which the buffers come from)."""
    from gi.repository import GLib  # noqa: PLC0415 (PyGObject is needed only here)

    return GLib.quark_to_string(quark) or ""


class VideoFrame:
    """A video buffer and, optionally, its caps: the regions it carries."""

    def __init__(self, buffer: Any, caps: Any = None) -> None:
        self._buffer = buffer
        self._caps = caps
        # Validate early: a wrong object raises TypeError here, not on first use.
        GstVideoRegionOfInterestMeta.iterate(buffer)

    @property
    def buffer(self) -> Any:
        """The buffer given (a ``Gst.Buffer`` or its address)."""
        return self._buffer

    def video_info(self) -> GstVideoInfo | None:
        """Width, height, format… parsed from the caps (None without caps)."""
        if self._caps is None:
            return None
        info = GstVideoInfo()
        if not gst_video_info_from_caps(info, self._caps):
            raise ValueError("the caps do not describe raw video")
        return info

    def regions(self) -> list[Region]:
        """Every region of interest on the buffer, in the buffer's order."""
        return [Region(m) for m in GstVideoRegionOfInterestMeta.iterate(self._buffer)]

    def add_region(self, x: int, y: int, w: int, h: int, label: str = "", confidence: float = 0.0) -> Region:
        """Adds a region with a ``"detection"`` parameter (label, confidence).

        The buffer must be writable (a buffer Python made, or one it holds
        the only reference to); otherwise ``ValueError``.
        """
        text = _quoted(label)
        conf = float(confidence)
        if conf != conf or conf in (float("inf"), float("-inf")):
            raise ValueError("confidence must be a finite number")
        if not gst_buffer_is_writable(self._buffer):
            raise ValueError("cannot add a region: the buffer is not writable (another reference to it exists)")
        meta = gst_buffer_add_video_region_of_interest_meta(self._buffer, label, x, y, w, h)
        if meta is None:
            raise ValueError("cannot add a region to this buffer")
        detection = gst_structure_new_from_string(f"{DETECTION}, label=(string){text}, confidence=(double){conf!r}")
        if detection is None:
            raise ValueError(f"cannot encode label {label!r}")
        gst_video_region_of_interest_meta_add_param(meta, detection)
        return Region(meta)
