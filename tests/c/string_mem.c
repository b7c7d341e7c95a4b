/* memcpy, memmove, memset, memcmp, memchr (and bcmp, which compilers
 * emit): return values, overlapping moves in both directions, bytes above
 * 127 compared as unsigned char, the int argument converted to unsigned
 * char, zero lengths, lengths crossing word boundaries at every offset. */
#include "check.h"

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
  char a[64], b[64];

  /* memcpy returns dst; copies exactly n bytes. */
  memset(a, '.', sizeof a);
  CHECK(memcpy(a, "hello", 5) == a);
  CHECK(memcmp(a, "hello.", 6) == 0);
  CHECK(memcpy(a, "zzz", 0) == a);
  CHECK(a[0] == 'h');

  /* memmove: forward and backward overlap. */
  memcpy(a, "0123456789", 11);
  CHECK(memmove(a + 2, a, 8) == a + 2);
  CHECK(memcmp(a, "0101234567", 10) == 0);
  memcpy(a, "0123456789", 11);
  CHECK(memmove(a, a + 3, 7) == a);
  CHECK(memcmp(a, "3456789789", 10) == 0);
  memcpy(a, "abc", 4);
  CHECK(memmove(a, a, 3) == a);
  CHECK(memcmp(a, "abc", 4) == 0);
  CHECK(memmove(a + 1, a, 0) == a + 1);

  /* memset: returns dst; uses (unsigned char)c. */
  CHECK(memset(a, 'x', 10) == a);
  CHECK(memcmp(a, "xxxxxxxxxx", 10) == 0);
  memset(a, 0x141, 3); /* 0x141 -> 0x41 'A' */
  CHECK(memcmp(a, "AAAx", 4) == 0);
  memset(a, -1, 2);
  CHECK((unsigned char)a[0] == 0xff && (unsigned char)a[1] == 0xff && a[2] == 'A');
  CHECK(memset(a, 'q', (0)) == a && (unsigned char)a[0] == 0xff);

  /* memcmp: sign of the first differing byte as unsigned char. */
  CHECK_EQ(memcmp("abc", "abc", 3), 0);
  CHECK_EQ(sign(memcmp("abc", "abd", 3)), -1);
  CHECK_EQ(sign(memcmp("abd", "abc", 3)), 1);
  CHECK_EQ(sign(memcmp("\x80", "\x01", 1)), 1);
  CHECK_EQ(sign(memcmp("\x01", "\xff", 1)), -1);
  CHECK_EQ(memcmp("abc", "xyz", 0), 0);
  CHECK_EQ(memcmp("ab\0x", "ab\0y", 3), 0); /* NUL is just a byte */
  CHECK_EQ(sign(memcmp("ab\0x", "ab\0y", 4)), -1);
  CHECK_EQ(bcmp("same", "same", 4), 0);
  CHECK(bcmp("same", "sane", 4) != 0);

  /* memchr: first match within n bytes, (unsigned char)c, NULL when absent. */
  const char *s = "abcabc\x80z";
  CHECK(memchr(s, 'c', 8) == s + 2);
  CHECK(memchr(s, 'c', 2) == 0);
  CHECK(memchr(s, 'q', 8) == 0);
  CHECK(memchr(s, 0x80, 8) == s + 6);
  CHECK(memchr(s, 0x180, 8) == s + 6);
  CHECK(memchr(s, -128, 8) == s + 6);
  CHECK(memchr(s, 0, 9) == s + 8);
  CHECK(memchr(s, 'a', 0) == 0);

  /* Every offset and length up to 40 against byte-by-byte copies. */
  int bad = 0;
  for (int off = 0; off < 8; off++) {
    for (int n = 0; n <= 40; n++) {
      for (int i = 0; i < 64; i++) { a[i] = (char)i; b[i] = (char)(100 + i); }
      memcpy(b + off, a + (7 - off), n);
      for (int i = 0; i < 64; i++) {
        char want = (i >= off && i < off + n) ? (char)(i - off + 7 - off) : (char)(100 + i);
        if (b[i] != want) bad++;
      }
      for (int i = 0; i < 64; i++) a[i] = (char)i;
      memmove(a + off, a + 8, n); /* dst below src */
      for (int i = off; i < off + n; i++) if (a[i] != (char)(i - off + 8)) bad++;
      for (int i = 0; i < 64; i++) a[i] = (char)i;
      memmove(a + 8 + off, a + 8, n); /* dst above src, overlapping */
      for (int i = 0; i < n; i++) if (a[8 + off + i] != (char)(8 + i)) bad++;
      memset(a, 0, 64);
      memset(a + off, 0x77, n);
      for (int i = 0; i < 64; i++) if (a[i] != ((i >= off && i < off + n) ? 0x77 : 0)) bad++;
      if (n > 0 && memcmp(a + off, a + off, n) != 0) bad++;
    }
  }
  CHECK_EQ(bad, 0);
  return CHECK_DONE();
}
