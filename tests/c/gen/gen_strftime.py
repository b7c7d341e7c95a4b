#!/usr/bin/env python3
"""Writes tests/c/strftime_gen.c: strftime with every flag (_ - 0 ^ #),
field widths 0..12 and every conversion over a set of dates (fixed seed).
Expected output from glibc (tests/c/gen/reference.sh strftime_gen). The
POSIX `+` flag (glibc 2.36 prints it literally) is checked in
strftime_plus.c against POSIX's own examples."""
import os, random
rnd = random.Random(5)
CONVS = "aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYzZ%"
FLAGS = ["", "_", "-", "0", "^", "#", "^#", "0^", "-_", "_0"]
WIDTHS = [""] + [str(i) for i in range(1, 13)] + ["20"]
fmts = []
for c in CONVS:
    for f in FLAGS:
        for w in WIDTHS:
            if rnd.random() < 0.35 or (w == "" and f == ""):
                fmts.append("%" + f + w + c)
fmts += ["%Ey", "%EY", "%Od", "%OH", "%Ec", "%Ex", "%EX", "%OS", "%Oe", "%5Ey", "%_5OH"]
# (year, mon, mday, hour, min, sec, wday, yday, isdst, gmtoff)
DATES = [(2024, 2, 7, 0, 5, 9, 4, 66, 0, 0), (1999, 11, 31, 23, 59, 60, 5, 364, 0, 0),
         (2021, 0, 1, 12, 0, 0, 5, 0, 0, 0), (9, 6, 4, 13, 7, 3, 0, 184, 0, 0),
         (12345, 3, 15, 7, 30, 45, 2, 104, 0, 0), (-5, 8, 1, 1, 2, 3, 6, 243, 0, -9000),
         (2020, 11, 28, 11, 11, 11, 1, 362, 0, 19800), (0, 0, 3, 18, 45, 0, 1, 2, -1, 0)]
src = ["""/* strftime: flags _ - 0 ^ #, field widths and every conversion over a
 * few dates (tests/c/gen/gen_strftime.py, fixed seed). Expected output from
 * glibc (tests/c/gen/reference.sh strftime_gen); tm_isdst is never 1
 * (mktime, behind %s, treats that per time zone). */
#include <string.h>
#include <time.h>
#include "check.h"

static const char *const fmts[] = {
"""]
for f in fmts:
    src.append('  "%s",\n' % f)
src.append("};\nstatic const long dates[][10] = {\n")
for d in DATES:
    src.append("  {%s},\n" % ", ".join(str(x) for x in d))
src.append("""};

int main(void) {
  char b[64];
  for (unsigned d = 0; d < sizeof dates / sizeof dates[0]; d++) {
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_year = (int)dates[d][0] - 1900; t.tm_mon = (int)dates[d][1]; t.tm_mday = (int)dates[d][2];
    t.tm_hour = (int)dates[d][3]; t.tm_min = (int)dates[d][4]; t.tm_sec = (int)dates[d][5];
    t.tm_wday = (int)dates[d][6]; t.tm_yday = (int)dates[d][7]; t.tm_isdst = (int)dates[d][8];
    t.tm_gmtoff = dates[d][9]; t.tm_zone = "ZZT";
    for (unsigned i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
      memset(b, 'x', sizeof b);
      size_t n = strftime(b, sizeof b, fmts[i], &t);
      check_puts(fmts[i]); check_puts(" ["); check_puts(n ? b : ""); check_puts("] ");
      check_putl((long long)n); check_puts("\\n");
    }
  }
  /* Too small a buffer: 0. */
  struct tm t;
  memset(&t, 0, sizeof t);
  t.tm_year = 124;
  check_putl((long long)strftime(b, 4, "%Y", &t)); check_puts(" ");
  check_putl((long long)strftime(b, 5, "%Y", &t)); check_puts("\\n");
  return 0;
}
""")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "strftime_gen.c"), "w").write("".join(src))
print(len(fmts), "formats x", len(DATES), "dates")
