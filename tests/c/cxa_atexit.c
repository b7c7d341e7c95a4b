/* __cxa_atexit: C++ static destructors and atexit handlers run at exit in
 * reverse order of registration, interleaved; __cxa_finalize runs the
 * entries of one DSO handle once (exit skips them later); handlers
 * registered while exit runs them run too. Expected output: glibc
 * (tests/c/gen/reference.sh cxa_atexit). */
#include <stdio.h>
#include <stdlib.h>

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);
int __cxa_thread_atexit_impl(void (*f)(void *), void *obj, void *dso);
extern void *__dso_handle;

static int other_dso;

static void dtor(void *arg) { printf("dtor %s\n", (const char *)arg); }
static void a1(void) { printf("atexit 1\n"); }
static void a2(void) { printf("atexit 2\n"); }
static void late(void *arg) { printf("late %s\n", (const char *)arg); }
static void a3(void) {
  printf("atexit 3 registers a destructor\n");
  __cxa_atexit(late, "from atexit 3", &__dso_handle);
}
static void d_registers(void *arg) {
  printf("dtor %s registers another\n", (const char *)arg);
  __cxa_atexit(late, "from a dtor", &__dso_handle);
}

int main(void) {
  __cxa_atexit(dtor, "A", &__dso_handle);
  atexit(a1);
  __cxa_atexit(dtor, "B", &__dso_handle);
  __cxa_atexit(dtor, "C", &__dso_handle);
  __cxa_atexit(dtor, "other X", &other_dso);
  atexit(a2);
  __cxa_atexit(d_registers, "D", &__dso_handle);
  __cxa_atexit(dtor, "other Y", &other_dso);
  /* Thread-local destructors run before all the others. */
  __cxa_thread_atexit_impl(dtor, "thread-local T", &__dso_handle);
  atexit(a3);
  __cxa_atexit(dtor, "E", &__dso_handle);
  __cxa_thread_atexit_impl(dtor, "thread-local U", &__dso_handle);
  __cxa_atexit(dtor, "F", &__dso_handle);
  printf("finalize other\n");
  __cxa_finalize(&other_dso);
  printf("finalize other again\n");
  __cxa_finalize(&other_dso);
  printf("main returns\n");
  return 0;
}
