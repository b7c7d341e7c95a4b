/* exit() runs the atexit handlers in reverse order of registration, then
 * ends the program with its status. A handler registered while the handlers
 * run is called next (C11 7.22.4.4: "a function is called after any
 * previously registered functions that had already been called at the time
 * it was registered"). Code after exit() never runs. */
#include <stdlib.h>
#include "check.h"

static void late(void) { check_puts("late handler (registered during exit)\n"); }
static void first(void) { check_puts("handler 1\n"); }
static void second(void) { check_puts("handler 2\n"); }
static void third(void) {
  check_puts("handler 3 registers another one\n");
  CHECK_EQ(atexit(late), 0);
}

static void leave(int status) {
  check_puts("calling exit(5)\n");
  exit(status);
}

int main(void) {
  CHECK_EQ(atexit(first), 0);
  CHECK_EQ(atexit(second), 0);
  CHECK_EQ(atexit(third), 0);
  leave(5);
  check_puts("not reached\n");
  return 0;
}
