/* exit(EXIT_SUCCESS) after output on both streams: status 0 reaches the
 * host, and what was written before exit is all there. */
#include <stdlib.h>
#include "check.h"

int main(void) {
  CHECK_EQ(EXIT_SUCCESS, 0);
  CHECK(EXIT_FAILURE != 0);
  CHECK_EQ(write(2, "stderr before exit\n", 19), 19);
  exit(EXIT_SUCCESS);
}
