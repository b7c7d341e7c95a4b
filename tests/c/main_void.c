/* Program start with `int main(void)` (clang names it `__main_void`, so
 * the library never fetches the arguments); errno is 0 at start-up (C11
 * 7.5p3) and main's return value is the exit status. */
#include "check.h"

int main(void) {
  CHECK_EQ(errno, 0);
  check_puts("main(void) runs\n");
  return CHECK_DONE();
}
