/* p2 only: the calls that receive a list<u8> or a string into a caller's
 * buffer do it in place, with no allocation and no copy (the slot's
 * slow-path counters stay at zero): read/pread of a file, readlink,
 * getentropy, and readdir's entry names (received into the stream's own
 * name buffer). Expected stdout written by hand.
 * Fixture: fs_zero_copy.files/{big.bin (10000 bytes, byte i = 7i mod 251), dir/{one,two,three}}. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>
#include <wasm_libc.h>
#include "show.h"

static struct wasm_libc_stats s;
static void stats(const char *what) {
  wasm_libc_get_stats(&s);
  check_puts(what);
  check_puts(": allocs ");
  check_putl(s.fallback_allocs);
  check_puts(", copies ");
  check_putl(s.guest_copies);
  check_puts("\n");
  wasm_libc_reset_stats();
}

int main(void) {
  static unsigned char buf[8192];
  int fd = open("big.bin", O_RDONLY);
  SHOW(fd >= 0);
  SHOW(symlink("big.bin", "link"));
  DIR *d = opendir("dir");
  SHOW(d != 0);
  wasm_libc_reset_stats();

  SHOW(read(fd, buf, 4096));
  SHOW(buf[4095] == (4095 * 7) % 251);
  SHOW(pread(fd, buf, sizeof buf, 5000));
  SHOW(buf[0] == (5000 * 7) % 251 && buf[4999] == (9999 * 7) % 251);
  stats("read, pread");

  SHOW(readlink("link", (char *)buf, 64));
  stats("readlink");

  SHOW(getentropy(buf, 256));
  stats("getentropy");

  int n = 0;
  while (readdir(d)) n++;
  SHOW(n);
  stats("readdir");
  SHOW(closedir(d));
  SHOW(close(fd));
  return 0;
}
