/* assert: NDEBUG disables it (the expression is not evaluated), and each
 * inclusion of <assert.h> follows the current NDEBUG. */
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
  assert(calls == 1 && "still fine");
  CHECK_EQ(calls, 1);
  return CHECK_DONE();
}
