#!/usr/bin/env bash
# Target-specific build step run by scripts/build_target.sh after generation:
# the protobuf Python modules (not committed) for the mediapipe package.
set -euo pipefail
bash "$(dirname "$0")/build_protos.sh"
