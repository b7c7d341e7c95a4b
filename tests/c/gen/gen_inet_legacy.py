#!/usr/bin/env python3
"""Writes tests/c/inet_legacy.c: inet_network over generated strings,
inet_makeaddr/inet_lnaof/inet_netof over random values (fixed seed), and
inet_pton/inet_ntop with unknown families and NULL pointers. Expected
output from glibc (tests/c/gen/reference.sh inet_legacy)."""
import os, random
rnd = random.Random(3)
nets = ["0", "1", "127", "128", "255", "256", "1.2", "1.2.3", "1.2.3.4", "1.2.3.4.5", "10.1", "0x7f", "0X7F.1",
        "0x", "0", "00", "010", "08", "0377", "0400", "255.255.255.255", "1.256", "", ".", "1.", ".1", "1..2",
        "1 ", "1\\t", " 1", "1a", "0xg", "0x1ff", "0xff.0xff", "12.34.56.78 ", "a", "-1", "+1", "1.2.3.4 x"]
for _ in range(200):
    parts = []
    for _ in range(rnd.randint(1, 5)):
        v = rnd.choice([rnd.randrange(256), rnd.randrange(1000)])
        f = rnd.choice(["%d", "0%o", "0x%x", "0X%X", "%d"])
        parts.append(f % v)
    nets.append(".".join(parts))
vals = [0, 1, 127, 128, 255, 256, 65535, 65536, 16777215, 16777216, 0xffffffff, 0x7fffffff, 0x80000000, 0xc0000000, 0xe0000001]
pairs = [(rnd.choice(vals + [rnd.randrange(2**32)]), rnd.choice(vals + [rnd.randrange(2**32)])) for _ in range(300)]
addrs = vals + [rnd.randrange(2**32) for _ in range(200)]
src = ["""/* inet_network, inet_makeaddr, inet_lnaof, inet_netof over generated
 * cases (tests/c/gen/gen_inet_legacy.py, fixed seed), and inet_pton /
 * inet_ntop with an unknown family: EAFNOSUPPORT before the pointers are
 * looked at. Expected output from glibc (tests/c/gen/reference.sh
 * inet_legacy); wasi-libc's musl code differs (it treats s_addr as host
 * order and parses inet_network like inet_addr). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include "check.h"

static const char *const nets[] = {
"""]
src += ['  "%s",\n' % s for s in nets]
src.append("};\nstatic const uint32_t pairs[][2] = {\n")
src += ["  {%du, %du},\n" % p for p in pairs]
src.append("};\nstatic const uint32_t addrs[] = {\n")
src += ["  %du,\n" % a for a in addrs]
src.append("""};

int main(void) {
  for (unsigned i = 0; i < sizeof nets / sizeof nets[0]; i++) {
    check_puts("["); check_puts(nets[i]); check_puts("] ");
    check_putl((long long)(uint32_t)inet_network(nets[i])); check_puts("\\n");
  }
  for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    struct in_addr a = inet_makeaddr(pairs[i][0], pairs[i][1]);
    check_putl(pairs[i][0]); check_puts(" "); check_putl(pairs[i][1]); check_puts(" ");
    check_putl((long long)ntohl(a.s_addr)); check_puts("\\n");
  }
  for (unsigned i = 0; i < sizeof addrs / sizeof addrs[0]; i++) {
    struct in_addr a;
    a.s_addr = htonl(addrs[i]);
    check_putl(addrs[i]); check_puts(" "); check_putl((long long)(uint32_t)inet_lnaof(a));
    check_puts(" "); check_putl((long long)(uint32_t)inet_netof(a)); check_puts("\\n");
  }
  char buf[64];
  unsigned char out[16];
  /* (glibc takes strlen(src) first, so src stays valid; dst is NULL.) */
  CHECK_ERR(inet_pton(12345, "1.2.3.4", 0), EAFNOSUPPORT);
  CHECK_ERR(inet_pton(-1, "1.2.3.4", out), EAFNOSUPPORT);
  CHECK_ERR(inet_pton(AF_UNSPEC, "::1", 0), EAFNOSUPPORT);
  errno = 0;
  CHECK(inet_ntop(12345, 0, 0, 0) == 0 && errno == EAFNOSUPPORT);
  errno = 0;
  CHECK(inet_ntop(AF_UNSPEC, out, buf, sizeof buf) == 0 && errno == EAFNOSUPPORT);
  CHECK_EQ(inet_pton(AF_INET, "1.2.3.4", out), 1);
  CHECK_EQ(inet_pton(AF_INET, "1.2.3", out), 0);
  return CHECK_DONE();
}
""")
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "inet_legacy.c"), "w").write("".join(src))
