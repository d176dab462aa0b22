"""Regressions for what the fuzzer found in the mediapipe target (issue 9).

Each scenario runs in a child interpreter with a timeout, so a hang is a
failure rather than a stuck suite. Observer re-entrancy has its own file,
test_graph_reentrant.py.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run_child(code: str, timeout: float = 30) -> str:
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"rc={proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_image_from_an_endless_file_is_an_error_not_a_hang():
    # The whole file used to be read before its type was sniffed: /dev/zero
    # never returned and memory grew without bound.
    out = run_child(
        """
        import mediapipe as mp
        for name in ("/dev/zero", "/"):
            try:
                mp.Image.create_from_file(name)
            except RuntimeError as exc:
                print(exc)
        """
    )
    assert out.splitlines() == [
        "Image decoding failed (unknown image type): /dev/zero",
        "Image decoding failed (can't fopen): /",
    ]
