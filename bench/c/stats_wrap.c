/* Counts for wasi-libc. Allocations: the program is linked with
 *   -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=aligned_alloc,
 *   --wrap=posix_memalign
 * so every allocator call that crosses an object file inside libc.a (e.g.
 * wasi-libc p2's cabi_realloc calling realloc) goes through a counter first.
 * Copies: the memory.copy hook (copyhook.c); wrapping memcpy would miss
 * wasi-libc's copies, which are inlined `memory.copy` instructions. */
#include <stdlib.h>
#include "bench.h"

static uint32_t allocs;

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__real_aligned_alloc(size_t, size_t);
int __real_posix_memalign(void **, size_t, size_t);

void *__wrap_malloc(size_t n) { allocs++; return __real_malloc(n); }
void *__wrap_calloc(size_t a, size_t b) { allocs++; return __real_calloc(a, b); }
void *__wrap_realloc(void *p, size_t n) { allocs++; return __real_realloc(p, n); }
void *__wrap_aligned_alloc(size_t a, size_t n) { allocs++; return __real_aligned_alloc(a, n); }
int __wrap_posix_memalign(void **p, size_t a, size_t n) { allocs++; return __real_posix_memalign(p, a, n); }

void bench_counts(struct bench_counts *out) {
    out->mallocs = allocs;
    bench_copies(&out->copies, &out->copy_bytes);
}
