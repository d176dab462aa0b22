#!/usr/bin/env bash
# The fixture's wheel on every CPython the machine has: for each interpreter
# (default: every CPython >= 3.9 under pyenv's versions/), build the wheel
# for it with `codegen build`, install it with the test tools into a fresh
# virtualenv (build/pyversions/) and run the fixture's pytest suite there.
# Then the same for one stable-ABI wheel (`--features abi3`, cp311-abi3) on
# the oldest (>= 3.11) and the newest interpreter. The fuzz module is left to
# its own CI step (-m "not fuzz"; hypothesis is installed for collection).
# Usage: bash scripts/python_versions.sh [PYTHON...]
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.venv/bin:$PATH"  # codegen build runs the venv's maturin

# CPython >= 3.9 with the GIL (PyO3 0.30's range for this crate), oldest first.
pythons=("$@")
if [ ${#pythons[@]} -eq 0 ]; then
  versions="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")/versions"
  for dir in $(ls -d "$versions"/3.* 2>/dev/null | sort -V); do
    py="$dir/bin/python3"
    [ -x "$py" ] && "$py" -c 'import sys, sysconfig; sys.exit(sys.implementation.name != "cpython" or sys.version_info < (3, 9) or bool(sysconfig.get_config_var("Py_GIL_DISABLED")))' \
      && pythons+=("$py")
  done
fi
[ ${#pythons[@]} -gt 0 ] || { echo "no CPython >= 3.9 found (looked in pyenv's versions/)" >&2; exit 1; }

passed=()
failed=()

# build LABEL PYTHON [MATURIN ARGS…]: the fixture wheel into build/wheels/fixture-LABEL.
build() {
  local label=$1 py=$2; shift 2
  local log; log=$(mktemp)
  rm -rf "build/wheels/fixture-$label"
  if ! cargo run -q --bin codegen -- build fixture --out "build/wheels/fixture-$label" -- --interpreter "$py" "$@" >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; failed+=("$label (build)"); return 1
  fi
  rm -f "$log"
}

# suite LABEL PYTHON: installs build/wheels/fixture-LABEL into a fresh venv of PYTHON and runs the tests.
suite() {
  local label=$1 py=$2
  local venv; venv="build/pyversions/$label-$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  echo "== $(basename "build/wheels/fixture-$label"/*.whl) on $("$py" --version)"
  rm -rf "$venv"
  "$py" -m venv "$venv"
  if ! "$venv/bin/python" -m pip install -q "build/wheels/fixture-$label"/*.whl pytest mypy hypothesis; then
    failed+=("${venv#build/pyversions/} (install)"); return
  fi
  if "$venv/bin/python" -m pytest tests/fixture/python -q -p no:cacheprovider -m "not fuzz"; then
    passed+=("${venv#build/pyversions/}")
  else
    failed+=("${venv#build/pyversions/}")
  fi
}

for py in "${pythons[@]}"; do
  label="py$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  build "$label" "$py" && suite "$label" "$py"
done
# The stable-ABI wheel starts at 3.11 (see the crate's `abi3` feature).
abi3=()
for py in "${pythons[@]}"; do
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' && abi3+=("$py")
done
if [ ${#abi3[@]} -gt 0 ] && build abi3 "${abi3[0]}" --features abi3; then
  suite abi3 "${abi3[0]}"
  [ ${#abi3[@]} -gt 1 ] && suite abi3 "${abi3[-1]}"
fi
echo
echo "fixture wheel passed its suite: ${passed[*]:-none}"
[ ${#failed[@]} -eq 0 ] || { echo "FAILED: ${failed[*]}"; exit 1; }
