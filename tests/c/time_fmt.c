/* gmtime/localtime/mktime/timegm/strftime/asctime/ctime/difftime over
 * many dates (ISO-week and leap-year edges, negative years, normalization
 * of out-of-range fields). Differential against glibc with TZ=UTC. */
#define _GNU_SOURCE
#include "check.h"
#include <stdlib.h>
#include <time.h>

static void put_tm(const struct tm *t) {
  long long f[] = {t->tm_year, t->tm_mon, t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
                   t->tm_wday, t->tm_yday, t->tm_isdst, t->tm_gmtoff};
  for (unsigned i = 0; i < sizeof f / sizeof *f; i++) { check_puts(" "); check_putl(f[i]); }
  check_puts(" "); check_puts(t->tm_zone ? t->tm_zone : "(null)");
}

static unsigned long long rs = 88172645463325252ull;
static unsigned long long rnd(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }
static long long rrange(long long lo, long long hi) { return lo + (long long)(rnd() % (unsigned long long)(hi - lo + 1)); }

static const char *const convs[] = {
  "%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H", "%I",
  "%j", "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r", "%R", "%s", "%S", "%t", "%T", "%u",
  "%U", "%V", "%w", "%W", "%x", "%X", "%y", "%Y", "%z", "%Z", "%%",
  "%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY", "%Od", "%Oe", "%OH", "%OI", "%Om", "%OM",
  "%OS", "%Ou", "%OU", "%OV", "%Ow", "%OW", "%Oy",
  "%10a", "%-10A", "%010b", "%^B", "%#b", "%^a", "%#A", "%#p", "%^p", "%#Z", "%^Z",
  "%_5d", "%-d", "%05e", "%-e", "%_H", "%-H", "%-I", "%3j", "%-j", "%_j", "%_m", "%-m",
  "%-M", "%_S", "%10Y", "%_10Y", "%-Y", "%06Y", "%-y", "%_y", "%4C", "%_C", "%-G", "%_V",
  "%20c", "%^c", "%-20D", "%12F", "%_12F", "%012F", "%^r", "%15T", "%3%", "%5n",
  "%Q", "%5Q", "%Ea", "%Oz", "%EH", "%", "x%", "%%%Y%%", "[%a %d %b %Y, %H:%M:%S %z %Z]",
  "%Y-%m-%dT%H:%M:%S%z", "%A, %B %e, %Y at %l:%M %p", "%G-W%V-%u", "%U %W %V %j",
};

static void fmt_all(const struct tm *t) {
  char buf[200];
  for (unsigned i = 0; i < sizeof convs / sizeof *convs; i++) {
    size_t n = strftime(buf, sizeof buf, convs[i], t);
    check_puts(" "); check_putl((long long)n); check_puts("["); check_puts(buf); check_puts("]");
  }
  check_puts("\n");
}

