/* Reads one number per line on stdin; prints strtod/strtof/strtold bits and
 * ERANGE for each. Driven by fuzz_strtod.py. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
static char in[1 << 25];
static void hex(const void *p, int n, char *o) { const unsigned char *b = p; for (int i = n - 1; i >= 0; i--) { *o++ = "0123456789abcdef"[b[i] >> 4]; *o++ = "0123456789abcdef"[b[i] & 15]; } *o = 0; }
int main(void) {
  size_t len = 0; ssize_t r;
  while ((r = read(0, in + len, sizeof in - 1 - len)) > 0) len += r;
  in[len] = 0;
  char *p = in;
  static char out[200];
  while (*p) {
    char *nl = strchr(p, '\n'); if (!nl) break; *nl = 0;
    char *e; int k = 0;
    errno = 0; double d = strtod(p, &e); int ed = errno;
    errno = 0; float f = strtof(p, &e); int ef = errno;
    errno = 0; long double l = strtold(p, &e); int el = errno;
    hex(&d, 8, out); k = strlen(out); out[k++] = ed ? 'R' : '-'; out[k++] = ' ';
    hex(&f, 4, out + k); k = strlen(out); out[k++] = ef ? 'R' : '-'; out[k++] = ' ';
    hex(&l, 16, out + k); k = strlen(out); out[k++] = el ? 'R' : '-'; out[k++] = '\n';
    write(1, out, k);
    p = nl + 1;
  }
  return 0;
}
