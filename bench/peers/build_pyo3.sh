#!/usr/bin/env bash
# Builds the hand-written PyO3 peer (bench/peers/pyo3_fixture, release) and
# installs it into the venv as `pyo3_fixture`. Needs build/fixture/libfixture.so.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
"$ROOT/.venv/bin/maturin" develop -q --release -m bench/peers/pyo3_fixture/Cargo.toml >/dev/null
echo "built pyo3_fixture (hand-written PyO3 peer) into .venv"
