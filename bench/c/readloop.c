/* readloop CHUNK [PATH] [verify]: read() all of PATH (or stdin when PATH is
 * "-" or absent) CHUNK bytes at a time.
 *
 * Prints: calls (read() calls that returned data), bytes, sum (a checksum
 * over every call that touches the data: the last byte of each chunk, cheap
 * enough not to drown the cost of read() itself), the libc's mallocs/copies
 * during the loop, and the memory pages.
 * With "verify", also adler32 over every byte, for comparing outputs with
 * the input file (costs fuel per byte: not for measuring). */
#include <fcntl.h>
#include "bench.h"

#define MAX_CHUNK 65536
static unsigned char buf[MAX_CHUNK] __attribute__((aligned(16)));

int main(int argc, char **argv) {
    uint32_t chunk = argc > 1 ? bench_parse(argv[1]) : 4096;
    int fd = 0;
    int verify = argc > 3;
    if (chunk == 0 || chunk > MAX_CHUNK) return 2;
    if (argc > 2 && !(argv[2][0] == '-' && argv[2][1] == 0)) {
        fd = open(argv[2], O_RDONLY);
        if (fd < 0) return 3;
    }
    struct bench_counts before;
    bench_counts(&before);
    uint32_t calls = 0, sum = 0, a = 1, b = 0;
    uint64_t bytes = 0;
    ssize_t n;
    if (!verify) {
        /* The measured loop: as little as possible besides read(). */
        while ((n = read(fd, buf, chunk)) > 0) {
            calls++;
            bytes += (uint64_t)n;
            sum = sum * 31 + buf[n - 1];
        }
    } else {
        while ((n = read(fd, buf, chunk)) > 0) {
            calls++;
            bytes += (uint64_t)n;
            sum = sum * 31 + buf[n - 1];
            for (ssize_t i = 0; i < n; i++) {
                a = (a + buf[i]) % 65521;
                b = (b + a) % 65521;
            }
        }
    }
    if (n < 0) return 4;
    struct bench_line l = {.len = 0};
    bench_u64(&l, "calls", calls);
    bench_u64(&l, "bytes", bytes);
    bench_hex(&l, "sum", sum);
    if (verify) bench_hex(&l, "adler32", (b << 16) | a);
    bench_report_counts(&l, &before);
    bench_emit(&l);
    return 0;
}
