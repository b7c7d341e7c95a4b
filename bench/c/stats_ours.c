/* Counts for our library: its built-in counters of the caller-buffer slot's
 * slow paths (every allocation made for an import result, every copy out of
 * one). On p1 nothing in read() allocates or copies, so they stay 0. */
#include <wasm_libc.h>
#include "bench.h"

void bench_counts(struct bench_counts *out) {
    struct wasm_libc_stats s;
    wasm_libc_get_stats(&s);
    out->mallocs = s.fallback_allocs;
    out->copies = s.guest_copies;
    out->copy_bytes = s.guest_copy_bytes;
}
