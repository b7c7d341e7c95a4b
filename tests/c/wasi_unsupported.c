/* Interfaces WASI cannot offer fail cleanly with ENOSYS instead of being
 * missing (hand-checked: glibc on Linux has all of them for real):
 * getifaddrs, eventfd, POSIX message queues. eventfd_read/eventfd_write
 * are plain 8-byte reads and writes, so they work on a file. */
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <mqueue.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct ifaddrs *list = (struct ifaddrs *)1;
  CHECK_ERR(getifaddrs(&list), ENOSYS);
  CHECK(list == (struct ifaddrs *)1);
  freeifaddrs(0);

  CHECK_ERR(eventfd(0, EFD_CLOEXEC), ENOSYS);
  int fd = open("counter", O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(fd >= 0);
  CHECK_EQ(eventfd_write(fd, 0x0102030405060708ull), 0);
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  eventfd_t v = 0;
  CHECK_EQ(eventfd_read(fd, &v), 0);
  CHECK(v == 0x0102030405060708ull);
  CHECK_ERR(eventfd_read(fd, &v), EIO); /* at end of file: a short read */
  CHECK_ERR(eventfd_read(99, &v), EBADF);
  close(fd);

  struct mq_attr attr = {0};
  CHECK_ERR(mq_open("/q", O_RDWR | O_CREAT, 0600, &attr), ENOSYS);
  CHECK_ERR(mq_unlink("/q"), ENOSYS);
  CHECK_ERR(mq_getattr(3, &attr), ENOSYS);
  char buf[4];
  CHECK_ERR(mq_receive(3, buf, sizeof buf, 0), ENOSYS);
  return CHECK_DONE();
}
