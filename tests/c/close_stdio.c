/* Closing stdout: later writes to it fail with EBADF, stderr still works,
 * and a closed descriptor cannot be closed again. Output goes to stderr
 * (compared with close_stdio.stderr) once stdout is gone. */
#include "check.h"

static void say(const char *s) { write(2, s, strlen(s)); }

int main(void) {
  check_puts("stdout open\n");
  CHECK_EQ(close(1), 0);
  errno = 0;
  long r = write(1, "lost\n", 5);
  say(r == -1 && errno == EBADF ? "write(1) after close: EBADF\n" : "write(1) after close: WRONG\n");
  r = write(1, "", 0);
  say(r == -1 && errno == EBADF ? "empty write(1) after close: EBADF\n" : "empty write(1) after close: WRONG\n");
  r = close(1);
  say(r == -1 && errno == EBADF ? "close(1) again: EBADF\n" : "close(1) again: WRONG\n");
  errno = 0;
  r = isatty(1);
  say(r == 0 && errno == EBADF ? "isatty(1): EBADF\n" : "isatty(1): WRONG\n");
  say("stderr still works\n");
  CHECK_EQ(close(2), 0);
  return write(2, "x", 1) == -1 && errno == EBADF ? 0 : 1;
}
