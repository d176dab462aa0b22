"""The generated .pyi stubs agree with the built module (mypy.stubtest)."""

import subprocess
import sys

import pytest

pytest.importorskip("mypy")


@pytest.mark.parametrize("module", [
    "mediapipe.python._framework_bindings",
    "mediapipe.python.packet_creator",
    "mediapipe.python.packet_getter",
])
def test_stubtest(module, tmp_path):
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", module], cwd=tmp_path,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
