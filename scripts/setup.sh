#!/usr/bin/env bash
# One-time (idempotent) set-up of a fresh Debian 12 machine for bindery:
# system packages, the .venv at the repo root with the Python tools, the C
# libraries (DeepStream stand-in SDK, fixture), the generator, and every
# bundled target generated, built as an optimised wheel (`codegen build`,
# cargo profile $BINDERY_PROFILE, default release) and installed into .venv.
# Usage: bash scripts/setup.sh        (called by scripts/main.sh and scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.venv/bin:$PATH"  # codegen build runs the venv's maturin
root=$(pwd)
log() { printf '\n== %s\n' "$*"; }
# Runs a command quietly; shows its output only when it fails.
quiet() {
  local out; out=$(mktemp)
  if "$@" >"$out" 2>&1; then rm -f "$out"; else cat "$out"; rm -f "$out"; return 1; fi
}

apt_packages=(
  build-essential pkg-config clang libclang-dev
  libglib2.0-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  meson ninja-build protobuf-compiler valgrind zlib1g-dev
  libgirepository1.0-dev libcairo2-dev gir1.2-gstreamer-1.0 gir1.2-gst-plugins-base-1.0
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get install -y -q "${missing[@]}"
fi

log "python: .venv"
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r scripts/requirements.txt

log "C libraries: DeepStream stand-in SDK and fixture (meson)"
[ -f build/sdk/build.ninja ] || quiet meson setup build/sdk targets/deepstream/sdk
quiet meson compile -C build/sdk
[ -f build/fixture/build.ninja ] || quiet meson setup build/fixture tests/fixture
quiet meson compile -C build/fixture

log "generator: cargo build"
cargo build -q --bin codegen

log "targets: generate, build a ${BINDERY_PROFILE:-release} wheel (codegen build), install it into .venv"
for target in $(cargo run -q --bin codegen -- list | awk '$1 == "target" {print $2}'); do
  bash scripts/build_target.sh "$target"
done
log "set-up done"
