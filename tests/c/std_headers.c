/* The freestanding headers come from clang's resource directory (stdint,
 * stddef, stdbool, stdarg, float, limits: clang's limits.h pulls in this
 * library's POSIX additions with #include_next). Checks that hold on both
 * wasm32 and the glibc reference. */
#define _GNU_SOURCE
#include "check.h"
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct s { char c; double d; };

static long long sum(int n, ...) {
  va_list ap, ap2;
  va_start(ap, n);
  va_copy(ap2, ap);
  long long t = 0;
  for (int i = 0; i < n; i++) t += va_arg(ap, int);
  for (int i = 0; i < n; i++) t += va_arg(ap2, int);
  va_end(ap2);
  va_end(ap);
  return t;
}
static double dsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double t = 0;
  for (int i = 0; i < n; i++) t += va_arg(ap, double);
  va_end(ap);
  return t;
}

int main(void) {
  CHECK(CHAR_BIT == 8 && SCHAR_MAX == 127 && UCHAR_MAX == 255);
  CHECK(INT_MAX == 2147483647 && INT_MIN == -INT_MAX - 1 && UINT_MAX == 4294967295u);
  CHECK(LLONG_MAX == INT64_MAX && ULLONG_MAX == UINT64_MAX);
  CHECK(LONG_MAX >= INT_MAX && sizeof(long) == sizeof(void *));
  CHECK(SSIZE_MAX == LONG_MAX);
  CHECK(PATH_MAX >= 256 && NAME_MAX >= 14 && IOV_MAX >= 16);
  CHECK(INT8_MIN == -128 && INT16_MAX == 32767 && UINT32_MAX == 4294967295u);
  CHECK(INT64_MIN == -INT64_MAX - 1 && UINT64_MAX == 18446744073709551615ull);
  CHECK(SIZE_MAX == (size_t)-1 && PTRDIFF_MAX > 0 && INTPTR_MAX >= INT32_MAX);
  CHECK(sizeof(int8_t) == 1 && sizeof(int16_t) == 2 && sizeof(int32_t) == 4 && sizeof(int64_t) == 8);
  CHECK(sizeof(int_least8_t) >= 1 && sizeof(int_fast32_t) >= 4 && sizeof(intmax_t) == 8);
  CHECK(INT64_C(1) << 40 == 1099511627776LL && UINT32_C(7) == 7u);
  CHECK(offsetof(struct s, d) == 8);
  CHECK(true == 1 && false == 0 && sizeof(bool) == 1);
  CHECK(NULL == (void *)0);
  CHECK(sum(4, 1, 2, 3, 4) == 20);
  CHECK(dsum(3, 0.5, 0.25, 2.0) == 2.75);
  CHECK(FLT_RADIX == 2 && FLT_MANT_DIG == 24 && DBL_MANT_DIG == 53 && LDBL_MANT_DIG >= 64);
  CHECK(DBL_MAX_EXP == 1024 && DBL_MIN_EXP == -1021 && FLT_MAX_EXP == 128);
  CHECK(DBL_EPSILON == 0x1p-52 && FLT_EPSILON == 0x1p-23f && DBL_DIG == 15);
  CHECK(DBL_MIN == 0x1p-1022 && DBL_TRUE_MIN == 0x1p-1074 && DBL_MAX > 1e308);
  CHECK(FLT_EVAL_METHOD == 0 && DECIMAL_DIG >= 17);
  CHECK(sizeof PRId64 > 1 && sizeof PRIuMAX > 1 && sizeof SCNx32 > 1 && sizeof PRIxPTR > 1);
  return CHECK_DONE();
}
