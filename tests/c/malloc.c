/* malloc/calloc/realloc/free: 16-byte alignment (alignof(max_align_t) on
 * wasm32), contents kept by realloc, calloc zeroes, impossible sizes give
 * NULL with ENOMEM (and realloc keeps the old block), many blocks of mixed
 * sizes stay intact, freed memory is reused. */
#include <stdint.h>
#include <stdlib.h>
#include "check.h"

static int aligned(void *p, uintptr_t a) { return ((uintptr_t)p & (a - 1)) == 0; }

static unsigned rng = 12345;
static unsigned next(void) { return rng = rng * 1103515245u + 12345u; }

int main(void) {
  /* Alignment for every small size and some large ones. */
  int misaligned = 0, nulls = 0;
  for (size_t n = 1; n <= 300; n++) {
    void *p = malloc(n);
    if (!p) nulls++;
    else if (!aligned(p, 16)) misaligned++;
    free(p);
  }
  static const size_t big[] = {4095, 4096, 65535, 65536, 65537, 1 << 20};
  for (unsigned i = 0; i < sizeof big / sizeof big[0]; i++) {
    void *p = malloc(big[i]);
    if (!p) nulls++;
    else if (!aligned(p, 16)) misaligned++;
    free(p);
  }
  CHECK_EQ(nulls, 0);
  CHECK_EQ(misaligned, 0);

  /* malloc(0): NULL or a unique pointer that free accepts. */
  void *z1 = malloc(0), *z2 = malloc(0);
  CHECK(z1 == 0 || z1 != z2);
  free(z1);
  free(z2);
  free(0);

  /* Impossible sizes. */
  errno = 0;
  CHECK(malloc(SIZE_MAX) == 0);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(malloc(SIZE_MAX - 64) == 0);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(malloc(SIZE_MAX - 65536) == 0);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(calloc(SIZE_MAX / 2, 3) == 0); /* n * size overflows */
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(calloc(65536, 65536) == 0);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(calloc(1, SIZE_MAX) == 0);
  CHECK_EQ(errno, ENOMEM);

  /* calloc zeroes, also memory that was used before. */
  unsigned char *d = malloc(4096);
  CHECK(d != 0);
  memset(d, 0xAA, 4096);
  free(d);
  unsigned char *c = calloc(1, 4096);
  CHECK(c != 0 && aligned(c, 16));
  int nonzero = 0;
  for (int i = 0; i < 4096; i++) nonzero += c[i] != 0;
  CHECK_EQ(nonzero, 0);
  free(c);
  int *ci = calloc(1000, sizeof(int));
  CHECK(ci != 0);
  nonzero = 0;
  for (int i = 0; i < 1000; i++) nonzero += ci[i] != 0;
  CHECK_EQ(nonzero, 0);
  free(ci);

  /* realloc: NULL acts as malloc; growing and shrinking keep the contents. */
  char *r = realloc(0, 10);
  CHECK(r != 0 && aligned(r, 16));
  memcpy(r, "0123456789", 10);
  r = realloc(r, 100000);
  CHECK(r != 0 && aligned(r, 16));
  CHECK(memcmp(r, "0123456789", 10) == 0);
  memset(r + 10, 'x', 100000 - 10);
  r = realloc(r, 5);
  CHECK(r != 0 && memcmp(r, "01234", 5) == 0);
  errno = 0;
  char *same = r;
  CHECK(realloc(r, SIZE_MAX) == 0);
  CHECK_EQ(errno, ENOMEM);
  CHECK(memcmp(same, "01234", 5) == 0); /* the old block is untouched */
  free(same);

  /* Many live blocks of mixed sizes, each filled with its own byte; some
   * resized; all checked and freed in a scrambled order. */
  enum { N = 1500 };
  static unsigned char *blk[N];
  static size_t len[N];
  int failed = 0, corrupt = 0;
  for (int i = 0; i < N; i++) {
    len[i] = next() % 3 == 0 ? next() % 20000 : next() % 200;
    blk[i] = malloc(len[i] + 1);
    if (!blk[i] || !aligned(blk[i], 16)) failed++;
    else memset(blk[i], i & 0xff, len[i] + 1);
  }
  for (int i = 0; i < N; i += 7) {
    size_t n = next() % 30000;
    unsigned char *p = realloc(blk[i], n + 1);
    if (!p) { failed++; continue; }
    size_t keep = n < len[i] ? n : len[i];
    for (size_t j = 0; j <= keep; j++) corrupt += p[j] != (i & 0xff);
    memset(p, i & 0xff, n + 1);
    blk[i] = p;
    len[i] = n;
  }
  for (int k = 0; k < N; k++) {
    int i = (k * 701) % N; /* 701 and 1500 are coprime: every block once */
    for (size_t j = 0; j <= len[i]; j++) corrupt += blk[i][j] != (i & 0xff);
    free(blk[i]);
  }
  CHECK_EQ(failed, 0);
  CHECK_EQ(corrupt, 0);

  /* Freed memory is reused: 64 rounds of 1 MiB never run out. */
  failed = 0;
  for (int i = 0; i < 64; i++) {
    char *p = malloc(1 << 20);
    if (!p) failed++;
    else { p[0] = 1; p[(1 << 20) - 1] = 2; }
    free(p);
  }
  CHECK_EQ(failed, 0);
  return CHECK_DONE();
}
