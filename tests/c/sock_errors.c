/* Bad input and failing operations give POSIX errors, never a trap. */
#include "check.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

static struct sockaddr_in lo(int port) {
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((unsigned short)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return sa;
}

int main(void) {
  char buf[16];
  struct sockaddr_in sa = lo(0);
  socklen_t len = sizeof sa;

  /* Creation. */
  CHECK_ERR(socket(AF_UNIX, SOCK_STREAM, 0), EAFNOSUPPORT);
  CHECK_ERR(socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
  CHECK_ERR(socket(AF_INET, 77, 0), EPROTOTYPE);
  CHECK_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);

  /* Not a socket / not open. */
  CHECK_ERR(send(1, "x", 1, 0), ENOTSOCK);
  CHECK_ERR(recv(0, buf, 1, 0), ENOTSOCK);
  CHECK_ERR(listen(2, 1), ENOTSOCK);
  CHECK_ERR(getsockname(1, (struct sockaddr *)&sa, &len), ENOTSOCK);
  CHECK_ERR(bind(40, (struct sockaddr *)&sa, sizeof sa), EBADF);
  CHECK_ERR(accept(41, 0, 0), EBADF);
  CHECK_ERR(shutdown(42, SHUT_RDWR), EBADF);

  int s = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(s >= 0);
  /* Addresses: truncated, wrong family, NULL. */
  CHECK_ERR(bind(s, (struct sockaddr *)&sa, 8), EINVAL);
  CHECK_ERR(bind(s, (struct sockaddr *)&sa, 1), EINVAL);
  struct sockaddr_in6 s6;
  memset(&s6, 0, sizeof s6);
  s6.sin6_family = AF_INET6;
  CHECK_ERR(bind(s, (struct sockaddr *)&s6, sizeof s6), EAFNOSUPPORT);
  CHECK_ERR(connect(s, (struct sockaddr *)&s6, sizeof s6), EAFNOSUPPORT);
  CHECK_ERR(bind(s, 0, sizeof sa), EFAULT);
  struct sockaddr bogus = {.sa_family = 99};
  CHECK_ERR(connect(s, &bogus, sizeof bogus), EAFNOSUPPORT);
  /* Not connected / not listening. */
  CHECK_ERR(recv(s, buf, 1, 0), ENOTCONN);
  CHECK_ERR(send(s, "x", 1, 0), ENOTCONN);
  CHECK_ERR(getpeername(s, (struct sockaddr *)&sa, &len), ENOTCONN);
  CHECK_ERR(accept(s, 0, 0), EINVAL);
  CHECK_ERR(shutdown(s, SHUT_RD), ENOTCONN);
  CHECK_ERR(shutdown(s, 99), EINVAL);
  /* Options. */
  int v = 1;
  CHECK_ERR(setsockopt(s, SOL_SOCKET, 12345, &v, sizeof v), ENOPROTOOPT);
  CHECK_ERR(setsockopt(s, 999, SO_KEEPALIVE, &v, sizeof v), ENOPROTOOPT);
  CHECK_ERR(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, 1), EINVAL);
  CHECK_ERR(getsockopt(s, SOL_SOCKET, SO_TYPE, 0, &len), EFAULT);
  CHECK_ERR(setsockopt(s, SOL_SOCKET, SO_TYPE, &v, sizeof v), ENOPROTOOPT);
  len = sizeof v;
  CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len), 0);
  CHECK_EQ(v, 0);
  /* Options that reach the host (result layouts of each getter). */
  v = 1;
  CHECK_EQ(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof v), 0);
  v = 0;
  CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &len), 0);
  CHECK_EQ(v, 1);
  v = 30;
  CHECK_EQ(setsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v), 0);
  v = 0;
  CHECK_EQ(getsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, &len), 0);
  CHECK_EQ(v, 30);
  v = 0;
  CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, &len), 0);
  CHECK(v > 0);
  v = 32;
  CHECK_EQ(setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof v), 0);
  v = 0;
  CHECK_EQ(getsockopt(s, IPPROTO_IP, IP_TTL, &v, &len), 0);
  CHECK_EQ(v, 32);
  v = 0;
  CHECK_EQ(getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len), 0);
  CHECK_EQ(v, AF_INET);

  /* Connection refused: a port that was just free. */
  int t = socket(AF_INET, SOCK_STREAM, 0);
  sa = lo(0);
  CHECK_EQ(bind(t, (struct sockaddr *)&sa, sizeof sa), 0);
  len = sizeof sa;
  CHECK_EQ(getsockname(t, (struct sockaddr *)&sa, &len), 0);
  CHECK_EQ(close(t), 0);
  CHECK_ERR(connect(s, (struct sockaddr *)&sa, sizeof sa), ECONNREFUSED);
  close(s);

  /* Non-blocking connect refused: EINPROGRESS, then poll, then SO_ERROR. */
  s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int r = connect(s, (struct sockaddr *)&sa, sizeof sa);
  int refused = r == -1 && errno == ECONNREFUSED; /* some hosts know at once */
  if (r == -1 && errno == EINPROGRESS) {
    struct pollfd p = {s, POLLOUT, 0};
    len = sizeof v;
    refused = poll(&p, 1, 5000) == 1 && (p.revents & (POLLOUT | POLLERR)) &&
              getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len) == 0 && v == ECONNREFUSED;
  }
  CHECK(refused);
  close(s);

  /* Address in use. */
  int a = socket(AF_INET, SOCK_STREAM, 0), b = socket(AF_INET, SOCK_STREAM, 0);
  sa = lo(0);
  CHECK_EQ(bind(a, (struct sockaddr *)&sa, sizeof sa), 0);
  len = sizeof sa;
  CHECK_EQ(getsockname(a, (struct sockaddr *)&sa, &len), 0);
  CHECK_EQ(listen(a, 4), 0);
  CHECK_ERR(bind(b, (struct sockaddr *)&sa, sizeof sa), EADDRINUSE);
  CHECK_ERR(bind(a, (struct sockaddr *)&sa, sizeof sa), EINVAL); /* already bound */
  /* Connect twice. */
  CHECK_EQ(connect(b, (struct sockaddr *)&sa, sizeof sa), 0);
  CHECK_ERR(connect(b, (struct sockaddr *)&sa, sizeof sa), EISCONN);
  int c = accept(a, 0, 0);
  CHECK(c >= 0);
  /* A receive timeout expires with EAGAIN. */
  struct timeval tv = {0, 100000}, tv2 = {0, 0};
  CHECK_EQ(setsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
  len = sizeof tv2;
  CHECK_EQ(getsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len), 0);
  CHECK_EQ(tv2.tv_sec * 1000000 + tv2.tv_usec, 100000);
  CHECK_ERR(recv(b, buf, 1, 0), EAGAIN);
  tv.tv_usec = 0;
  CHECK_EQ(setsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
  CHECK_ERR(setsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv, 4), EINVAL);
  /* Non-blocking accept with nothing pending. */
  CHECK_EQ(fcntl(a, F_SETFL, fcntl(a, F_GETFL) | O_NONBLOCK), 0);
  CHECK_ERR(accept(a, 0, 0), EAGAIN);
  CHECK_ERR(recv(c, buf, 1, MSG_DONTWAIT), EAGAIN);
  CHECK_ERR(accept4(a, 0, 0, 12345), EINVAL);
  CHECK_ERR(fcntl(a, 9999), EINVAL);
  CHECK_ERR(fcntl(77, F_GETFL), EBADF);
  /* Peer closed: end of stream, then a broken pipe. */
  CHECK_EQ(close(c), 0);
  CHECK_EQ(recv(b, buf, sizeof buf, 0), 0);
  close(b);
  close(a);

  /* UDP: listen/accept are not supported. */
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK_ERR(listen(u, 1), EOPNOTSUPP);
  CHECK_ERR(accept(u, 0, 0), EOPNOTSUPP);
  close(u);

  /* Name lookup errors. */
  struct addrinfo *res = 0, hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_flags = AI_NUMERICHOST;
  CHECK_EQ(getaddrinfo("not-a-number", "80", &hints, &res), EAI_NONAME);
  CHECK_EQ(getaddrinfo("127.0.0.1", "no-such-service", 0, &res), EAI_SERVICE);
  CHECK_EQ(getaddrinfo("127.0.0.1", "99999", 0, &res), EAI_SERVICE);
  CHECK_EQ(getaddrinfo(0, 0, 0, &res), EAI_NONAME);
  hints.ai_flags = 0;
  hints.ai_family = 77;
  CHECK_EQ(getaddrinfo("127.0.0.1", 0, &hints, &res), EAI_FAMILY);
  hints.ai_family = AF_INET6;
  CHECK_EQ(getaddrinfo("127.0.0.1", 0, &hints, &res), EAI_FAMILY);
  hints.ai_family = 0;
  hints.ai_socktype = 77;
  CHECK_EQ(getaddrinfo("127.0.0.1", 0, &hints, &res), EAI_SOCKTYPE);
  hints.ai_socktype = 0;
  hints.ai_flags = 0x7000;
  CHECK_EQ(getaddrinfo("127.0.0.1", 0, &hints, &res), EAI_BADFLAGS);
  CHECK(strcmp(gai_strerror(EAI_NONAME), "Name does not resolve") == 0);
  return CHECK_DONE();
}
