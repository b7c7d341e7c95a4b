/* Wide stdio on the standard streams: wprintf, putwchar, fputws and
 * vwprintf to stdout; getwchar, fgetws, ungetwc and wscanf from stdin
 * (UTF-8 text). Expected output: glibc under setlocale(LC_ALL,
 * "C.UTF-8") (tests/c/gen/reference-stdio.sh). */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>
#include <locale.h>

static int vw(const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vwprintf(fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  int r = wprintf(L"caf\u00e9 %d %ls %s %5.2f|\n", 42, L"\u20ac", "\xc3\xbc", 3.14159);
  wprintf(L"wprintf returned %d, fwide %d\n", r, fwide(stdout, 0) > 0);
  putwchar(L'\U0001F600');
  putwchar(L'\n');
  fputws(L"fputws \u00e0\u00e8\n", stdout);
  r = vw(L"%-6ls|%6s|%lc\n", L"\u03b1\u03b2", "\xce\xb3", (wint_t)0x3b4);
  wprintf(L"vwprintf returned %d\n", r);
  wint_t c = getwchar();
  wprintf(L"getwchar %x\n", (unsigned)c);
  wprintf(L"ungetwc %x\n", (unsigned)ungetwc(c, stdin));
  wchar_t line[64];
  if (fgetws(line, 64, stdin)) wprintf(L"fgetws [%ls]", line);
  int n = 0;
  wchar_t word[16];
  r = wscanf(L"%d %15ls", &n, word);
  wprintf(L"wscanf %d: %d [%ls]\n", r, n, word);
  while ((c = getwchar()) != WEOF) wprintf(L"<%x>", (unsigned)c);
  wprintf(L"\nend %d\n", feof(stdin) != 0);
  return 0;
}