int main(void) {
#ifndef __wasm__
  setenv("TZ", "UTC", 1);
  tzset();
#endif
  /* gmtime_r / localtime_r over fixed and random instants. */
  long long fixed[] = {0, -1, 1, 59, 60, 86399, 86400, -86400, -86401, 951782400 /* 2000-02-29 */,
                       951868800, 946684799, 946684800, 978307200, 1230768000, 1704067199,
                       2147483647LL, 2147483648LL, -2147483648LL, -2147483649LL, 4102444800LL,
                       253402300799LL /* 9999-12-31 */, 253402300800LL, -62135596800LL /* 0001-01-01 */,
                       -62135596801LL, -62167219200LL /* 0000-01-01 */, -62198755200LL, -12219292800LL,
                       67768036191676799LL /* last second of year INT_MAX+1900 */,
                       67768036191676800LL, -67768040609740800LL, -67768040609740801LL,
                       0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1};
  for (unsigned i = 0; i < sizeof fixed / sizeof *fixed; i++) {
    time_t t = (time_t)fixed[i];
    struct tm g, l;
    errno = 0;
    struct tm *pg = gmtime_r(&t, &g);
    check_puts("gmtime "); check_putl(fixed[i]);
    if (pg) put_tm(&g); else check_puts(errno == EOVERFLOW ? " EOVERFLOW" : " NULL?");
    check_puts("\n");
    struct tm *pl = localtime_r(&t, &l);
    check_puts("localtime "); check_putl(fixed[i]);
    if (pl) put_tm(&l); else check_puts(" NULL");
    check_puts("\n");
  }
  for (int i = 0; i < 600; i++) {
    time_t t = (time_t)rrange(-70000000000LL, 70000000000LL);
    if (i % 3 == 0) t = (time_t)rrange(-3000000000LL, 5000000000LL);
    struct tm g;
    gmtime_r(&t, &g);
    check_puts("gm "); check_putl((long long)t); put_tm(&g); check_puts("\n");
    time_t back = timegm(&g);
    if (back != t) { check_puts("timegm mismatch "); check_putl((long long)back); check_puts("\n"); }
    check_puts("fmt"); fmt_all(&g);
  }
  /* ISO week edges: Dec 25 .. Jan 8 around many years. */
  for (int y = 1995; y <= 2030; y++)
    for (int d = -7; d <= 7; d++) {
      struct tm t = {0};
      t.tm_year = y - 1900; t.tm_mon = 0; t.tm_mday = 1 + d; t.tm_hour = 12;
      timegm(&t);
      char buf[64];
      strftime(buf, sizeof buf, "%F %a %G %g %V %U %W %u %w %j", &t);
      check_puts("iso "); check_puts(buf); check_puts("\n");
    }
  /* mktime/timegm normalization of out-of-range fields. */
  for (int i = 0; i < 400; i++) {
    struct tm t = {0};
    t.tm_year = (int)rrange(-300, 300);
    t.tm_mon = (int)rrange(-40, 40);
    t.tm_mday = (int)rrange(-400, 400);
    t.tm_hour = (int)rrange(-100, 100);
    t.tm_min = (int)rrange(-5000, 5000);
    t.tm_sec = (int)rrange(-100000, 100000);
    t.tm_isdst = i % 2 ? 0 : -1;
    struct tm u = t;
    time_t a = mktime(&t);
    time_t b = timegm(&u);
    check_puts("norm "); check_putl((long long)a); put_tm(&t);
    check_puts(" | "); check_putl((long long)b); put_tm(&u); check_puts("\n");
  }
  /* Far years. */
  {
    struct tm t = {0};
    t.tm_year = 0x7fffffff - 1900; t.tm_mday = 1;
    errno = 0;
    check_puts("far-max "); check_putl((long long)timegm(&t)); check_puts("\n");
    struct tm v = {0};
    v.tm_year = 0x7fffffff; v.tm_mon = 12; v.tm_mday = 1;
    errno = 0;
    time_t r = timegm(&v);
    check_puts("far-over "); check_putl((long long)r); check_puts(r == -1 && errno == EOVERFLOW ? " EOVERFLOW\n" : " ?\n");
  }
  /* strftime buffer sizes: the result must fit with its NUL. */
  {
    time_t t0 = 1700000000;
    struct tm t;
    gmtime_r(&t0, &t);
    char buf[64];
    for (size_t max = 0; max < 24; max++) {
      buf[0] = 'x';
      size_t n = strftime(buf, max, "%Y-%m-%d %H:%M:%S", &t);
      check_puts("max "); check_putl((long long)max); check_puts(" "); check_putl((long long)n);
      if (n) { check_puts(" "); check_puts(buf); }
      check_puts("\n");
    }
    check_puts("empty "); check_putl((long long)strftime(buf, sizeof buf, "", &t)); check_puts("\n");
  }
  /* asctime / ctime / difftime. */
  long long at[] = {0, 1700000000, -1, 253402300799LL, 253402300800LL, -62135596800LL, -62198755200LL};
  for (unsigned i = 0; i < sizeof at / sizeof *at; i++) {
    time_t t = (time_t)at[i];
    struct tm g;
    gmtime_r(&t, &g);
    char buf[26];
    char *r = asctime_r(&g, buf);
    check_puts("asctime_r "); check_puts(r ? r : "NULL\n");
    check_puts("asctime "); check_puts(asctime(&g));
    check_puts("ctime "); check_puts(ctime(&t));
    char *c = ctime_r(&t, buf);
    check_puts("ctime_r "); check_puts(c ? c : "NULL\n");
  }
  {
    struct tm odd = {0};
    odd.tm_wday = 9; odd.tm_mon = -1; odd.tm_mday = 5; odd.tm_hour = -3; odd.tm_year = 100;
    check_puts("asctime-odd "); check_puts(asctime(&odd));
  }
  double dd[] = {difftime(10, 3), difftime(3, 10), difftime(0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1),
                 difftime(1700000000, 0)};
  for (unsigned i = 0; i < 4; i++) { check_puts("difftime "); check_putl((long long)(dd[i] / 1024)); check_puts("\n"); }
  return 0;
}
