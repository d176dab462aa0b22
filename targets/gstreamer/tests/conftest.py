"""Shared fixtures for the bindery_gst suite.

Owns: GStreamer initialisation through PyGObject (an import failure makes
the tests ERROR, never skip), and small helpers that build buffers and run
real pipelines. Every buffer here is a real GstBuffer made by GStreamer.
"""

from __future__ import annotations

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gst, GstVideo  # noqa: E402

import pytest  # noqa: E402

import bindery_gst  # noqa: E402,F401

Gst.init(None)

CAPS = "video/x-raw,format=RGB,width=64,height=48,framerate=30/1"


def new_buffer():
    """A fresh, writable GstBuffer (PyGObject holds the only reference)."""
    return Gst.Buffer.new_allocate(None, 64 * 48 * 3, None)


@pytest.fixture
def buffer():
    """A fresh buffer for tests that keep it (pytest holds a reference to
    fixture values: tests that drop the buffer call `new_buffer()`)."""
    return new_buffer()


@pytest.fixture
def caps():
    """Raw RGB 64x48 caps."""
    return Gst.Caps.from_string(CAPS)


def add_roi_with_gi(buf, label, x, y, w, h, confidence=None):
    """Writes a ROI meta with PyGObject's own GstVideo binding (no bindery)."""
    meta = GstVideo.buffer_add_video_region_of_interest_meta(buf, label, x, y, w, h)
    if confidence is not None:
        s = Gst.Structure.new_empty("detection")
        s.set_value("label", label)
        s.set_value("confidence", float(confidence))
        meta.add_param(s)
    return meta


def pull_all(pipeline_text, on_sample, name="sink"):
    """Runs `pipeline_text` to EOS, calling `on_sample(sample)` for each
    sample its appsink `name` pulls; returns how many there were."""
    pipeline = Gst.parse_launch(pipeline_text)
    sink = pipeline.get_by_name(name)
    pipeline.set_state(Gst.State.PLAYING)
    count = 0
    try:
        while True:
            sample = sink.emit("pull-sample")
            if sample is None:
                break
            on_sample(sample)
            count += 1
    finally:
        pipeline.set_state(Gst.State.NULL)
    return count


def pytest_configure(config):
    """Markers of the fuzz module (the valgrind step leaves `no_valgrind` out)."""
    config.addinivalue_line("markers", "no_valgrind: work in child interpreters valgrind does not follow")
    config.addinivalue_line("markers", "fuzz: Hypothesis fuzzing through tests/fuzzkit (its own CI step)")
