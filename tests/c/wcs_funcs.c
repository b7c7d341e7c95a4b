/* Wide string and memory functions over a set of strings (all pairs):
 * expected output from glibc (tests/c/gen/reference.sh wcs_funcs). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *strs[] = {
  L"", L"a", L"abc", L"abd", L"ab", L"ABC", L"AbC", L"b", L"abcabc", L"bca", L"\u00e9t\u00e9", L"\u00c9T\u00c9",
  L"\u03a3\u03c3\u03c2", L"\u03c3\u03c3\u03c3", L"x\U0001F600y", L"\U0001F600", L"  \t a b ", L", ;x;,y,", L"\xffffff",
  L"\x7fffffff", L"cab", L"aaa", L"aab",
};
#define N (sizeof strs / sizeof strs[0])

static int sgn(int x) { return (x > 0) - (x < 0); }
static long off(const wchar_t *p, const wchar_t *base) { return p ? (long)(p - base) : -1; }

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  for (unsigned i = 0; i < N; i++) {
    const wchar_t *a = strs[i];
    printf("%u len %zu nlen2 %zu chr_a %ld chr_0 %ld rchr_a %ld rchr_c %ld\n", i, wcslen(a), wcsnlen(a, 2),
           off(wcschr(a, L'a'), a), off(wcschr(a, 0), a), off(wcsrchr(a, L'a'), a), off(wcsrchr(a, L'c'), a));
    for (unsigned j = 0; j < N; j++) {
      const wchar_t *b = strs[j];
      size_t la = wcslen(a), lb = wcslen(b), m = la < lb ? la : lb;
      printf(" %u,%u cmp %d ncmp2 %d case %d ncase2 %d coll %d mem %d spn %zu cspn %zu pbrk %ld str %ld\n", i, j,
             sgn(wcscmp(a, b)), sgn(wcsncmp(a, b, 2)), sgn(wcscasecmp(a, b)), sgn(wcsncasecmp(a, b, 2)),
             sgn(wcscoll(a, b)), sgn(wmemcmp(a, b, m)), wcsspn(a, b), wcscspn(a, b), off(wcspbrk(a, b), a),
             off(wcsstr(a, b), a));
    }
  }
  wchar_t buf[64], *p;
  wmemset(buf, L'Z', 64);
  p = wcpcpy(buf, L"hello");
  printf("wcpcpy %ld %ls\n", (long)(p - buf), buf);
  wcscat(buf, L" world");
  printf("wcscat %ls %zu\n", buf, wcslen(buf));
  wcsncat(buf, L"!!!", 2);
  printf("wcsncat %ls\n", buf);
  wmemset(buf, L'Z', 64);
  p = wcpncpy(buf, L"abc", 6);
  printf("wcpncpy %ld %d %d %d\n", (long)(p - buf), buf[3], buf[5], buf[6]);
  p = wcpncpy(buf, L"abcdef", 3);
  printf("wcpncpy short %ld %d\n", (long)(p - buf), buf[3]);
  wcsncpy(buf, L"xy", 4);
  printf("wcsncpy %d %d %d\n", buf[1], buf[2], buf[3]);
  wcscpy(buf, L"0123456789");
  wmemmove(buf + 2, buf, 5);
  printf("wmemmove %ls\n", buf);
  wmemmove(buf, buf + 3, 5);
  printf("wmemmove2 %ls\n", buf);
  wmemcpy(buf, L"QQ", 2);
  printf("wmemcpy %ls chr %ld\n", buf, off(wmemchr(buf, L'7', 10), buf));
  printf("wmemchr none %ld\n", off(wmemchr(buf, L'7', 3), buf));
  wchar_t *d = wcsdup(L"dup\u00e9");
  printf("wcsdup %ls %zu\n", d, wcslen(d));
  free(d);
  wchar_t tok[] = L"  a,b;;c  d,";
  wchar_t *save = 0;
  for (wchar_t *t = wcstok(tok, L" ,;", &save); t; t = wcstok(NULL, L" ,;", &save)) printf("tok [%ls]\n", t);
  wchar_t x[8];
  printf("wcsxfrm %zu %ls\n", wcsxfrm(x, L"abc", 8), x);
  printf("wcsxfrm small %zu\n", wcsxfrm(x, L"abcdefghij", 4));
  return 0;
}
