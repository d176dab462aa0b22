#!/usr/bin/env bash
# Runs MediaPipe's own framework tests (shipped inside the mediapipe==0.10.21
# wheel on PyPI) against our generated `mediapipe` package in .venv. The test
# files are downloaded and extracted to a temporary directory at run time;
# they are not part of this repository.
# Usage: bash targets/mediapipe/tests/run_upstream.sh [PYTHON] [extra pytest args]
# Needs: pip-installable absl-py in that interpreter; network access to PyPI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
py="${1:-$root/.venv/bin/python}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" -m pip download -q --no-deps mediapipe==0.10.21 --only-binary=:all: \
    --python-version 3.11 --platform manylinux_2_28_x86_64 -d "$work/wheel"
"$py" - "$work" <<'PY'
import pathlib, sys, zipfile
work = pathlib.Path(sys.argv[1])
wheel = next((work / "wheel").glob("mediapipe-0.10.21-*.whl"))
wanted = ["packet_test.py", "timestamp_test.py", "image_frame_test.py", "image_test.py", "calculator_graph_test.py"]
with zipfile.ZipFile(wheel) as z:
    for name in wanted:
        (work / "tests").mkdir(exist_ok=True)
        (work / "tests" / name).write_bytes(z.read(f"mediapipe/python/{name}"))
PY
# image_test.py reads solutions/testdata/hands.jpg, which the wheel does not
# ship; the tests check only its size (720x382), channels and that our
# decode matches OpenCV's, so a synthetic JPEG of that size stands in.
"$py" - "$work/tests/solutions/testdata/hands.jpg" <<'PY'
import pathlib, sys
import cv2, numpy as np
path = pathlib.Path(sys.argv[1])
path.parent.mkdir(parents=True, exist_ok=True)
y, x = np.mgrid[0:382, 0:720]
cv2.imwrite(str(path), np.dstack([x * 255 // 720, y * 255 // 382, (x + y) % 256]).astype(np.uint8))
PY
cd "$work/tests"
"$py" -m pytest -q -p no:cacheprovider "$@" packet_test.py timestamp_test.py image_frame_test.py image_test.py calculator_graph_test.py
