/* A float conversion inside a float conversion: a fopencookie stream with a
 * 16-byte buffer whose write function itself formats doubles, so the inner
 * snprintf runs while the outer fprintf is writing its digits (issue 12:
 * the formatter's shared scratch must not be reused under it). Only
 * chunking-independent facts are printed. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

static char got[4096];
static size_t got_len;
static int calls, bad;
static char want_inner[64];

static ssize_t wr(void *c, const char *b, size_t n) {
    (void)c;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.17g", 1.0 / 3);
    if (strcmp(tmp, want_inner) != 0) bad++;
    calls++;
    if (got_len + n < sizeof got) {
        memcpy(got + got_len, b, n);
        got_len += n;
    }
    return (ssize_t)n;
}

int main(void) {
    snprintf(want_inner, sizeof want_inner, "%.17g", 1.0 / 3);
    cookie_io_functions_t io = {.write = wr};
    FILE *f = fopencookie(NULL, "w", io);
    if (!f) return 1;
    static char small[16];
    setvbuf(f, small, _IOFBF, sizeof small);
    fprintf(f, "%.300f|%.40e|%.17g|%a\n", 1e200, 2.0 / 3, 0.1, 1.0 / 7);
    fprintf(f, "%.1074f\n", 4.9406564584124654e-324);
    fclose(f);
    got[got_len] = 0;
    printf("%s", got);
    printf("inner: %s, write calls >= 2: %s, wrong inner results: %d\n", want_inner, calls >= 2 ? "yes" : "no", bad);
    return 0;
}
