"""Shared fixtures for the pyds suite.

Owns: the plugin path of the stand-in `nvinfersim` element (set before
GStreamer loads), importing the generated `pyds` (an import failure makes
tests ERROR, never skip), and a standalone batch built through pyds itself
(no pipeline needed). Pipeline helpers live in `ds_pipeline.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
PLUGIN_DIR = REPO_ROOT / "build" / "sdk" / "gst"
os.environ.setdefault("GST_PLUGIN_PATH", str(PLUGIN_DIR))

import pyds  # noqa: E402


@pytest.fixture
def batch():
    """A batch of 2 frames created through pyds (owned by the test)."""
    b = pyds.nvds_create_batch_meta(2)
    yield b
    pyds.nvds_destroy_batch_meta(b)


def pytest_configure(config):
    """Markers shared by the bindery suites (see scripts/valgrind_pytest.sh)."""
    config.addinivalue_line(
        "markers",
        "no_valgrind(reason): left out of the valgrind step: all the test's work runs in child "
        "interpreters that valgrind does not follow (the fuzz modules, whose workers are judged by "
        "the fuzz oracle), or the test depends on wall-clock timing that valgrind's 20-50x "
        "slow-down breaks. The plain pytest step still runs it.",
    )
    config.addinivalue_line("markers", "fuzz: Hypothesis fuzzing through tests/fuzzkit (its own CI step)")
