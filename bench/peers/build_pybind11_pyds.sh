#!/usr/bin/env bash
# Builds the pyds-style pybind11 peer of the DeepStream stand-in into
# build/bench/ (or $1). Struct access, plus gst_buffer_get_nvds_batch_meta
# from the stand-in's libnvdsgst_meta (built by scripts/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${1:-$ROOT/build/bench}"
mkdir -p "$OUT"
SUFFIX="$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')"
# shellcheck disable=SC2046  # word splitting of the flag lists is intended
g++ -O2 -shared -fPIC -std=c++17 -fvisibility=hidden \
  $("$PY" -m pybind11 --includes) \
  -I "$ROOT/targets/deepstream/sdk/include" $(pkg-config --cflags glib-2.0 gstreamer-1.0) \
  "$ROOT/bench/peers/pybind11_pyds.cpp" \
  -L "$ROOT/build/sdk/src" -Wl,-rpath,"$ROOT/build/sdk/src" -lnvdsgst_meta \
  $(pkg-config --libs glib-2.0 gstreamer-1.0) \
  -o "$OUT/pybind11_pyds$SUFFIX"
echo "built $OUT/pybind11_pyds$SUFFIX"
