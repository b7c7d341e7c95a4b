/* The wasm-libc demo: reads all of stdin with read(), counts bytes and
 * lines, times the loop with clock_gettime, and reports through write().
 * The same source is built for WASI preview1 and for WASI 0.2. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wasm_libc.h>

static void put(const char *s) { write(STDOUT_FILENO, s, strlen(s)); }

static void put_num(unsigned long long v) {
  char b[24];
  int i = sizeof b;
  b[--i] = 0;
  do { b[--i] = (char)('0' + v % 10); v /= 10; } while (v);
  put(b + i);
}

int main(int argc, char **argv) {
  /* Count only what the read loop does (start-up fetched argv already). */
  wasm_libc_reset_stats();
  struct timespec t0, t1;
  if (clock_gettime(CLOCK_MONOTONIC, &t0) != 0) return 1;

  char *buf = malloc(64 * 1024);
  if (!buf) return 1;
  unsigned long long bytes = 0, lines = 0, reads = 0;
  ssize_t n;
  while ((n = read(STDIN_FILENO, buf, 64 * 1024)) > 0) {
    reads++;
    bytes += (unsigned long long)n;
    for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
  }
  if (n < 0) { put("read failed: "); put(strerror(errno)); put("\n"); return 1; }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  free(buf);

  long long ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
  struct wasm_libc_stats st;
  wasm_libc_get_stats(&st);

  put("backend:          "); put(wasm_libc_backend()); put("\n");
  put("program:          "); put(argc > 0 ? argv[0] : "?"); put("\n");
  put("bytes read:       "); put_num(bytes); put("\n");
  put("lines:            "); put_num(lines); put("\n");
  put("read() calls:     "); put_num(reads); put("\n");
  put("elapsed (us):     "); put_num((unsigned long long)(ns / 1000)); put("\n");
  put("mallocs for reads: "); put_num(st.fallback_allocs); put("\n");
  put("copies for reads:  "); put_num(st.guest_copies); put("\n");
  return 0;
}
