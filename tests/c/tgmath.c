/* tgmath.h: each macro selects the float, double, long double or complex
 * function by its arguments' types (C11 7.25). Compared with glibc's
 * tgmath.h (reference.sh): the type each call has, and that its value is
 * the named function's. */
#include <tgmath.h>
#include "check.h"

#define TYPE(e) _Generic((e), float: 1, double: 2, long double: 3, \
  float _Complex: 4, double _Complex: 5, long double _Complex: 6, int: 7, long: 8, long long: 9, default: 0)

static volatile float f = 0.5f;
static volatile double d = 0.5;
static volatile long double l = 0.5L;
static volatile int n = 2;

int main(void) {
  float complex fc = CMPLXF(0.5f, 0.25f);
  double complex dc = CMPLX(0.5, 0.25);
  long double complex lc = CMPLXL(0.5L, 0.25L);
  int e;
  /* real and complex */
  CHECK_EQ(TYPE(sin(f)), 1); CHECK_EQ(TYPE(sin(d)), 2); CHECK_EQ(TYPE(sin(l)), 3);
  CHECK_EQ(TYPE(sin(n)), 2); CHECK_EQ(TYPE(sin(fc)), 4); CHECK_EQ(TYPE(sin(dc)), 5);
  CHECK_EQ(TYPE(sin(lc)), 6);
  CHECK(sin(f) == sinf(f)); CHECK(sin(d) == sin(d)); CHECK(sin(n) == sin(2.0));
  CHECK(sin(fc) == csinf(fc)); CHECK(sin(dc) == csin(dc)); CHECK(exp(lc) == cexpl(lc));
  CHECK_EQ(TYPE(fabs(fc)), 1); CHECK_EQ(TYPE(fabs(dc)), 2); CHECK_EQ(TYPE(fabs(lc)), 3);
  CHECK(fabs(dc) == cabs(dc)); CHECK(fabs(-d) == 0.5);
  CHECK_EQ(TYPE(sqrt(f)), 1); CHECK_EQ(TYPE(sqrt(dc)), 5); CHECK_EQ(TYPE(log(lc)), 6);
  CHECK_EQ(TYPE(acosh(2)), 2); CHECK_EQ(TYPE(atanh(fc)), 4); CHECK_EQ(TYPE(tan(l)), 3);
  CHECK(tan(l) == tanl(l));
  /* pow: the common type of both arguments; integers count as double */
  CHECK_EQ(TYPE(pow(f, f)), 1); CHECK_EQ(TYPE(pow(f, n)), 2); CHECK_EQ(TYPE(pow(f, d)), 2);
  CHECK_EQ(TYPE(pow(d, l)), 3); CHECK_EQ(TYPE(pow(f, fc)), 4); CHECK_EQ(TYPE(pow(fc, d)), 5);
  CHECK_EQ(TYPE(pow(dc, l)), 6); CHECK_EQ(TYPE(pow(n, n)), 2);
  CHECK(pow(2.0f, 3) == 8.0); CHECK(pow(dc, 1.0) == cpow(dc, 1.0));
  /* real only */
  CHECK_EQ(TYPE(atan2(f, f)), 1); CHECK_EQ(TYPE(atan2(f, 1)), 2); CHECK_EQ(TYPE(atan2(l, f)), 3);
  CHECK_EQ(TYPE(cbrt(f)), 1); CHECK_EQ(TYPE(ceil(l)), 3); CHECK_EQ(TYPE(floor(n)), 2);
  CHECK_EQ(TYPE(fma(f, f, f)), 1); CHECK_EQ(TYPE(fma(f, f, d)), 2); CHECK_EQ(TYPE(fma(f, l, f)), 3);
  CHECK(fma(f, 2.0f, 1.0f) == 2.0f);
  CHECK_EQ(TYPE(fmax(f, n)), 2); CHECK_EQ(TYPE(fmin(f, f)), 1); CHECK_EQ(TYPE(hypot(l, l)), 3);
  CHECK_EQ(TYPE(frexp(f, &e)), 1); CHECK(frexp(8.0f, &e) == 0.5f && e == 4);
  CHECK_EQ(TYPE(ldexp(l, 3)), 3); CHECK(ldexp(f, 3) == 4.0f);
  CHECK_EQ(TYPE(scalbn(f, 1)), 1); CHECK_EQ(TYPE(scalbln(d, 1L)), 2);
  CHECK_EQ(TYPE(nexttoward(f, l)), 1); CHECK_EQ(TYPE(nextafter(f, f)), 1);
  CHECK_EQ(TYPE(ilogb(f)), 7); CHECK_EQ(ilogb(8.0f), 3);
  CHECK_EQ(TYPE(lrint(f)), 8); CHECK_EQ(TYPE(llround(l)), 9); CHECK_EQ(lround(2.5f), 3);
  CHECK_EQ(TYPE(remquo(f, f, &e)), 1); CHECK(remquo(7.0, 2, &e) == -1.0 && e == 4);
  CHECK_EQ(TYPE(copysign(f, d)), 2); CHECK_EQ(TYPE(erf(f)), 1); CHECK_EQ(TYPE(erfc(l)), 3);
  CHECK_EQ(TYPE(exp2(f)), 1); CHECK_EQ(TYPE(expm1(d)), 2); CHECK_EQ(TYPE(log10(f)), 1);
  CHECK_EQ(TYPE(log1p(l)), 3); CHECK_EQ(TYPE(log2(n)), 2); CHECK_EQ(TYPE(logb(f)), 1);
  CHECK_EQ(TYPE(lgamma(f)), 1); CHECK_EQ(TYPE(tgamma(d)), 2); CHECK_EQ(TYPE(nearbyint(f)), 1);
  CHECK_EQ(TYPE(rint(l)), 3); CHECK_EQ(TYPE(round(f)), 1); CHECK_EQ(TYPE(trunc(d)), 2);
  CHECK_EQ(TYPE(fdim(f, f)), 1); CHECK_EQ(TYPE(fmod(f, l)), 3); CHECK_EQ(TYPE(remainder(d, f)), 2);
  CHECK_EQ(TYPE(llrint(f)), 9);
  /* complex only: real arguments count as complex */
  CHECK_EQ(TYPE(carg(f)), 1); CHECK_EQ(TYPE(carg(dc)), 2); CHECK_EQ(TYPE(creal(lc)), 3);
  CHECK_EQ(TYPE(cimag(fc)), 1); CHECK_EQ(TYPE(conj(fc)), 4); CHECK_EQ(TYPE(conj(lc)), 6);
  CHECK_EQ(TYPE(cproj(dc)), 5); CHECK_EQ(TYPE(creal(n)), 2);
  CHECK(creal(dc) == 0.5 && cimag(dc) == 0.25 && cimag(conj(fc)) == -0.25f);
  return CHECK_DONE();
}
