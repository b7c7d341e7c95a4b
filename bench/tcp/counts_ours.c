/* wasm-libc: allocations from its built-in counters (every list the
 * caller-buffer slot could not take and `cabi_import_realloc` had to
 * allocate); copies from the memory.copy hook (copyhook.c), which also sees
 * copies the library does not count itself. */
#include <wasm_libc.h>
#include "bench.h"

void bench_counts(struct bench_counts *out) {
    struct wasm_libc_stats s;
    wasm_libc_get_stats(&s);
    out->mallocs = s.fallback_allocs;
    bench_copies(out);
}
