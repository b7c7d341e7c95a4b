/* The TCP receive paths, in one single-threaded program on loopback (the
 * kernel completes the handshake before accept): short reads, read() on a
 * socket, MSG_DONTWAIT and O_NONBLOCK with nothing queued (EAGAIN), a
 * receive timeout, MSG_PEEK (peeks, or is not supported), many buffer sizes
 * over one stream, end of stream after the peer's shutdown, the peer's close,
 * and bad descriptors. Bounded: glibc runs get an alarm, the wasm runners
 * kill a guest after 30-60 s. */
#include "check.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#ifndef __wasi__
#include <signal.h>
#endif

static int bind_any_port(int fd, struct sockaddr_in *sa) {
  socklen_t len = sizeof *sa;
  memset(sa, 0, sizeof *sa);
  sa->sin_family = AF_INET;
  sa->sin_port = htons(0);
  sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr *)sa, sizeof *sa) != 0) return -1;
  return getsockname(fd, (struct sockaddr *)sa, &len);
}

/* Receives exactly n bytes into buf with recv() calls of at most `step`
 * bytes each; returns the number received (less on error or end). */
static long recv_all(int fd, char *buf, long n, long step) {
  long got = 0;
  while (got < n) {
    long want = n - got < step ? n - got : step;
    long r = recv(fd, buf + got, (size_t)want, 0);
    if (r <= 0) break;
    got += r;
  }
  return got;
}

static int set_nonblock(int fd, int on) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0) return -1;
  return fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
}

int main(void) {
#ifndef __wasi__
  alarm(20);
#endif
  struct sockaddr_in sa;
  static char buf[8192];
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(srv >= 0);
  int one = 1;
  CHECK_EQ(setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
  CHECK_EQ(bind_any_port(srv, &sa), 0);
  CHECK_EQ(listen(srv, 4), 0);
  int cli = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(cli >= 0);
  CHECK_EQ(connect(cli, (struct sockaddr *)&sa, sizeof sa), 0);
  CHECK_EQ(setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
  int conn = accept(srv, NULL, NULL);
  CHECK(conn >= 0);

  /* A buffer shorter than what is queued: a short read, the rest next. */
  CHECK_EQ(send(cli, "hello world", 11, 0), 11);
  CHECK_EQ(recv(conn, buf, 5, 0), 5);
  CHECK(memcmp(buf, "hello", 5) == 0);
  CHECK_EQ(recv(conn, buf, sizeof buf, 0), 6);
  CHECK(memcmp(buf, " world", 6) == 0);
  /* read() on a socket. (No zero-length receive: Linux blocks in it until a
   * byte is queued; sock_tcp_echo checks ours returns 0.) */
  CHECK_EQ(send(cli, "abc", 3, 0), 3);
  CHECK_EQ(read(conn, buf, sizeof buf), 3);
  CHECK(memcmp(buf, "abc", 3) == 0);

  /* Nothing queued: MSG_DONTWAIT and O_NONBLOCK give EAGAIN, for recv and
   * read; blocking again afterwards. */
  CHECK_ERR(recv(conn, buf, 8, MSG_DONTWAIT), EAGAIN);
  CHECK_EQ(set_nonblock(conn, 1), 0);
  CHECK_ERR(recv(conn, buf, 8, 0), EAGAIN);
  CHECK_ERR(read(conn, buf, 8), EAGAIN);
  CHECK_EQ(set_nonblock(conn, 0), 0);
  CHECK_EQ(send(cli, "xyz", 3, 0), 3);
  CHECK_EQ(recv(conn, buf, 8, 0), 3);
  CHECK(memcmp(buf, "xyz", 3) == 0);

  /* A receive timeout with nothing queued: EAGAIN; then none again. */
  struct timeval tv = {0, 100000};
  CHECK_EQ(setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);
  CHECK_ERR(recv(conn, buf, 8, 0), EAGAIN);
  tv.tv_usec = 0;
  CHECK_EQ(setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), 0);

  /* MSG_PEEK: either it leaves the bytes queued, or it is refused with
   * EOPNOTSUPP (wasi:io streams cannot peek); the bytes come next. */
  CHECK_EQ(send(cli, "peek", 4, 0), 4);
  errno = 0;
  long p = recv(conn, buf, 4, MSG_PEEK);
  CHECK((p == 4 && memcmp(buf, "peek", 4) == 0) || (p == -1 && errno == EOPNOTSUPP));
  memset(buf, 0, 4);
  CHECK_EQ(recv(conn, buf, 4, 0), 4);
  CHECK(memcmp(buf, "peek", 4) == 0);

  /* One stream, received with buffers of 1, 7, 100 and 4096 bytes. */
  static char out[20000], in[20000];
  for (int i = 0; i < (int)sizeof out; i++) out[i] = (char)(i * 13 + 5);
  static const long steps[] = {1, 7, 100, 4096};
  for (int k = 0; k < 4; k++) {
    long sent = 0;
    while (sent < (long)sizeof out) {
      long n = send(cli, out + sent, sizeof out - (size_t)sent, 0);
      if (n <= 0) break;
      sent += n;
    }
    memset(in, 0, sizeof in);
    long got = recv_all(conn, in, sizeof in, steps[k]);
    check_puts("     step ");
    check_putl(steps[k]);
    check_puts("\n");
    CHECK_EQ(sent, (long)sizeof out);
    CHECK_EQ(got, (long)sizeof in);
    CHECK(memcmp(out, in, sizeof in) == 0);
  }

  /* The peer's shutdown: end of stream, again and again, for recv and read. */
  CHECK_EQ(send(cli, "tail", 4, 0), 4);
  CHECK_EQ(shutdown(cli, SHUT_WR), 0);
  CHECK_EQ(recv_all(conn, buf, 4, 64), 4);
  CHECK(memcmp(buf, "tail", 4) == 0);
  CHECK_EQ(recv(conn, buf, sizeof buf, 0), 0);
  CHECK_EQ(recv(conn, buf, sizeof buf, 0), 0);
  CHECK_EQ(read(conn, buf, sizeof buf), 0);
  /* The other direction still works. */
  CHECK_EQ(send(conn, "back", 4, 0), 4);
  CHECK_EQ(recv_all(cli, buf, 4, 64), 4);
  CHECK(memcmp(buf, "back", 4) == 0);

  /* The peer's close: end of stream on the other side. */
  CHECK_EQ(close(conn), 0);
  CHECK_EQ(recv(cli, buf, sizeof buf, 0), 0);
  CHECK_EQ(recv(cli, buf, sizeof buf, 0), 0);

  /* Bad descriptors. */
  CHECK_ERR(recv(conn, buf, 1, 0), EBADF);
  CHECK_ERR(recv(-1, buf, 1, 0), EBADF);
  CHECK_ERR(recv(4000, buf, 1, 0), EBADF);
  CHECK_EQ(close(cli), 0);
  CHECK_EQ(close(srv), 0);
  return CHECK_DONE();
}
