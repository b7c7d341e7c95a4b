/* sscanf's return value when input runs out or stops matching: suppressed
 * conversions followed by end of input (EOF, not 0), %n at the end, literal
 * and whitespace directives at the end, whitespace-only input, and every
 * conversion after each kind of suppressed one. The cases are generated at
 * run time from the tables below (inputs x prefixes x conversions x
 * suffixes). Each line: case number, input, format, return value and the
 * bytes each of three destinations received (up to the last changed one).
 * Expected output: glibc (tests/c/gen/reference.sh scanf_eof). `%Nc` with
 * fewer than N characters left, where glibc 2.36 departs from C11, is in
 * scanf_nc.c. Only types of the same size on x86_64 and wasm32 are used
 * (no long, size_t, pointers or long double). */
#include <stdio.h>
#include <string.h>

static const char *const inputs[] = {
  "", " ", "\t\n ", "1", "1 ", "12 34", "y", "8\t", "x", "1x", "-", "+ 1",
  "0x", "1e", "1e+", "abc", "abc def", "hello, world\n", "%", " % ", "a%b",
  "-7 y", "inf", "nan(", ":", "x1", "\n1\n",
};

static const char *const prefixes[] = {
  "", "%*s", "%*d", "%*c", "%*[a-z]", "%*s ", "%*d%*s", "%*s%n", " %*s",
  "%*1s", "%*x", "%*lg", "%*i%*c", "x", " ", "%%",
};

/* Each conversion fills destination 1 (or none). */
static const char *const convs[] = {
  "%d", "%2x", "%lg", "%f", "%s", "%c", "%[a-z]", "%[^a]", "%n", "%i",
  "%o", "%u", "%hhd", "%hd", "%lld", "%jd", "%e", "%la", "%%", "x", " ",
  "%1c", "%lc", "%ls", "%2s", "%3[0-9]", " %c", " %n", "%*d", "",
};

static const char *const suffixes[] = { "", "%n", "%d", " %c", "%*s%n", "y" };

static unsigned char buf[3][64];
static int ncase;

static void run(const char *in, const char *fmt) {
  memset(buf, 0xa5, sizeof buf);
  int r = sscanf(in, fmt, buf[0], buf[1], buf[2]);
  printf("%d [", ++ncase);
  for (const char *p = in; *p; p++)
    if (*p >= ' ' && *p < 127) putchar(*p); else printf("\\%o", (unsigned char)*p);
  printf("] [%s] %d", fmt, r);
  for (int i = 0; i < 3; i++) {
    int last = 64;
    while (last > 0 && buf[i][last - 1] == 0xa5) last--;
    printf(" ");
    for (int j = 0; j < last; j++) printf("%02x", buf[i][j]);
    if (!last) printf("-");
  }
  printf("\n");
}

int main(void) {
  char fmt[64];
  const int ni = sizeof inputs / sizeof *inputs, np = sizeof prefixes / sizeof *prefixes;
  const int nc = sizeof convs / sizeof *convs, ns = sizeof suffixes / sizeof *suffixes;
  for (int i = 0; i < ni; i++)
    for (int p = 0; p < np; p++)
      for (int c = 0; c < nc; c++) {
        /* The destination numbers: a %n in the prefix takes the first. */
        snprintf(fmt, sizeof fmt, "%s%s", prefixes[p], convs[c]);
        run(inputs[i], fmt);
        /* The suffixes after a shorter selection of prefixes. */
        if (p < 4 || p == 7 || p == 13)
          for (int s = 1; s < ns; s++) {
            snprintf(fmt, sizeof fmt, "%s%s%s", prefixes[p], convs[c], suffixes[s]);
            run(inputs[i], fmt);
          }
      }
  /* Two and three conversions, the second or third at the end of input. */
  static const char *const multi[][2] = {
    {"8\t", "%*s%2x"}, {"y", "%*s%lg"}, {"1 2", "%d%d%d"}, {"1 2", "%*d%*d%d"},
    {"1 2 ", "%*d%*d%d"}, {"1 2 ", "%d%*d%d"}, {"ab", "%c%c%c"}, {"ab", "%*c%*c%c"},
    {"ab", "%*c%*c%n"}, {"ab", "%*c%*c%*c%n"}, {"a b", "%*s%*s%s"}, {"a b", "%*s%*s%n"},
    {"a", "%*s %n"}, {"a", "%*sa"}, {"a", "%*s%%"}, {"a ", "%*s %%"}, {"1.5", "%*f%*f"},
    {"1.5 x", "%*f%f"}, {"1.5 ", "%*f%f"}, {"", "%*d%n"}, {"", "%n%*d"}, {" ", "%n%*d%n"},
    {"hello, world\n", "%8c%5c"}, {"hello, world\n", "%*8c%5c"}, {"hello, world\n", "%5c%*8c%n"},
  };
  for (unsigned k = 0; k < sizeof multi / sizeof *multi; k++) run(multi[k][0], multi[k][1]);
  return 0;
}
