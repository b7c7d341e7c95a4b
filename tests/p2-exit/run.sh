#!/usr/bin/env bash
# p2 exit (docs/p2-exit.md): tests/p2-exit/status.c ends with a status by
# returning from main or calling exit; built natively (the reference) and for
# wasm32-wasip2 with plain clang, by default and with the opt-in object
# exit-with-code.o. Checked on the wasmtime CLI, through wasmtime's
# component API (tests/sdk/run_component.py, wasmtime-py) and on jco:
# - default: `run` returns ok when main returns 0; any other status ends
#   through wasi:cli/exit with err, which the host reports as 1;
# - exit-with-code.o: the host gets the native status (n & 0xff), and
#   `run` still returns ok when main returns 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
sys="${WASM_LIBC_SYSROOT:-target/tmp/libc-tests/sysroot}"
[ -e "$sys/p2/lib/wasm32-wasip2/exit-with-code.o" ] || sys=sysroot
[ -e "$sys/p2/lib/wasm32-wasip2/exit-with-code.o" ] || { echo "no sysroot: run cargo xtask sysroot"; exit 1; }
lib=$sys/p2/lib/wasm32-wasip2
out=target/p2-exit
mkdir -p "$out"
fail=0
check() { # name expected actual
  if [ "$2" == "$3" ]; then echo "ok: $1"; else echo "FAIL: $1"; echo " expected: $2"; echo " got:      $3"; fail=1; fi
}
src=tests/p2-exit/status.c
cc -O2 "$src" -o "$out/native"
clang-19 --target=wasm32-wasip2 --sysroot="$sys/p2" -O2 "$src" -o "$out/default.wasm" -Wl,--wasi-adapter=none
clang-19 --target=wasm32-wasip2 --sysroot="$sys/p2" -O2 "$src" "$lib/exit-with-code.o" \
  -o "$out/with-code.wasm" -Wl,--wasi-adapter=none
check "default: imports wasi:cli/exit's exit only" "exit: func(status: result);" \
  "$(wasm-tools component wit "$out/default.wasm" | grep -E '^ *exit(-with-code)?:' | sed 's/^ *//')"
check "exit-with-code.o: imports exit-with-code only" "exit-with-code: func(status-code: u8);" \
  "$(wasm-tools component wit "$out/with-code.wasm" | grep -E '^ *exit(-with-code)?:' | sed 's/^ *//')"
status() { set +e; "$@" > /dev/null 2>&1; echo $?; set -e; }
api() { python3 tests/sdk/run_component.py "$@" 2>&1 | tail -1; }
for how in return exit; do
  for n in 0 3 300; do
    ref=$(status "$out/native" "$how" "$n")
    # WASI 0.2.0 `exit` has ok/err only: the host reports err as 1.
    ref01=$(( ref == 0 ? 0 : 1 ))
    check "default, $how $n: wasmtime CLI status" "$ref01" "$(status wasmtime run "$out/default.wasm" "$how" "$n")"
    check "exit-with-code.o, $how $n: wasmtime CLI status (-S cli-exit-with-code)" "$ref" \
      "$(status wasmtime run -S cli-exit-with-code "$out/with-code.wasm" "$how" "$n")"
    if [ "$how $n" == "return 0" ]; then want="run returned ok"; fi
    if [ "$how $n" != "return 0" ]; then want="run exited with status $ref01"; fi
    check "default, $how $n: component API" "$want" "$(api "$out/default.wasm" "$how" "$n")"
    [ "$how $n" != "return 0" ] && want="run exited with status $ref"
    check "exit-with-code.o, $how $n: component API" "$want" "$(api "$out/with-code.wasm" "$how" "$n")"
  done
done
# jco (npm @bytecodealliance/jco, installed by scripts/setup.sh).
jco="${JCO:-.venv/jco/node_modules/.bin/jco}"
for args in "return 0" "exit 3" "return 300"; do
  ref=$(status "$out/native" $args)
  check "jco, default, $args: status" "$(( ref == 0 ? 0 : 1 ))" "$(status "$jco" run "$out/default.wasm" $args)"
  check "jco, exit-with-code.o, $args: status" "$ref" "$(status "$jco" run "$out/with-code.wasm" $args)"
done
[ "$fail" == 0 ] && echo "p2-exit: all passed"
exit "$fail"
