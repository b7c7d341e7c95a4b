/* Shared helpers for the benchmark programs: no stdio, so that the measured
 * loops and the sizes contain only what they measure (printf_hello.c is the
 * one program with stdio); numbers are formatted by hand and written with
 * write(). */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

/* Counters of the libc's own work, filled by the variant's stats object:
 * stats_ours.c (the library's built-in counters) or stats_wrap.c (link-time
 * wrappers around wasi-libc's allocator), copies by copyhook.c. */
struct bench_counts {
    uint32_t mallocs;     /* allocations made by the libc */
    uint32_t copies;      /* guest copies of received data */
    uint64_t copy_bytes;  /* bytes those copies moved */
};
#ifdef BENCH_NO_COUNTS
/* Builds for fuel, wall-clock and size: no counters linked in. */
static inline void bench_counts(struct bench_counts *out) {
    out->mallocs = 0;
    out->copies = 0;
    out->copy_bytes = 0;
}
#else
void bench_counts(struct bench_counts *out);
void bench_copies(uint32_t *copies, uint64_t *bytes); /* copyhook.c */
#endif

static inline uint32_t bench_parse(const char *s) {
    uint32_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint32_t)(*s++ - '0');
    return v;
}

/* A tiny line builder: "key=value key=value\n". */
struct bench_line {
    char buf[256];
    size_t len;
};

static inline void bench_str(struct bench_line *l, const char *s) {
    while (*s && l->len < sizeof l->buf) l->buf[l->len++] = *s++;
}

/* Fixed width (20 digits, leading zeros) so that printing costs the same
 * fuel whatever the value: per-call figures subtract two runs. */
static inline void bench_u64(struct bench_line *l, const char *key, uint64_t v) {
    char tmp[20];
    if (l->len) bench_str(l, " ");
    bench_str(l, key);
    bench_str(l, "=");
    for (int i = 19; i >= 0; i--) {
        tmp[i] = (char)('0' + v % 10);
        v /= 10;
    }
    for (int i = 0; i < 20 && l->len < sizeof l->buf; i++) l->buf[l->len++] = tmp[i];
}

static inline void bench_hex(struct bench_line *l, const char *key, uint32_t v) {
    static const char digits[] = "0123456789abcdef";
    if (l->len) bench_str(l, " ");
    bench_str(l, key);
    bench_str(l, "=");
    for (int i = 28; i >= 0 && l->len < sizeof l->buf; i -= 4) l->buf[l->len++] = digits[(v >> i) & 15];
}

static inline void bench_emit(struct bench_line *l) {
    if (l->len < sizeof l->buf) l->buf[l->len++] = '\n';
    (void)write(1, l->buf, l->len);
}

/* Common tail of every report: the libc's counts over the measured loop and
 * the linear memory the run ended with (it never shrinks, so this is the
 * peak), in 64 KiB pages. */
static inline void bench_report_counts(struct bench_line *l, const struct bench_counts *before) {
    struct bench_counts after;
    bench_counts(&after);
    bench_u64(l, "mallocs", after.mallocs - before->mallocs);
    bench_u64(l, "copies", after.copies - before->copies);
    bench_u64(l, "copy_bytes", after.copy_bytes - before->copy_bytes);
    bench_u64(l, "pages", __builtin_wasm_memory_size(0));
}

#endif
