/* quick_exit runs the at_quick_exit handlers, last first, and neither the
 * atexit handlers nor a stdio flush. Expected output: glibc
 * (tests/c/gen/reference.sh quick_exit). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void q1(void) { write(1, "q1\n", 3); }
static void q2(void) { write(1, "q2\n", 3); }
static void a(void) { write(1, "atexit\n", 7); }

int main(void) {
  atexit(a);
  at_quick_exit(q1);
  at_quick_exit(q2);
  printf("buffered, never flushed");
  write(1, "main\n", 5);
  quick_exit(3);
}
