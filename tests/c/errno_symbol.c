/* errno is an object with external linkage named `errno` (as in
 * wasi-libc): code that bypasses the macro, or declares it itself, sees
 * the same storage as __errno_location(). Hand-checked CHECKs (glibc's
 * errno is thread-local, not a plain symbol). */
#include <errno.h>
#include <unistd.h>
#include "check.h"

#undef errno
extern int errno;

static int *addr(void) { return &errno; }

int main(void) {
  CHECK(addr() == __errno_location());
  errno = 0;
  CHECK_EQ(close(-1), -1);
  CHECK_EQ(errno, EBADF);
  *__errno_location() = 33;
  CHECK_EQ(errno, 33);
  return CHECK_DONE();
}
