/* Where this library deliberately differs from wasi-libc (musl) in the
 * locale functions; hand-checked expectations:
 * - unknown locale names fail (POSIX: setlocale returns NULL when "the
 *   request cannot be honored"; glibc does the same for a locale that is
 *   not installed), where musl accepts any name; "" fails when the
 *   environment names an unknown locale (locale_posix.env: LANG=de_DE.UTF-8);
 * - "C.utf8" (glibc's spelling) is the C.UTF-8 locale;
 * - newlocale: EINVAL for a NULL name, ENOENT for an unknown one;
 * - strfmon: '-' pads to the field width on the right (POSIX), the result
 *   is always NUL-terminated, an unknown conversion is EINVAL;
 * - strtold_l works without extra libraries. */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <monetary.h>
#include <nl_types.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "check.h"

int main(void) {
  CHECK(setlocale(LC_ALL, "fr_FR.UTF-8") == NULL);
  CHECK(setlocale(LC_ALL, "C.UTF-8;C;xx;C;C;C") == NULL);
  CHECK(strcmp(setlocale(LC_ALL, NULL), "C") == 0);
  CHECK(setlocale(LC_ALL, "") == NULL);
  CHECK(strcmp(setlocale(LC_ALL, NULL), "C") == 0);
  CHECK(strcmp(setlocale(LC_CTYPE, ""), "C.UTF-8") == 0);
  CHECK(setlocale(LC_NUMERIC, "") == NULL);
  CHECK_EQ((int)MB_CUR_MAX, 4);
  CHECK(strcmp(setlocale(LC_ALL, "C"), "C") == 0);
  CHECK(strcmp(setlocale(LC_CTYPE, "C.utf8"), "C.UTF-8") == 0);
  CHECK(strcmp(setlocale(LC_ALL, "POSIX"), "C") == 0);
  CHECK_EQ((int)MB_CUR_MAX, 1);

  errno = 0;
  CHECK(newlocale(LC_ALL_MASK, NULL, (locale_t)0) == (locale_t)0);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(newlocale(LC_CTYPE_MASK, "de_DE", (locale_t)0) == (locale_t)0);
  CHECK_EQ(errno, ENOENT);
  locale_t u = newlocale(LC_CTYPE_MASK, "C.utf8", (locale_t)0);
  CHECK(u != (locale_t)0);
  uselocale(u);
  CHECK_EQ((int)MB_CUR_MAX, 4);
  uselocale(LC_GLOBAL_LOCALE);
  CHECK_EQ((int)MB_CUR_MAX, 1);
  freelocale(u);

  char b[32];
  memset(b, 'Z', sizeof b);
  CHECK_EQ((int)strfmon(b, sizeof b, "%-10n|", 1.5), 11);
  CHECK(strcmp(b, "1.50      |") == 0);
  memset(b, 'Z', sizeof b);
  CHECK_EQ((int)strfmon(b, sizeof b, "%n EUR", 2.0), 8);
  CHECK(strcmp(b, "2.00 EUR") == 0);
  errno = 0;
  CHECK_EQ((int)strfmon(b, sizeof b, "%q", 1.0), -1);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK_EQ((int)strfmon(b, 8, "%n EUR", 2.0), -1);
  CHECK_EQ(errno, E2BIG);

  CHECK(strtold_l("-0.125", NULL, LC_GLOBAL_LOCALE) == -0.125L);
  CHECK(wcstold(L" 2.5e1", NULL) == 25.0L);
  const wchar_t *h = L"haystack";
  CHECK(wcswcs(h, L"st") == h + 3);
  errno = 0;
  CHECK_EQ(catclose((nl_catd)-1), -1);
  CHECK_EQ(errno, EBADF);
  return CHECK_DONE();
}
