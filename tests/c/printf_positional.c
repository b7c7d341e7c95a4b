/* printf: POSIX `%n$` positional arguments, and the routing of <stdio.h>'s
 * printf macros (integer-only calls, float calls, wide strings, many
 * arguments). Expected output from glibc (tests/c/gen/reference.sh). */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

static char buf[512];
#define T(...) do { int r_ = snprintf(buf, sizeof buf, __VA_ARGS__); printf("%d %d:%s\n", __LINE__, r_, buf); } while (0)

int main(void) {
    /* positional: reordered, repeated, mixed sizes and types */
    T("%2$s %1$s", "world", "hello");
    T("%1$d %1$d %1$x", 255);
    T("%3$d %1$lld %2$hhd", 1LL << 40, 300, -7);
    T("%2$.3f %1$d %3$e", 5, 2.5, 1e-3);
    T("%4$Lf|%1$c|%3$lld|%2$g", 'z', 0.1, -1LL, 1.5L);
    T("%1$*2$d|", 42, 8);
    T("%1$-*2$d|", 42, 8);
    T("%1$.*2$f|", 3.14159, 2);
    T("%3$*1$.*2$x|", 10, 4, 0xabc);
    T("%2$s%%%1$d", 7, "pct");
    T("%1$p %2$p", (void *)0, (void *)0x1234);
    T("%5$d %4$d %3$d %2$d %1$d", 1, 2, 3, 4, 5);
    T("%12$d %1$d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    T("%2$ls|%1$lc", L'A', L"wide");
    {
        int n1 = -1, n2 = -1;
        T("%1$s%2$n-%1$s%3$n", "ab", &n1, &n2);
        printf("%d %d\n", n1, n2);
    }
    /* the macros' choices: no float, float, wide, over 16 arguments */
    T("%d %u %x %o %c %s %p", -1, 2u, 255u, 8u, 'q', "s", (void *)0);
    T("%.2f %d", 1.005, 3);
    T("%d %f", 3, 2.0f);
    T("%Lg", 1e300L);
    T("%ls %d", L"abc", 1);
    T("%S!", L"xyz");
    T("%lc%lc", L'o', L'k');
    T("%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    T("%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %g", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17.5);
    printf("plain\n");
    printf("%s\n", "s only");
    fprintf(stdout, "%d %s\n", 1, "fprintf");
    fprintf(stdout, "%.1f\n", 0.25);
    sprintf(buf, "%05d", 42);
    puts(buf);
    sprintf(buf, "%05.1f", 4.25);
    puts(buf);
    {
        int (*fp)(const char *, ...) = printf;
        fp("%s %.3e\n", "via pointer", 12345.678);
        (printf)("%s %g\n", "parenthesized", 0.5);
    }
    return 0;
}
