#define _GNU_SOURCE
/* finite, drem, scalb, significand (and their float forms), pow10:
 * bit patterns, compared with glibc (reference.sh). pow10 of an integer k
 * is compared with strtod("1ek") instead (an exact oracle): glibc 2.27+ has
 * no pow10, and glibc 2.36's exp10 is an ulp off for some integers
 * (exp10(3) = 1000.0000000000001). */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "check.h"

#include <stdlib.h>
#ifndef __wasm__
static char *dec(char *b, int k) { /* "1e<k>" */
  char *p = b; *p++ = '1'; *p++ = 'e'; if (k < 0) { *p++ = '-'; k = -k; }
  if (k >= 10) *p++ = (char)('0' + k / 10);
  *p++ = (char)('0' + k % 10); *p = 0; return b;
}
static double pow10(double k) { char b[8]; return strtod(dec(b, (int)k), 0); }
static float pow10f(float k) { char b[8]; return strtof(dec(b, (int)k), 0); }
static long double pow10l(long double k) { return pow10((double)k); }
#endif

static void hex(uint64_t v, int n) {
  char b[17];
  for (int i = 0; i < n; i++) b[i] = "0123456789abcdef"[(v >> (4 * (n - 1 - i))) & 15];
  b[n] = 0;
  check_puts(b);
}
static void pd(const char *what, double x) {
  uint64_t u; memcpy(&u, &x, 8);
  if (x != x) u = 0x7ff8000000000000ull; /* any NaN */
  check_puts(what); check_puts(" "); hex(u, 16); check_puts("\n");
}
static void pf(const char *what, float x) {
  uint32_t u; memcpy(&u, &x, 4);
  if (x != x) u = 0x7fc00000u;
  check_puts(what); check_puts(" "); hex(u, 8); check_puts("\n");
}

static const double V[] = {0.0, -0.0, 1.0, -1.5, 3.0, 7.25, -1e300, 1e-310, 5e-324, 0.1, 1e10,
                           2.5, -3.5, 1.7976931348623157e308, INFINITY, -INFINITY, NAN};
#define N (sizeof V / sizeof V[0])

int main(void) {
  for (unsigned i = 0; i < N; i++) {
    double x = V[i];
    CHECK_EQ(finite(x) != 0, isfinite(x) != 0);
    CHECK_EQ(finitef((float)x) != 0, isfinite((float)x) != 0);
    pd("significand", significand(x));
    pf("significandf", significandf((float)x));
    for (unsigned j = 0; j < N; j++) {
      double y = V[j];
      pd("drem", drem(x, y));
      pf("dremf", dremf((float)x, (float)y));
    }
  }
  static const double S[] = {0.0, -0.0, 1.0, -1.0, 3.0, -3.0, 0.5, 1024.0, -1075.0, 2000.0, -2000.0,
                             70000.0, -70000.0, INFINITY, -INFINITY, NAN, 1e300};
  for (unsigned i = 0; i < N; i++)
    for (unsigned j = 0; j < sizeof S / sizeof S[0]; j++) {
      pd("scalb", scalb(V[i], S[j]));
      pf("scalbf", scalbf((float)V[i], (float)S[j]));
    }
  for (int k = -4; k <= 22; k++) {
    pd("pow10", pow10((double)k));
    if (k <= 10) pf("pow10f", pow10f((float)k));
  }
  CHECK(pow10(2.0) == 100.0);
  CHECK(pow10l(3.0L) == 1000.0L);
  return CHECK_DONE();
}
