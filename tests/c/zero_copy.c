/* The p2 zero-copy read path, end to end: reads from a file and from stdin
 * (zero_copy.stdin, 10000 bytes: byte k is '\n' when k % 64 == 63, else
 * 'a' + k % 26) in many chunk sizes, with read, readv and pread, make no
 * allocation and no copy in the library: the host writes straight into the
 * caller's buffer. The slow-path counters of wasm_libc_get_stats must stay
 * 0 (on p1 they are 0 trivially: fd_read takes the caller's iovec).
 *
 * The counters are reset after the set-up, because opening the first file
 * fetches the pre-opened directories (a list the library keeps, so it is
 * allocated on purpose); stats_p2_control checks that they do count. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <wasm_libc.h>
#include "check.h"

#define FILE_SIZE 200000
#define STDIN_SIZE 10000
static unsigned char file_byte(long k) { return (unsigned char)(k * 13 + k / 509); }
static unsigned char stdin_byte(long k) { return k % 64 == 63 ? '\n' : (unsigned char)('a' + k % 26); }

static unsigned char buf[FILE_SIZE + 4096];

static void print_stats(void) {
  struct wasm_libc_stats s;
  memset(&s, 0xff, sizeof s);
  wasm_libc_get_stats(&s);
  check_puts("fallback_allocs ");
  check_putl(s.fallback_allocs);
  check_puts(", fallback_bytes ");
  check_putl(s.fallback_bytes);
  check_puts(", guest_copies ");
  check_putl(s.guest_copies);
  check_puts(", guest_copy_bytes ");
  check_putl(s.guest_copy_bytes);
  check_puts("\n");
  CHECK_EQ(s.fallback_allocs, 0);
  CHECK_EQ(s.fallback_bytes, 0);
  CHECK_EQ(s.guest_copies, 0);
  CHECK_EQ(s.guest_copy_bytes, 0);
}

int main(void) {
  /* Set-up: write the file, open it for reading. */
  for (long k = 0; k < FILE_SIZE; k++) buf[k] = file_byte(k);
  int fd = open("data.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, buf, FILE_SIZE), FILE_SIZE);
  CHECK_EQ(close(fd), 0);
  CHECK((fd = open("data.bin", O_RDONLY)) >= 0);
  wasm_libc_reset_stats();
  print_stats();

  /* The file: chunk sizes growing to larger than what is left. */
  static const long chunks[] = {1, 2, 7, 64, 512, 4096, 65536, 65537, 100000};
  long pos = 0, bad = 0, n;
  for (unsigned i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
    for (int rep = 0; rep < 3 && pos < FILE_SIZE; rep++) {
      memset(buf, 0, chunks[i]);
      n = read(fd, buf, chunks[i]);
      if (n <= 0) { bad++; break; }
      for (long j = 0; j < n; j++) bad += buf[j] != file_byte(pos + j);
      pos += n;
    }
  }
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (long j = 0; j < n; j++) bad += buf[j] != file_byte(pos + j);
    pos += n;
  }
  CHECK_EQ(n, 0);
  CHECK_EQ(pos, FILE_SIZE);
  CHECK_EQ(bad, 0);

  /* readv (each buffer received in place) and pread. */
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  static unsigned char x[3], y[4096], z[70000];
  struct iovec iov[3] = {{x, 3}, {y, sizeof y}, {z, sizeof z}};
  CHECK_EQ(readv(fd, iov, 3), 3 + 4096 + 70000);
  for (long j = 0; j < 3; j++) bad += x[j] != file_byte(j);
  for (long j = 0; j < 4096; j++) bad += y[j] != file_byte(3 + j);
  for (long j = 0; j < 70000; j++) bad += z[j] != file_byte(4099 + j);
  CHECK_EQ(pread(fd, buf, 1000, 123456), 1000);
  for (long j = 0; j < 1000; j++) bad += buf[j] != file_byte(123456 + j);
  CHECK_EQ(pread(fd, buf, FILE_SIZE, 0), FILE_SIZE);
  for (long j = 0; j < FILE_SIZE; j++) bad += buf[j] != file_byte(j);
  CHECK_EQ(pread(fd, buf, 10, FILE_SIZE), 0);
  CHECK_EQ(bad, 0);
  CHECK_EQ(close(fd), 0);
  print_stats();

  /* stdin, also in several chunk sizes, to end of file. */
  static const long in_chunks[] = {1, 3, 100, 4096};
  pos = 0;
  for (unsigned i = 0; i < sizeof in_chunks / sizeof in_chunks[0]; i++) {
    n = read(0, buf, in_chunks[i]);
    if (n <= 0) { bad++; continue; }
    for (long j = 0; j < n; j++) bad += buf[j] != stdin_byte(pos + j);
    pos += n;
  }
  struct iovec in[2] = {{x, 3}, {y, 100}};
  n = readv(0, in, 2);
  if (n == 103) {
    for (long j = 0; j < 3; j++) bad += x[j] != stdin_byte(pos + j);
    for (long j = 0; j < 100; j++) bad += y[j] != stdin_byte(pos + 3 + j);
    pos += n;
  } else {
    bad++;
  }
  while ((n = read(0, buf, 65536)) > 0) {
    for (long j = 0; j < n; j++) bad += buf[j] != stdin_byte(pos + j);
    pos += n;
  }
  CHECK_EQ(n, 0);
  CHECK_EQ(read(0, buf, 10), 0);
  CHECK_EQ(pos, STDIN_SIZE);
  CHECK_EQ(bad, 0);
  print_stats();
  return CHECK_DONE();
}
