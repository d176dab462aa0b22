"""Deliberate memory errors in libfixture.so, for the valgrind self-check only.

Not a test of bindery: `scripts/valgrind_pytest.sh --self-check` runs this
file under valgrind with the CI step's flags and requires the checker to
report both errors below as ours (in libfixture.so). The file name does not
match `test_*.py`, so the normal suites never collect it; only run it under
valgrind, where freed blocks stay mapped (natively the read after free may
crash).
"""

from __future__ import annotations

import ctypes
from pathlib import Path

LIB = ctypes.CDLL(str(Path(__file__).resolve().parents[3] / "build" / "fixture" / "libfixture.so"))
LIB.fx_frame_new.restype = ctypes.c_void_p
LIB.fx_frame_new.argtypes = [ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]
LIB.fx_frame_free.argtypes = [ctypes.c_void_p]
LIB.fx_frame_confidence_sum.restype = ctypes.c_double
LIB.fx_frame_confidence_sum.argtypes = [ctypes.c_void_p, ctypes.c_int]
LIB.fx_object_new.restype = None  # the pointer is dropped at once: a definite leak


def test_read_after_free_in_fixture_library():
    frame = LIB.fx_frame_new(0, 0, 0)
    LIB.fx_frame_free(frame)
    LIB.fx_frame_confidence_sum(frame, 0)  # reads obj_list (NULL) of the freed frame


def test_definite_leak_in_fixture_library():
    for _ in range(3):
        LIB.fx_object_new()
