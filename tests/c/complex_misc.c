/* complex.h: the macros and the functions that are exact in every format
 * (creal, cimag, conj, cproj, also for long double), compared with glibc
 * (reference.sh). long double values here are exact in both x87 and
 * binary128 (64 significant bits). The computed functions: complex_gen. */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "check.h"

static int same_d(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

int main(void) {
  double complex z = 1.0 + 2.0 * I;
  CHECK(creal(z) == 1.0 && cimag(z) == 2.0);
  complex float f = 3.0f - 4.0f * _Complex_I;
  CHECK(crealf(f) == 3.0f && cimagf(f) == -4.0f);
  CHECK(sizeof(_Complex_I) == sizeof(float complex));
  static const double complex c = CMPLX(0.0, INFINITY); /* a constant expression */
  CHECK(creal(c) == 0.0 && !signbit(creal(c)) && isinf(cimag(c)));
  double complex n = CMPLX(-0.0, NAN);
  CHECK(signbit(creal(n)) && isnan(cimag(n)));
  float complex fn = CMPLXF(-0.0f, -0.0f);
  CHECK(signbit(crealf(fn)) && signbit(cimagf(fn)));
  long double x = 1.0L + 0x1p-60L;
  long double complex l = CMPLXL(x, -x);
  CHECK(creall(l) == x && cimagl(l) == -x);
  CHECK(creall(conjl(l)) == x && cimagl(conjl(l)) == x);
  CHECK(creall(cprojl(l)) == x && cimagl(cprojl(l)) == -x);
  long double complex li = CMPLXL(-INFINITY, -x);
  CHECK(isinf(creall(cprojl(li))) && creall(cprojl(li)) > 0 && cimagl(cprojl(li)) == 0 && signbit(cimagl(cprojl(li))));
  li = CMPLXL(NAN, INFINITY);
  CHECK(isinf(creall(cprojl(li))) && cimagl(cprojl(li)) == 0 && !signbit(cimagl(cprojl(li))));
  CHECK(same_d(cimag(conj(CMPLX(1.0, 0.0))), -0.0));
  CHECK(same_d(cimagf(conjf(CMPLXF(1.0f, -0.0f))), 0.0));
  CHECK(same_d(cimag(cproj(CMPLX(INFINITY, -2.0))), -0.0));
  CHECK(same_d(creal(cproj(CMPLX(NAN, -INFINITY))), INFINITY));
  CHECK(isnan(creal(cproj(CMPLX(NAN, 1.0)))));
  CHECK(cabs(CMPLX(3.0, 4.0)) == 5.0);
  CHECK(carg(CMPLX(-1.0, 0.0)) == M_PI && carg(CMPLX(-1.0, -0.0)) == -M_PI);
  CHECK(cabsf(CMPLXF(INFINITY, NAN)) == INFINITY && cabsl(CMPLXL(NAN, -INFINITY)) == INFINITY);
  return CHECK_DONE();
}
