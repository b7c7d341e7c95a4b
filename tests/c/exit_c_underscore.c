/* _Exit() (C99) ends the program at once with its status: no atexit
 * handlers. */
#include <stdlib.h>
#include "check.h"

static void handler(void) { check_puts("atexit handler must not run\n"); }

int main(void) {
  CHECK_EQ(atexit(handler), 0);
  check_puts("calling _Exit(9)\n");
  _Exit(9);
  check_puts("not reached\n");
  return 0;
}
