#!/bin/sh
# Checks that the C headers of string/stdlib/ctype/math/time/... are usable
# from C++ (extern "C" linkage, no C-only constructs): compiles, links and
# runs a small C++ program against sysroot/p1 (no C++ standard library).
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/t.cc" <<'CC'
#include <assert.h>
#include <complex.h>
#include <ctype.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <iconv.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <tgmath.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>
#include <locale.h>
#include <langinfo.h>
#include <monetary.h>
#include <nl_types.h>
#include <fts.h>
#include <uchar.h>
#include <wchar.h>
#include <wctype.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main() {
  int v[] = {3, 1, 2};
  qsort(v, 3, sizeof *v, cmp);
  char buf[64];
  struct tm t = {};
  time_t z = 86400 * 365;
  gmtime_r(&z, &t);
  size_t n = strftime(buf, sizeof buf, "%Y-%m-%d", &t);
  bool ok = v[0] == 1 && n == 10 && strcmp(buf, "1971-01-01") == 0 &&
            strtod("2.5", nullptr) == 2.5 && strtol("-12", nullptr, 10) == -12 &&
            sqrt(16.0) == 4.0 && floorl(2.5L) == 2.0L && isdigit('7') && strcasecmp("A", "a") == 0 &&
            PATH_MAX == 4096 && INT64_MAX > 0 && imaxabs(-3) == 3 && div(7, 2).quot == 3 &&
            pthread_mutex_lock(&mu) == 0 && pthread_mutex_trylock(&mu) == EBUSY &&
            sizeof(__wasi_filestat_t) == 64 &&
            fegetround() == FE_TONEAREST && cabs(__builtin_complex(3.0, 4.0)) == 5.0 &&
            setlocale(LC_ALL, "C.UTF-8") != nullptr && MB_CUR_MAX == 4 && iswupper(towupper(L'a')) &&
            c32rtomb(buf, U'\u00e9', nullptr) == 2 && wcscmp(L"a", L"b") < 0 && uselocale(nullptr) == LC_GLOBAL_LOCALE;
  assert(ok);
  static_assert(sizeof(long double) == 16, "binary128");
  const char *msg = ok ? "c++ ok\n" : "c++ FAIL\n";
  write(1, msg, strlen(msg));
  return ok ? 0 : 1;
}
CC
${CXX:-clang++} --target=wasm32-wasi --sysroot="$root/sysroot/p1" -std=c++17 -Wall -Wextra -Werror \
  -nostdlib++ -fno-exceptions -O2 "$tmp/t.cc" -o "$tmp/t.wasm"
wasmtime run "$tmp/t.wasm"
