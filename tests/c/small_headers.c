/* byteswap.h, endian.h, sys/param.h, sysexits.h, alloca.h, sys/un.h.
 * Expected output: glibc (tests/c/gen/reference.sh small_headers). */
#include <alloca.h>
#include <byteswap.h>
#include <endian.h>
#include <stdint.h>
#include <string.h>
#include <sys/param.h>
#include <sys/un.h>
#include <sysexits.h>
#include "check.h"

static void hex(const char *what, unsigned long long v) {
  char b[19] = "0x";
  for (int i = 0; i < 16; i++) b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
  b[18] = 0;
  check_puts(what); check_puts(" = "); check_puts(b); check_puts("\n");
}
#define H(e) hex(#e, (unsigned long long)(e))
#define P(e) do { check_puts(#e " = "); check_putl((long long)(e)); check_puts("\n"); } while (0)

int main(void) {
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 40; i++) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t x = seed ^ (seed >> 29);
    H(bswap_16((uint16_t)x)); H(bswap_32((uint32_t)x)); H(bswap_64(x));
    H(htobe16((uint16_t)x)); H(be32toh((uint32_t)x)); H(htobe64(x));
    H(htole16((uint16_t)x)); H(le32toh((uint32_t)x)); H(le64toh(x));
  }
  P(BYTE_ORDER == LITTLE_ENDIAN);
  P(__BYTE_ORDER == __LITTLE_ENDIAN);
  P(BIG_ENDIAN); P(LITTLE_ENDIAN); P(PDP_ENDIAN);
  for (int n = -3; n <= 20; n += 1) {
    P(MIN(n, 7)); P(MAX(n, 7)); P(powerof2(n));
    if (n >= 0) { P(howmany(n, 4)); P(roundup(n, 6)); }
  }
  unsigned char bits[4] = {0};
  setbit(bits, 3); setbit(bits, 17); clrbit(bits, 3); setbit(bits, 31);
  P(bits[0]); P(bits[2]); P(bits[3]); P(isset(bits, 17) != 0); P(isclr(bits, 3));
  P(NBBY); P(MAXPATHLEN); P(MAXHOSTNAMELEN); P(MAXSYMLINKS); P(NOFILE); P(DEV_BSIZE);
  P(CANBSIZ); P(NCARGS);
  P(EX_OK); P(EX_USAGE); P(EX_DATAERR); P(EX_NOINPUT); P(EX_NOUSER); P(EX_NOHOST);
  P(EX_UNAVAILABLE); P(EX_SOFTWARE); P(EX_OSERR); P(EX_OSFILE); P(EX_CANTCREAT);
  P(EX_IOERR); P(EX_TEMPFAIL); P(EX_PROTOCOL); P(EX_NOPERM); P(EX_CONFIG); P(EX__BASE); P(EX__MAX);
  struct sockaddr_un un;
  P(sizeof un.sun_path);
  char *a = alloca(100);
  memset(a, 'z', 100);
  P(a[99]);
  return 0;
}
