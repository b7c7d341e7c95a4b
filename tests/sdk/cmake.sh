#!/usr/bin/env bash
# Configures and builds tests/sdk/cmake with each toolchain file of the SDK
# (scripts/dist.sh) and natively (the reference), runs the p1 and p1-mvp
# modules and the p2 component on wasmtime, the p1-threads module on wasmtime
# 46 (-W threads,shared-memory -S threads; $WASMTIME_THREADS, else
# .venv-threads/bin/wasmtime), and compares their output with the native
# one. The probes' results are asserted in CMakeLists.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
sdk="$(pwd)/target/dist/wasm-libc-sdk"
[ -x "$sdk/bin/wasm32-wasip1-clang" ] || scripts/dist.sh "$sdk"
out=target/sdk-cmake
rm -rf "$out"
args=("hello world" "  two  words  " "3.25 foo" "")
cmake -S tests/sdk/cmake -B "$out/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out/native" >/dev/null
ref="$("$out/native/count" "${args[@]}")"
fail=0
wasmtime46="${WASMTIME_THREADS:-.venv-threads/bin/wasmtime}"
for f in p1 p2 p1-mvp p1-threads; do
  cmake -S tests/sdk/cmake -B "$out/$f" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE="$sdk/share/cmake/wasm-libc-$f.cmake" >"$out/$f.log"
  cmake --build "$out/$f" >>"$out/$f.log"
  if [ "$f" = p1-threads ]; then
    if [ ! -x "$wasmtime46" ]; then
      echo "FAIL: cmake $f: no wasmtime 46 at $wasmtime46 (scripts/setup.sh installs it)"; fail=1; continue
    fi
    # Its deprecation warning goes to stderr.
    got="$("$wasmtime46" run -W threads,shared-memory -S threads "$out/$f/count.wasm" "${args[@]}" 2>/dev/null)"
  else
    got="$(wasmtime run "$out/$f/count.wasm" "${args[@]}")"
  fi
  if [ "$got" == "$ref" ]; then echo "ok: cmake $f"; else echo "FAIL: cmake $f"; echo "$got"; fail=1; fi
done
if [ "$(wasm-tools print "$out/p2/count.wasm" | head -1 | cut -c2-10)" != component ]; then
  echo "FAIL: cmake p2 output is not a component"; fail=1
fi
[ "$fail" == 0 ] && echo "sdk cmake: all passed"
exit "$fail"
