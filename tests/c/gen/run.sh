#!/bin/sh
# Runs C tests by hand on wasmtime, p1 and p2, against sysroot/ (build it
# with `cargo xtask sysroot`) and compares stdout (and exit status) with the
# expected files. Usage: tests/c/gen/run.sh NAME...  (stand-in until the
# project's test runner covers these tests).
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
here="$root/tests/c"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc=${CC:-clang}
pass=0 fail=0
for name in "$@"; do
  for be in p1 p2; do
    if [ -f "$here/$name.only" ] && [ "$(cat "$here/$name.only")" != "$be" ]; then continue; fi
    wasm="$tmp/$name-$be.wasm"
    if ! $cc --target=wasm32-wasi --sysroot="$root/sysroot/$be" -fno-builtin -O2 -I"$here" \
        "$here/$name.c" -o "$wasm" -lm; then
      echo "FAIL $name ($be): compile"; fail=$((fail+1)); continue
    fi
    if [ "$be" = p2 ]; then
      wasm-tools component new "$wasm" -o "$wasm.c" && mv "$wasm.c" "$wasm" || { echo "FAIL $name (p2): component"; fail=$((fail+1)); continue; }
    fi
    want_status=0
    [ -f "$here/$name.status" ] && want_status=$(cat "$here/$name.status")
    (cd "$tmp" && wasmtime run "$wasm") > "$tmp/out" 2> "$tmp/err"
    st=$?
    # p2: WASI 0.2.0 exit() reports any failure as 1 (a trap keeps its 134).
    st_ok=0
    [ "$st" -eq "$want_status" ] && st_ok=1
    [ "$be" = p2 ] && [ "$want_status" -ne 0 ] && [ "$st" -eq 1 ] && st_ok=1
    if cmp -s "$tmp/out" "$here/$name.stdout" && [ "$st_ok" -eq 1 ]; then
      pass=$((pass+1))
    else
      echo "FAIL $name ($be): status $st (want $want_status)"
      diff "$here/$name.stdout" "$tmp/out" | head -20
      head -5 "$tmp/err"
      fail=$((fail+1))
    fi
  done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
