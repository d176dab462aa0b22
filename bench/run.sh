#!/usr/bin/env bash
# One command for the fixture benchmark: regenerate the fixture module (and
# time the generator), build it optimised into .venv, build all peers, then
# run the benchmark in one process. Extra arguments go to fixture_bench.py
# (e.g. --json build/bench/results.json).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"
cargo build -q --release --bin codegen
start=$(date +%s%N)
./target/release/codegen generate fixture
end=$(date +%s%N)
echo "codegen generate fixture (release binary): $(( (end - start) / 1000000 )) ms wall"
.venv/bin/maturin develop -q --release -m tests/fixture/generated/Cargo.toml >/dev/null
bash "$ROOT/bench/build_peers.sh"
exec "$PYTHON" "$ROOT/bench/fixture_bench.py" "$@"
