/* Control for zero_copy (p2 only): the slow-path counters do count. The
 * program arguments and the pre-opened directories are lists the library
 * keeps, so the host's lists for them go through the allocator
 * (fallback_allocs > 0); nothing is copied into a caller's buffer. */
#include <fcntl.h>
#include <wasm_libc.h>
#include "check.h"

int main(int argc, char **argv) {
  CHECK(strcmp(wasm_libc_backend(), "p2") == 0);
  struct wasm_libc_stats s;
  wasm_libc_get_stats(&s);
  CHECK(s.fallback_allocs >= 1 + (unsigned)argc); /* argv list + strings */
  CHECK(s.fallback_bytes > 0);
  unsigned before = s.fallback_allocs;
  int fd = open("made.txt", O_WRONLY | O_CREAT, 0644); /* get-directories */
  CHECK(fd >= 0);
  wasm_libc_get_stats(&s);
  CHECK(s.fallback_allocs > before);
  CHECK_EQ(s.guest_copies, 0);
  CHECK_EQ(s.guest_copy_bytes, 0);
  wasm_libc_reset_stats();
  wasm_libc_get_stats(&s);
  CHECK_EQ(s.fallback_allocs, 0);
  CHECK_EQ(s.fallback_bytes, 0);
  (void)argv;
  return CHECK_DONE();
}
