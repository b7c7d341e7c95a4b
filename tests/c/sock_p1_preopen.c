/* p1: an echo server on a listener the host pre-opens (fd 3, as
 * wasmtime --tcplisten did), using only standard preview1 socket calls
 * (sock_accept, sock_recv, sock_send, sock_shutdown, poll_oneoff): it must
 * not import any WAMR extension function. argv[1] = connections to serve.
 * Run by tests/p1-host (--listen), whose client checks the echoes. */
#include "check.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
  int n = 0;
  for (const char *a = argc > 1 ? argv[1] : "1"; *a >= '0' && *a <= '9'; a++) n = n * 10 + (*a - '0');
  int lfd = 3;
  int type = 0; socklen_t len = sizeof type;
  CHECK_EQ(getsockopt(lfd, SOL_SOCKET, SO_TYPE, &type, &len), 0);
  CHECK_EQ(type, SOCK_STREAM);
  CHECK_ERR(recv(1, &type, 1, 0), ENOTSOCK); /* stdout is not a socket */
  int served = 0, bad = 0;
  for (int k = 0; k < n; k++) {
    struct pollfd p = {lfd, POLLIN, 0};
    if (poll(&p, 1, 10000) != 1 || !(p.revents & POLLIN)) { bad++; break; }
    int c = accept(lfd, 0, 0);
    if (c < 0) { bad++; break; }
    char buf[512];
    if (recv(c, buf, 0, 0) != 0) bad++; /* zero-length: never reaches the host */
    for (;;) {
      long r = recv(c, buf, sizeof buf, 0);
      if (r < 0) { bad++; break; }
      if (r == 0) break;
      long off = 0;
      while (off < r) {
        long w = k % 2 ? write(c, buf + off, (size_t)(r - off)) : send(c, buf + off, (size_t)(r - off), 0);
        if (w <= 0) { bad++; break; }
        off += w;
      }
    }
    if (shutdown(c, SHUT_WR) != 0 || close(c) != 0) bad++;
    served++;
  }
  CHECK_EQ(served, n);
  CHECK_EQ(bad, 0);
  /* Non-blocking accept with no client: EAGAIN. */
  CHECK_EQ(fcntl(lfd, F_SETFL, O_NONBLOCK), 0);
  CHECK_EQ(fcntl(lfd, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
  CHECK_ERR(accept(lfd, 0, 0), EAGAIN);
  return CHECK_DONE();
}
