/* The *_unlocked functions, stdio_ext.h, getw/putw, fgetln-free line
 * reading, the 64-bit names and __isoc99_sscanf on files in the test's
 * directory. Expected output: glibc (tests/c/gen/reference.sh); a
 * wasi-libc p1 run (tests/c/ref-wasi-libc.sh) prints the same. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>

/* (glibc has no iprintf: its line is printed by printf there.) */
int __isoc99_sscanf(const char *, const char *, ...);

int main(void) {
  FILE *f = fopen64("u.txt", "w+");
  printf("fopen64 %s\n", f ? "ok" : "fail");
  printf("writable %d readable %d\n", __fwritable(f) != 0, __freadable(f) != 0);
  fputc_unlocked('a', f);
  printf("bufsize>0 %d lbf %d\n", __fbufsize(f) > 0, __flbf(f));
  putc_unlocked('b', f);
  fputs_unlocked("cd\n", f);
  fwrite_unlocked("efg\n", 1, 4, f);
  printf("pending %zu writing %d reading %d\n", __fpending(f), __fwriting(f) != 0, __freading(f) != 0);
  int r = fflush_unlocked(f);
  printf("fflush_unlocked %d pending %zu\n", r, __fpending(f));
  putw(0x41424344, f);
  putw(-2, f);
  fputs("tail line\n", f);
  printf("ftello64 %lld\n", (long long)ftello64(f));
  fpos64_t pos;
  fseeko64(f, 0, SEEK_SET);
  fgetpos64(f, &pos);
  int c1 = fgetc_unlocked(f);
  int c2 = getc_unlocked(f);
  printf("fgetc_unlocked %c getc_unlocked %c\n", c1, c2);
  printf("reading %d writing %d\n", __freading(f) != 0, __fwriting(f) != 0);
  char line[32];
  printf("fgets_unlocked %s", fgets_unlocked(line, sizeof line, f));
  char buf[8] = {0};
  size_t n = fread_unlocked(buf, 1, 4, f);
  printf("fread_unlocked %zu %s", n, buf);
  int w1 = getw(f);
  int w2 = getw(f);
  printf("getw %x %d\n", w1, w2);
  printf("fileno_unlocked same %d\n", fileno_unlocked(f) == fileno(f));
  fsetpos64(f, &pos);
  printf("after fsetpos64 %c\n", fgetc(f));
  fseek(f, 0, SEEK_END);
  int w3 = getw(f);
  printf("getw at end %d feof %d ferror %d\n", w3, feof_unlocked(f), ferror_unlocked(f));
  clearerr_unlocked(f);
  printf("clearerr_unlocked feof %d\n", feof(f));
  fseek(f, 0, SEEK_SET);
  fgetc(f);
  __fpurge(f);
  printf("after __fpurge ftell %ld\n", ftell(f));
  printf("fsetlocking %d\n", __fsetlocking(f, FSETLOCKING_BYCALLER));
  _flushlbf();
  fclose(f);
  f = freopen64("u.txt", "r", stdin);
  printf("freopen64 %s\n", f ? "ok" : "fail");
  int a = 0, b = 0;
  r = __isoc99_sscanf("12 34", "%d %d", &a, &b);
  printf("isoc99_sscanf %d %d %d\n", r, a, b);
  fflush(stdout);
#ifdef __GLIBC__
  printf("iprintf %d\n", 17);
  fflush(stdout);
  r = 11;
#else
  r = iprintf("iprintf %d\n", 17);
#endif
  printf("iprintf returned %d\n", r);
  return 0;
}
