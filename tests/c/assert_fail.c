/* A failing assert reports on stderr and aborts. abort() traps the
 * instance: wasmtime exits with 134 on p1, like glibc's SIGABRT (p2 would
 * report it differently, so this test is p1-only). */
#include "check.h"
#include <assert.h>

int main(void) {
  int calls = 1;
  check_puts("about to fail\n");
  assert(calls == 2 && "deliberate");
  check_puts("not reached\n");
  return 0;
}
