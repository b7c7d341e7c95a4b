/* assert: a passing assert, NDEBUG re-inclusion, then a failing assert
 * that reports on stderr and aborts (expected status: abort's). */
#include "check.h"
#define NDEBUG
#include <assert.h>

static int calls;
static int bump(void) { return ++calls; }

int main(void) {
  assert(bump() == 100); /* NDEBUG: not evaluated */
  CHECK_EQ(calls, 0);
#undef NDEBUG
#include <assert.h>
  assert(bump() == 1);
  CHECK_EQ(calls, 1);
  check_puts("about to fail\n");
  assert(calls == 2 && "deliberate");
  check_puts("not reached\n");
  return 0;
}
