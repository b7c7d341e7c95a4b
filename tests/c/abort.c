/* abort() ends the program abnormally: the instance traps (the closest WASI
 * has to SIGABRT), without running atexit handlers. Output written before
 * is kept (write() is unbuffered). */
#include <stdlib.h>
#include "check.h"

static void handler(void) { check_puts("atexit handler must not run\n"); }

int main(void) {
  CHECK_EQ(atexit(handler), 0);
  check_puts("calling abort()\n");
  abort();
}
