/* getaddrinfo/getnameinfo: numeric hosts and services, NULL host (passive
 * and loopback), "localhost", and a name resolved by the host ("LocalHost":
 * /etc/hosts matches names case-insensitively, and wasm-libc answers only
 * the exact "localhost" itself). */
#include "check.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int count(struct addrinfo *r) { int n = 0; for (; r; r = r->ai_next) n++; return n; }

int main(void) {
  struct addrinfo hints, *res = 0;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  CHECK_EQ(getaddrinfo("127.0.0.1", "8080", &hints, &res), 0);
  CHECK_EQ(count(res), 1);
  CHECK_EQ(res->ai_family, AF_INET);
  CHECK_EQ(res->ai_socktype, SOCK_STREAM);
  CHECK_EQ(res->ai_protocol, IPPROTO_TCP);
  CHECK_EQ(res->ai_addrlen, sizeof(struct sockaddr_in));
  struct sockaddr_in *sin = (struct sockaddr_in *)res->ai_addr;
  CHECK_EQ(ntohs(sin->sin_port), 8080);
  CHECK_EQ(sin->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  CHECK_EQ(getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV), 0);
  CHECK(strcmp(host, "127.0.0.1") == 0 && strcmp(serv, "8080") == 0);
  freeaddrinfo(res);

  CHECK_EQ(getaddrinfo("::1", "https", 0, &res), 0);
  CHECK_EQ(count(res), 2); /* stream and datagram */
  CHECK_EQ(res->ai_family, AF_INET6);
  CHECK_EQ(ntohs(((struct sockaddr_in6 *)res->ai_addr)->sin6_port), 443);
  freeaddrinfo(res);

  hints.ai_flags = AI_PASSIVE;
  hints.ai_family = AF_INET;
  CHECK_EQ(getaddrinfo(0, "7000", &hints, &res), 0);
  CHECK_EQ(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr, htonl(INADDR_ANY));
  freeaddrinfo(res);
  hints.ai_flags = 0;
  CHECK_EQ(getaddrinfo(0, "7000", &hints, &res), 0);
  CHECK_EQ(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
  freeaddrinfo(res);

  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = AI_CANONNAME;
  CHECK_EQ(getaddrinfo("localhost", "80", &hints, &res), 0);
  CHECK_EQ(count(res), 2);
  CHECK(res->ai_canonname && strcmp(res->ai_canonname, "localhost") == 0);
  freeaddrinfo(res);

  /* Through the host's resolver. */
  hints.ai_family = AF_INET;
  hints.ai_flags = 0;
  int r = getaddrinfo("LocalHost", "80", &hints, &res);
  CHECK_EQ(r, 0);
  if (r == 0) {
    CHECK_EQ(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    freeaddrinfo(res);
  }
  return CHECK_DONE();
}
