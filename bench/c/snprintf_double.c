/* snprintf_double N F: N calls of snprintf(buf, 64, FMT[F], x) with x cycling
 * through 64 fixed pseudo-random doubles (small and large exponents, short
 * and long expansions). Prints calls and a checksum of every byte written
 * (the same on every libc when the output is the same). */
#include <stdio.h>
#include <string.h>
#include "bench.h"

static const char *const FMT[] = {"%g", "%.17g", "%f", "%.2f", "%e"};

int main(int argc, char **argv) {
    uint32_t n = argc > 1 ? bench_parse(argv[1]) : 1000;
    uint32_t f = argc > 2 ? bench_parse(argv[2]) : 0;
    if (f >= sizeof FMT / sizeof FMT[0]) return 2;
    const char *fmt = FMT[f];
    /* Inputs: an LCG picks the significand, the exponent is spread over
     * 10^-30 .. 10^30 for most, with a few extremes (%f of those prints
     * hundreds of digits: kept few so every format sees the same inputs). */
    double xs[64];
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 64; i++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        uint64_t mant = s >> 12;
        int e2;
        if (i % 16 == 15) e2 = (int)((s >> 3) % 1200) - 600; /* huge/tiny */
        else if (i % 4 == 3) e2 = (int)((s >> 3) % 20) - 10; /* near 1 */
        else e2 = (int)((s >> 3) % 200) - 100;               /* 1e-30..1e30 */
        uint64_t bits = ((uint64_t)(1023 + e2) << 52) | mant;
        if (i & 1) bits |= 1ull << 63;
        if (i == 5) bits = 0x40091EB851EB851Full; /* 3.14 */
        if (i == 9) bits = 0x3FB999999999999Aull; /* 0.1 */
        if (i == 13) bits = 0x40F86A0000000000ull; /* 100000 */
        memcpy(&xs[i], &bits, 8);
    }
    struct bench_counts before;
    bench_counts(&before);
    uint32_t sum = 0;
    char buf[640];
    for (uint32_t i = 0; i < n; i++) {
        int len = snprintf(buf, sizeof buf, fmt, xs[i & 63]);
        if (len < 0 || (size_t)len >= sizeof buf) return 3;
        for (int k = 0; k < len; k++) sum = sum * 31 + (unsigned char)buf[k];
    }
    struct bench_line l = {.len = 0};
    bench_u64(&l, "calls", n);
    bench_hex(&l, "sum", sum);
    bench_report_counts(&l, &before);
    bench_emit(&l);
    return 0;
}
