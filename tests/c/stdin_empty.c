/* stdin that the host closed without data (an empty pipe): read() returns
 * 0 (end of file) at once, every time, and so does readv(). */
#include <sys/uio.h>
#include "check.h"

int main(void) {
  char buf[16];
  CHECK_EQ(read(0, buf, sizeof buf), 0);
  CHECK_EQ(read(0, buf, sizeof buf), 0);
  CHECK_EQ(read(0, buf, 1), 0);
  struct iovec iov[2] = {{buf, 4}, {buf + 4, 4}};
  CHECK_EQ(readv(0, iov, 2), 0);
  CHECK_EQ(read(0, buf, 0), 0);
  return CHECK_DONE();
}
