/* Operation-count builds only (bench/tcp/run.py, "where the fuel goes").
 * run.py gives every function of the linked module a 64-bit counter (a
 * global) incremented before each of its instructions that wasmtime charges
 * fuel for, and fills the body of __bench_opcount_gen with one
 * __bench_opcount_report(function index, count) call per function. */
#include <stdint.h>
#include <unistd.h>

void __bench_opcount_report(uint32_t idx, uint64_t v) {
    char line[48], t[24];
    size_t n = 0;
    int k = 0;
    uint64_t x = idx;
    do t[k++] = (char)('0' + x % 10); while ((x /= 10) != 0);
    while (k) line[n++] = t[--k];
    line[n++] = ' ';
    x = v;
    do t[k++] = (char)('0' + x % 10); while ((x /= 10) != 0);
    while (k) line[n++] = t[--k];
    line[n++] = '\n';
    (void)write(2, line, n);
}

/* Replaced by the rewrite; keep it and the reporter linked and out of line. */
__attribute__((noinline)) void __bench_opcount_gen(void) { __asm__ volatile(""); }
static void (*volatile keep)(uint32_t, uint64_t) = __bench_opcount_report;

void bench_opcount_dump(void) {
    (void)keep;
    __bench_opcount_gen();
}
