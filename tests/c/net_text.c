/* Address text and byte order: inet_pton/inet_ntop/inet_aton/inet_addr/
 * inet_ntoa, htons & co, IN6_IS_ADDR_*. Needs no host support. */
#include "check.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int ntop_is(int af, const void *a, const char *want) {
  char b[INET6_ADDRSTRLEN];
  return inet_ntop(af, a, b, sizeof b) == b && strcmp(b, want) == 0;
}

int main(void) {
  CHECK_EQ(htons(0x1234), 0x3412);
  CHECK_EQ(ntohs(htons(0xbeef)), 0xbeef);
  CHECK_EQ(htonl(0x01020304), 0x04030201);
  CHECK_EQ(ntohl(htonl(0xdeadbeefu)), 0xdeadbeefu);

  struct in_addr a;
  CHECK_EQ(inet_pton(AF_INET, "192.168.1.20", &a), 1);
  CHECK_EQ(a.s_addr, htonl(0xc0a80114));
  CHECK(ntop_is(AF_INET, &a, "192.168.1.20"));
  CHECK_EQ(inet_pton(AF_INET, "256.1.1.1", &a), 0);
  CHECK_EQ(inet_pton(AF_INET, "1.2.3", &a), 0);
  CHECK_EQ(inet_pton(AF_INET, "01.2.3.4", &a), 0);
  CHECK_EQ(inet_pton(AF_INET, "", &a), 0);
  CHECK_ERR(inet_pton(12345, "1.2.3.4", &a), EAFNOSUPPORT);

  struct in6_addr b;
  CHECK_EQ(inet_pton(AF_INET6, "2001:DB8::1", &b), 1);
  CHECK_EQ(b.s6_addr[0], 0x20);
  CHECK_EQ(b.s6_addr[1], 0x01);
  CHECK_EQ(b.s6_addr[15], 1);
  CHECK(ntop_is(AF_INET6, &b, "2001:db8::1"));
  CHECK_EQ(inet_pton(AF_INET6, "::", &b), 1);
  CHECK(IN6_IS_ADDR_UNSPECIFIED(&b));
  CHECK_EQ(inet_pton(AF_INET6, "::1", &b), 1);
  CHECK(IN6_IS_ADDR_LOOPBACK(&b));
  CHECK(memcmp(&b, &in6addr_loopback, 16) == 0);
  CHECK_EQ(inet_pton(AF_INET6, "::ffff:10.0.0.1", &b), 1);
  CHECK(IN6_IS_ADDR_V4MAPPED(&b));
  CHECK(ntop_is(AF_INET6, &b, "::ffff:10.0.0.1"));
  CHECK_EQ(inet_pton(AF_INET6, "1:0:0:2:0:0:0:3", &b), 1);
  CHECK(ntop_is(AF_INET6, &b, "1:0:0:2::3"));
  CHECK_EQ(inet_pton(AF_INET6, "1::2::3", &b), 0);
  CHECK_EQ(inet_pton(AF_INET6, "12345::", &b), 0);
  CHECK_EQ(inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", &b), 0);

  char small[4];
  CHECK(inet_ntop(AF_INET, &a, small, sizeof small) == 0 && errno == ENOSPC);

  CHECK_EQ(inet_aton("127.1", &a), 1);
  CHECK_EQ(a.s_addr, htonl(0x7f000001));
  CHECK_EQ(inet_aton("1.2.3.4.5", &a), 0);
  CHECK_EQ(inet_addr("10.0.0.255"), htonl(0x0a0000ff));
  CHECK_EQ(inet_addr("nonsense"), INADDR_NONE);
  a.s_addr = htonl(0x7f000001);
  CHECK(strcmp(inet_ntoa(a), "127.0.0.1") == 0);
  CHECK_EQ(sizeof(struct sockaddr_in), 16);
  CHECK_EQ(sizeof(struct sockaddr_in6), 28);
  CHECK_EQ(sizeof(struct sockaddr_storage), 128);
  return CHECK_DONE();
}
