/* Counts for our library: allocations from its built-in counters (every
 * allocation `cabi_import_realloc` had to make because the caller-buffer slot
 * could not take a list); copies from the memory.copy hook (copyhook.c),
 * which sees every copy the library makes, counted or not. */
#include <wasm_libc.h>
#include "bench.h"

void bench_counts(struct bench_counts *out) {
    struct wasm_libc_stats s;
    wasm_libc_get_stats(&s);
    out->mallocs = s.fallback_allocs;
    bench_copies(&out->copies, &out->copy_bytes);
}
