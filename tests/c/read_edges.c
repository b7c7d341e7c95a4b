/* read() off and on its hot path (the inlined fast path and the
 * out-of-line rest): short reads, EOF, zero counts, NULL buffers, bad and
 * closed descriptors, stdin. */
#include <fcntl.h>
#include "check.h"

int main(void) {
  char buf[8];
  int fd = open("data.txt", O_RDONLY);
  CHECK(fd >= 3);
  CHECK_EQ(read(fd, buf, 0), 0);                 /* zero count: no host call */
  CHECK_EQ(read(fd, NULL, 0), 0);                /* NULL with zero count is fine */
  CHECK_ERR(read(fd, NULL, 4), EFAULT);
  CHECK_EQ(read(fd, buf, 5), 5);                 /* "hello" */
  CHECK(memcmp(buf, "hello", 5) == 0);
  CHECK_EQ(read(fd, buf, sizeof buf), 8);        /* ", world\n" */
  CHECK(memcmp(buf, ", world\n", 8) == 0);
  CHECK_EQ(read(fd, buf, sizeof buf), 0);        /* end of file */
  CHECK_EQ(read(fd, buf, sizeof buf), 0);        /* and stays there */
  CHECK_ERR(read(99, buf, 1), EBADF);            /* never opened */
  CHECK_ERR(read(-1, buf, 1), EBADF);
  CHECK_EQ(close(fd), 0);
  CHECK_ERR(read(fd, buf, 1), EBADF);            /* closed */
  CHECK_EQ(read(0, buf, sizeof buf), 3);         /* stdin (read_edges.stdin) */
  CHECK(memcmp(buf, "in\n", 3) == 0);
  CHECK_EQ(read(0, buf, sizeof buf), 0);
  return CHECK_DONE();
}
