/* Program start with `int main(void)` (clang's `__main_void`): no argument
 * fetching; the return value is the exit status. */
#include "check.h"

int main(void) {
  CHECK(1);
  return CHECK_DONE();
}
