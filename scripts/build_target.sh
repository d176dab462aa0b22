#!/usr/bin/env bash
# Regenerates one bundled target, builds its wheel with `codegen build`
# (optimised: cargo profile $BINDERY_PROFILE, default `release`) into
# build/wheels/TARGET/ and installs that wheel into .venv, so the module the
# tests and benchmarks import is what a user gets from the wheel.
# Usage: bash scripts/build_target.sh TARGET   (fixture, deepstream, mediapipe, …)
#        BINDERY_PROFILE=dev bash scripts/build_target.sh fixture   (unoptimised, quicker to build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.venv/bin:$PATH"  # codegen build runs the venv's maturin
target=$1
profile=${BINDERY_PROFILE:-release}
crate=$(cargo run -q --bin codegen -- list | awk -v t="$target" '$1 == "target" && $2 == t {print $5}')
[ -n "$crate" ] || { echo "unknown target $target" >&2; exit 2; }
cargo run -q --bin codegen -- generate "$target"
if [ -f "targets/$target/build_extras.sh" ]; then
  bash "targets/$target/build_extras.sh"
fi
# Extension modules left in the package sources by an older `maturin develop`
# would otherwise be packed into the wheel beside the fresh one.
find "$crate/python" -name '*.so' -delete
wheels=build/wheels/$target
rm -rf "$wheels"
log=$(mktemp)
if ! cargo run -q --bin codegen -- build "$target" --out "$wheels" -- --profile "$profile" --interpreter .venv/bin/python >"$log" 2>&1; then
  cat "$log"; rm -f "$log"; exit 1
fi
rm -f "$log"
wheel=$(ls "$wheels"/*.whl)
.venv/bin/python -m pip install -q --force-reinstall --no-deps "$wheel"
package=$(sed -n 's/^module-name = "\([^.]*\).*/\1/p' "$crate/pyproject.toml")
.venv/bin/python -c "import importlib, sys; m = importlib.import_module(sys.argv[1]); print('installed', m.__name__, 'from', sys.argv[2])" "$package" "$wheel"
