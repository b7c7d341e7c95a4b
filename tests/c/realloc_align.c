/* realloc keeps malloc's 16-byte alignment (max_align_t) and the contents,
 * whether it resizes in place or moves the block: one block grown and shrunk
 * through every size up to 4 KiB and by steps up to 1 MiB; a set of live
 * blocks resized in turn so that growths collide with their neighbours and
 * move; blocks from aligned_alloc; and resizes after someone else grew the
 * memory (sbrk), which starts a new heap segment. Each byte of a block holds
 * a pattern derived from its index and the block's tag, checked after every
 * resize over min(old, new) bytes. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"

static int misaligned, lost, failed;

static unsigned char pat(size_t i, unsigned tag) { return (unsigned char)(i * 7 + tag * 13 + (i >> 8)); }

static void fill(unsigned char *p, size_t from, size_t to, unsigned tag) {
  for (size_t i = from; i < to; i++) p[i] = pat(i, tag);
}

/* Resizes *pp (holding old bytes of tag) to n bytes; checks and refills. */
static void resize(unsigned char **pp, size_t old, size_t n, unsigned tag) {
  unsigned char *q = realloc(*pp, n);
  if (!q) { failed++; return; }
  if ((uintptr_t)q & 15) misaligned++;
  size_t keep = old < n ? old : n;
  for (size_t i = 0; i < keep; i++)
    if (q[i] != pat(i, tag)) { lost++; break; }
  fill(q, keep, n, tag);
  *pp = q;
}

#define LIVE 48

int main(void) {
  /* One block, every size up and down. */
  unsigned char *p = malloc(1);
  CHECK(p != 0 && ((uintptr_t)p & 15) == 0);
  fill(p, 0, 1, 1);
  size_t cur = 1;
  for (size_t n = 2; n <= 4096; n++) { resize(&p, cur, n, 1); cur = n; }
  for (size_t n = 4095; n >= 1; n--) { resize(&p, cur, n, 1); cur = n; }
  for (size_t n = 4096; n <= (1u << 20); n += n / 3 + 5) { resize(&p, cur, n, 1); cur = n; }
  for (size_t n = cur; n > 16; n = n / 2 - 3) { resize(&p, cur, n, 1); cur = n; }
  CHECK_EQ(misaligned, 0);
  CHECK_EQ(lost, 0);
  CHECK_EQ(failed, 0);

  /* Live blocks resized in turn: growths bump into neighbours and move. */
  unsigned char *live[LIVE];
  size_t len[LIVE];
  for (unsigned k = 0; k < LIVE; k++) {
    len[k] = 1 + k * 5;
    live[k] = malloc(len[k]);
    if (!live[k] || ((uintptr_t)live[k] & 15)) misaligned++;
    else fill(live[k], 0, len[k], k);
  }
  uint32_t r = 2024;
  for (unsigned round = 0; round < 4000; round++) {
    r = r * 1103515245u + 12345u;
    unsigned k = (r >> 8) % LIVE;
    size_t n = (r >> 16) & 1 ? len[k] + 1 + (r >> 20) % 300 : 1 + (r >> 20) % (len[k] + 1);
    if (round % 97 == 96) n = 1 + (r >> 12) % 20000;
    resize(&live[k], len[k], n, k);
    len[k] = n;
  }
  for (unsigned k = 0; k < LIVE; k++) free(live[k]);
  CHECK_EQ(misaligned, 0);
  CHECK_EQ(lost, 0);
  CHECK_EQ(failed, 0);

  /* Blocks from aligned_alloc: realloc gives 16-aligned blocks (the larger
   * alignment is not kept, as in C). */
  for (size_t a = 32; a <= 4096; a *= 2) {
    unsigned char *b = aligned_alloc(a, a);
    if (!b) { failed++; continue; }
    fill(b, 0, a, 3);
    resize(&b, a, a / 2 + 1, 3);
    resize(&b, a / 2 + 1, 3 * a, 3);
    resize(&b, 3 * a, 5, 3);
    free(b);
  }
  CHECK_EQ(misaligned, 0);
  CHECK_EQ(lost, 0);
  CHECK_EQ(failed, 0);

  /* Someone else grows the memory between resizes. */
  unsigned char *s = malloc(100);
  CHECK(s != 0);
  fill(s, 0, 100, 5);
  cur = 100;
  for (int i = 0; i < 6; i++) {
    CHECK(sbrk(65536) != (void *)-1);
    size_t n = cur + 70000;
    resize(&s, cur, n, 5);
    cur = n;
    unsigned char *t = malloc(24 + i * 16);
    if (!t || ((uintptr_t)t & 15)) misaligned++;
    free(t);
  }
  free(s);
  CHECK_EQ(misaligned, 0);
  CHECK_EQ(lost, 0);
  CHECK_EQ(failed, 0);
  free(p);
  return check_failures != 0;
}
