"""The limits of the memory model (docs/memory-model.md, "Guarantees and
limits"), each shown as it is: what a script can still do that reads stale
or mistyped memory. When a limit is lifted its test here fails, and the
table in the docs must change with it.

Every case runs in a child interpreter (valgrind does not follow it: two of
them read freed memory on purpose) with freed memory scribbled over
(MALLOC_PERTURB_), so a stale read shows as changed values, not a crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


ENV_PERTURB = {"MALLOC_PERTURB_": "165", "G_SLICE": "always-malloc", "PYTHONFAULTHANDLER": "1"}

PRELUDE = """
import ctypes, os, sys
import pyds

def batch_with_object():
    batch = pyds.nvds_create_batch_meta(2)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    obj.class_id = 3
    pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
    return batch, frame, obj
"""


def run_child(code: str) -> str:
    """PRELUDE + `code` in a child; returns its stdout, fails on a crash or exit code."""
    env = dict(os.environ, **ENV_PERTURB)
    proc = subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code)], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def test_numpy_array_reads_memory_after_c_frees_it():
    out = run_child("""
        batch, frame, obj = batch_with_object()
        obj.misc_obj_info[:] = [1, 2, 3, 4]
        array = obj.misc_obj_info           # an array over the object's bytes
        pyds.nvds_destroy_batch_meta(batch)  # frees them
        try:
            obj.misc_obj_info
        except ReferenceError:
            print("view: ReferenceError")
        print("array:", list(array))        # no token to ask: freed bytes
    """)
    assert "view: ReferenceError" in out
    assert "array: [1, 2, 3, 4]" not in out, out  # the scribbled-over memory, not the values set


def test_view_of_an_element_returned_to_its_pool_sees_its_next_use():
    out = run_child("""
        batch, frame, obj = batch_with_object()
        pyds.nvds_remove_obj_meta_from_frame(frame, obj)  # back to the batch's pool
        again = pyds.nvds_acquire_obj_meta_from_pool(batch)
        again.class_id = 77
        print("same memory:", again.address == obj.address)
        print("stale view reads:", obj.class_id)
        pyds.nvds_destroy_batch_meta(batch)
    """)
    assert "same memory: True" in out, out
    assert "stale view reads: 77" in out, out


def test_untracked_cast_trusts_the_claimed_type():
    out = run_child("""
        raw = ctypes.create_string_buffer(b"\\x2a" * 1024)
        api = ctypes.pythonapi
        api.PyCapsule_New.restype = ctypes.py_object
        api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
        frame = pyds.NvDsFrameMeta.cast(api.PyCapsule_New(ctypes.addressof(raw), None, None))
        print("frame_num:", frame.frame_num)  # any readable bytes read as a frame
        try:
            pyds.NvDsFrameMeta.cast(0x10)
        except ValueError:
            print("unreadable: ValueError")
    """)
    assert f"frame_num: {0x2a2a2a2a}" in out, out
    assert "unreadable: ValueError" in out, out
