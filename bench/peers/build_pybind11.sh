#!/usr/bin/env bash
# Builds the pyds-style pybind11 peer into build/bench/ (or $1).
# Needs build/fixture/libfixture.so (meson) and pybind11 in the venv.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${1:-$ROOT/build/bench}"
mkdir -p "$OUT"
SUFFIX="$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
# shellcheck disable=SC2046  # word splitting of the flag lists is intended
g++ -O2 -shared -fPIC -std=c++17 -fvisibility=hidden \
  $("$PY" -m pybind11 --includes) \
  -I "$ROOT/tests/fixture/include" $(pkg-config --cflags glib-2.0) \
  "$ROOT/bench/peers/pybind11_fixture.cpp" \
  -L "$ROOT/build/fixture" -lfixture $(pkg-config --libs glib-2.0) \
  -Wl,-rpath,"$ROOT/build/fixture" \
  -o "$OUT/pybind11_fixture$SUFFIX"
echo "built $OUT/pybind11_fixture$SUFFIX"
