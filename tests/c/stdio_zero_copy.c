/* p2 only: stdio reads go through the backend's read, so they receive the
 * bytes in place (the slot's slow-path counters stay at zero): a refill
 * lands in the stream's own buffer, and an fread of a block at least as
 * large as the buffer, with nothing buffered, lands straight in the
 * caller's memory. Same for a file. Expected stdout written by hand.
 * stdin: 40000 bytes, byte i = 'a' + 13i mod 26. */
#include <stdio.h>
#include <wasm_libc.h>
#include "check.h"

static int byte_ok(const unsigned char *b, size_t n, size_t at) {
  for (size_t i = 0; i < n; i++)
    if (b[i] != 'a' + ((at + i) * 13) % 26) return 0;
  return 1;
}

int main(void) {
  static unsigned char big[30000];
  struct wasm_libc_stats s;
  wasm_libc_reset_stats();
  int c = getchar(); /* a refill into the stream buffer */
  CHECK_EQ(c, 'a');
  CHECK_EQ(fread(big, 1, 100, stdin), 100); /* from the buffer */
  CHECK(byte_ok(big, 100, 1));
  /* Drain what is buffered, then a large block goes straight to `big`. */
  char small[8192];
  size_t buffered = 0;
  while (buffered + 1 < 8192) {
    int k = getchar();
    if (k == EOF) break;
    small[buffered++] = (char)k;
    /* stop at a refill boundary: nothing left in the buffer */
    if ((1 + 100 + buffered) % 4096 == 0) break;
  }
  CHECK(byte_ok((unsigned char *)small, buffered, 101));
  size_t at = 101 + buffered;
  size_t got = fread(big, 1, sizeof big, stdin);
  CHECK_EQ(got, sizeof big);
  CHECK(byte_ok(big, got, at));
  wasm_libc_get_stats(&s);
  CHECK_EQ(s.fallback_allocs, 0);
  CHECK_EQ(s.guest_copies, 0);

  FILE *f = fopen("data.bin", "w+");
  CHECK(f != NULL);
  CHECK_EQ(fwrite(big, 1, sizeof big, f), sizeof big);
  rewind(f);
  wasm_libc_reset_stats();
  CHECK_EQ(fread(big, 1, 10000, f), 10000);
  CHECK(byte_ok(big, 10000, at));
  c = fgetc(f); /* a refill into the stream buffer */
  CHECK_EQ(c, 'a' + ((at + 10000) * 13) % 26);
  wasm_libc_get_stats(&s);
  CHECK_EQ(s.fallback_allocs, 0);
  CHECK_EQ(s.guest_copies, 0);
  fclose(f);
  return CHECK_DONE();
}
