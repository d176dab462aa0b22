#!/usr/bin/env bash
# One command for every benchmark of issue 14 (bench/README.md):
#   bash bench/run.sh                  # all of them, in this order
#   bash bench/run.sh fixture pyds     # only the named ones
# Benchmarks: codegen (generator wall times, cold and warm), fixture
# (bench/fixture_bench.py), pyds (bench/pyds_bench.py), pipeline
# (bench/pipeline_bench.py), mediapipe (bench/mediapipe_bench.py against
# mediapipe 0.10.21 in .venv-mp-ref, created here from PyPI when missing).
# Every module is rebuilt optimised (`maturin develop --release`) first, so
# the figures are what a user gets. Arguments starting with `-` go to
# fixture_bench.py (e.g. --json build/bench/results.json), as before.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
MP_REF="${MP_REF:-$ROOT/.venv-mp-ref}"
cd "$ROOT"

benches=()
fixture_args=()
for arg in "$@"; do
  case "$arg" in
    -*) fixture_args+=("$arg") ;;
    codegen | fixture | pyds | pipeline | mediapipe) benches+=("$arg") ;;
    *) if [ ${#fixture_args[@]} -gt 0 ]; then fixture_args+=("$arg"); else
         echo "bench/run.sh: unknown benchmark '$arg' (codegen fixture pyds pipeline mediapipe)" >&2; exit 2; fi ;;
  esac
done
[ ${#benches[@]} -gt 0 ] || benches=(codegen fixture pyds pipeline mediapipe)

banner() { printf '\n== %s (%s, load %s)\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1 /proc/loadavg)"; }
wall_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
release_build() { "$ROOT/.venv/bin/maturin" develop -q --release -m "$1/Cargo.toml" >/dev/null; }

run_codegen() {
  banner "generator wall times (release binary)"
  cargo build -q --release --bin codegen
  local cg=./target/release/codegen
  echo "generate deepstream, cold (BINDERY_NO_CACHE=1): $(BINDERY_NO_CACHE=1 wall_ms $cg generate deepstream) ms"
  wall_ms $cg check >/dev/null # fills the parse cache of every target (a rebuilt generator starts empty)
  echo "generate deepstream, warm parse cache:           $(wall_ms $cg generate deepstream) ms"
  echo "generate gstreamer, cold:                        $(BINDERY_NO_CACHE=1 wall_ms $cg generate gstreamer) ms"
  echo "check (all targets and golden cases), warm:      $(wall_ms $cg check) ms"
}

run_fixture() {
  banner "fixture: generated vs hand PyO3, pybind11, ctypes, cffi, pure Python"
  cargo build -q --release --bin codegen
  ./target/release/codegen generate fixture
  release_build tests/fixture/generated
  bash "$ROOT/bench/build_peers.sh"
  "$PYTHON" "$ROOT/bench/fixture_bench.py" "${fixture_args[@]}"
}

pyds_ready() {
  [ -n "${PYDS_BUILT:-}" ] && return
  release_build targets/deepstream/generated
  bash "$ROOT/bench/peers/build_pybind11_pyds.sh"
  PYDS_BUILT=1
}

run_pyds() {
  banner "pyds: generated vs pyds-style pybind11 and ctypes"
  pyds_ready
  "$PYTHON" "$ROOT/bench/pyds_bench.py"
}

run_pipeline() {
  banner "pipeline: videotestsrc ! nvinfersim objects=100 ! fakesink, 300 frames"
  pyds_ready
  GST_PLUGIN_PATH="$ROOT/build/sdk/gst" "$PYTHON" "$ROOT/bench/pipeline_bench.py" --repeats 5
}

run_mediapipe() {
  banner "mediapipe: generated vs mediapipe 0.10.21"
  if [ ! -x "$MP_REF/bin/python" ]; then
    "$(command -v python3.11 || echo "$PYTHON")" -m venv "$MP_REF"
    "$MP_REF/bin/pip" install -q "mediapipe==0.10.21" "numpy<2"
  fi
  release_build targets/mediapipe/generated
  "$PYTHON" "$ROOT/bench/mediapipe_bench.py" --rounds 3 "$MP_REF/bin/python"
}

for bench in "${benches[@]}"; do "run_$bench"; done
