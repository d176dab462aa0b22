#!/usr/bin/env bash
# Runs pytest suites under valgrind memcheck and fails on any invalid read or
# write, use of an uninitialised value or definite leak whose stack touches
# bindery's code: the generated extension modules (with bindery-runtime and
# the helpers linked in), mediapipe's native module, the stand-in SDK and the
# fixture library. Valgrind writes XML; tests/valgrind/check_valgrind.py
# judges it and prints a summary (errors by kind, top frames).
#
# Usage: bash scripts/valgrind_pytest.sh [--jobs N] SUITE...   (pytest paths)
#        bash scripts/valgrind_pytest.sh --self-check
#   --jobs N      suites run in parallel (default 2: one per core)
#   --self-check  runs tests/valgrind/selfcheck (a deliberate read after free
#                 and a deliberate leak in libfixture.so) the same way and
#                 succeeds only when the checker reports both.
# Tests marked `no_valgrind` are left out (see the marker's doc in each
# suite's conftest.py). Reports and logs: build/valgrind/.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/build/valgrind
mkdir -p "$out"
export GST_PLUGIN_PATH="$root/build/sdk/gst${GST_PLUGIN_PATH:+:$GST_PLUGIN_PATH}"

# Objects whose frames make an error ours (globs over valgrind's <obj> paths):
# the extension modules where Python loads them from (maturin develop installs
# them editable, so that is the generated tree, not site-packages) and every
# library built under build/.
extension_modules() {
  .venv/bin/python -c '
import importlib.util, os
for name in ("pyds.pyds", "bindery_fixture.bindery_fixture", "mediapipe.python._framework_bindings",
             "bindery_gst.bindery_gst", "bindery_zlib.bindery_zlib"):
    print(os.path.realpath(importlib.util.find_spec(name).origin))'
}
mapfile -t ours < <(extension_modules)
[ ${#ours[@]} -eq 5 ] || { echo "valgrind: cannot locate the extension modules" >&2; exit 2; }
ours+=("$root/build/*.so")
ours_args=()
for pattern in "${ours[@]}"; do ours_args+=(--ours "$pattern"); done

# GLib's slice allocator would hide frees of list nodes from memcheck.
# BINDERY_SLOWDOWN: how much longer tests wait for pipelines under memcheck.
valgrind_env=(PYTHONMALLOC=malloc G_SLICE=always-malloc G_DEBUG=gc-friendly PYTHONDONTWRITEBYTECODE=1 BINDERY_SLOWDOWN=10)
valgrind_args=(
  --tool=memcheck --leak-check=full --show-leak-kinds=definite
  --errors-for-leak-kinds=definite --num-callers=24 --error-limit=no
  --suppressions="$root/tests/valgrind/python.supp"
  --suppressions="$root/tests/valgrind/gstreamer.supp"
)

# run_suite NAME PATH: pytest PATH under valgrind, then the checker.
# Writes build/valgrind/NAME.{log,check,json}; exit 0 only when both pass.
run_suite() {
  local name=$1 path=$2 start rc check
  rm -f "$out/$name".*.xml
  start=$(date +%s)
  env "${valgrind_env[@]}" valgrind "${valgrind_args[@]}" --xml=yes --xml-file="$out/$name.%p.xml" \
    .venv/bin/python -m pytest "$path" -q -p no:cacheprovider -m "not no_valgrind" >"$out/$name.log" 2>&1
  rc=$?
  .venv/bin/python tests/valgrind/check_valgrind.py --suite "$name" --known tests/valgrind/known_errors.toml \
    --json "$out/$name.json" "${ours_args[@]}" "$out/$name".*.xml >"$out/$name.check" 2>&1
  check=$?
  {
    echo "== valgrind: $path ($(( $(date +%s) - start )) s; pytest exit $rc, checker exit $check)"
    tail -n 3 "$out/$name.log"
    cat "$out/$name.check"
  } >"$out/$name.summary"
  [ "$rc" -eq 0 ] && [ "$check" -eq 0 ]
  echo $? >"$out/$name.status"
}

suite_name() { echo "$1" | tr '/' '_' | sed 's/_*$//'; }

self_check() {
  run_suite selfcheck tests/valgrind/selfcheck/selfcheck_bad_read.py
  cat "$out/selfcheck.summary"
  .venv/bin/python tests/valgrind/selfcheck/expect.py "$out/selfcheck.json"
}

jobs=2
case "${1:-}" in
  --self-check) self_check; exit $? ;;
  --jobs) jobs=$2; shift 2 ;;
esac
[ $# -gt 0 ] || { echo "usage: $0 [--jobs N] SUITE... | --self-check" >&2; exit 2; }

for suite in "$@"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  rm -f "$out/$(suite_name "$suite").status"
  run_suite "$(suite_name "$suite")" "$suite" &
done
wait
failed=0
for suite in "$@"; do
  name=$(suite_name "$suite")
  cat "$out/$name.summary"
  [ "$(cat "$out/$name.status" 2>/dev/null)" = 0 ] || failed=1
done
exit $failed
