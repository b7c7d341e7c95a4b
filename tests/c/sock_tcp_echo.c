/* TCP echo server and client in one program (no threads needed: the kernel
 * completes the handshake before accept). Loopback only. Checks the
 * zero-copy receive path on p2 with wasm_libc_get_stats. */
#include "check.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <wasm_libc.h>

static int bind_any_port(int fd, struct sockaddr_in *sa) {
  socklen_t len = sizeof *sa;
  memset(sa, 0, sizeof *sa);
  sa->sin_family = AF_INET;
  sa->sin_port = htons(0);
  sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr *)sa, sizeof *sa) != 0) return -1;
  return getsockname(fd, (struct sockaddr *)sa, &len);
}

int main(void) {
  struct sockaddr_in sa, peer, local;
  socklen_t len;
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(srv >= 0);
  int one = 1;
  CHECK_EQ(setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
  CHECK_EQ(bind_any_port(srv, &sa), 0);
  CHECK(ntohs(sa.sin_port) != 0);
  CHECK_EQ(sa.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
  CHECK_EQ(listen(srv, 8), 0);
  int v = 0; len = sizeof v;
  CHECK_EQ(getsockopt(srv, SOL_SOCKET, SO_ACCEPTCONN, &v, &len), 0);
  CHECK_EQ(v, 1);

  int cli = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(cli >= 0);
  CHECK_EQ(connect(cli, (struct sockaddr *)&sa, sizeof sa), 0);
  CHECK_EQ(setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
  len = sizeof peer;
  int conn = accept(srv, (struct sockaddr *)&peer, &len);
  CHECK(conn >= 0);
  CHECK_EQ(len, sizeof(struct sockaddr_in));
  CHECK_EQ(peer.sin_family, AF_INET);
  CHECK_EQ(peer.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
  len = sizeof local;
  CHECK_EQ(getsockname(cli, (struct sockaddr *)&local, &len), 0);
  CHECK_EQ(local.sin_port, peer.sin_port);
  len = sizeof peer;
  CHECK_EQ(getpeername(cli, (struct sockaddr *)&peer, &len), 0);
  CHECK_EQ(peer.sin_port, sa.sin_port);
  v = 0; len = sizeof v;
  CHECK_EQ(getsockopt(conn, SOL_SOCKET, SO_TYPE, &v, &len), 0);
  CHECK_EQ(v, SOCK_STREAM);

  /* 64 KiB each way in 4 KiB sends; the server echoes what it receives. */
  static char out[65536], back[65536], buf[8192];
  for (int i = 0; i < (int)sizeof out; i++) out[i] = (char)(i * 7 + 3);
  wasm_libc_reset_stats();
  long sent = 0, echoed = 0, got = 0, recvs = 0;
  while (got < (long)sizeof out) {
    if (sent < (long)sizeof out) {
      long n = send(cli, out + sent, 4096, 0);
      if (n <= 0) break;
      sent += n;
    }
    while (echoed < sent) {
      long n = recv(conn, buf, sizeof buf, 0);
      if (n <= 0) break;
      recvs++;
      if (write(conn, buf, (size_t)n) != n) break; /* write() on a socket */
      echoed += n;
    }
    while (got < echoed) {
      long n = read(cli, back + got, (size_t)(echoed - got)); /* read() too */
      if (n <= 0) break;
      got += n;
    }
  }
  CHECK_EQ(got, (long)sizeof out);
  CHECK(memcmp(out, back, sizeof out) == 0);
  struct wasm_libc_stats st;
  wasm_libc_get_stats(&st);
  CHECK(recvs > 0);
  /* Zero malloc, zero copy for every receive (p2 slot; p1 reads in place). */
  CHECK_EQ(st.fallback_allocs, 0);
  CHECK_EQ(st.guest_copies, 0);

  /* Zero-length recv is not an error (WAMR rejects it in the host). */
  CHECK_EQ(recv(conn, buf, 0, 0), 0);
  /* MSG_WAITALL collects several sends. */
  CHECK_EQ(send(cli, "abc", 3, 0), 3);
  CHECK_EQ(send(cli, "defg", 4, 0), 4);
  CHECK_EQ(recv(conn, buf, 7, MSG_WAITALL), 7);
  CHECK(memcmp(buf, "abcdefg", 7) == 0);
  /* Orderly shutdown: the server sees end of stream. */
  CHECK_EQ(shutdown(cli, SHUT_WR), 0);
  CHECK_EQ(recv(conn, buf, sizeof buf, 0), 0);
  CHECK_ERR(send(cli, "x", 1, 0), EPIPE);
  CHECK_EQ(close(conn), 0);
  CHECK_EQ(close(cli), 0);
  CHECK_EQ(close(srv), 0);
  CHECK_ERR(recv(srv, buf, 1, 0), EBADF);
  return CHECK_DONE();
}
