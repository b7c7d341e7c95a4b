/* string.h / strings.h beyond the basics. Differential: the expected output
 * is glibc's (tests/c/gen/reference.sh string_ext). */
#define _GNU_SOURCE
#include "check.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void put_off(const char *label, const void *base, const void *p) {
  check_puts(label);
  check_puts(" ");
  if (!p) check_puts("NULL"); else check_putl((const char *)p - (const char *)base);
  check_puts("\n");
}
static void put_str(const char *label, const char *s) {
  check_puts(label); check_puts(" [");
  check_puts(s ? s : "(null)"); check_puts("]\n");
}
static void put_int(const char *label, long long v) {
  check_puts(label); check_puts(" "); check_putl(v); check_puts("\n");
}
static int sgn(int v) { return v < 0 ? -1 : v > 0; }

static const char *words[] = {"", "a", "A", "ab", "aB", "abc", "abd", "ABC", "b", "\x80", "\xff", "a\x80", "Zz", "zZ", "[", "_"};
#define NW (sizeof words / sizeof *words)

int main(void) {
  char buf[64];
  /* strncat */
  strcpy(buf, "abc"); strncat(buf, "defgh", 3); put_str("strncat3", buf);
  strcpy(buf, "abc"); strncat(buf, "de", 10); put_str("strncat10", buf);
  strcpy(buf, "abc"); strncat(buf, "de", 0); put_str("strncat0", buf);
  /* strspn / strcspn / strpbrk */
  const char *sets[] = {"", "a", "abc", " \t", "xyz", "\x80\xff", "cba0"};
  const char *subj[] = {"", "abcabcx", "  \t hello", "xyzzy", "\x80\xff\x80q", "0123abc", "hello world"};
  for (unsigned i = 0; i < sizeof subj / sizeof *subj; i++)
    for (unsigned j = 0; j < sizeof sets / sizeof *sets; j++) {
      check_putl(i); check_puts(","); check_putl(j); check_puts(": ");
      check_putl(strspn(subj[i], sets[j])); check_puts(" ");
      check_putl(strcspn(subj[i], sets[j])); check_puts(" ");
      const char *p = strpbrk(subj[i], sets[j]);
      if (p) check_putl(p - subj[i]); else check_puts("NULL");
      check_puts("\n");
    }
  /* strstr / memmem / strcasestr */
  const char *hay = "the quick brown fox jumps over the lazy dog; aaaaab ababac";
  const char *needles[] = {"", "t", "the", "The", "dog", "g;", "fox jumps", "aaab", "ababac", "abac", "zzz", "dog; aaaaab ababac!", "QUICK", "Lazy"};
  for (unsigned i = 0; i < sizeof needles / sizeof *needles; i++) {
    put_off("strstr", hay, strstr(hay, needles[i]));
    put_off("strcasestr", hay, strcasestr(hay, needles[i]));
    put_off("memmem", hay, memmem(hay, strlen(hay), needles[i], strlen(needles[i])));
    put_off("memmem-short", hay, memmem(hay, 20, needles[i], strlen(needles[i])));
  }
  static const unsigned char bin[] = {0, 1, 2, 0, 1, 2, 3, 0, 0, 255, 0};
  static const unsigned char pat[] = {0, 1, 2, 3};
  put_off("memmem-bin", bin, memmem(bin, sizeof bin, pat, 4));
  put_off("memmem-bin2", bin, memmem(bin, sizeof bin, pat + 3, 1));
  put_off("memmem-bin3", bin, memmem(bin, sizeof bin, bin + 7, 3));
  /* strtok / strtok_r / strsep */
  char s1[] = ",,a,b;;c,,;d;";
  for (char *t = strtok(s1, ",;"); t; t = strtok(NULL, ",;")) put_str("strtok", t);
  char s2[] = "  one two\tthree  ";
  char *save;
  for (char *t = strtok_r(s2, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) put_str("strtok_r", t);
  char s3[] = ";;;";
  put_str("strtok-empty", strtok(s3, ";"));
  char s4[] = "a,,b,";
  char *sp = s4, *tok;
  while ((tok = strsep(&sp, ",")) != NULL) put_str("strsep", tok);
  /* strndup */
  char *d = strndup("hello world", 5); put_str("strndup5", d); free(d);
  d = strndup("hi", 50); put_str("strndup50", d); free(d);
  d = strndup("", 0); put_str("strndup0", d); free(d);
  /* strcoll / strxfrm */
  for (unsigned i = 0; i < NW; i++)
    for (unsigned j = 0; j < NW; j++) {
      check_putl(sgn(strcoll(words[i], words[j]))); check_puts(" ");
      check_putl(sgn(strcmp(words[i], words[j]))); check_puts(" ");
      check_putl(sgn(strcasecmp(words[i], words[j]))); check_puts(" ");
      check_putl(sgn(strncasecmp(words[i], words[j], 1))); check_puts(" ");
      check_putl(sgn(strncmp(words[i], words[j], 1))); check_puts(" ");
      check_putl(sgn(memcmp(words[i], words[j], 1))); check_puts("\n");
    }
  memset(buf, 'x', sizeof buf);
  put_int("strxfrm", strxfrm(buf, "abcdef", 3));
  put_int("strxfrm", strxfrm(buf, "abcdef", 10)); put_str("strxfrm", buf);
  /* strsignal */
  for (int i = 1; i < 32; i++) put_str("strsignal", strsignal(i));
  /* memrchr / memchr / strchr / strrchr / strchrnul / index / rindex */
  const char *m = "abcabc\0abc";
  put_off("memrchr-a", m, memrchr(m, 'a', 10));
  put_off("memrchr-a6", m, memrchr(m, 'a', 3));
  put_off("memrchr-0", m, memrchr(m, 0, 10));
  put_off("memrchr-z", m, memrchr(m, 'z', 10));
  put_off("memrchr-n0", m, memrchr(m, 'a', 0));
  put_off("memchr-c", m, memchr(m, 'c' + 256, 10));
  put_off("strchr-0", m, strchr(m, 0));
  put_off("strchrnul-z", m, strchrnul(m, 'z'));
  put_off("strchrnul-b", m, strchrnul(m, 'b'));
  put_off("index", m, index(m, 'c'));
  put_off("rindex", m, rindex(m, 'c'));
  put_off("rindex-0", m, rindex(m, 0));
  /* mempcpy / stpcpy / stpncpy / memccpy */
  memset(buf, 'x', sizeof buf);
  put_off("mempcpy", buf, mempcpy(buf, "hello", 5));
  put_off("stpcpy", buf, stpcpy(buf, "hey"));
  memset(buf, 'x', sizeof buf);
  put_off("stpncpy-short", buf, stpncpy(buf, "ab", 5));
  put_int("stpncpy-pad", buf[2] == 0 && buf[3] == 0 && buf[4] == 0 && buf[5] == 'x');
  put_off("stpncpy-long", buf, stpncpy(buf, "abcdefgh", 4));
  put_int("stpncpy-nonul", buf[4] == 0);
  memset(buf, 'x', sizeof buf);
  put_off("memccpy", buf, memccpy(buf, "key=value", '=', 9));
  put_int("memccpy-byte", buf[3] == '=' && buf[4] == 'x');
  put_off("memccpy-none", buf, memccpy(buf, "key=value", '#', 9));
  /* bzero / bcopy / bcmp / ffs */
  memset(buf, 'x', 10); bzero(buf + 2, 3);
  put_int("bzero", buf[1] == 'x' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'x');
  strcpy(buf, "0123456789"); bcopy(buf, buf + 2, 5); put_str("bcopy-overlap", buf);
  strcpy(buf, "0123456789"); bcopy(buf + 2, buf, 5); put_str("bcopy-overlap2", buf);
  put_int("bcmp-eq", bcmp("abc", "abd", 2) == 0);
  put_int("bcmp-ne", bcmp("abc", "abd", 3) != 0);
  int fv[] = {0, 1, 2, 3, 8, 0x80, 0x100, 0x40000000, -1, (int)0x80000000, 12345};
  for (unsigned i = 0; i < sizeof fv / sizeof *fv; i++) {
    put_int("ffs", ffs(fv[i]));
    put_int("ffsll", ffsll((long long)fv[i] << 31));
  }
  put_int("ffsl", ffsl(0x10L));
  /* strncpy edge cases, strnlen */
  memset(buf, 'x', sizeof buf);
  strncpy(buf, "abc", 6);
  put_int("strncpy-pad", buf[3] == 0 && buf[5] == 0 && buf[6] == 'x');
  put_int("strnlen", strnlen("abcdef", 3));
  put_int("strnlen2", strnlen("ab", 30));
  return 0;
}
