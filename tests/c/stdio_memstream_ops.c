/* Generated operation sequences (fixed-seed LCG) on fmemopen streams of
 * every mode and on open_memstream: writes of random data (some ending in
 * a NUL), reads, seeks, each followed by fflush; after each step the
 * return values, the position and a checksum of the whole buffer (for
 * open_memstream: the size and the buffer up to its NUL) are printed.
 * Seeks stay where glibc follows POSIX (no SEEK_END on open_memstream, no
 * seek past its end). Expected output: glibc (tests/c/gen/reference.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long seed = 12345;
static unsigned rnd(unsigned n) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)(seed >> 33) % n;
}

static unsigned sum(const unsigned char *b, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 16777619u;
  return h;
}

static void fixed(const char *mode, int steps) {
  unsigned char buf[64];
  for (int i = 0; i < 64; i++) buf[i] = (unsigned char)('a' + i % 26);
  buf[20] = 0;
  size_t size = 8 + rnd(40);
  FILE *f = fmemopen(buf, size, mode);
  printf("fmemopen %s size %zu: %s\n", mode, size, f ? "ok" : "fail");
  if (!f) return;
  int stopped = 0;
  for (int s = 0; s < steps; s++) {
    unsigned op = rnd(10);
    long r = 0;
    if (op < 5) {
      char d[16];
      size_t n = 1 + rnd(12);
      for (size_t i = 0; i < n; i++) d[i] = (char)('A' + rnd(26));
      if (rnd(4) == 0) d[n - 1] = 0;
      r = (long)fwrite(d, 1, n, f);
      printf(" w%zu=%ld", n, r);
    } else if (op < 7) {
      char d[16];
      size_t n = 1 + rnd(12);
      r = (long)fread(d, 1, n, f);
      printf(" r%zu=%ld:%08x", n, r, sum((unsigned char *)d, (size_t)r));
    } else {
      int wh = (int)rnd(3);
      long off = wh == 0 ? (long)rnd((unsigned)size + 2) : (long)rnd(9) - 4;
      r = fseek(f, off, wh == 0 ? SEEK_SET : wh == 1 ? SEEK_CUR : SEEK_END);
      printf(" s%d/%ld=%ld", wh, off, r);
      if (r != 0) {
        /* Outside the buffer: EINVAL; where glibc's stream stands then
         * is its own business, the sequence ends. */
        printf("\n");
        stopped = 1;
        break;
      }
    }
    if (fflush(f) != 0) {
      /* A write past the end failed (ENOSPC): where the stream stands
       * then differs between implementations; the sequence ends. */
      /* (glibc's append mode also tests the room from the position
       * before the append, and may write one more byte.) */
      printf(" full e%d\n", ferror(f) != 0);
      stopped = 1;
      break;
    }
    printf(" p%ld h%08x\n", ftell(f), sum(buf, 64));
  }
  int r = fclose(f);
  if (stopped) printf(" fclose %d\n", r);
  else printf(" fclose %d h%08x\n", r, sum(buf, 64));
}

static void growing(int steps) {
  char *p = NULL;
  size_t sz = 0;
  FILE *f = open_memstream(&p, &sz);
  long len = 0;
  for (int s = 0; s < steps; s++) {
    unsigned op = rnd(10);
    if (op < 7) {
      char d[80];
      size_t n = 1 + rnd(op == 0 ? 79 : 9);
      for (size_t i = 0; i < n; i++) d[i] = (char)('a' + rnd(26));
      printf(" w%zu=%zu", n, fwrite(d, 1, n, f));
    } else {
      int wh = (int)rnd(2);
      long cur = ftell(f);
      long off = wh == 0 ? (long)rnd((unsigned)len + 1) : -(long)rnd((unsigned)cur + 1);
      printf(" s%d/%ld=%d", wh, off, fseek(f, off, wh == 0 ? SEEK_SET : SEEK_CUR));
    }
    int fl = fflush(f);
    long pos = ftell(f);
    if (pos > len) len = pos;
    printf(" f%d p%ld z%zu h%08x\n", fl, pos, sz, sum((unsigned char *)p, strlen(p)));
  }
  int r = fclose(f);
  printf(" fclose %d z%zu h%08x\n", r, sz, sum((unsigned char *)p, sz));
  free(p);
}

int main(void) {
  static const char *modes[] = {"r", "r+", "w", "w+", "a", "a+"};
  for (int round = 0; round < 12; round++)
    for (unsigned m = 0; m < 6; m++) fixed(modes[m], 40);
  for (int round = 0; round < 4; round++) growing(60);
  return 0;
}
