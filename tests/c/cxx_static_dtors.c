/* C++ (compiled as C++: see cxx_static_dtors.cflags): destructors of
 * static objects, a function-local static and an atexit handler run at
 * exit in reverse order of construction/registration, interleaved
 * (clang emits __cxa_atexit calls). Expected output: the same source
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
static S &lazy() {
  static S l("local static");
  return l;
}

int main() {
  lazy();
  printf("main %d\n", reg);
  return 0;
}
