/* strlen, strnlen, strcmp, strncmp, strcpy, strncpy, strcat, strchr,
 * strrchr, strdup: return values, the terminating NUL, bytes above 127
 * compared as unsigned char, strncpy's padding and missing terminator,
 * strchr/strrchr finding the NUL, strdup's copy being a new heap block. */
#include <stdlib.h>
#include "check.h"

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
  CHECK_EQ(strlen(""), 0);
  CHECK_EQ(strlen("a"), 1);
  CHECK_EQ(strlen("hello, world"), 12);
  CHECK_EQ(strlen("h\xc3\xa9llo"), 6);
  CHECK_EQ(strnlen("hello", 10), 5);
  CHECK_EQ(strnlen("hello", 3), 3);
  CHECK_EQ(strnlen("hello", 0), 0);
  CHECK_EQ(strnlen("", 5), 0);
  char unterminated[4] = {'a', 'b', 'c', 'd'};
  CHECK_EQ(strnlen(unterminated, 4), 4); /* never reads past max */

  CHECK_EQ(strcmp("abc", "abc"), 0);
  CHECK_EQ(strcmp("", ""), 0);
  CHECK_EQ(sign(strcmp("abc", "abd")), -1);
  CHECK_EQ(sign(strcmp("abd", "abc")), 1);
  CHECK_EQ(sign(strcmp("ab", "abc")), -1);
  CHECK_EQ(sign(strcmp("abc", "ab")), 1);
  CHECK_EQ(sign(strcmp("\x80", "a")), 1); /* unsigned char */
  CHECK_EQ(sign(strcmp("a", "\xff")), -1);
  CHECK_EQ(strncmp("abcX", "abcY", 3), 0);
  CHECK_EQ(sign(strncmp("abcX", "abcY", 4)), -1);
  CHECK_EQ(strncmp("abc", "xyz", 0), 0);
  CHECK_EQ(strncmp("ab", "ab", 100), 0); /* stops at the NUL */
  CHECK_EQ(sign(strncmp("ab", "abc", 100)), -1);
  CHECK_EQ(sign(strncmp("\xfe", "\x01", 1)), 1);

  char buf[32];
  CHECK(strcpy(buf, "copy me") == buf);
  CHECK_EQ(strcmp(buf, "copy me"), 0);
  CHECK(strcpy(buf, "") == buf && buf[0] == 0);

  memset(buf, 'z', sizeof buf);
  CHECK(strncpy(buf, "abc", 6) == buf);
  CHECK(memcmp(buf, "abc\0\0\0z", 7) == 0); /* padded with NULs */
  memset(buf, 'z', sizeof buf);
  strncpy(buf, "abcdef", 3);
  CHECK(memcmp(buf, "abcz", 4) == 0); /* no terminator when src is longer */
  memset(buf, 'z', sizeof buf);
  strncpy(buf, "abc", 3);
  CHECK(memcmp(buf, "abcz", 4) == 0);
  CHECK(strncpy(buf, "xyz", 0) == buf && buf[0] == 'a');

  strcpy(buf, "foo");
  CHECK(strcat(buf, "bar") == buf);
  CHECK_EQ(strcmp(buf, "foobar"), 0);
  CHECK(strcat(buf, "") == buf);
  CHECK_EQ(strcmp(buf, "foobar"), 0);
  buf[0] = 0;
  strcat(buf, "x");
  CHECK_EQ(strcmp(buf, "x"), 0);

  const char *s = "hello, world";
  CHECK(strchr(s, 'o') == s + 4);
  CHECK(strrchr(s, 'o') == s + 8);
  CHECK(strchr(s, 'h') == s);
  CHECK(strrchr(s, 'h') == s);
  CHECK(strchr(s, 'q') == 0);
  CHECK(strrchr(s, 'q') == 0);
  CHECK(strchr(s, 0) == s + 12); /* the terminator is part of the string */
  CHECK(strrchr(s, 0) == s + 12);
  CHECK(strchr(s, 'o' + 256) == s + 4); /* converted to char */
  CHECK(strchr("", 0) != 0);
  CHECK(strchr("", 'a') == 0);
  const char *hi = "a\xe9z\xe9";
  CHECK(strchr(hi, 0xe9) == hi + 1);
  CHECK(strrchr(hi, 0xe9) == hi + 3);

  static const char src[] = "duplicate";
  char *d = strdup(src);
  CHECK(d != 0 && d != src);
  CHECK_EQ(strcmp(d, "duplicate"), 0);
  d[0] = 'D';
  CHECK_EQ(strcmp(d, "Duplicate"), 0);
  free(d);
  d = strdup("");
  CHECK(d != 0 && d[0] == 0);
  free(d);
  return CHECK_DONE();
}
