#!/usr/bin/env bash
# Regenerates NAME.stdout from the same source built natively with g++
# (libstdc++): tests/cxx/gen.sh NAME... Programs marked p1-threads
# (NAME.only) are C++20 and built with -pthread.
set -euo pipefail
cd "$(dirname "$0")"
for t in "$@"; do
  d=$(mktemp -d)
  if [ "$(cat "$t.only" 2>/dev/null)" = p1-threads ]; then
    g++ -std=c++20 -pthread -O2 "$t.cpp" -o "$d/a"
  else
    g++ -std=c++17 -O2 "$t.cpp" -o "$d/a"
  fi
  in=/dev/null; [ -f "$t.stdin" ] && in=$PWD/$t.stdin
  # A program expected to abort (NAME.status: trap) still leaves its stdout.
  (cd "$d" && ./a < "$in") > "$t.stdout" || [ -f "$t.status" ]
  rm -rf "$d"
done
