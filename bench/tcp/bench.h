/* Helpers for the TCP benchmark guest (bench/tcp/): number parsing, a
 * fixed-width "key=value" line written with write() (no stdio: its cost
 * would differ between the libcs), and the libc's counters. */
#ifndef BENCH_TCP_H
#define BENCH_TCP_H

#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

/* The libc's own work during the measured loop. Filled by counts_ours.c
 * (wasm-libc's built-in counters) or counts_wrap.c (link-time wrappers
 * around wasi-libc's allocator); copies by copyhook.c in both. */
struct bench_counts {
    uint32_t mallocs;    /* allocations made by the libc */
    uint32_t copies;     /* guest copies: every memory.copy executed */
    uint64_t copy_bytes; /* bytes they moved */
    uint32_t data_copies;    /* those that wrote into the watched buffer */
    uint64_t data_bytes;     /* bytes they wrote there */
};

#ifdef BENCH_NO_COUNTS
/* Fuel and wall-clock builds: nothing linked in, nothing counted. */
static inline void bench_counts(struct bench_counts *out) {
    out->mallocs = 0;
    out->copies = 0;
    out->copy_bytes = 0;
    out->data_copies = 0;
    out->data_bytes = 0;
}
static inline void bench_watch(const void *p, size_t n) {
    (void)p;
    (void)n;
}
#else
void bench_counts(struct bench_counts *out);
/* copyhook.c: all copies, and those into the buffer given to bench_watch
 * (the receive buffer: a copy there is received data moved by the guest). */
void bench_copies(struct bench_counts *out);
void bench_watch(const void *p, size_t n);
#endif

#ifdef BENCH_OPCOUNT
void bench_opcount_dump(void); /* opcount.c: per-function counts on stderr */
#else
static inline void bench_opcount_dump(void) {}
#endif

static inline uint32_t bench_parse(const char *s) {
    uint32_t v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (uint32_t)(*s++ - '0');
    return v;
}

struct bench_line {
    char buf[320];
    size_t len;
};

static inline void bench_str(struct bench_line *l, const char *s) {
    while (*s && l->len < sizeof l->buf) l->buf[l->len++] = *s++;
}

/* Always 20 digits: printing costs the same fuel whatever the value, so it
 * cancels out when two runs are subtracted. */
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

/* The counts since `before`, and the linear memory size at the end (it never
 * shrinks: the peak), in 64 KiB pages. */
static inline void bench_report_counts(struct bench_line *l, const struct bench_counts *before) {
    struct bench_counts after;
    bench_counts(&after);
    bench_u64(l, "mallocs", after.mallocs - before->mallocs);
    bench_u64(l, "copies", after.copies - before->copies);
    bench_u64(l, "copy_bytes", after.copy_bytes - before->copy_bytes);
    bench_u64(l, "data_copies", after.data_copies - before->data_copies);
    bench_u64(l, "data_bytes", after.data_bytes - before->data_bytes);
    bench_u64(l, "pages", __builtin_wasm_memory_size(0));
}

#endif
