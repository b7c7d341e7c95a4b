/* strerror_r (XSI int-returning version), explicit_bzero, strlcpy/strlcat
 * (POSIX 2024; glibc < 2.38 lacks them, so the host build uses the
 * reference implementations below). Checks with expected values. */
#include "check.h"
#include <string.h>
#include <strings.h>

#if !defined(__wasm__) && !(defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 38))
static size_t strlcpy(char *d, const char *s, size_t n) {
  size_t len = strlen(s);
  if (n) { size_t k = len < n - 1 ? len : n - 1; memcpy(d, s, k); d[k] = 0; }
  return len;
}
static size_t strlcat(char *d, const char *s, size_t n) {
  size_t dl = strnlen(d, n);
  if (dl == n) return n + strlen(s);
  return dl + strlcpy(d + dl, s, n - dl);
}
#endif
#if !defined(__wasm__)
#include <stddef.h>
void explicit_bzero(void *, size_t);
#endif

int main(void) {
  char buf[256];
  CHECK_EQ(strerror_r(ERANGE, buf, sizeof buf), 0);
  CHECK(strcmp(buf, strerror(ERANGE)) == 0);
  CHECK(strlen(buf) > 5);
  CHECK_EQ(strerror_r(ENOENT, buf, 4), ERANGE);
  CHECK_EQ(strlen(buf), 3);
  CHECK(strncmp(buf, strerror(ENOENT), 3) == 0);
  errno = 0;
  CHECK_EQ(strerror_r(123456, buf, sizeof buf), EINVAL);
  CHECK(strcmp(buf, "Unknown error 123456") == 0);
  CHECK_EQ(strerror_r(-5, buf, sizeof buf), EINVAL);
  CHECK(strcmp(buf, "Unknown error -5") == 0);
  CHECK_EQ(errno, 0);
  CHECK(strerror(EINVAL) != NULL && strerror(123456) != NULL);

  memset(buf, 'x', 20);
  explicit_bzero(buf + 1, 5);
  CHECK(buf[0] == 'x' && buf[1] == 0 && buf[5] == 0 && buf[6] == 'x');

  CHECK_EQ(strlcpy(buf, "hello", sizeof buf), 5);
  CHECK(strcmp(buf, "hello") == 0);
  CHECK_EQ(strlcpy(buf, "hello", 3), 5);
  CHECK(strcmp(buf, "he") == 0);
  buf[0] = 'q';
  CHECK_EQ(strlcpy(buf, "hello", 0), 5);
  CHECK(buf[0] == 'q');
  strcpy(buf, "abc");
  CHECK_EQ(strlcat(buf, "defg", 6), 7);
  CHECK(strcmp(buf, "abcde") == 0);
  CHECK_EQ(strlcat(buf, "x", 3), 4);
  CHECK(strcmp(buf, "abcde") == 0);
  CHECK_EQ(strlcat(buf, "xy", sizeof buf), 7);
  CHECK(strcmp(buf, "abcdexy") == 0);
  return CHECK_DONE();
}
