/* C++ (compiled as C++: see cxx_static_dtors.cflags): destructors of
 * static objects, a function-local static and an atexit handler run at
 * exit in reverse order of construction/registration, interleaved
 * (clang emits __cxa_atexit calls); a thread_local object's destructor
 * (__cxa_thread_atexit, libc's weak fallback) runs before all of them. Expected output: the same source
 * built with g++ and run natively on glibc (g++ -x c++ -O2). */
#include <stdio.h>
#include <stdlib.h>

struct S {
  const char *n;
  S(const char *n) : n(n) { printf("ctor %s\n", n); }
  ~S() { printf("dtor %s\n", n); }
};
static S a("a");
static void ae() { printf("atexit\n"); }
static int reg = atexit(ae);
static S b("b");
thread_local S t("thread_local");
static S &lazy() {
  static S l("local static");
  return l;
}

int main() {
  printf("main %d %s\n", reg, t.n);
  lazy();
  return 0;
}
