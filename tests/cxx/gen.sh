#!/usr/bin/env bash
# Regenerates NAME.stdout from the same source built natively with g++
# (libstdc++): tests/cxx/gen.sh NAME...
set -euo pipefail
cd "$(dirname "$0")"
for t in "$@"; do
  d=$(mktemp -d)
  g++ -std=c++17 -O2 "$t.cpp" -o "$d/a"
  in=/dev/null; [ -f "$t.stdin" ] && in=$PWD/$t.stdin
  # A program expected to abort (NAME.status: trap) still leaves its stdout.
  (cd "$d" && ./a < "$in") > "$t.stdout" || [ -f "$t.status" ]
  rm -rf "$d"
done
