#!/usr/bin/env bash
# The whole test suite (what CI runs): set-up (which builds a release wheel
# of every target and installs it into .venv), Rust tests (runtime, codegen
# incl. golden cases and diagnostics snapshots, MediaPipe core), generated
# output up to date (`codegen check`), rustfmt and clippy on the hand-written crates,
# clippy on the generated crates (targets, fixture, golden cases) and MediaPipe's
# Rust, the `--sdk` switch against an SDK-layout directory assembled from the
# stand-in, whole system headers (glib.h, gst/gst.h) by default rules generated and `cargo check`ed, C tests of the
# stand-in SDK (plain and under valgrind) and the fixture, the Python suites
# of every module, the same suites under valgrind memcheck (with a self-check
# that the checker catches a deliberate bad read), the Hypothesis fuzz modules
# (`-m fuzz`), crates copied out of the repository building and installing as
# wheels, and the fixture's wheel on every CPython the machine has.
# Usage: bash scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export GST_PLUGIN_PATH="$(pwd)/build/sdk/gst${GST_PLUGIN_PATH:+:$GST_PLUGIN_PATH}"
failed=()
passed=0
step() {
  local name=$1 start=$SECONDS; shift
  printf '\n== test: %s\n' "$name"
  if "$@"; then echo "-- ok: $name ($((SECONDS - start)) s)"; passed=$((passed + 1))
  else echo "-- FAILED: $name ($((SECONDS - start)) s)"; failed+=("$name"); fi
}
step "cargo test (workspace)" cargo test --workspace --quiet
step "rustfmt (hand-written crates; rustfmt.toml)" cargo fmt --check -p bindery-codegen -p bindery-annotations -p bindery-runtime -p mediapipe-core -p mediapipe-pyglue -p pyo3-fixture-peer
step "clippy (runtime and generator, warnings are errors)" cargo clippy -q -p bindery-runtime -p bindery-codegen --all-targets -- -D warnings
# Generated crates (targets, fixture, golden cases) and the MediaPipe target's
# Rust crates: their package names, as `-p NAME` arguments.
generated_packages() {
  local toml
  for toml in targets/*/generated/Cargo.toml targets/mediapipe/core/Cargo.toml targets/mediapipe/pyglue/Cargo.toml \
    tests/fixture/generated/Cargo.toml tests/cases/*/expected/Cargo.toml; do
    printf -- '-p %s\n' "$(sed -n 's/^name = "\(.*\)"/\1/p' "$toml" | head -n 1)"
  done
}
# shellcheck disable=SC2046 # one word per `-p NAME` line
step "clippy (generated crates and MediaPipe's Rust, warnings are errors)" cargo clippy -q $(generated_packages) -- -D warnings
step "codegen check (generated output and golden cases up to date)" cargo run -q --bin codegen -- check
step "--sdk switch: generate + cargo check against an SDK-layout directory assembled from the stand-in" bash scripts/sdk_layout_check.sh
step "system headers by default rules (glib.h, gst/gst.h: generate + cargo check)" bash scripts/system_headers.sh check
step "C: stand-in SDK" meson test -C build/sdk --print-errorlogs
step "C: stand-in SDK under valgrind" meson test -C build/sdk --setup valgrind --print-errorlogs
step "C: fixture" meson test -C build/fixture --print-errorlogs
suites=()
for suite in tests/fixture/python targets/*/tests; do
  [ -d "$suite" ] && suites+=("$suite")
done
for suite in "${suites[@]}"; do
  step "pytest $suite" .venv/bin/python -m pytest "$suite" -q -p no:cacheprovider -m "not fuzz"
done
for suite in "${suites[@]}"; do
  step "fuzz $suite (Hypothesis, cases in worker subprocesses)" \
    .venv/bin/python -m pytest "$suite" -q -p no:cacheprovider -m fuzz -s
done
step "valgrind self-check (the checker must flag a deliberate bad read and leak)" bash scripts/valgrind_pytest.sh --self-check
step "valgrind: pytest suites under memcheck" bash scripts/valgrind_pytest.sh "${suites[@]}"
# MediaPipe's own framework tests, extracted from the mediapipe==0.10.21 wheel at
# run time, all of them (run_upstream.sh supplies the one image the wheel lacks).
if .venv/bin/python -c "import mediapipe" 2>/dev/null; then
  step "mediapipe upstream framework tests" bash targets/mediapipe/tests/run_upstream.sh "$(pwd)/.venv/bin/python"
fi
step "standalone: fixture and pyds crates copied out of the repo build, install and import" bash scripts/standalone.sh
step "fixture wheel on every CPython >= 3.9 (pyenv)" bash scripts/python_versions.sh
echo
[ ${#failed[@]} -gt 0 ] && echo "FAILED steps: ${failed[*]}"
echo "test steps: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
