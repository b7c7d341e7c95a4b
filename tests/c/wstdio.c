/* Wide stdio: swprintf over generated formats (flags x widths x
 * precisions x conversions, built at run time), %s/%ls/%lc/%c with
 * non-ASCII text, positional arguments, swprintf overflow, swscanf,
 * fputwc/fgetwc/ungetwc/fgetws/fwprintf/fwscanf on a file, fwide and
 * open_wmemstream. Output is byte printf of code points. Expected output:
 * glibc under setlocale(LC_ALL, "C.UTF-8") (tests/c/gen/reference.sh). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>

static void show(const wchar_t *w, int r) {
  printf("%d [", r);
  for (; *w; w++) {
    if (*w >= 32 && *w < 127) putchar((int)*w); else printf("<U+%04X>", (unsigned)*w);
  }
  printf("]\n");
}

static wchar_t *widen(const char *s, wchar_t *out) {
  int i = 0;
  for (; s[i]; i++) out[i] = (wchar_t)(unsigned char)s[i];
  out[i] = 0;
  return out;
}

int main(void) {
  wchar_t buf[256], fmt[64];
  /* (In the "C" locale glibc maps bytes 0x80..0xff to the same wide
   * values, this library and musl to 0xdf80..0xdfff: not compared.) */
  setlocale(LC_ALL, "C.UTF-8");
  static const char *flags[] = {"", "-", "+", " ", "#", "0", "-+", "0 "};
  static const char *widths[] = {"", "1", "7", "*"};
  static const char *precs[] = {"", ".0", ".3", ".*"};
  static const char convs[] = "dixXouc";
  int cases = 0;
  for (unsigned fi = 0; fi < sizeof flags / sizeof *flags; fi++)
    for (unsigned wi = 0; wi < 4; wi++)
      for (unsigned pi = 0; pi < 4; pi++)
        for (const char *c = convs; *c; c++) {
          char f[32];
          snprintf(f, sizeof f, "[%%%s%s%s%c]", flags[fi], widths[wi], precs[pi], *c);
          widen(f, fmt);
          int v = *c == 'c' ? 'q' : -42 - (int)fi * 1000;
          int r;
          if (wi == 3 && pi == 3) r = swprintf(buf, 256, fmt, 9, 4, v);
          else if (wi == 3) r = swprintf(buf, 256, fmt, -9, v);
          else if (pi == 3) r = swprintf(buf, 256, fmt, 5, v);
          else r = swprintf(buf, 256, fmt, v);
          printf("%s ", f);
          show(buf, r);
          cases++;
        }
  static const char *ffmts[] = {"%f", "%.2e", "%g", "%10.3f", "%-12.4e|", "%a", "%+.0f", "%#g", "%Lf"};
  static const double dv[] = {0.0, -1.5, 3.14159265358979, 1e30, 6.02214076e23, 1.0 / 3};
  for (unsigned i = 0; i < sizeof ffmts / sizeof *ffmts; i++)
    for (unsigned j = 0; j < sizeof dv / sizeof *dv; j++) {
      int r = i == 8 ? swprintf(buf, 256, widen(ffmts[i], fmt), (long double)dv[j])
                     : swprintf(buf, 256, widen(ffmts[i], fmt), dv[j]);
      printf("%s %g ", ffmts[i], dv[j]);
      show(buf, r);
      cases++;
    }
  printf("%d generated cases\n", cases);

  /* Strings and characters: widths and precisions count characters. */
  const char *mb = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
  const wchar_t *ws = L"w\u00e9de \u20ac\U0001F600";
  show(buf, swprintf(buf, 256, L"[%s]", mb));
  show(buf, swprintf(buf, 256, L"[%12s]", mb));
  show(buf, swprintf(buf, 256, L"[%-12.3s]", mb));
  show(buf, swprintf(buf, 256, L"[%ls]", ws));
  show(buf, swprintf(buf, 256, L"[%10ls]", ws));
  show(buf, swprintf(buf, 256, L"[%-9.2ls]", ws));
  show(buf, swprintf(buf, 256, L"[%lc%lc%3lc]", (wint_t)0xe9, (wint_t)0x1F600, (wint_t)L'x'));
  show(buf, swprintf(buf, 256, L"[%c%-3c]", 'a', 'b'));
  printf("%%c of 0xe9: %d\n", swprintf(buf, 256, L"%c", 0xe9));
  printf("%%s of bad UTF-8: %d\n", swprintf(buf, 256, L"%s", "\xff"));
  show(buf, swprintf(buf, 256, L"%5%|"));
  show(buf, swprintf(buf, 256, L"\u00e9t\u00e9 %d%%", 5));
  int n1 = 0, n2 = 0;
  show(buf, swprintf(buf, 256, L"\u00e9\u00e9%n%ls%n", &n1, ws, &n2));
  printf("%%n %d %d\n", n1, n2);
  show(buf, swprintf(buf, 256, L"%2$ls %1$d %3$5.1f", 7, L"pos", 2.25));
  show(buf, swprintf(buf, 256, L"%3$*1$.*2$d|", 6, 3, 42));
  /* Too small: -1, and what fits stays terminated. */
  for (int i = 0; i < 16; i++) buf[i] = L'#';
  int r = swprintf(buf, 4, L"%d", 12345);
  /* (C leaves the array's contents open then: glibc leaves it
   * unterminated, this library terminates what fits.) */
  printf("overflow %d [%c%c%c]\n", r, (int)buf[0], (int)buf[1], (int)buf[2]);
  r = swprintf(buf, 4, L"abc");
  printf("exact fit %d\n", r);

  /* swscanf. */
  int a = 0; unsigned u = 0; double d = 0; char s8[32] = {0}; float fl = 0;
  r = swscanf(L"  -17 0x1f 2.5e3 word 1.25", L"%d %x %lf %31s %f", &a, &u, &d, s8, &fl);
  printf("swscanf %d: %d %u %g %s %g\n", r, a, u, d, s8, (double)fl);
  wchar_t wbuf[16];
  r = swscanf(L"abc def", L"%ls", wbuf);
  printf("swscanf %%ls %d ", r);
  show(wbuf, r);
  r = swscanf(L"12:34", L"%d:%d", &a, &n1);
  printf("swscanf colon %d %d %d\n", r, a, n1);
  r = swscanf(L"", L"%d", &a);
  printf("swscanf empty %d\n", r);
  /* Non-ASCII: widths and %n count characters. */
  wchar_t w3[8] = {0}, wc1 = 0;
  r = swscanf(L"\u00e9t\u00e9 \u20ac rest", L"%ls %lc%n", wbuf, &wc1, &n1);
  printf("swscanf wide %d n %d lc %x ", r, n1, (unsigned)wc1);
  show(wbuf, r);
  r = swscanf(L"\u00e9\u00e8\u00ea\u00eb", L"%2ls%n%ls", wbuf, &n1, w3);
  printf("swscanf %%2ls %d n %d ", r, n1);
  show(wbuf, r);
  show(w3, r);
  memset(s8, 0, sizeof s8);
  r = swscanf(L"\u00e9ab", L"%2c%n", s8, &n1);
  printf("swscanf %%2c %d n %d bytes %zu %02x%02x%02x\n", r, n1, strlen(s8),
         (unsigned char)s8[0], (unsigned char)s8[1], (unsigned char)s8[2]);
  r = swscanf(L"\U0001F600\u00e9x", L"%7l[^x]x%n", wbuf, &n1);
  printf("swscanf %%l[ %d n %d ", r, n1);
  show(wbuf, r);
  r = swscanf(L"\u00e9 12", L"\u00e9 %d", &a);
  printf("swscanf literal %d %d\n", r, a);

  /* Wide I/O on a file. */
  FILE *f = fopen("w.txt", "w+");
  printf("fwide new %d\n", fwide(f, 0));
  printf("fputwc %x\n", (unsigned)fputwc(L'\u00e9', f));
  printf("fwide after %d\n", fwide(f, 0) > 0);
  fputws(L"\u20ac line\nnext \U0001F600\n", f);
  r = fwprintf(f, L"%d-%ls-%s\n", 99, L"\u00fc", "\xc3\xb6");
  printf("fwprintf %d\n", r);
  putwc(L'Z', f);
  rewind(f);
  wint_t c = fgetwc(f);
  printf("fgetwc %x\n", (unsigned)c);
  printf("ungetwc %x\n", (unsigned)ungetwc(L'\u0101', f));
  printf("after ungetwc %x\n", (unsigned)getwc(f));
  show(buf, fgetws(buf, 256, f) != NULL);
  show(buf, fgetws(buf, 4, f) != NULL);
  show(buf, fgetws(buf, 256, f) != NULL);
  int x = 0; wchar_t w1[8], w2[8];
  r = fwscanf(f, L"%d-%7l[^-]-%7ls", &x, w1, w2);
  printf("fwscanf %d %d\n", r, x);
  c = fgetwc(f);
  printf("then %x %x\n", (unsigned)c, (unsigned)fgetwc(f));
  c = fgetwc(f);
  printf("at end %x feof %d\n", (unsigned)c, feof(f) != 0);
  fclose(f);
  /* A malformed sequence: EILSEQ. */
  f = fopen("bad.txt", "w");
  fputs("a\xc3(", f);
  fclose(f);
  f = fopen("bad.txt", "r");
  printf("bad: %x", (unsigned)fgetwc(f));
  errno = 0;
  c = fgetwc(f);
  printf(" %x EILSEQ %d", (unsigned)c, errno == EILSEQ);
  printf(" ferror %d\n", ferror(f) != 0);
  fclose(f);
  f = fopen("o.txt", "w");
  r = fwide(f, -1);
  printf("fwide byte %d then %d\n", r, fwide(f, 1));
  fclose(f);

  /* open_wmemstream. */
  wchar_t *wp = NULL;
  size_t wsz = 77;
  f = open_wmemstream(&wp, &wsz);
  fwprintf(f, L"%ls=%d", L"\u00e9\u00e9", 12);
  fflush(f);
  printf("wmemstream size %zu ", wsz);
  show(wp, 0);
  for (int i = 0; i < 500; i++) fputwc(L'\u03b1', f);
  fclose(f);
  printf("grown %zu last %x nul %d\n", wsz, (unsigned)wp[wsz - 1], wp[wsz] == 0);
  free(wp);
  return 0;
}
