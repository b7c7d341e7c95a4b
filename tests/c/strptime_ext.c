/* strptime: glibc's extensions (%F %s %u %z %Z %V %g %G) and POSIX's E/O
 * modifiers, which wasi-libc lacks. Expected output from glibc
 * (tests/c/gen/reference.sh strptime_ext). Only fields the conversions
 * set are printed (glibc also derives tm_wday/tm_yday from a full date;
 * this library, like wasi-libc, never derives fields). Inputs have no
 * white space before numbers (glibc skips it, wasi-libc does not). Left
 * out: %Ey (glibc fails without an era; POSIX falls back to %y, as here)
 * and %I of 12 (glibc stores 0 until a %p, wasi-libc and this library 12). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"

/* Fields: s m h D M Y w y g (sec min hour mday mon year wday yday gmtoff). */
static const char *const cases[][3] = {
  {"%F", "2024-03-07", "DMY"}, {"%F", "1999-12-31x", "DMY"}, {"%F", "2024-13-01", "DMY"},
  {"%F", "24-1-2", "DMY"}, {"%F", "2024/03/07", "DMY"}, {"%F %T", "2024-03-07 12:34:56", "smhDMY"},
  {"%s", "0", "smhDMYwy"}, {"%s", "1709769600", "smhDMYwy"}, {"%s", "-86401", "smhDMYwy"},
  {"%s", "951782400x", "smhDMYwy"}, {"%s", "x", ""}, {"%s", "4102444800", "smhDMYwy"},
  {"%u", "1", "w"}, {"%u", "7", "w"}, {"%u", "0", "w"}, {"%u", "8", "w"}, {"%u", "3x", "w"},
  {"%z", "+0000", "g"}, {"%z", "-0130", "g"}, {"%z", "+0530", "g"}, {"%z", "+05", "g"},
  {"%z", "-12", "g"}, {"%z", "+05:30", "g"}, {"%z", "+5", "g"}, {"%z", "+123", "g"},
  {"%z", "+12345", "g"}, {"%z", "+0560", "g"}, {"%z", "Z", "g"}, {"%z", "UTC", "g"}, {"%z", "0000", "g"},
  {"%Z", "UTC", ""}, {"%Z", "GMT+1 x", ""}, {"%Z x", "ABC x", ""}, {"%Z", "", ""},
  {"%V", "1", ""}, {"%V", "53", ""}, {"%V", "54", ""}, {"%V", "x", ""},
  {"%g", "24", ""}, {"%g", "99", ""}, {"%g", "100", ""}, {"%G", "2024", ""}, {"%G", "12345", ""}, {"%G", "x", ""},
  {"%Ec", "Sun Mar  7 12:34:56 2024", "smhDMY"}, {"%EC%Ey", "2024", "Y"}, {"%Ex", "03/07/24", "DMY"},
  {"%EX", "12:34:56", "smh"}, {"%EY", "2024", "Y"},
  {"%Od", "07", "D"}, {"%Oe", "7", "D"}, {"%OH", "23", "h"}, {"%OI", "11", "h"}, {"%Om", "12", "M"},
  {"%OM", "59", "m"}, {"%OS", "60", "s"}, {"%OU", "53", ""}, {"%Ow", "6", "w"}, {"%OW", "0", ""},
  {"%Oy", "99", "Y"}, {"%Ed", "07", ""}, {"%Oa", "Sun", ""}, {"%EH", "12", ""}, {"%OY", "2024", ""},
  {"%EF", "2024-03-07", ""},
};

int main(void) {
  setenv("TZ", "UTC0", 1);
  tzset();
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_sec = t.tm_min = t.tm_hour = t.tm_mday = t.tm_mon = t.tm_year = -7;
    t.tm_wday = t.tm_yday = t.tm_isdst = -7;
    t.tm_gmtoff = -7;
    const char *e = strptime(cases[i][1], cases[i][0], &t);
    check_puts(cases[i][0]); check_puts(" | "); check_puts(cases[i][1]); check_puts(" | ");
    if (!e) { check_puts("NULL\n"); continue; }
    check_putl((long long)(e - cases[i][1]));
    for (const char *f = cases[i][2]; *f; f++) {
      long long v = 0;
      switch (*f) {
      case 's': v = t.tm_sec; break; case 'm': v = t.tm_min; break; case 'h': v = t.tm_hour; break;
      case 'D': v = t.tm_mday; break; case 'M': v = t.tm_mon; break; case 'Y': v = t.tm_year; break;
      case 'w': v = t.tm_wday; break; case 'y': v = t.tm_yday; break; case 'g': v = t.tm_gmtoff; break;
      }
      check_puts(" "); check_puts((char[]){*f, '=', 0}); check_putl(v);
    }
    check_puts("\n");
  }
  return 0;
}
