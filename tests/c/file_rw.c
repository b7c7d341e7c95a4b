/* read/write/lseek/pread/pwrite/isatty on regular files: positions,
 * SEEK_SET/CUR/END, invalid offsets and whence (EINVAL, position kept),
 * pread/pwrite leave the position alone, end of file, O_APPEND, writing
 * past the end (a hole reads as zeros). */
#include <fcntl.h>
#include <sys/uio.h>
#include "check.h"

static int contents_are(const char *path, const char *want, long len) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  long n = read(fd, buf, sizeof buf);
  close(fd);
  return n == len && memcmp(buf, want, len) == 0;
}

int main(void) {
  int fd;
  char buf[64];
  /* hello.txt is "Hello, file!\nSecond line.\n" (26 bytes). */
  CHECK((fd = open("hello.txt", O_RDONLY)) >= 0);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
  CHECK_EQ(read(fd, buf, 7), 7);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 7);
  CHECK_EQ(read(fd, buf, 4), 4);
  CHECK(memcmp(buf, "file", 4) == 0);
  CHECK_EQ(lseek(fd, -4, SEEK_CUR), 7);
  CHECK_EQ(lseek(fd, 0, SEEK_END), 26);
  CHECK_EQ(read(fd, buf, sizeof buf), 0);
  CHECK_EQ(lseek(fd, -6, SEEK_END), 20);
  CHECK_EQ(read(fd, buf, sizeof buf), 6);
  CHECK(memcmp(buf, "line.\n", 6) == 0);
  CHECK_EQ(lseek(fd, 13, SEEK_SET), 13);
  CHECK_EQ(read(fd, buf, 100), 13);
  CHECK(memcmp(buf, "Second line.\n", 13) == 0);
  CHECK_EQ(read(fd, buf, 100), 0);
  CHECK_EQ(read(fd, buf, 0), 0);
  CHECK_EQ(lseek(fd, 100, SEEK_SET), 100); /* past the end is allowed */
  CHECK_EQ(read(fd, buf, 10), 0);

  /* Invalid seeks fail and keep the position. */
  CHECK_EQ(lseek(fd, 5, SEEK_SET), 5);
  CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
  CHECK_ERR(lseek(fd, -6, SEEK_CUR), EINVAL);
  CHECK_ERR(lseek(fd, -27, SEEK_END), EINVAL);
  CHECK_ERR(lseek(fd, 0, 3), EINVAL);
  CHECK_ERR(lseek(fd, 0, -1), EINVAL);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
  CHECK_ERR(lseek(-1, 0, SEEK_SET), EBADF);
  CHECK_ERR(lseek(64, 0, SEEK_SET), EBADF);

  /* pread: at an offset, position unchanged. */
  CHECK_EQ(pread(fd, buf, 5, 7), 5);
  CHECK(memcmp(buf, "file!", 5) == 0);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
  CHECK_EQ(pread(fd, buf, 100, 20), 6);
  CHECK_EQ(pread(fd, buf, 10, 26), 0);
  CHECK_EQ(pread(fd, buf, 10, 1000), 0);
  CHECK_EQ(pread(fd, buf, 0, 0), 0);
  CHECK_ERR(pread(fd, buf, 1, -1), EINVAL);
  CHECK_ERR(pread(fd, 0, 1, 0), EFAULT);
  CHECK_ERR(pwrite(fd, "x", 1, 0), EBADF); /* read-only */
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);

  /* A regular file is not a terminal. */
  errno = 0;
  CHECK_EQ(isatty(fd), 0);
  CHECK_EQ(errno, ENOTTY);
  CHECK_EQ(close(fd), 0);
  CHECK_ERR(lseek(fd, 0, SEEK_SET), EBADF);
  CHECK_ERR(pread(fd, buf, 1, 0), EBADF);

  /* Read-write: writes move the position; pwrite does not. */
  CHECK((fd = open("rw.txt", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
  CHECK_EQ(write(fd, "abcdef", 6), 6);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
  CHECK_EQ(pwrite(fd, "XY", 2, 1), 2);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  CHECK_EQ(read(fd, buf, 10), 6);
  CHECK(memcmp(buf, "aXYdef", 6) == 0);
  CHECK_EQ(pwrite(fd, "", 0, 3), 0);
  CHECK_ERR(pwrite(fd, "x", 1, -1), EINVAL);
  CHECK_ERR(pwrite(fd, 0, 1, 0), EFAULT);
  CHECK_EQ(write(fd, "", 0), 0);
  CHECK_ERR(write(fd, 0, 1), EFAULT);

  /* Writing past the end leaves a hole that reads as zeros. */
  CHECK_EQ(lseek(fd, 10, SEEK_SET), 10);
  CHECK_EQ(write(fd, "Z", 1), 1);
  CHECK_EQ(lseek(fd, 0, SEEK_END), 11);
  CHECK_EQ(pread(fd, buf, 11, 0), 11);
  CHECK(memcmp(buf, "aXYdef\0\0\0\0Z", 11) == 0);
  CHECK_EQ(close(fd), 0);

  /* writev/readv on a file. */
  CHECK((fd = open("v.txt", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
  struct iovec out[3] = {{"one,", 4}, {"two,", 4}, {"three", 5}};
  CHECK_EQ(writev(fd, out, 3), 13);
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  char x[2], y[6], z[20];
  struct iovec in[3] = {{x, 2}, {y, 6}, {z, 20}};
  CHECK_EQ(readv(fd, in, 3), 13);
  CHECK(memcmp(x, "on", 2) == 0 && memcmp(y, "e,two,", 6) == 0 && memcmp(z, "three", 5) == 0);
  CHECK_EQ(readv(fd, in, 3), 0);
  CHECK_EQ(close(fd), 0);

  /* O_APPEND: every write goes to the end, whatever the position. */
  CHECK((fd = open("log.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
  CHECK_EQ(write(fd, "first\n", 6), 6);
  CHECK_EQ(close(fd), 0);
  CHECK((fd = open("log.txt", O_WRONLY | O_APPEND)) >= 0);
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  CHECK_EQ(write(fd, "second\n", 7), 7);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 13);
  CHECK_EQ(close(fd), 0);
  CHECK(contents_are("log.txt", "first\nsecond\n", 13));
  return CHECK_DONE();
}
