/* -fstack-protector-all (see stack_protector.cflags): protected functions
 * run normally, and __stack_chk_guard is set (non-zero) before main.
 * Hand-checked CHECKs: the guard's value is random. */
#include <string.h>
#include "check.h"

extern unsigned long __stack_chk_guard;

static __attribute__((noinline)) int copy_sum(const char *s) {
  char buf[16];
  strcpy(buf, s);
  int n = 0;
  for (size_t i = 0; i < strlen(buf); i++) n += buf[i];
  return n;
}

int main(void) {
  CHECK(__stack_chk_guard != 0);
  CHECK((__stack_chk_guard & 0xff) == 0);
  /* Not the stand-in of crt/stack_chk.ll: the constructor ran. */
  CHECK(__stack_chk_guard != 798649856u);
  CHECK_EQ(copy_sum("abc"), 'a' + 'b' + 'c');
  CHECK_EQ(copy_sum("fifteen chars.."), 1390);
  return CHECK_DONE();
}
