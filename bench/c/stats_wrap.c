/* Counts for wasi-libc: the program is linked with
 *   -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=aligned_alloc,
 *   --wrap=posix_memalign,--wrap=memcpy,--wrap=memmove
 * so every call that crosses an object-file boundary inside libc.a (e.g.
 * wasi-libc's read() calling realloc through cabi_realloc, then memcpy)
 * goes through these counters first. */
#include <stdlib.h>
#include <string.h>
#include "bench.h"

static struct bench_counts counts;

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__real_aligned_alloc(size_t, size_t);
int __real_posix_memalign(void **, size_t, size_t);
void *__real_memcpy(void *, const void *, size_t);
void *__real_memmove(void *, const void *, size_t);

void *__wrap_malloc(size_t n) { counts.mallocs++; return __real_malloc(n); }
void *__wrap_calloc(size_t a, size_t b) { counts.mallocs++; return __real_calloc(a, b); }
void *__wrap_realloc(void *p, size_t n) { counts.mallocs++; return __real_realloc(p, n); }
void *__wrap_aligned_alloc(size_t a, size_t n) { counts.mallocs++; return __real_aligned_alloc(a, n); }
int __wrap_posix_memalign(void **p, size_t a, size_t n) { counts.mallocs++; return __real_posix_memalign(p, a, n); }
void *__wrap_memcpy(void *d, const void *s, size_t n) {
    counts.copies++;
    counts.copy_bytes += n;
    return __real_memcpy(d, s, n);
}
void *__wrap_memmove(void *d, const void *s, size_t n) {
    counts.copies++;
    counts.copy_bytes += n;
    return __real_memmove(d, s, n);
}

void bench_counts(struct bench_counts *out) { *out = counts; }
