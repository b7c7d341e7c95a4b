/* write() and pwrite() on the standard streams: counts, zero lengths, NULL
 * buffers, bad descriptors, writes larger than a host chunk. */
#include <stdlib.h>
#include "check.h"

static char big[12000];

int main(void) {
  CHECK_EQ(write(1, "hello, stdout\n", 14), 14);
  CHECK_EQ(write(2, "hello, stderr\n", 14), 14);
  CHECK_EQ(write(STDOUT_FILENO, "", 0), 0);
  CHECK_EQ(write(STDERR_FILENO, "", 0), 0);
  CHECK_EQ(write(1, 0, 0), 0);

  /* Bad buffers and descriptors. */
  CHECK_ERR(write(1, 0, 1), EFAULT);
  CHECK_ERR(write(2, 0, 100), EFAULT);
  CHECK_ERR(write(-1, "x", 1), EBADF);
  CHECK_ERR(write(-1, "x", 0), EBADF);
  CHECK_ERR(write(63, "x", 1), EBADF);
  CHECK_ERR(write(64, "x", 1), EBADF);
  CHECK_ERR(write(1000000, "x", 1), EBADF);
  CHECK_ERR(write(STDIN_FILENO, "x", 1), EBADF); /* not open for writing */

  /* Streams have no file offset. */
  CHECK_ERR(pwrite(1, "x", 1, 0), ESPIPE);
  CHECK_ERR(pwrite(2, "x", 1, 5), ESPIPE);
  CHECK_ERR(pwrite(1, "x", 1, -1), EINVAL);
  CHECK_ERR(pwrite(-1, "x", 1, 0), EBADF);
  CHECK_ERR(pwrite(1, 0, 1, 0), EFAULT);

  /* One write larger than a WASI 0.2 stream takes per call (4096 bytes):
   * 120 lines of 100 bytes. */
  for (int line = 0; line < 120; line++) {
    char *l = big + line * 100;
    for (int i = 0; i < 99; i++) l[i] = (char)('a' + (line + i) % 26);
    l[0] = (char)('0' + line / 100);
    l[1] = (char)('0' + line / 10 % 10);
    l[2] = (char)('0' + line % 10);
    l[99] = '\n';
  }
  CHECK_EQ(write(1, big, sizeof big), 12000);
  CHECK_EQ(write(1, big, 1), 1);
  CHECK_EQ(write(1, "\n", 1), 1);
  return CHECK_DONE();
}
