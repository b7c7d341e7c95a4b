/* errno: 0 at start-up, the `errno` macro is *__errno_location() (one
 * object, writable), failing calls set it, successful calls leave it alone
 * (POSIX: no function sets errno to 0), and the E* constants are distinct
 * positive numbers (WASI's numbering). */
#include <stdlib.h>
#include <time.h>
#include "check.h"

int main(void) {
  CHECK_EQ(errno, 0);
  CHECK(&errno == __errno_location());
  CHECK(__errno_location() == __errno_location());
  errno = 42;
  CHECK_EQ(*__errno_location(), 42);
  *__errno_location() = 7;
  CHECK_EQ(errno, 7);

  /* Failures set errno. */
  errno = 0;
  CHECK_EQ(write(-1, "x", 1), -1);
  CHECK_EQ(errno, EBADF);
  CHECK_EQ(close(-1), -1);
  CHECK_EQ(errno, EBADF);
  CHECK_EQ(lseek(0, 0, 77), -1);
  CHECK_EQ(errno, EINVAL);

  /* Successes keep whatever errno held. */
  errno = 1234;
  CHECK_EQ(write(1, "", 0), 0);
  CHECK_EQ(errno, 1234);
  struct timespec ts;
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &ts), 0);
  CHECK_EQ(errno, 1234);
  void *p = malloc(10);
  CHECK(p != 0);
  free(p);
  CHECK_EQ(errno, 1234);
  CHECK_EQ(isatty(1), 0); /* a failure: ENOTTY */
  CHECK_EQ(errno, ENOTTY);

  /* Values (those wasi-libc uses, so errors pass through from p1). */
  CHECK_EQ(E2BIG, 1);
  CHECK_EQ(EBADF, 8);
  CHECK_EQ(EFAULT, 21);
  CHECK_EQ(EINVAL, 28);
  CHECK_EQ(ENOENT, 44);
  CHECK_EQ(ENOMEM, 48);
  CHECK_EQ(ESPIPE, 70);
  CHECK_EQ(ENOTCAPABLE, 76);
  CHECK_EQ(EWOULDBLOCK, EAGAIN);
  CHECK_EQ(EOPNOTSUPP, ENOTSUP);
  return CHECK_DONE();
}
