/* -fstack-protector-all (see stack_smash.cflags): overwriting a local
 * array past its end is caught when the function returns:
 * __stack_chk_fail prints its message and traps. */
#include <stdio.h>
#include <string.h>

static __attribute__((noinline)) void smash(char *dst, const char *src, size_t n) {
  memcpy(dst, src, n);
}

static __attribute__((noinline)) int victim(size_t n) {
  char buf[8];
  char big[64];
  memset(big, 'A', sizeof big);
  smash(buf, big, n);
  return buf[0];
}

int main(void) {
  printf("%d\n", victim(8));
  fflush(stdout);
  printf("%d\n", victim(40));
  printf("not reached\n");
  return 0;
}
