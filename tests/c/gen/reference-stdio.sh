#!/bin/sh
# Writes the expected output of hand-written stdio tests from a reference
# run on the host's glibc:  tests/c/gen/reference-stdio.sh NAME...
#
# Each NAME.c is compiled natively (gcc -fno-builtin, like the wasm
# builds) and run the way the test runner runs it: in a fresh directory
# holding a copy of NAME.files/, stdin from NAME.stdin (empty otherwise),
# arguments from NAME.args, stdout/stderr to pipes. Writes NAME.stdout,
# NAME.stderr when the program writes to stderr, and NAME.status when the
# exit status is not 0.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
c=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "$@"; do
  gcc -std=gnu11 -O2 -fno-builtin -w -o "$tmp/$n" "$c/$n.c"
  run="$tmp/run-$n"
  mkdir "$run"
  [ -d "$c/$n.files" ] && cp -r "$c/$n.files/." "$run/"
  stdin=/dev/null
  [ -f "$c/$n.stdin" ] && stdin="$c/$n.stdin"
  set +e
  if [ -f "$c/$n.args" ]; then
    (cd "$run" && tr '\n' '\0' < "$c/$n.args" | xargs -0 "$tmp/$n" < "$stdin" | cat > "$tmp/out" ) 2>&1 >/dev/null | cat > "$tmp/err"
  else
    (cd "$run" && "$tmp/$n" < "$stdin" 2> "$tmp/err"; echo $? > "$tmp/status") | cat > "$tmp/out"
  fi
  set -e
  cp "$tmp/out" "$c/$n.stdout"
  if [ -s "$tmp/err" ]; then cp "$tmp/err" "$c/$n.stderr"; else rm -f "$c/$n.stderr"; fi
  st=$(cat "$tmp/status" 2>/dev/null || echo 0)
  if [ "$st" != 0 ]; then echo "$st" > "$c/$n.status"; else rm -f "$c/$n.status"; fi
done
