/* p1 only: the backend name, and no slow path at all: preview1 hands the
 * arguments and reads straight into the caller's memory. */
#include <fcntl.h>
#include <wasm_libc.h>
#include "check.h"

int main(int argc, char **argv) {
  CHECK(strcmp(wasm_libc_backend(), "p1") == 0);
  int fd = open("made.txt", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0);
  struct wasm_libc_stats s;
  wasm_libc_get_stats(&s);
  CHECK_EQ(s.fallback_allocs, 0);
  CHECK_EQ(s.fallback_bytes, 0);
  CHECK_EQ(s.guest_copies, 0);
  CHECK_EQ(s.guest_copy_bytes, 0);
  (void)argc;
  (void)argv;
  return CHECK_DONE();
}
