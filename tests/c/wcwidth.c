/* wcwidth/wcswidth: written by tests/c/gen/gen_wcwidth.py (which code
 * points and why); expected output from glibc in C.UTF-8
 * (tests/c/gen/reference.sh wcwidth). */
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

static const unsigned ranges[][2] = {
  {0x0, 0xac},
  {0xae, 0x2ff},
  {0x300, 0x36f},
  {0x370, 0x377},
  {0x37a, 0x37f},
  {0x384, 0x38a},
  {0x38c, 0x38c},
  {0x38e, 0x3a1},
  {0x3a3, 0x3ff},
  {0x591, 0x5c7},
  {0x5d0, 0x5ea},
  {0x5ef, 0x5f4},
  {0x900, 0x97f},
  {0x1100, 0x11ff},
  {0x2000, 0x2064},
  {0x2066, 0x206f},
  {0x2e80, 0x2e99},
  {0x2e9b, 0x2ef3},
  {0x3000, 0x302d},
  {0x3030, 0x303f},
  {0x3041, 0x3096},
  {0x3099, 0x30ff},
  {0x3131, 0x3163},
  {0x3165, 0x318e},
  {0x4e00, 0x5000},
  {0xac00, 0xae00},
  {0xd7b0, 0xd7c6},
  {0xd7cb, 0xd7fb},
  {0xe000, 0xe010},
  {0xfe00, 0xfe19},
  {0xfe20, 0xfe52},
  {0xfe54, 0xfe66},
  {0xfe68, 0xfe6b},
  {0xff01, 0xff9f},
  {0xffa1, 0xffbe},
  {0xffc2, 0xffc7},
  {0xffca, 0xffcf},
  {0xffd2, 0xffd7},
  {0xffda, 0xffdc},
  {0xffe0, 0xffe6},
  {0xffe8, 0xffee},
  {0x1f300, 0x1f32c},
  {0x1f600, 0x1f64f},
  {0x20000, 0x20100},
  {0xe0100, 0xe01ef},
};

int main(void) {
  if (!setlocale(LC_ALL, "C.UTF-8")) return 1;
  for (unsigned i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
    printf("%04x:", ranges[i][0]);
    int last = -9, run = 0;
    for (unsigned c = ranges[i][0]; c <= ranges[i][1]; c++) {
      int w = wcwidth(c);
      if (w != last) {
        if (run) printf(" %dx%d", last, run);
        last = w;
        run = 0;
      }
      run++;
    }
    printf(" %dx%d\n", last, run);
  }
  static const wchar_t *s[] = {L"", L"abc", L"a\u0301b", L"\u4e2d\u6587", L"x\x7fy", L"\U0001F600!", L"\uff21\uff22"};
  for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++)
    printf("wcswidth %u: %d %d\n", i, wcswidth(s[i], 100), wcswidth(s[i], 1));
  printf("out of range %d %d\n", wcwidth(0x110000), wcwidth(-5));
  return 0;
}
