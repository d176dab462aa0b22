#!/usr/bin/env bash
# One command for the fixture benchmark: build all peers, then run the
# benchmark in one process. Extra arguments go to fixture_bench.py
# (e.g. --json build/bench/results.json).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
bash "$ROOT/bench/build_peers.sh"
exec "$PYTHON" "$ROOT/bench/fixture_bench.py" "$@"
