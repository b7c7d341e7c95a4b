/* read() and readv() on stdin (a pipe holding read_stdin.stdin, 10000
 * bytes: byte k is '\n' when k % 64 == 63, else 'a' + k % 26): chunks of
 * several sizes, end of file (0, again and again), zero lengths, NULL
 * buffers, bad descriptors, no seeking on a stream, close. */
#include <sys/uio.h>
#include "check.h"

#define SIZE 10000
static char want(long k) { return k % 64 == 63 ? '\n' : (char)('a' + k % 26); }

static long pos;     /* bytes consumed so far */
static int mismatch; /* bytes that differ from the pattern */

static void take(const char *buf, long n) {
  for (long i = 0; i < n; i++)
    if (buf[i] != want(pos + i)) mismatch++;
  pos += n;
}

static char big[70000];

int main(void) {
  char buf[128];
  long n;
  /* Small exact reads: a pipe with data available returns what is asked. */
  CHECK_EQ(n = read(0, buf, 1), 1);
  take(buf, n);
  CHECK_EQ(n = read(0, buf, 2), 2);
  take(buf, n);
  CHECK_EQ(n = read(STDIN_FILENO, buf, 61), 61);
  take(buf, n);
  CHECK_EQ(read(0, buf, 0), 0);
  CHECK_EQ(read(0, 0, 0), 0);
  CHECK_ERR(read(0, 0, 1), EFAULT);
  CHECK_EQ(pos, 64);
  CHECK_EQ(mismatch, 0);

  /* readv fills the buffers in order. */
  char a[3], b[5], c[8];
  struct iovec iov[4] = {{a, 3}, {b, 0}, {b, 5}, {c, 8}};
  CHECK_EQ(n = readv(0, iov, 4), 16);
  take(a, 3);
  take(b, 5);
  take(c, 8);
  CHECK_EQ(mismatch, 0);

  /* The rest with a buffer larger than what is left: short reads, then
   * end of file. */
  long total = 0;
  int calls = 0;
  while ((n = read(0, big, sizeof big)) > 0) {
    take(big, n);
    total += n;
    calls++;
  }
  CHECK_EQ(n, 0);
  CHECK_EQ(total, SIZE - 80);
  CHECK(calls >= 1);
  CHECK_EQ(pos, SIZE);
  CHECK_EQ(mismatch, 0);
  CHECK_EQ(read(0, buf, sizeof buf), 0);
  CHECK_EQ(read(0, buf, 1), 0);
  CHECK_EQ(readv(0, iov, 4), 0);
  CHECK_EQ(read(0, buf, 0), 0);

  /* Bad descriptors and arguments. */
  CHECK_ERR(read(-1, buf, 1), EBADF);
  CHECK_ERR(read(-1, buf, 0), EBADF);
  CHECK_ERR(read(64, buf, 1), EBADF);
  CHECK_ERR(read(1000000, buf, 1), EBADF);
  CHECK_ERR(read(STDOUT_FILENO, buf, 1), EBADF); /* not open for reading */
  CHECK_ERR(read(STDERR_FILENO, buf, 1), EBADF);
  CHECK_ERR(readv(0, iov, -1), EINVAL);
  CHECK_ERR(readv(0, iov, IOV_MAX + 1), EINVAL);
  CHECK_ERR(readv(0, 0, 1), EFAULT);
  struct iovec null_buf = {0, 3};
  CHECK_ERR(readv(0, &null_buf, 1), EFAULT);
  CHECK_ERR(readv(-1, iov, 4), EBADF);

  /* A pipe cannot seek. */
  CHECK_ERR(lseek(0, 0, SEEK_SET), ESPIPE);
  CHECK_ERR(lseek(0, 0, SEEK_CUR), ESPIPE);
  CHECK_ERR(lseek(0, 10, SEEK_END), ESPIPE);
  CHECK_ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
  CHECK_ERR(pread(0, buf, 1, 0), ESPIPE);
  CHECK_ERR(pread(0, buf, 1, -1), EINVAL);
  CHECK_ERR(pread(0, 0, 1, 0), EFAULT);
  CHECK_ERR(pread(-1, buf, 1, 0), EBADF);

  /* Closing stdin: later use is EBADF. */
  CHECK_EQ(close(0), 0);
  CHECK_ERR(read(0, buf, 1), EBADF);
  CHECK_ERR(read(0, buf, 0), EBADF);
  CHECK_ERR(close(0), EBADF);
  return CHECK_DONE();
}
