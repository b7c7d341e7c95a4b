/* pthread_exit in the only thread: cleanup handlers (innermost first), then
 * the thread-specific destructors, then the process ends with status 0
 * (atexit handlers run, stdout is flushed). Expected output: a glibc run
 * (tests/c/gen/reference.sh pthread_exit). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void cleanup(void *p) { printf("cleanup %s\n", (const char *)p); }
static void dtor(void *p) { printf("destructor %s\n", (const char *)p); }
static void at_exit(void) { printf("atexit\n"); }

int main(void) {
  pthread_key_t k;
  atexit(at_exit);
  pthread_key_create(&k, dtor);
  pthread_setspecific(k, "value");
  pthread_cleanup_push(cleanup, "outer");
  pthread_cleanup_push(cleanup, "inner");
  printf("exiting\n");
  pthread_exit(0);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return 3;
}
