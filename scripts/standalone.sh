#!/usr/bin/env bash
# A generated crate builds and installs outside this repository. For each
# target: generate it with the runtime vendored, copy the crate into an empty
# temporary directory (with bindery's Cargo.lock, for the tested versions),
# build a wheel there with `pip wheel` (maturin from PyPI, as any user would),
# check that the wheel bundles no shared library and that the module's
# run-time path is the one asked for, install it into a fresh virtualenv and
# use the module from outside the checkout.
# The C libraries are the stand-ins meson built into build/, named through
# the generated build.rs's overrides (MODULE_LIBRARY_DIRS, MODULE_RPATH).
# Usage: bash scripts/standalone.sh [TARGET...]   (default: fixture deepstream)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fixture deepstream)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Registry crates compiled for setup's release builds are reused; the
# generated crate and its vendored runtime compile from the copy.
export CARGO_TARGET_DIR="$root/target"

# The module name, the meson build dir of its libraries and a smoke test.
describe() {
  case $1 in
    fixture) echo "bindery_fixture $root/build/fixture" ;;
    deepstream) echo "pyds $root/build/sdk/src" ;;
    *) echo "no standalone recipe for target $1" >&2; return 1 ;;
  esac
}
smoke() {
  case $1 in
    bindery_fixture) echo 'f = m.fx_frame_new(3, 4, 2); assert len(list(f.obj_list)) == 3 and m.fx_add(2, 3) == 5; m.fx_frame_free(f)' ;;
    pyds) echo 'b = m.nvds_create_batch_meta(2); f = m.nvds_acquire_frame_meta_from_pool(b); f.frame_num = 7; assert f.frame_num == 7; m.nvds_destroy_batch_meta(b)' ;;
  esac
}

for target in "${targets[@]}"; do
  read -r module libdir < <(describe "$target")
  echo "== standalone: $target ($module)"
  cargo run -q --bin codegen -- generate "$target" --runtime vendored --out "$work/stage/$target"
  copy="$work/copy/$target"
  mkdir -p "$work/copy"
  cp -r "$work/stage/$target" "$copy"
  rm -rf "$work/stage"
  cp Cargo.lock "$copy/"
  prefix=$(echo "$module" | tr '[:lower:]' '[:upper:]')
  log="$work/build.log"
  if ! (cd "$copy" && env "${prefix}_LIBRARY_DIRS=$libdir" "${prefix}_RPATH=$libdir" \
        "$root/.venv/bin/python" -m pip wheel -q --no-deps . -w "$work/wheels/$target") >"$log" 2>&1; then
    cat "$log"; exit 1
  fi
  wheel=$(ls "$work/wheels/$target"/*.whl)
  echo "built $(basename "$wheel") in a copy outside the checkout"
  libs=$("$root/.venv/bin/python" -m zipfile -l "$wheel" | awk '{print $1}' | grep -E '\.so(\.|$)' || true)
  if [ "$(echo "$libs" | wc -l)" -ne 1 ] || ! echo "$libs" | grep -q "^$module/$module\."; then
    echo "the wheel must hold only the extension module, found:"; echo "$libs"; exit 1
  fi
  (cd "$work" && "$root/.venv/bin/python" -m zipfile -e "$wheel" "unpacked/$target")
  runpath=$(readelf -d "$work/unpacked/$target/$module"/*.so | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
  [ "$runpath" = "$libdir" ] || { echo "RUNPATH is '$runpath', expected '$libdir'"; exit 1; }
  echo "wheel holds no shared library; RUNPATH = $runpath"
  "$root/.venv/bin/python" -m venv "$work/venv-$target"
  "$work/venv-$target/bin/python" -m pip install -q "$wheel"
  (cd "$work" && "$work/venv-$target/bin/python" -c "
import importlib, sys
m = importlib.import_module('$module')
assert m.__file__.startswith('$work/venv-$target/'), m.__file__
$(smoke "$module")
print('imported', m.__name__, 'from a fresh virtualenv and used it')
")
done
