/* pthread_cond_wait with no other thread: nothing could ever signal, so the
 * program traps instead of hanging (as wasi-libc's single-threaded build
 * does), after a message on stderr. Hand-checked. */
#include <pthread.h>
#include "check.h"

int main(void) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  pthread_mutex_lock(&m);
  check_puts("waiting\n");
  pthread_cond_wait(&c, &m);
  check_puts("woken\n");
  return 0;
}
