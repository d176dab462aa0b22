#!/usr/bin/env bash
# Whole system headers by default rules: generates tests/system/glib and
# tests/system/gst (all of glib.h and gst/gst.h, nothing configured by hand)
# into a scratch directory outside the repository and compiles each crate.
# Usage: bash scripts/system_headers.sh [check|build]     (default: check)
#   check  cargo check each crate (what CI runs)
#   build  cargo build each crate, then check the stubs against the built
#          modules (mypy.stubtest) and run tests/system/test_system.py
# Prints the time of each step. BINDERY_SYSTEM_DIR overrides the scratch dir.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-check}
case $mode in check|build) ;; *) echo "usage: $0 [check|build]" >&2; exit 2 ;; esac
scratch=${BINDERY_SYSTEM_DIR:-${TMPDIR:-/tmp}/bindery-system-$(id -u)}
mkdir -p "$scratch/python"
cargo build -q --bin codegen
# Seconds since $1 (an epoch with fractions), one decimal.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
for name in glib gst; do
  out=$scratch/$name
  t=$(date +%s.%N)
  ./target/debug/codegen generate "tests/system/$name/spec.toml" --out "$out"
  echo "system $name: generate $(since "$t") s"
  # Pin the crate's dependencies to the workspace's versions; share one target dir.
  cp Cargo.lock "$out/Cargo.lock"
  t=$(date +%s.%N)
  if [ "$mode" = check ]; then
    (cd "$out" && CARGO_TARGET_DIR="$root/target/system" cargo check -q)
    echo "system $name: cargo check $(since "$t") s"
  else
    (cd "$out" && CARGO_TARGET_DIR="$root/target/system" PYO3_PYTHON="$root/.venv/bin/python" PYO3_BUILD_EXTENSION_MODULE=1 cargo build -q)
    echo "system $name: cargo build $(since "$t") s"
    module=$(sed -n 's/^module-name = "\([^.]*\).*/\1/p' "$out/pyproject.toml")
    # The package as maturin lays it out: python/<module>/ with the native module inside.
    rm -rf "${scratch:?}/python/$module"
    cp -r "$out/python/$module" "$scratch/python/$module"
    cp "$root/target/system/debug/lib$module.so" "$scratch/python/$module/$module.so"
  fi
done
if [ "$mode" = build ]; then
  t=$(date +%s.%N)
  (cd "$scratch/python" && "$root/.venv/bin/python" -m mypy.stubtest glib_core gst_core)
  echo "system: stubtest $(since "$t") s"
  PYTHONPATH="$scratch/python" .venv/bin/python -m pytest tests/system -q -p no:cacheprovider
fi
