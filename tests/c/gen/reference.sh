#!/bin/sh
# Regenerates the expected output of differential C tests: each named test
# (tests/c/NAME.c) is compiled natively with the host's gcc and glibc and
# run; its stdout becomes tests/c/NAME.stdout (and a non-zero exit status
# tests/c/NAME.status), in a fresh directory holding a copy of NAME.files/
# (as the runner does). Usage: tests/c/gen/reference.sh NAME...
# The sources must behave identically on glibc x86_64 and on wasm32 with
# this library (they print bit patterns, not printf output).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in "$@"; do
  src="$here/$name.c"
  gcc -std=gnu17 -fno-builtin -O2 -w -I"$here" "$src" -o "$tmp/$name" -lm -pthread
  status=0
  rm -rf "$tmp/run" && mkdir "$tmp/run"
  [ -d "$here/$name.files" ] && cp -a "$here/$name.files/." "$tmp/run/"
  (cd "$tmp/run" && "../$name") > "$here/$name.stdout" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "$status" > "$here/$name.status"
  else
    rm -f "$here/$name.status"
  fi
  echo "reference: $name.stdout ($(wc -l < "$here/$name.stdout") lines, status $status)"
done
