/* ctype.h in the C locale: every class and conversion for EOF and every
 * unsigned char value. Differential against glibc. */
#include "check.h"
#include <ctype.h>


/* EOF is stdio.h's; -1 on both. */
#ifndef EOF
#define EOF (-1)
#endif

/* Call the functions, not macros (glibc defines macros too). */
typedef int (*fn)(int);
static fn fns[] = {isalnum, isalpha, isblank, iscntrl, isdigit, isgraph, islower,
                   isprint, ispunct, isspace, isupper, isxdigit, isascii};

int main(void) {
  for (int c = EOF; c < 256; c++) {
    char line[40];
    int n = 0;
    check_putl(c);
    check_puts(" ");
    for (unsigned i = 0; i < sizeof fns / sizeof *fns; i++) line[n++] = fns[i](c) ? '1' : '0';
    line[n] = 0;
    check_puts(line);
    check_puts(" ");
    check_putl((tolower)(c));
    check_puts(" ");
    check_putl((toupper)(c));
    check_puts(" ");
    check_putl((toascii)(c));
    check_puts("\n");
  }
  return 0;
}
