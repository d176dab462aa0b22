"""The memory-model limit that is this target's (docs/memory-model.md,
"Guarantees and limits"): a GstMeta removed from its buffer on its own is
not noticed. Views of a `buffer_meta_api` meta die with the buffer's metas
(its end, a pool reset), but `gst_buffer_remove_meta` runs no hook of ours,
so the view keeps reading where the meta was. When this is lifted, the test
fails and the docs' table changes with it.

It runs in a child interpreter (valgrind does not follow it: it reads freed
memory on purpose) with GLib's slices as plain malloc and freed memory
scribbled over, so the stale read shows as a changed value."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = """
import ctypes, gi
gi.require_version("Gst", "1.0")
from gi.repository import Gst
Gst.init(None)
import bindery_gst
gst = ctypes.CDLL("libgstreamer-1.0.so.0")
gst.gst_buffer_remove_meta.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
buf = Gst.Buffer.new_allocate(None, 16, None)
roi = bindery_gst.gst_buffer_add_video_region_of_interest_meta(buf, "car", 1, 2, 3, 4)
print("before:", roi.x)
print("removed:", bool(gst.gst_buffer_remove_meta(hash(buf), roi.address)))
try:
    print("after:", roi.x)
except ReferenceError:
    print("after: ReferenceError")
"""


def test_meta_removed_from_its_buffer_on_its_own_is_not_noticed():
    env = dict(os.environ, MALLOC_PERTURB_="165", G_SLICE="always-malloc")
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(CHILD)], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "before: 1" in proc.stdout and "removed: True" in proc.stdout, proc.stdout
    assert "after: ReferenceError" not in proc.stdout, proc.stdout
