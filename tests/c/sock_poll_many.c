/* Many connections driven by one poll() loop: a non-blocking listener, 24
 * non-blocking clients (connect -> EINPROGRESS -> POLLOUT -> SO_ERROR),
 * each sends its number, the server echoes it, each client checks its
 * echo. Bounded: at most 2000 poll rounds of at most 1 s. Then select()
 * on the same kind of set. */
#include "check.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

#define N 24

int main(void) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  CHECK(srv >= 0);
  CHECK_EQ(fcntl(srv, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
  CHECK_EQ(bind(srv, (struct sockaddr *)&sa, sizeof sa), 0);
  CHECK_EQ(getsockname(srv, (struct sockaddr *)&sa, &len), 0);
  CHECK_EQ(listen(srv, N), 0);
  CHECK_ERR(accept(srv, 0, 0), EAGAIN);

  int cli[N], conn[N], state[N], nconn = 0, done = 0, inprogress = 0;
  for (int i = 0; i < N; i++) {
    cli[i] = socket(AF_INET, SOCK_STREAM, 0);
    int fl = fcntl(cli[i], F_GETFL);
    fcntl(cli[i], F_SETFL, fl | O_NONBLOCK);
    int r = connect(cli[i], (struct sockaddr *)&sa, sizeof sa);
    if (r == -1 && errno == EINPROGRESS) inprogress++;
    state[i] = r == 0 ? 1 : 0; /* 0 connecting, 1 connected, 2 sent, 3 done */
    conn[i] = -1;
  }
  struct pollfd p[1 + 2 * N];
  int rounds = 0, bad = 0;
  while (done < N && rounds++ < 2000) {
    int n = 0;
    p[n].fd = srv; p[n].events = POLLIN; n++;
    for (int i = 0; i < N; i++) {
      p[n].fd = state[i] == 3 ? -1 : cli[i];
      p[n].events = state[i] == 0 ? POLLOUT : state[i] == 1 ? POLLOUT : POLLIN;
      n++;
    }
    for (int i = 0; i < N; i++) { p[n].fd = conn[i]; p[n].events = POLLIN; n++; }
    int r = poll(p, (nfds_t)n, 1000);
    if (r < 0) { bad++; break; }
    if (p[0].revents & POLLIN) {
      int c;
      while ((c = accept(srv, 0, 0)) >= 0) {
        if (nconn < N) conn[nconn++] = c; else close(c);
      }
      if (errno != EAGAIN) bad++;
    }
    for (int i = 0; i < N; i++) {
      struct pollfd *q = &p[1 + i];
      if (q->fd < 0 || !q->revents) continue;
      if (state[i] == 0 && (q->revents & POLLOUT)) {
        int err = -1; socklen_t el = sizeof err;
        getsockopt(cli[i], SOL_SOCKET, SO_ERROR, &err, &el);
        if (err != 0) { bad++; state[i] = 3; done++; continue; }
        state[i] = 1;
      }
      if (state[i] == 1 && (q->revents & POLLOUT)) {
        char m = (char)('A' + i);
        if (send(cli[i], &m, 1, 0) == 1) state[i] = 2; else bad++;
      } else if (state[i] == 2 && (q->revents & POLLIN)) {
        char m = 0;
        if (recv(cli[i], &m, 1, 0) != 1 || m != (char)('a' + i)) bad++;
        state[i] = 3; done++;
      }
    }
    for (int i = 0; i < N; i++) {
      struct pollfd *q = &p[1 + N + i];
      if (q->fd < 0 || !(q->revents & POLLIN)) continue;
      char m;
      long k = recv(conn[i], &m, 1, 0);
      if (k == 1) { m = (char)(m - 'A' + 'a'); if (send(conn[i], &m, 1, 0) != 1) bad++; }
      else if (k == 0) { close(conn[i]); conn[i] = -1; }
      else if (errno != EAGAIN) bad++;
    }
  }
  CHECK_EQ(done, N);
  CHECK_EQ(nconn, N);
  CHECK_EQ(bad, 0);

  /* poll on nothing with a timeout returns 0; a closed fd is POLLNVAL. */
  CHECK_EQ(poll(0, 0, 10), 0);
  struct pollfd z = {99, POLLIN, 0};
  CHECK_EQ(poll(&z, 1, 0), 1);
  CHECK_EQ(z.revents, POLLNVAL);

  /* select: nothing readable yet (timeout 0), then one byte makes conn[0]
   * readable. */
  fd_set rd, wr;
  FD_ZERO(&rd); FD_ZERO(&wr);
  FD_SET(conn[0], &rd);
  struct timeval tv = {0, 0};
  CHECK_EQ(select(conn[0] + 1, &rd, 0, 0, &tv), 0);
  CHECK(!FD_ISSET(conn[0], &rd));
  CHECK_EQ(send(cli[0], "z", 1, 0), 1);
  FD_SET(conn[0], &rd);
  tv.tv_sec = 5;
  CHECK_EQ(select(conn[0] + 1, &rd, 0, 0, &tv), 1);
  CHECK(FD_ISSET(conn[0], &rd));
  FD_ZERO(&rd);
  FD_SET(cli[1], &wr);
  tv.tv_sec = 5;
  CHECK_EQ(select(cli[1] + 1, &rd, &wr, 0, &tv), 1);
  CHECK(FD_ISSET(cli[1], &wr));
  /* The byte is still there for recv after select/poll looked at it. */
  char c = 0;
  CHECK_EQ(recv(conn[0], &c, 1, 0), 1);
  CHECK_EQ(c, 'z');
  CHECK_ERR(recv(conn[0], &c, 1, MSG_DONTWAIT), EAGAIN);

  /* A blocking listener served one accept per poll wake-up: poll must not
   * report it ready once the backlog is empty (wasmtime keeps the listener
   * "ready" until an accept would block; the library checks). */
  int l2 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in s2;
  memset(&s2, 0, sizeof s2);
  s2.sin_family = AF_INET;
  s2.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  len = sizeof s2;
  CHECK_EQ(bind(l2, (struct sockaddr *)&s2, sizeof s2), 0);
  CHECK_EQ(getsockname(l2, (struct sockaddr *)&s2, &len), 0);
  CHECK_EQ(listen(l2, 4), 0);
  int k1 = socket(AF_INET, SOCK_STREAM, 0), k2 = socket(AF_INET, SOCK_STREAM, 0);
  CHECK_EQ(connect(k1, (struct sockaddr *)&s2, sizeof s2), 0);
  CHECK_EQ(connect(k2, (struct sockaddr *)&s2, sizeof s2), 0);
  int got2 = 0;
  for (int round = 0; round < 2; round++) {
    struct pollfd q = {l2, POLLIN, 0};
    if (poll(&q, 1, 5000) == 1 && (q.revents & POLLIN)) {
      int a2 = accept(l2, 0, 0);
      if (a2 >= 0) { got2++; close(a2); }
    }
  }
  CHECK_EQ(got2, 2);
  struct pollfd q = {l2, POLLIN, 0};
  CHECK_EQ(poll(&q, 1, 200), 0);
  close(k1); close(k2); close(l2);

  for (int i = 0; i < N; i++) { close(cli[i]); if (conn[i] >= 0) close(conn[i]); }
  CHECK_EQ(close(srv), 0);
  return CHECK_DONE();
}
