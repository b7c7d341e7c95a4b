/* mallocloop MODE N: N allocator operations.
 *   pairs  N malloc/free pairs of small sizes (16..136 bytes, cycling), each
 *          block touched once: the cost of one malloc plus one free.
 *   mixed  N operations on a live set of 512 slots: each picks a slot with a
 *          fixed pseudo-random sequence, frees what it holds (if anything)
 *          and allocates a new block of a random size (mostly small, some up
 *          to 4 KiB; every 16th op a realloc of the slot instead), touching
 *          the first and last byte. The live set is freed at the end.
 * Prints ops, a checksum of the bytes read back (the same for every libc),
 * the number of results that were not 16-byte aligned (must be 0), and the
 * common counts. */
#include <stdlib.h>
#include "bench.h"

#define SLOTS 512

static uint32_t rng_state = 12345;
static inline uint32_t rng(void) {
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

static inline size_t mixed_size(void) {
    uint32_t r = rng();
    if ((r & 7) != 0) return 1 + (r >> 3) % 128;  /* 7/8 small */
    return 1 + (r >> 3) % 4096;                   /* 1/8 up to 4 KiB */
}

int main(int argc, char **argv) {
    int mixed = argc > 1 && argv[1][0] == 'm';
    uint32_t n = argc > 2 ? bench_parse(argv[2]) : 1000;
    struct bench_counts before;
    bench_counts(&before);
    uint32_t sum = 0, misaligned = 0;
    if (!mixed) {
        for (uint32_t i = 0; i < n; i++) {
            size_t size = 16 + (i & 15) * 8;
            volatile unsigned char *p = malloc(size);
            if (!p) return 3;
            misaligned += ((uintptr_t)p & 15) != 0;
            p[0] = (unsigned char)i;
            sum += p[0];
            free((void *)p);
        }
    } else {
        static unsigned char *slot[SLOTS];
        static size_t len[SLOTS];
        for (uint32_t i = 0; i < n; i++) {
            uint32_t k = rng() % SLOTS;
            size_t size = mixed_size();
            unsigned char *p;
            if ((i & 15) == 15 && slot[k]) {
                p = realloc(slot[k], size);
                if (!p) return 3;
                /* the kept prefix must survive */
                sum += p[0];
                if (len[k] <= size) sum += p[len[k] - 1];
            } else {
                free(slot[k]);
                p = malloc(size);
                if (!p) return 3;
            }
            misaligned += ((uintptr_t)p & 15) != 0;
            p[0] = (unsigned char)i;
            p[size - 1] = (unsigned char)(i >> 3);
            slot[k] = p;
            len[k] = size;
        }
        for (uint32_t k = 0; k < SLOTS; k++) {
            if (slot[k]) sum += slot[k][0];
            free(slot[k]);
            slot[k] = 0;
        }
    }
    struct bench_line l = {.len = 0};
    bench_u64(&l, "ops", n);
    bench_hex(&l, "sum", sum);
    bench_u64(&l, "misaligned", misaligned);
    bench_report_counts(&l, &before);
    bench_emit(&l);
    return 0;
}
