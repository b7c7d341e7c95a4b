/* Address text, as a table compared with glibc: inet_pton/inet_ntop for
 * IPv4 and IPv6 and inet_aton for the classic forms, on valid and invalid
 * input (these were posix's arpa_inet unit tests, which no runner ran).
 * Expected output: glibc (tests/c/gen/reference.sh); wasi-libc p1 prints the
 * same. Left out, as glibc and musl disagree: "::1.2.3.4" (glibc prints the
 * deprecated IPv4-compatible form dotted, musl and we in hex: ::102:304),
 * inet_aton("1.2.3.4 junk") (glibc stops at the space, musl and we reject
 * it) and inet_aton("4294967296") (musl wraps it to ffffffff, glibc and we
 * reject it). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static const char *const V4[] = {
    "127.0.0.1", "255.255.255.255", "0.0.0.0", "10.0.200.1", "256.0.0.1",
    "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "", "a.b.c.d", "1.2.3.4 ",
    " 1.2.3.4", "1.2.3.-4", "0x7f.0.0.1", "999.1.1.1", "1.2.3.04",
};

static const char *const V6[] = {
    "::", "::1", "1::", "2001:DB8:0:0:0:0:2:1", "2001:db8:0:1:1:1:1:1",
    "1:0:0:2:0:0:0:3", "::ffff:192.0.2.1", "fe80::1:2", "0:0:0:0:0:0:0:0",
    "1:0:0:0:1:0:0:0", "::ffff:1.2.3", "1:2:3:4:5:6:1.2.3.4", "", ":", ":::",
    "1::2::3", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "::g",
    "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7:8", "::0:0:1", "1:2::7:8",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:::2",
};

static const char *const ATON[] = {
    "127.1", "0x7f.0.0.01", "1.2.3.256", "1.2.3.4", "10", "0x10", "010",
    "1.2.65535", "1.16777215", "4294967295", "1.2.3.4.5", "", "08", "0x",
    "255.255.255.255",
};

int main(void) {
  char text[INET6_ADDRSTRLEN];
  for (size_t i = 0; i < sizeof V4 / sizeof *V4; i++) {
    struct in_addr a = {0};
    int r = inet_pton(AF_INET, V4[i], &a);
    const char *t = r == 1 ? inet_ntop(AF_INET, &a, text, sizeof text) : "-";
    printf("pton4 \"%s\" -> %d %s\n", V4[i], r, t ? t : "(null)");
  }
  for (size_t i = 0; i < sizeof V6 / sizeof *V6; i++) {
    struct in6_addr a;
    memset(&a, 0, sizeof a);
    int r = inet_pton(AF_INET6, V6[i], &a);
    const char *t = r == 1 ? inet_ntop(AF_INET6, &a, text, sizeof text) : "-";
    printf("pton6 \"%s\" -> %d %s\n", V6[i], r, t ? t : "(null)");
  }
  for (size_t i = 0; i < sizeof ATON / sizeof *ATON; i++) {
    struct in_addr a = {0};
    int r = inet_aton(ATON[i], &a);
    printf("aton \"%s\" -> %d %08x\n", ATON[i], r, r ? (unsigned)ntohl(a.s_addr) : 0u);
  }
  return 0;
}
