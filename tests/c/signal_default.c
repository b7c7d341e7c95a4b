/* raise of a signal whose default action ends the program, with SIG_DFL:
 * like wasi-libc's signal emulation, a message on stderr and abort (a
 * trap; checked against a run of wasi-libc with -lwasi-emulated-signal:
 * "Program recieved termination signal: Terminated", then abort). */
#include <signal.h>
#include <stdio.h>

int main(void) {
  printf("before\n");
  fflush(stdout);
  raise(SIGTERM);
  printf("not reached\n");
  return 0;
}
