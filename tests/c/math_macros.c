/* math.h macros (classification, comparison, constants) for float, double
 * and long double, and the functions they are usually paired with.
 * Differential against glibc. */
#include "check.h"
#include <float.h>
#include <math.h>

static void put(const char *s, long long v) { check_puts(s); check_puts(" "); check_putl(v); check_puts("\n"); }

#define CLASSIFY(T, v) do { T x_ = (v); \
  check_putl(fpclassify(x_) == FP_NAN ? 0 : fpclassify(x_) == FP_INFINITE ? 1 : fpclassify(x_) == FP_ZERO ? 2 : \
             fpclassify(x_) == FP_SUBNORMAL ? 3 : fpclassify(x_) == FP_NORMAL ? 4 : 9); \
  check_puts(" "); check_putl(!!isnan(x_)); check_putl(!!isinf(x_)); check_putl(!!isfinite(x_)); \
  check_putl(!!isnormal(x_)); check_putl(!!signbit(x_)); check_puts("\n"); } while (0)

int main(void) {
  volatile double zero = 0.0;
  double dv[] = {0.0, -0.0, 1.0, -1.5, DBL_MIN, DBL_MIN / 2, -DBL_TRUE_MIN, DBL_MAX, HUGE_VAL, -HUGE_VAL, NAN, -NAN, INFINITY, zero / zero};
  for (unsigned i = 0; i < sizeof dv / sizeof *dv; i++) { check_puts("d "); CLASSIFY(double, dv[i]); }
  float fv[] = {0.0f, -0.0f, 1.0f, FLT_MIN, FLT_MIN / 2, FLT_MAX, HUGE_VALF, -HUGE_VALF, NAN, INFINITY};
  for (unsigned i = 0; i < sizeof fv / sizeof *fv; i++) { check_puts("f "); CLASSIFY(float, fv[i]); }
  /* long double: build values from double so the host's x87 and wasm32's
   * binary128 classify alike. */
  long double lv[] = {0.0L, -0.0L, 1.0L, (long double)DBL_MIN, (long double)DBL_MAX * 4, HUGE_VALL, -HUGE_VALL, (long double)NAN};
  for (unsigned i = 0; i < sizeof lv / sizeof *lv; i++) { check_puts("l "); CLASSIFY(long double, lv[i]); }
  double a[] = {1.0, 2.0, NAN, -0.0, 0.0, INFINITY};
  for (unsigned i = 0; i < 6; i++)
    for (unsigned j = 0; j < 6; j++) {
      double x = a[i], y = a[j];
      check_puts("cmp "); check_putl(isgreater(x, y)); check_putl(isgreaterequal(x, y)); check_putl(isless(x, y));
      check_putl(islessequal(x, y)); check_putl(islessgreater(x, y)); check_putl(isunordered(x, y)); check_puts("\n");
    }
  put("M_PI", (long long)(M_PI * 1e15));
  put("M_E", (long long)(M_E * 1e15));
  put("M_SQRT2", (long long)(M_SQRT2 * 1e15));
  put("M_LN2", (long long)(M_LN2 * 1e15));
  put("M_1_PI", (long long)(M_1_PI * 1e15));
  put("FP_ILOGB0", FP_ILOGB0);
  put("FP_ILOGBNAN", FP_ILOGBNAN);
  put("ilogb0", ilogb(0.0) == FP_ILOGB0);
  put("ilogbnan", ilogb(NAN) == FP_ILOGBNAN);
  put("ilogbinf", ilogb(INFINITY));
  put("huge", HUGE_VAL > DBL_MAX && HUGE_VALF > FLT_MAX && HUGE_VALL > LDBL_MAX);
  put("sizeof-float_t", sizeof(float_t));
  put("sizeof-double_t", sizeof(double_t));
  put("math_errhandling-ok", (math_errhandling & (MATH_ERRNO | MATH_ERREXCEPT)) != 0);
  /* signgam after lgamma */
  lgamma(-0.5); put("signgam-0.5", signgam);
  lgamma(-1.5); put("signgam-1.5", signgam);
  lgamma(3.0); put("signgam3", signgam);
  return 0;
}
