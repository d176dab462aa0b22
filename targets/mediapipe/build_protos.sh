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
# Every generated directory becomes a package (the hand-written ones already are).
(cd "$out" && find mediapipe -type d | while read -r d; do [ -f "$d/__init__.py" ] || : > "$d/__init__.py"; done)
echo "build_protos: ${#protos[@]} proto files → $out/mediapipe"
