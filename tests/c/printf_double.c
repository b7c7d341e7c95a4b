/* printf of doubles against glibc (issue 12: the faster formatter must
 * print the same bytes): pseudo-random bit patterns over the whole range
 * (subnormals, huge exponents), values near 1, rounding ties and the
 * extremes, through %g %.17g %e %.3e %f %.2f %.0f %a %.3a and flags; %.17g
 * must round-trip through strtod. Expected output: tests/c/gen/reference.sh. */
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buf[2048];
static uint64_t s = 0x243F6A8885A308D3u;

static uint64_t next(void) {
    s = s * 6364136223846793005u + 1442695040888963407u;
    return s;
}

static double from_bits(uint64_t b) {
    double x;
    memcpy(&x, &b, 8);
    return x;
}

static void show(const char *fmt, double x) {
    int n = snprintf(buf, sizeof buf, fmt, x);
    printf("%s %d:%s\n", fmt, n, buf);
}

static void all(double x) {
    static const char *const F[] = {"%g",  "%.17g", "%e",  "%.3e", "%.0e", "%#.0e", "%.2f",
                                    "%.0f", "%#.0f", "%a",  "%.3a", "%.0a", "%+12.4g", "%-+14.5e|",
                                    "%015.3f", "% .10g", "%#g", "%G", "%E", "%A"};
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) show(F[i], x);
    double ax = x < 0 ? -x : x;
    if (ax < 1e60) show("%f", x);           /* %f of huge values: see below */
    if (ax < 1e-5 && ax > 0) show("%.40f", x);
    snprintf(buf, sizeof buf, "%.17g", x);
    double y = strtod(buf, NULL);
    if (memcmp(&x, &y, 8) != 0 && x == x) printf("round trip failed: %s\n", buf);
}

int main(void) {
    /* Extremes and specials. */
    double ext[] = {0.0, -0.0, DBL_MIN, DBL_MAX, -DBL_MAX, DBL_EPSILON, DBL_TRUE_MIN, 4.9406564584124654e-324,
                    2.2250738585072009e-308, 1e308, 1e-308, 1e300, 1e-300, 1e22, 1e23, 9007199254740993.0,
                    18446744073709551616.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123456789012345678.0};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) all(ext[i]);
    show("%f", DBL_MAX);
    show("%.3f", -DBL_MAX);
    show("%.1074f", DBL_TRUE_MIN);
    show("%.20e", DBL_TRUE_MIN);
    show("%.330e", 1e308);
    /* Rounding ties (exact binary halves) at many places. */
    double ties[] = {0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 0.125, 0.375, 0.625, 1.25, 2.675, 1.005, 1e15 + 0.5,
                     4503599627370495.5, 0.045, 5e-324 * 3, 1.25e-5, 8.5, 9.5, 99.5, 999.5, 0.0625};
    for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++) {
        show("%.0f", ties[i]);
        show("%.1f", ties[i]);
        show("%.2f", ties[i]);
        show("%.0e", ties[i]);
        show("%.1e", ties[i]);
        show("%.1g", ties[i]);
        show("%.2g", ties[i]);
    }
    /* Random bit patterns over the whole range. */
    for (int i = 0; i < 150; i++) {
        uint64_t b = next();
        if ((b >> 52 & 0x7ff) == 0x7ff) b ^= 1ull << 62; /* no inf/nan here */
        all(from_bits(b));
    }
    /* Random values of ordinary size: exponents 2^-70 .. 2^70. */
    for (int i = 0; i < 150; i++) {
        uint64_t b = next();
        uint64_t e = 1023 - 70 + (b >> 3) % 141;
        all(from_bits((b & 0x800FFFFFFFFFFFFFull) | e << 52));
    }
    /* Subnormals. */
    for (int i = 0; i < 40; i++) all(from_bits(next() >> (12 + i % 40)));
    return 0;
}
