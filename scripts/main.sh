#!/usr/bin/env bash
# The main job on the bundled default: set everything up (scripts/setup.sh:
# generate + build + install every target into .venv), then run a DeepStream
# sample-app style probe through the generated `pyds` on a real GStreamer
# pipeline (falls back to the fixture demo while pyds is not built).
# Usage: bash scripts/main.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export GST_PLUGIN_PATH="$(pwd)/build/sdk/gst${GST_PLUGIN_PATH:+:$GST_PLUGIN_PATH}"
if .venv/bin/python -c "import pyds" 2>/dev/null && [ -f examples/deepstream_probe.py ]; then
  .venv/bin/python examples/deepstream_probe.py
else
  .venv/bin/python examples/fixture_demo.py
fi
