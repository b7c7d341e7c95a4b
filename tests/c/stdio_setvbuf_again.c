/* setvbuf called again without a buffer after the program gave one: the
 * stream stops using the program's buffer (which it then frees and
 * scribbles over) and takes its own back. Expected output from glibc
 * (tests/c/gen/reference.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *b = malloc(64);
    setvbuf(stdout, b, _IOFBF, 64);
    printf("a %d\n", 1);
    fflush(stdout);
    setvbuf(stdout, NULL, _IONBF, 0);
    memset(b, 'X', 64);
    free(b);
    /* Likely the same memory again: printf must not write into it. */
    char *c = malloc(64);
    memset(c, 'Z', 63);
    c[63] = 0;
    printf("b %d %s\n", 2, "unbuffered");
    fputs("c\n", stdout);
    printf("%s\n", strspn(c, "Z") == 63 ? "intact" : "clobbered");
    free(c);
    return 0;
}
