"""Hypothesis fuzzing of the generated `bindery_zlib` (through `tests/fuzzkit`).

zlib is the classic-C-library target: `(buffer, length)` inputs,
caller-allocated outputs sized by a C function, by Python or by the given
buffer, and `uLongf *destLen` in/out lengths. Every module function is
called with valid arguments (bytes-like objects of several kinds, real
compressed streams, lengths around the interesting edges) mixed with the
hostile catalogue (wrong types, None, huge and negative ints, read-only
buffers where a writable one is needed, non-contiguous arrays, capsules).

Oracle: a result or an exception from the documented set; never a signal,
hang, MemoryError or silent truncation. Every case runs in a persistent
worker subprocess, so a crash or hang is counted instead of killing pytest.
Seeds are fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests"))

from fuzzkit import cases, standard  # noqa: E402
from fuzzkit.session import FuzzSession, report  # noqa: E402

pytestmark = [pytest.mark.fuzz, pytest.mark.no_valgrind]

BYTES_LIKE = [
    "DATA", "PACKED", "b''", "b'x'", "bytearray(PACKED)", "memoryview(DATA)",
    "np.frombuffer(PACKED, dtype=np.uint8)", "np.arange(64, dtype=np.uint8)[::2]",  # not contiguous
    "np.zeros((4, 4), dtype=np.float32)", "memoryview(DATA)[::3]",
]
WRITABLE = ["bytearray(16)", "bytearray(4096)", "np.zeros(4096, dtype=np.uint8)", "memoryview(bytearray(64))", "b'read only'", "bytearray(0)"]
LENGTHS = ["0", "1", "len(DATA)", "len(DATA) - 1", "len(DATA) * 2", "2**31", "2**32 + 1", "2**63 - 1", "-1"]


def valid(annotation: str) -> st.SearchStrategy[str]:
    """A valid-looking value for a stub annotation, as source."""
    if annotation.startswith("bytes |"):
        return st.sampled_from(BYTES_LIKE)
    if annotation.startswith("bytearray |"):
        return st.sampled_from(WRITABLE)
    if annotation == "int":
        return st.sampled_from(LENGTHS + ["Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "10"])
    return st.sampled_from(["None", "DATA"])


TARGET = standard.Target(
    module="bindery_zlib",
    stubs=[REPO / "targets/zlib/generated/python/bindery_zlib/bindery_zlib.pyi"],
    valid=valid,
)

PRELUDE = f"""
import gc, sys
sys.path.insert(0, {str(REPO / 'tests')!r})
import numpy as np
import zlib
import fuzzkit.probe as probe
from fuzzkit.probe import *
probe.step = step
import bindery_zlib
from bindery_zlib import Z_BEST_COMPRESSION, Z_DEFAULT_COMPRESSION
DATA = b"bindery binds C headers to Python. " * 40
PACKED = zlib.compress(DATA)
"""


@pytest.fixture(scope="module")
def fuzz():
    session = FuzzSession("bindery_zlib", PRELUDE, timeout=20)
    yield session
    summary = session.close()
    print(f"\nfuzz bindery_zlib: {summary['cases']} cases in {summary['seconds']} s: {summary['outcomes']}")


@pytest.mark.parametrize("name", cases.params(sorted(TARGET.callables), {}))
def test_calls(fuzz, name):
    findings = standard.calls(fuzz, TARGET, name, max_examples=40)
    assert not findings, report(findings)
