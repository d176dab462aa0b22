#!/usr/bin/env bash
# Generates the Python protobuf modules (mediapipe/framework/calculator_pb2.py,
# mediapipe/framework/formats/detection_pb2.py, ...) from core/proto into the
# generated package, so `mediapipe.framework.*_pb2` import after
# `maturin develop`. Output is not committed (see .gitignore).
# Usage: bash targets/mediapipe/build_protos.sh   (needs protoc: apt protobuf-compiler)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/generated/python"
mkdir -p "$out"
mapfile -t protos < <(cd "$here/core/proto" && find mediapipe -name '*.proto' | sort)
protoc -I "$here/core/proto" --python_out="$out" "${protos[@]}"
# Directories holding generated modules (and their parents) become packages;
# other directories (e.g. the native module's stub folder) are left alone.
(cd "$out" && find mediapipe -name '*_pb2.py' | while read -r f; do
  d=$(dirname "$f")
  while [ "$d" != "." ]; do [ -f "$d/__init__.py" ] || : > "$d/__init__.py"; d=$(dirname "$d"); done
done)
echo "build_protos: ${#protos[@]} proto files → $out/mediapipe"
