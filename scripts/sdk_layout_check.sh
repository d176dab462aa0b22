#!/usr/bin/env bash
# The `--sdk` switch, tested without NVIDIA's headers: assemble a directory
# laid out like an installed DeepStream SDK from the stand-in
# (sources/includes/ = a symlink to targets/deepstream/sdk/include, as an
# SDK unpacked elsewhere and linked in would be;
# lib/ = symlinks to the libraries meson built in build/sdk/src), then
#  - generate pyds against it with a path relative to the current directory,
#  - check that origins in the generated code are `$SDK/…`, never the
#    temporary directory (only build.rs names it: link and run-time paths),
#  - check that a root lacking sources/includes is one diagnostic naming it,
#  - check that an exported DEEPSTREAM_SDK does not change `codegen check`,
#  - `cargo check` the generated crate (registry crates from ./target).
# Usage: bash scripts/sdk_layout_check.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
codegen="$root/target/debug/codegen"
cargo build -q --bin codegen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "sdk_layout_check: $*" >&2; exit 1; }

mkdir -p "$work/sdk/sources" "$work/sdk/lib"
ln -s "$root/targets/deepstream/sdk/include" "$work/sdk/sources/includes"
ln -s "$root"/build/sdk/src/*.so* "$work/sdk/lib/"
ls "$work/sdk/lib"/libnvds_meta.so >/dev/null || fail "build/sdk/src has no libnvds_meta.so: run scripts/setup.sh first"

echo "== generate deepstream --sdk sdk (relative to $work)"
(cd "$work" && "$codegen" generate deepstream --sdk sdk --out out)
grep -q 'declared at \$SDK/sources/includes/nvdsmeta.h:' "$work/out/src/records.rs" || fail "origins are not SDK-relative"
grep -q 'declared at helpers/nvds_360d_meta.h:' "$work/out/src/records.rs" || fail "RectDim is not bound from the target's helpers"
leaked=$(grep -rl "$work" "$work/out" --exclude=build.rs --exclude-dir=runtime || true)
[ -z "$leaked" ] || fail "the temporary SDK path leaked into: $leaked"

echo "== a root without sources/includes is one diagnostic naming it"
mkdir -p "$work/empty/lib"
if "$codegen" generate deepstream --sdk "$work/empty" --out "$work/out2" 2>"$work/err"; then fail "an empty SDK root was accepted"; fi
grep -q "SDK root $work/empty has no sources/includes" "$work/err" || { cat "$work/err"; fail "the diagnostic does not name the root"; }
[ "$(grep -c '^error' "$work/err")" -eq 1 ] || { cat "$work/err"; fail "expected exactly one error"; }

echo "== codegen check ignores DEEPSTREAM_SDK"
DEEPSTREAM_SDK="$work/empty" "$codegen" check deepstream
DEEPSTREAM_SDK="$work/sdk" "$codegen" check deepstream

echo "== cargo check of the crate generated against the SDK layout"
cp Cargo.lock "$work/out/"
CARGO_TARGET_DIR="$root/target" cargo check -q --manifest-path "$work/out/Cargo.toml"
echo "sdk_layout_check: ok"
