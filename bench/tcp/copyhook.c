/* Counting builds only. bench/tcp/run.py rewrites every `memory.copy` of the
 * linked module (libc and program, this function excepted) into a call of
 * __bench_copy_hook, which has the same stack effect (dst, src, len), so
 * every guest copy is counted whether the libc calls memcpy or inlines it.
 * Copies that write into the watched range (the receive buffer) are counted
 * apart: they are received bytes moved by the guest, what zero-copy means to
 * avoid; the others are the libc's bookkeeping (structs, addresses). */
#include <stddef.h>
#include <stdint.h>
#include "bench.h"

static uint32_t n_copies, n_data;
static uint64_t n_bytes, n_data_bytes;
static uintptr_t watch_lo, watch_hi;

__attribute__((target("bulk-memory"))) void __bench_copy_hook(void *dst, const void *src, size_t n) {
    uintptr_t lo = (uintptr_t)dst, hi = lo + n;
    n_copies++;
    n_bytes += n;
    if (n && lo < watch_hi && hi > watch_lo) {
        n_data++;
        n_data_bytes += (hi < watch_hi ? hi : watch_hi) - (lo > watch_lo ? lo : watch_lo);
    }
    __builtin_memmove(dst, src, n); /* the memory.copy itself */
}

/* Nothing calls the hook before the rewrite: keep it linked. */
static void (*volatile keep)(void *, const void *, size_t) = __bench_copy_hook;

void bench_watch(const void *p, size_t n) {
    watch_lo = (uintptr_t)p;
    watch_hi = watch_lo + n;
}

void bench_copies(struct bench_counts *out) {
    (void)keep;
    out->copies = n_copies;
    out->copy_bytes = n_bytes;
    out->data_copies = n_data;
    out->data_bytes = n_data_bytes;
}
