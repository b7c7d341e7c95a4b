/* strerror: a message for every error number (distinct, non-empty), a
 * non-NULL string for numbers that are not errors, errno untouched. */
#include "check.h"

static void show(int e) {
  check_putl(e);
  check_puts(": ");
  check_puts(strerror(e));
  check_puts("\n");
}

int main(void) {
  show(0);
  show(EBADF);
  show(ENOENT);
  show(EINVAL);
  show(ENOMEM);
  show(EFAULT);
  show(ESPIPE);
  show(ENOTTY);
  show(ENOTCAPABLE);

  /* 1..76 are all known errors, each with its own message. */
  int unknown = 0, empty = 0, dup = 0;
  const char *unknown_msg = strerror(-1);
  for (int e = 1; e <= 76; e++) {
    const char *m = strerror(e);
    if (!m || !*m) { empty++; continue; }
    if (strcmp(m, unknown_msg) == 0) unknown++;
    for (int f = 1; f < e; f++)
      if (strcmp(m, strerror(f)) == 0) dup++;
  }
  CHECK_EQ(empty, 0);
  CHECK_EQ(unknown, 0);
  CHECK_EQ(dup, 0);

  /* Not error numbers: still a string. */
  errno = 0;
  CHECK(strerror(-1) != 0 && *strerror(-1) != 0);
  CHECK(strerror(77) != 0 && *strerror(77) != 0);
  CHECK(strerror(100000) != 0);
  show(77);
  show(-1);
  CHECK_EQ(errno, 0);
  return CHECK_DONE();
}
