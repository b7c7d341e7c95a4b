/* main's return value reaches the host as the exit status (on p2 any
 * non-zero status is reported as 1: WASI 0.2.0 `exit` is ok/err only). */
#include "check.h"

int main(void) {
  check_puts("returning 3 from main\n");
  return 3;
}
