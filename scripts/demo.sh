#!/usr/bin/env bash
# The main demo: set up the machine, build both sysroots, compile demo/demo.c
# against each with clang, and run it on wasmtime: a preview1 module and a
# WASI 0.2 component, reading the same stdin.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh

echo "== building the sysroots (cargo xtask sysroot)"
cargo xtask sysroot
mkdir -p build/demo

echo "== clang --target=wasm32-wasi --sysroot=sysroot/p1 demo/demo.c"
clang --target=wasm32-wasi --sysroot=sysroot/p1 -O2 demo/demo.c -o build/demo/demo-p1.wasm
echo "== clang --target=wasm32-wasi --sysroot=sysroot/p2 demo/demo.c + wasm-tools component new"
clang --target=wasm32-wasi --sysroot=sysroot/p2 -O2 demo/demo.c -o build/demo/demo-p2.core.wasm
wasm-tools component new build/demo/demo-p2.core.wasm -o build/demo/demo-p2.wasm

# Some input: this repository's Rust sources, concatenated.
find libc-core posix alloc -name '*.rs' | sort | xargs cat > build/demo/input.txt

for flavour in p1 p2; do
  echo
  echo "== wasmtime run build/demo/demo-$flavour.wasm < input ($(wc -c < build/demo/input.txt) bytes)"
  wasmtime run "build/demo/demo-$flavour.wasm" < build/demo/input.txt
done
echo
echo "sizes: $(wc -c < build/demo/demo-p1.wasm) bytes (p1 module), $(wc -c < build/demo/demo-p2.wasm) bytes (p2 component)"
