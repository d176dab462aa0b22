#!/usr/bin/env bash
# Builds everything the benchmark needs into build/ (gitignored):
#   build/fixture/libfixture.so   (meson)
#   build/bench/_fixture_cffi*.so (cffi API mode)
#   build/bench/pybind11_fixture*.so (pyds-style pybind11)
# The ctypes and pure-Python peers need no build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"
if [ ! -f build/fixture/build.ninja ]; then
  meson setup build/fixture tests/fixture
fi
meson compile -C build/fixture
"$PYTHON" bench/peers/cffi_build.py build/bench
bash bench/peers/build_pybind11.sh build/bench
bash bench/peers/build_pyo3.sh
