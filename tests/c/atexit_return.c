/* Returning from main is exit(status): the atexit handlers run (POSIX
 * requires room for at least 32 of them: ATEXIT_MAX >= 32), and the same
 * function may be registered several times. */
#include <stdlib.h>
#include "check.h"

static int counted;
static void count(void) { counted++; }
static void report(void) {
  check_puts("report runs last, after ");
  check_putl(counted);
  check_puts(" count handlers\n");
}

int main(void) {
  int failed = 0;
  if (atexit(report) != 0) failed++;
  for (int i = 0; i < 31; i++)
    if (atexit(count) != 0) failed++;
  CHECK_EQ(failed, 0);
  check_puts("returning 0 from main\n");
  return CHECK_DONE();
}
