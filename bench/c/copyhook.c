/* Counting builds only: bench/run.py rewrites every `memory.copy`
 * instruction of the linked module (libc and program alike, this function
 * excepted) into a call of __bench_copy_hook, so every guest copy is counted,
 * whether the libc calls memcpy or inlines the copy (bulk memory). */
#include <stddef.h>
#include <stdint.h>
#include "bench.h"

static uint32_t hook_copies;
static uint64_t hook_bytes;

__attribute__((target("bulk-memory"))) void __bench_copy_hook(void *dst, const void *src, size_t n) {
    hook_copies++;
    hook_bytes += n;
    __builtin_memmove(dst, src, n); /* memory.copy itself (memmove semantics) */
}

/* Keeps the hook linked: nothing calls it until the rewrite. */
static void (*volatile keep_hook)(void *, const void *, size_t) = __bench_copy_hook;

void bench_copies(uint32_t *copies, uint64_t *bytes) {
    (void)keep_hook;
    *copies = hook_copies;
    *bytes = hook_bytes;
}
