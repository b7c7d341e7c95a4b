#!/bin/sh
# Regenerates the generated stdio tests and their expected output:
#
# - printf_gen, scanf_gen: the expected output is a reference run of the
#   same C program compiled natively with the host's gcc against glibc,
#   never hand-typed. It is compiled with -fno-builtin, like the wasm
#   builds: otherwise gcc folds snprintf return values at compile time (and
#   gets some %a cases wrong).
# - ld_gen (long double = binary128): x86_64 glibc has no binary128 long
#   double, so ld_cases.py computes the expected output itself with exact
#   rational arithmetic.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
c=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in printf scanf; do
  python3 "$here/${t}_cases.py" "$c/${t}_gen.c"
  gcc -std=gnu11 -O2 -fno-builtin -w -o "$tmp/$t" "$c/${t}_gen.c"
  "$tmp/$t" > "$c/${t}_gen.stdout"
done
# wprintf_gen: printf_gen's cases through swprintf, glibc under C.UTF-8.
python3 "$here/wprintf_cases.py" "$c/printf_gen.c" "$c/wprintf_gen.c"
gcc -std=gnu11 -O2 -fno-builtin -w -o "$tmp/wprintf" "$c/wprintf_gen.c"
"$tmp/wprintf" > "$c/wprintf_gen.stdout"
# wscanf_gen: scanf_gen's cases through swscanf, glibc under C.UTF-8.
python3 "$here/wscanf_cases.py" "$c/scanf_gen.c" "$c/wscanf_gen.c"
gcc -std=gnu11 -O2 -fno-builtin -w -o "$tmp/wscanf" "$c/wscanf_gen.c"
"$tmp/wscanf" > "$c/wscanf_gen.stdout"
python3 "$here/ld_cases.py" "$c/ld_gen.c" "$c/ld_gen.stdout"
