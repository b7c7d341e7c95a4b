/* regex: hand-checked cases where glibc and wasi-libc (TRE) agree with each
 * other but not with POSIX (XBD 9.1, "Regular Expression Definitions":
 * "consistent with the whole match being the longest of the leftmost
 * matches, each subpattern, from left to right, shall match the longest
 * possible string"), and regerror's contract. */
#include <regex.h>
#include <string.h>
#include "check.h"

static regmatch_t m[10];

static int run(const char *pat, int cflags, const char *s) {
  regex_t re;
  if (regcomp(&re, pat, cflags) != 0) return -100;
  int r = regexec(&re, s, 10, m, 0);
  regfree(&re);
  return r;
}

#define SPAN(k, so, eo) CHECK(m[k].rm_so == (so) && m[k].rm_eo == (eo))

int main(void) {
  /* The classic: the whole match is "abcd" either way; (a|ab) is the
   * leftmost subpattern, so it takes "ab". glibc and TRE give (0,1)(1,4)(4,4). */
  CHECK_EQ(run("(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd"), 0);
  SPAN(0, 0, 4); SPAN(1, 0, 2); SPAN(2, 2, 3); SPAN(3, 3, 4);
  /* The first iteration of the loop takes the longest span ("baaac", by
   * b(a{2,3}c)?), the second "b"; glibc and TRE end with \1 = (4,6). */
  CHECK_EQ(run("([^a]*(b+b|a|a?)|b(a{2,3}c)?|a*.)+|a+[^bc]?|^ac+c{1,2}", REG_EXTENDED, "baaacb"), 0);
  SPAN(0, 0, 6); SPAN(1, 5, 6);

  /* regerror: the size of the whole message, a truncated NUL-terminated copy. */
  char buf[64], small[4];
  size_t n = regerror(REG_NOMATCH, 0, buf, sizeof buf);
  CHECK(n == strlen(buf) + 1 && n > 1);
  CHECK_EQ(regerror(REG_NOMATCH, 0, small, sizeof small), n);
  CHECK(strlen(small) == 3 && memcmp(small, buf, 3) == 0);
  CHECK_EQ(regerror(REG_EBRACK, 0, 0, 0), regerror(REG_EBRACK, 0, buf, sizeof buf));
  for (int e = REG_NOMATCH; e <= REG_BADRPT; e++) {
    regerror(e, 0, buf, sizeof buf);
    CHECK(buf[0] != 0);
  }
  /* Hostile patterns: deep nesting and huge counts are refused or matched,
   * never a crash. */
  static char deep[4000];
  for (int i = 0; i < 1000; i++) { deep[i] = '('; deep[1999 - i] = ')'; }
  regex_t re;
  int r = regcomp(&re, deep, REG_EXTENDED);
  CHECK(r == 0 || r == REG_ESPACE);
  if (r == 0) regfree(&re);
  r = regcomp(&re, "((((a{1,100}){1,100}){1,100}){1,100})", REG_EXTENDED);
  CHECK(r == REG_ESPACE);
  /* (a*)*b against many a's: polynomial, no blow-up. */
  static char as[3001];
  memset(as, 'a', 3000);
  CHECK_EQ(run("(a*)*b", REG_EXTENDED, as), REG_NOMATCH);
  CHECK_EQ(run("(a|aa)*$", REG_EXTENDED, as), 0);
  SPAN(0, 0, 3000);
  /* Back-references: a bounded search (REG_ESPACE past its budget, never a hang). */
  as[40] = 0;
  r = run("\\(a*\\)*\\(a*\\)*\\1\\2x", 0, as);
  CHECK(r == REG_NOMATCH || r == REG_ESPACE);
  return CHECK_DONE();
}
