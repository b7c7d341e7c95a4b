/* IPv6 on loopback ([::1]): TCP connect/accept with addresses checked in
 * both directions (port, address, family; the v6 socket-address layout of
 * each backend), and a UDP round trip with recvfrom's sender address. */
#include "check.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static struct sockaddr_in6 lo6(void) {
  struct sockaddr_in6 a;
  memset(&a, 0, sizeof a);
  a.sin6_family = AF_INET6;
  a.sin6_addr = in6addr_loopback;
  return a;
}

int main(void) {
  struct sockaddr_in6 sa = lo6(), peer, local;
  socklen_t len;
  char txt[INET6_ADDRSTRLEN];
  int srv = socket(AF_INET6, SOCK_STREAM, 0);
  CHECK(srv >= 0);
  CHECK_EQ(bind(srv, (struct sockaddr *)&sa, sizeof sa), 0);
  len = sizeof sa;
  CHECK_EQ(getsockname(srv, (struct sockaddr *)&sa, &len), 0);
  CHECK_EQ(len, sizeof(struct sockaddr_in6));
  CHECK_EQ(sa.sin6_family, AF_INET6);
  CHECK(ntohs(sa.sin6_port) != 0);
  CHECK(inet_ntop(AF_INET6, &sa.sin6_addr, txt, sizeof txt) && strcmp(txt, "::1") == 0);
  CHECK_EQ(listen(srv, 4), 0);
  int v = 0; len = sizeof v;
  CHECK_EQ(getsockopt(srv, SOL_SOCKET, SO_DOMAIN, &v, &len), 0);
  CHECK_EQ(v, AF_INET6);
  /* A v4 address on a v6 socket is the wrong family. */
  struct sockaddr_in v4;
  memset(&v4, 0, sizeof v4);
  v4.sin_family = AF_INET;
  int c = socket(AF_INET6, SOCK_STREAM, 0);
  CHECK_ERR(connect(c, (struct sockaddr *)&v4, sizeof v4), EAFNOSUPPORT);
  CHECK_EQ(connect(c, (struct sockaddr *)&sa, sizeof sa), 0);
  len = sizeof peer;
  int a = accept(srv, (struct sockaddr *)&peer, &len);
  CHECK(a >= 0);
  CHECK_EQ(len, sizeof(struct sockaddr_in6));
  CHECK_EQ(peer.sin6_family, AF_INET6);
  CHECK(IN6_IS_ADDR_LOOPBACK(&peer.sin6_addr));
  len = sizeof local;
  CHECK_EQ(getsockname(c, (struct sockaddr *)&local, &len), 0);
  CHECK_EQ(local.sin6_port, peer.sin6_port);
  len = sizeof peer;
  CHECK_EQ(getpeername(c, (struct sockaddr *)&peer, &len), 0);
  CHECK_EQ(peer.sin6_port, sa.sin6_port);
  CHECK(IN6_IS_ADDR_LOOPBACK(&peer.sin6_addr));
  char buf[8];
  CHECK_EQ(send(c, "six", 3, 0), 3);
  CHECK_EQ(recv(a, buf, 3, MSG_WAITALL), 3);
  CHECK(memcmp(buf, "six", 3) == 0);
  close(a); close(c); close(srv);

  /* UDP over ::1. */
  struct sockaddr_in6 ua = lo6(), ub = lo6(), from;
  int u = socket(AF_INET6, SOCK_DGRAM, 0), w = socket(AF_INET6, SOCK_DGRAM, 0);
  CHECK_EQ(bind(u, (struct sockaddr *)&ua, sizeof ua), 0);
  CHECK_EQ(bind(w, (struct sockaddr *)&ub, sizeof ub), 0);
  len = sizeof ua;
  CHECK_EQ(getsockname(u, (struct sockaddr *)&ua, &len), 0);
  len = sizeof ub;
  CHECK_EQ(getsockname(w, (struct sockaddr *)&ub, &len), 0);
  CHECK_EQ(sendto(u, "dgram6", 6, 0, (struct sockaddr *)&ub, sizeof ub), 6);
  len = sizeof from;
  memset(&from, 0, sizeof from);
  CHECK_EQ(recvfrom(w, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 6);
  CHECK(memcmp(buf, "dgram6", 6) == 0);
  CHECK_EQ(len, sizeof(struct sockaddr_in6));
  CHECK_EQ(from.sin6_family, AF_INET6);
  CHECK_EQ(from.sin6_port, ua.sin6_port);
  CHECK(IN6_IS_ADDR_LOOPBACK(&from.sin6_addr));
  /* Short address buffer: truncated, full length reported. */
  CHECK_EQ(sendto(u, "x", 1, 0, (struct sockaddr *)&ub, sizeof ub), 1);
  struct sockaddr_in6 small;
  len = 8;
  CHECK_EQ(recvfrom(w, buf, sizeof buf, 0, (struct sockaddr *)&small, &len), 1);
  CHECK_EQ(len, sizeof(struct sockaddr_in6));
  close(u); close(w);
  return CHECK_DONE();
}
