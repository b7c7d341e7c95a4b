/* A 300000-byte file written in one call, then read back in chunk sizes
 * from 1 byte to larger than the file, with the contents checked byte by
 * byte. A read of a regular file returns fewer bytes than asked only at end
 * of file (POSIX), whatever a host does per call (wasmtime: 64 KiB). */
#include <fcntl.h>
#include <stdlib.h>
#include "check.h"

#define SIZE 300000
static unsigned char pattern(long k) { return (unsigned char)(k * 7 + k / 251); }

int main(void) {
  unsigned char *data = malloc(SIZE);
  unsigned char *buf = malloc(SIZE + 1000);
  CHECK(data && buf);
  for (long k = 0; k < SIZE; k++) data[k] = pattern(k);
  int fd;
  CHECK((fd = open("big.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
  CHECK_EQ(write(fd, data, SIZE), SIZE);
  CHECK_EQ(close(fd), 0);

  static const long chunks[] = {1, 7, 512, 4096, 65536, 65537, 100000, SIZE + 1000};
  for (unsigned i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
    long chunk = chunks[i];
    CHECK((fd = open("big.bin", O_RDONLY)) >= 0);
    long pos = 0, n, bad = 0, reads = 0, short_reads = 0;
    /* Single bytes and other tiny chunks only for the first 20020 bytes
     * (a multiple of both). */
    long limit = chunk < 512 ? 20020 : SIZE;
    while (pos < limit && (n = read(fd, buf, chunk)) > 0) {
      for (long j = 0; j < n; j++)
        if (buf[j] != pattern(pos + j)) bad++;
      if (n < chunk && pos + n < SIZE) short_reads++;
      pos += n;
      reads++;
    }
    if (limit == SIZE) {
      CHECK_EQ(read(fd, buf, chunk), 0);
      CHECK_EQ(pos, SIZE);
    } else {
      CHECK_EQ(pos, limit);
      CHECK_EQ(lseek(fd, 0, SEEK_CUR), limit);
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(short_reads, 0);
    check_puts("chunk ");
    check_putl(chunk);
    check_puts(": ");
    check_putl(pos);
    check_puts(" bytes in ");
    check_putl(reads);
    check_puts(" reads\n");
    CHECK_EQ(close(fd), 0);
  }

  /* pread of the whole file at once, and of a range crossing 64 KiB. */
  CHECK((fd = open("big.bin", O_RDONLY)) >= 0);
  CHECK_EQ(pread(fd, buf, SIZE + 1000, 0), SIZE);
  CHECK(memcmp(buf, data, SIZE) == 0);
  CHECK_EQ(pread(fd, buf, 200000, 1), 200000);
  CHECK(memcmp(buf, data + 1, 200000) == 0);
  CHECK_EQ(pread(fd, buf, 1000, 65000), 1000);
  CHECK(memcmp(buf, data + 65000, 1000) == 0);
  CHECK_EQ(read(fd, buf, SIZE + 1000), SIZE);
  CHECK(memcmp(buf, data, SIZE) == 0);
  CHECK_EQ(close(fd), 0);
  free(data);
  free(buf);
  return CHECK_DONE();
}
