/* open() and close() against the pre-opened directory "." (a fresh copy of
 * file_open.files/): access modes, O_CREAT/O_EXCL/O_TRUNC/O_DIRECTORY,
 * relative paths and "./" prefixes, missing files, paths outside every
 * pre-open, the lowest free descriptor, close errors. */
#include <fcntl.h>
#include "check.h"

static int contents_are(const char *path, const char *want) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  long n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 0) return 0;
  buf[n] = 0;
  return strcmp(buf, want) == 0;
}

int main(void) {
  int fd;
  char buf[64];
  /* An existing file, read-only. */
  CHECK((fd = open("hello.txt", O_RDONLY)) >= 3);
  CHECK_EQ(read(fd, buf, 5), 5);
  CHECK(memcmp(buf, "Hello", 5) == 0);
  CHECK_ERR(write(fd, "x", 1), EBADF);
  CHECK_EQ(close(fd), 0);
  CHECK_ERR(close(fd), EBADF);
  CHECK_ERR(read(fd, buf, 1), EBADF);

  /* Path spellings that name the same file. */
  CHECK(contents_are("./hello.txt", "Hello, file!\nSecond line.\n"));
  CHECK(contents_are(".//hello.txt", "Hello, file!\nSecond line.\n"));
  CHECK(contents_are("sub/inner.txt", "inside sub\n"));
  CHECK(contents_are("./sub/../sub/inner.txt", "inside sub\n"));

  /* Missing files and bad paths. */
  CHECK_ERR(open("missing.txt", O_RDONLY), ENOENT);
  CHECK_ERR(open("nodir/file.txt", O_RDONLY), ENOENT);
  CHECK_ERR(open("", O_RDONLY), ENOENT);
  CHECK_ERR(open(0, O_RDONLY), EFAULT);
  CHECK_ERR(open("hello.txt/x", O_RDONLY), ENOTDIR);
  CHECK_ERR(open("hello.txt", O_RDONLY | O_DIRECTORY), ENOTDIR);
  /* Absolute paths outside every pre-opened directory do not exist here. */
  CHECK_ERR(open("/no/such/preopen/file", O_RDONLY), ENOENT);

  /* Directories open with O_DIRECTORY. */
  CHECK((fd = open("sub", O_RDONLY | O_DIRECTORY)) >= 0);
  CHECK_EQ(close(fd), 0);
  CHECK((fd = open(".", O_RDONLY | O_DIRECTORY)) >= 0);
  CHECK_EQ(close(fd), 0);

  /* O_CREAT, O_EXCL, O_TRUNC, write-only descriptors. */
  CHECK_ERR(open("new.txt", O_WRONLY), ENOENT);
  CHECK((fd = open("new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644)) >= 0);
  CHECK_EQ(write(fd, "created\n", 8), 8);
  CHECK_ERR(read(fd, buf, 1), EBADF);
  CHECK_EQ(close(fd), 0);
  CHECK(contents_are("new.txt", "created\n"));
  CHECK_ERR(open("new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  CHECK_ERR(open("hello.txt", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  CHECK((fd = open("new.txt", O_WRONLY | O_CREAT, 0644)) >= 0); /* exists: kept */
  CHECK_EQ(close(fd), 0);
  CHECK(contents_are("new.txt", "created\n"));
  CHECK((fd = open("new.txt", O_WRONLY | O_TRUNC)) >= 0);
  CHECK_EQ(close(fd), 0);
  CHECK(contents_are("new.txt", ""));
  CHECK((fd = open("sub/made.txt", O_RDWR | O_CREAT, 0600)) >= 0);
  CHECK_EQ(write(fd, "rw", 2), 2);
  CHECK_EQ(close(fd), 0);
  CHECK(contents_are("sub/made.txt", "rw"));

  /* open returns the lowest descriptor not open (POSIX). */
  int a = open("hello.txt", O_RDONLY);
  int b = open("hello.txt", O_RDONLY);
  int c = open("hello.txt", O_RDONLY);
  CHECK(a >= 3 && b > a && c > b);
  CHECK_EQ(close(b), 0);
  int d = open("hello.txt", O_RDONLY);
  CHECK_EQ(d, b);
  CHECK_EQ(close(a), 0);
  CHECK_EQ(close(c), 0);
  CHECK_EQ(close(d), 0);

  /* close() errors. */
  CHECK_ERR(close(-1), EBADF);
  CHECK_ERR(close(64), EBADF);
  CHECK_ERR(close(1000000), EBADF);
  return CHECK_DONE();
}
