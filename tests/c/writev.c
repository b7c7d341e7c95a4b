/* writev(): gathers the buffers in order; counts; zero-length buffers;
 * iovcnt bounds (EINVAL), NULL arrays and buffers (EFAULT), bad
 * descriptors (EBADF), a total that would overflow ssize_t (EINVAL). */
#include <stdint.h>
#include <sys/uio.h>
#include "check.h"

int main(void) {
  struct iovec iov[4];
  iov[0].iov_base = "one ";
  iov[0].iov_len = 4;
  iov[1].iov_base = "";
  iov[1].iov_len = 0;
  iov[2].iov_base = "two ";
  iov[2].iov_len = 4;
  iov[3].iov_base = "three\n";
  iov[3].iov_len = 6;
  CHECK_EQ(writev(1, iov, 4), 14);
  CHECK_EQ(writev(2, iov, 4), 14);
  CHECK_EQ(writev(1, iov, 1), 4);
  CHECK_EQ(writev(1, iov + 3, 1), 6);
  CHECK_EQ(writev(1, iov, 0), 0);
  CHECK_EQ(writev(1, iov + 1, 1), 0);

  CHECK_ERR(writev(1, iov, -1), EINVAL);
  CHECK_ERR(writev(1, iov, IOV_MAX + 1), EINVAL);
  CHECK_ERR(writev(1, 0, 1), EFAULT);
  struct iovec null_buf = {0, 3};
  CHECK_ERR(writev(1, &null_buf, 1), EFAULT);
  CHECK_ERR(writev(-1, iov, 4), EBADF);
  CHECK_ERR(writev(99, iov, 4), EBADF);
  CHECK_ERR(writev(0, iov, 4), EBADF);
  struct iovec huge[2] = {{"a", SIZE_MAX / 2 + 1}, {"b", SIZE_MAX / 2 + 1}};
  CHECK_ERR(writev(1, huge, 2), EINVAL);
  return CHECK_DONE();
}
