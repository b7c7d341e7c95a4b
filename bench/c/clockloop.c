/* clockloop N: N calls of clock_gettime(CLOCK_MONOTONIC). Prints calls, a
 * checksum of the readings (so the calls can't be dropped), the libc's
 * mallocs/copies during the loop and the memory pages. */
#include <time.h>
#include "bench.h"

int main(int argc, char **argv) {
    uint32_t n = argc > 1 ? bench_parse(argv[1]) : 1000;
    struct bench_counts before;
    bench_counts(&before);
    uint32_t sum = 0;
    for (uint32_t i = 0; i < n; i++) {
        struct timespec ts;
        if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 4;
        sum += (uint32_t)ts.tv_nsec ^ (uint32_t)ts.tv_sec;
    }
    struct bench_line l = {.len = 0};
    bench_u64(&l, "calls", n);
    bench_hex(&l, "sum", sum | 1); /* readings vary: only keep the work live */
    bench_report_counts(&l, &before);
    bench_emit(&l);
    return 0;
}
