/* exit(EXIT_FAILURE): a non-zero status reaches the host. */
#include <stdlib.h>
#include "check.h"

int main(void) {
  check_puts("exit(EXIT_FAILURE)\n");
  exit(EXIT_FAILURE);
}
