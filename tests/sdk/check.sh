#!/usr/bin/env bash
# Plain clang: `clang-19 --target=wasm32-wasip1|wasm32-wasip2 --sysroot=...`
# with no other flag builds a p1 module and (through wasm-component-ld) a p2
# component that run on wasmtime with the output of the same program built
# natively (the reference); on p2, `run` returns ok to an embedder when main
# returns 0 and exits with err otherwise. Needs the set-up of
# scripts/setup.sh and the sysroots: $WASM_LIBC_SYSROOT, else the ones the
# libc-tests suite builds (target/tmp/libc-tests/sysroot), else `sysroot/`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
sys="${WASM_LIBC_SYSROOT:-target/tmp/libc-tests/sysroot}"
[ -e "$sys/p2/lib/wasm32-wasip2/libc.a" ] || sys=sysroot
[ -e "$sys/p2/lib/wasm32-wasip2/libc.a" ] || { echo "no sysroot: run cargo xtask sysroot"; exit 1; }
out=target/sdk-check
rm -rf "$out" && mkdir -p "$out"
fail=0
check() { # name expected actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAIL: $1"; echo " expected: $2"; echo " got:      $3"; fail=1; fi
}
cc -O2 tests/sdk/prog.c -o "$out/native"
ref="$("$out/native" x)"
clang-19 --target=wasm32-wasip1 --sysroot="$sys/p1" -O2 tests/sdk/prog.c -o "$out/p1.wasm"
# Without flags wasm-component-ld also links in its preview1 adapter (clang
# makes every program export `_start`), which adds a second `run` export
# (wasi:cli/run@0.2.12, ending through exit) and moves the imports to 0.2.12;
# `--wasi-adapter=none` keeps the component to what libc.a declares.
clang-19 --target=wasm32-wasip2 --sysroot="$sys/p2" -O2 tests/sdk/prog.c -o "$out/p2-default.wasm"
clang-19 --target=wasm32-wasip2 --sysroot="$sys/p2" -O2 tests/sdk/prog.c -o "$out/p2.wasm" -Wl,--wasi-adapter=none
check "p2 component, no flags, on wasmtime" "$ref" "$(wasmtime run "$out/p2-default.wasm" x)"
check "p2 component with --wasi-adapter=none exports only run@0.2.0" "export wasi:cli/run@0.2.0;" \
  "$(wasm-tools component wit "$out/p2.wasm" | grep -E '^ *export' | sed 's/^ *//')"
wasm-tools validate "$out/p2.wasm"
check "p2 output is a component" "component" "$(wasm-tools print "$out/p2.wasm" | head -1 | cut -c2-10)"
check "p1 module on wasmtime" "$ref" "$(wasmtime run "$out/p1.wasm" x)"
check "p2 component on wasmtime" "$ref" "$(wasmtime run "$out/p2.wasm" x)"
set +e; wasmtime run "$out/p2.wasm" 3 >/dev/null; st=$?; set -e
check "p2 non-zero status reaches the wasmtime CLI as 1" 1 "$st"
check "p2 run() through the component API, main returns 0" \
  "$ref
run returned ok" "$(python3 tests/sdk/run_component.py "$out/p2.wasm" x)"
check "p2 run() through the component API, main returns 3" \
  "$("$out/native" 3 || true)
run exited with status 1" "$(python3 tests/sdk/run_component.py "$out/p2.wasm" 3)"
jco="${JCO:-.venv/jco/node_modules/.bin/jco}"
check "p2 component on jco" "$ref" "$("$jco" run "$out/p2.wasm" x)"
set +e; "$jco" run "$out/p2.wasm" 3 >/dev/null; st=$?; set -e
check "p2 non-zero status reaches jco as 1" 1 "$st"
# C++ with plain clang++-19, when libc++ is in the sysroots (scripts/cxx.sh;
# the libc-tests suite's sysroot has it).
if [ -e "$sys/p1/lib/wasm32-wasip1/libc++.a" ] && [ -e "$sys/p2/lib/wasm32-wasip2/libc++.a" ]; then
  words=(pear fig apple fig pear fig)
  c++ -std=c++17 -O2 tests/sdk/prog.cpp -o "$out/native-cxx"
  cref="$("$out/native-cxx" "${words[@]}")"
  clang++-19 --target=wasm32-wasip1 --sysroot="$sys/p1" -O2 tests/sdk/prog.cpp -o "$out/p1-cxx.wasm"
  clang++-19 --target=wasm32-wasip2 --sysroot="$sys/p2" -O2 tests/sdk/prog.cpp -o "$out/p2-cxx.wasm" -Wl,--wasi-adapter=none
  check "C++ p1 module on wasmtime" "$cref" "$(wasmtime run "$out/p1-cxx.wasm" "${words[@]}")"
  check "C++ p2 component on wasmtime" "$cref" "$(wasmtime run "$out/p2-cxx.wasm" "${words[@]}")"
  check "C++ p2 component on jco" "$cref" "$("$jco" run "$out/p2-cxx.wasm" "${words[@]}")"
else
  echo "skip: C++ (no libc++ in $sys: scripts/cxx.sh)"
fi
[ "$fail" == 0 ] && echo "sdk check: all passed"
exit "$fail"
