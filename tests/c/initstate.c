/* initstate/setstate: random() sequences for every state size class and
 * several seeds, switching between states with setstate (each continues
 * where it stopped), srandom on a user state, the default state after
 * setstate back, and initstate's size check. Expected output from glibc
 * (tests/c/gen/reference.sh initstate): its generator is the one this
 * library's random() follows (wasi-libc's musl seeds differently). */
#include <stdlib.h>
#include "check.h"

static long long bufs[6][40];
static void run(int n) {
  for (int i = 0; i < n; i++) { check_puts(" "); check_putl(random()); }
  check_puts("\n");
}

int main(void) {
  static const unsigned sizes[] = {8, 16, 31, 32, 40, 63, 64, 100, 127, 128, 200, 255, 256, 300};
  static const unsigned seeds[] = {1, 0, 2, 12345, 2147483647u, 42};
  for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (unsigned k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
      static long long st[40];
      CHECK(initstate(seeds[k], (char *)st, sizes[s]) != 0);
      check_putl(sizes[s]); check_puts("/"); check_putl(seeds[k]); check_puts(":");
      run(12);
    }
  /* The default state: 1-seeded until srandom. */
  char *def = setstate((char *)bufs[0]);  /* bufs[0] is zeroed: type 0, state 0 */
  check_puts("zero state:"); run(4);
  setstate(def);
  check_puts("default:"); run(5);
  /* Interleaved states. */
  char *a = (char *)bufs[1], *b = (char *)bufs[2], *c = (char *)bufs[3];
  initstate(7, a, 128);
  check_puts("a:"); run(3);
  initstate(8, b, 32);
  check_puts("b:"); run(3);
  initstate(9, c, 16);
  check_puts("c:"); run(3);
  CHECK(setstate(a) == c);
  check_puts("a:"); run(3);
  CHECK(setstate(b) == a);
  check_puts("b:"); run(3);
  srandom(99);
  check_puts("b99:"); run(3);
  setstate(c);
  check_puts("c:"); run(3);
  setstate(def);
  check_puts("default:"); run(3);
  srand(5);
  check_puts("rand:");
  for (int i = 0; i < 5; i++) { check_puts(" "); check_putl(rand()); }
  check_puts("\n");
  errno = 0;
  CHECK(initstate(1, (char *)bufs[4], 7) == 0 && errno == EINVAL);
  check_puts("after failed initstate:"); run(3);
  return CHECK_DONE();
}
