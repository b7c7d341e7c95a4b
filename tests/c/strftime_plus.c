/* strftime's POSIX.1-2008 `+` flag and field widths on %C %F %G %Y.
 * Hand-checked: the values are POSIX's own examples (XSH strftime,
 * APPLICATION USAGE table) and the %F rule ("as if %+4Y-%m-%d"; with a
 * width x, the year as %+{x-6}Y, x below 6 taken as 6). glibc 2.36 has no
 * `+` flag (it prints the conversion literally). wasi-libc (musl) agrees
 * except where it departs from POSIX: plain %Y of 27, 270 and 12345 (musl:
 * "0027", "0270", "+12345"), %+C of 12345 ("123") and `+` with a width on
 * other numbers (musl ignores the width). */
#include <string.h>
#include <time.h>
#include "check.h"

static char buf[64];
static const char *fmt(int year, const char *f) {
  struct tm t;
  memset(&t, 0, sizeof t);
  t.tm_year = year - 1900; t.tm_mon = 2; t.tm_mday = 7; t.tm_yday = 65; t.tm_wday = 3;
  if (strftime(buf, sizeof buf, f, &t) == 0) return "(zero)";
  return buf;
}
#define IS(y, f, want) check_report(strcmp(fmt(y, f), want) == 0, #y " " f " -> " want, __LINE__)

int main(void) {
  /* POSIX's table. */
  IS(1970, "%Y", "1970");
  IS(1970, "%+4Y", "1970");
  IS(27, "%Y", "27");
  IS(270, "%Y", "270");
  IS(270, "%+4Y", "0270");
  IS(12345, "%Y", "12345");
  IS(12345, "%+4Y", "+12345");
  IS(12345, "%05Y", "12345");
  IS(270, "%+5Y", "+0270");
  IS(270, "%+3C%y", "+0270");
  IS(12345, "%+5Y", "+12345");
  IS(12345, "%+3C%y", "+12345");
  IS(12345, "%06Y", "012345");
  IS(12345, "%04C%y", "012345");
  /* Default widths with `+`: 4 for %Y/%G, 2 for %C. */
  IS(2024, "%+Y", "2024");
  IS(999, "%+Y", "0999");
  IS(12345, "%+Y", "+12345");
  IS(2024, "%+6Y", "+02024");
  IS(2024, "%+C", "20");
  IS(2024, "%+3C", "+20");
  IS(12345, "%+C", "+123");
  IS(2024, "%+G", "2024");
  IS(2024, "%+7G", "+002024");
  IS(-5, "%+5Y", "-0005");
  /* %F: %+4Y-%m-%d; with width x the year is %+{x-6}Y. */
  IS(2024, "%+F", "2024-03-07");
  IS(999, "%+F", "0999-03-07");
  IS(12345, "%+F", "+12345-03-07");
  IS(2024, "%+10F", "2024-03-07");
  IS(2024, "%+11F", "+2024-03-07");
  IS(2024, "%+12F", "+02024-03-07");
  IS(999, "%+5F", "999-03-07");
  IS(12345, "%+5F", "+12345-03-07");
  /* `0` and widths (glibc agrees: strftime_gen). */
  IS(2024, "%011F", "02024-03-07");
  IS(2024, "%05Y", "02024");
  IS(2024, "%03C", "020");
  /* `+` on other numbers pads with zeros. */
  IS(2024, "%+4d", "0007");
  IS(2024, "%+4j", "0066");
  return CHECK_DONE();
}
