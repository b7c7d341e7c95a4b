/* signal.h emulated like wasi-libc's -lwasi-emulated-signal: handlers run
 * synchronously from raise; SIG_IGN; default-ignored signals; plus
 * sigaction/sigprocmask/sigset operations (not in wasi-libc). Hand-checked
 * CHECKs: glibc delivers real signals, wasi-libc lacks most of these.
 * psignal's stderr lines are musl's wording (what wasi-libc prints). */
#include <signal.h>
#include <stdio.h>
#include "check.h"

static volatile sig_atomic_t got[NSIG];
static int order[8], norder;

static void h(int s) { got[s]++; if (norder < 8) order[norder++] = s; }
static void nested(int s) {
  got[s]++;
  raise(SIGUSR2); /* blocked while SIGUSR1 runs? no: only SIGUSR1 is */
}
static int info_signo, info_code;
static void with_info(int s, siginfo_t *si, void *ctx) {
  (void)ctx;
  got[s]++;
  info_signo = si->si_signo;
  info_code = si->si_code;
}
static void reraise(int s) {
  got[s]++;
  if (got[s] < 3) raise(s); /* blocked during the handler: pending */
}

int main(void) {
  sigset_t set;
  CHECK_EQ(sigemptyset(&set), 0);
  CHECK_EQ(sigismember(&set, SIGINT), 0);
  CHECK_EQ(sigaddset(&set, SIGINT), 0);
  CHECK_EQ(sigaddset(&set, 64), 0);
  CHECK_EQ(sigismember(&set, SIGINT), 1);
  CHECK_EQ(sigismember(&set, 64), 1);
  CHECK_EQ(sigdelset(&set, SIGINT), 0);
  CHECK_EQ(sigismember(&set, SIGINT), 0);
  CHECK_ERR(sigaddset(&set, 0), EINVAL);
  CHECK_ERR(sigaddset(&set, 65), EINVAL);
  CHECK_ERR(sigismember(&set, -1), EINVAL);
  CHECK_EQ(sigfillset(&set), 0);
  CHECK_EQ(sigismember(&set, SIGTERM), 1);

  CHECK(signal(SIGUSR1, h) == SIG_DFL);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(got[SIGUSR1], 1);
  CHECK(signal(SIGUSR1, SIG_IGN) == h);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(got[SIGUSR1], 1);
  CHECK(signal(SIGKILL, h) == SIG_ERR);
  CHECK_EQ(errno, EINVAL);
  CHECK(signal(SIGSTOP, SIG_IGN) == SIG_ERR);
  CHECK(signal(0, h) == SIG_ERR);
  CHECK(signal(NSIG, h) == SIG_ERR);
  CHECK_ERR(raise(0), EINVAL);
  CHECK_ERR(raise(99), EINVAL);
  /* Default action "ignore". */
  CHECK_EQ(raise(SIGCHLD), 0);
  CHECK_EQ(raise(SIGWINCH), 0);
  CHECK_EQ(raise(SIGURG), 0);
  CHECK_EQ(raise(SIGCONT), 0);

  /* Blocking: pending until unblocked, then run before sigprocmask returns. */
  signal(SIGUSR1, h);
  signal(SIGUSR2, h);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigset_t old;
  CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
  CHECK_EQ(sigismember(&old, SIGUSR1), 0);
  norder = 0;
  CHECK_EQ(raise(SIGUSR2), 0);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(got[SIGUSR1], 1);
  sigset_t pend;
  CHECK_EQ(sigpending(&pend), 0);
  CHECK(sigismember(&pend, SIGUSR1) && sigismember(&pend, SIGUSR2));
  CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
  CHECK_EQ(got[SIGUSR1], 2); /* not queued: once */
  CHECK_EQ(got[SIGUSR2], 1);
  CHECK(norder == 2 && order[0] == SIGUSR1 && order[1] == SIGUSR2);
  CHECK_EQ(sigpending(&pend), 0);
  CHECK_EQ(sigismember(&pend, SIGUSR1), 0);
  CHECK_ERR(sigprocmask(7, &set, NULL), EINVAL);
  /* SIGKILL cannot be blocked. */
  sigemptyset(&set);
  sigaddset(&set, SIGKILL);
  sigprocmask(SIG_BLOCK, &set, NULL);
  CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &old), 0);
  CHECK_EQ(sigismember(&old, SIGKILL), 0);

  /* A signal is blocked while its handler runs (re-raise stays pending). */
  got[SIGINT] = 0;
  signal(SIGINT, reraise);
  CHECK_EQ(raise(SIGINT), 0);
  CHECK_EQ(got[SIGINT], 3);

  /* sigaction: SA_SIGINFO, SA_RESETHAND, old action. */
  struct sigaction sa, prev;
  sa.sa_sigaction = with_info;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
  CHECK_EQ(sigaction(SIGHUP, &sa, &prev), 0);
  CHECK(prev.sa_handler == SIG_DFL);
  CHECK_EQ(raise(SIGHUP), 0);
  CHECK_EQ(got[SIGHUP], 1);
  CHECK_EQ(info_signo, SIGHUP);
  CHECK_EQ(info_code, SI_USER);
  CHECK_EQ(sigaction(SIGHUP, NULL, &prev), 0);
  CHECK(prev.sa_handler == SIG_DFL);
  sa.sa_handler = SIG_IGN;
  sa.sa_flags = 0;
  CHECK_EQ(sigaction(SIGHUP, &sa, NULL), 0);
  CHECK_EQ(raise(SIGHUP), 0);
  CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
  CHECK_EQ(sigaction(SIGKILL, NULL, &prev), 0);
  /* sa_mask blocks other signals during the handler. */
  got[SIGUSR1] = got[SIGUSR2] = 0;
  sa.sa_handler = nested;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGUSR2);
  CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
  norder = 0;
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(got[SIGUSR1], 1);
  CHECK_EQ(got[SIGUSR2], 1); /* ran after the handler returned */

  CHECK_ERR(kill(42, SIGTERM), ENOSYS);
  psignal(SIGSEGV, "ps");
  psignal(SIGUSR1, NULL);
  psignal(SIGTERM, "");
  return CHECK_DONE();
}
