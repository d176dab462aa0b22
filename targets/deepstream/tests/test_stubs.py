"""The generated stubs (pyds.pyi, including the merged helper stubs) match
the built module, checked by mypy.stubtest."""

from __future__ import annotations

import subprocess
import sys


def test_stubtest_passes():
    proc = subprocess.run([sys.executable, "-m", "mypy.stubtest", "pyds"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
