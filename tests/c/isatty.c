/* isatty(): the test runner connects stdin, stdout and stderr to pipes, so
 * none is a terminal (0 with ENOTTY); bad descriptors give 0 with EBADF. */
#include "check.h"

static void check_notty(int fd, int err) {
  errno = 0;
  int r = isatty(fd);
  int e = errno;
  check_puts("isatty(");
  check_putl(fd);
  check_puts(") = ");
  check_putl(r);
  check_puts(", errno ");
  check_puts(e == ENOTTY ? "ENOTTY" : e == EBADF ? "EBADF" : "other");
  check_puts("\n");
  CHECK(r == 0 && e == err);
}

int main(void) {
  check_notty(0, ENOTTY);
  check_notty(1, ENOTTY);
  check_notty(2, ENOTTY);
  check_notty(-1, EBADF);
  check_notty(64, EBADF);
  check_notty(1000000, EBADF);
  CHECK_EQ(close(0), 0);
  check_notty(0, EBADF);
  return CHECK_DONE();
}
