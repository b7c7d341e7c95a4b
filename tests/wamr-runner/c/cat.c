/* Copies stdin to stdout through a heap buffer, then reports the byte and
 * line counts and echoes its arguments (argc/argv start-up path). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void put(const char *s) { write(STDOUT_FILENO, s, strlen(s)); }

static void put_num(unsigned long n) {
    char buf[24];
    int i = sizeof buf;
    buf[--i] = 0;
    do {
        buf[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    put(buf + i);
}

int main(int argc, char **argv) {
    size_t cap = 1000; /* odd size: several reads per input */
    char *buf = malloc(cap);
    if (!buf) return 2;
    unsigned long bytes = 0, lines = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, cap);
        if (n < 0) return 3;
        if (n == 0) break;
        for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
        bytes += (unsigned long)n;
        if (write(STDOUT_FILENO, buf, (size_t)n) != n) return 4;
    }
    free(buf);
    put("bytes=");
    put_num(bytes);
    put(" lines=");
    put_num(lines);
    put(" args:");
    for (int i = 1; i < argc; i++) {
        put(" ");
        put(argv[i]);
    }
    put("\n");
    return 0;
}
