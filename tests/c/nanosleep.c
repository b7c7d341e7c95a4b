/* nanosleep: sleeps at least the time asked (measured on CLOCK_MONOTONIC;
 * hosts that wake up early, like node's, get slept on again),
 * zero is fine, an invalid request (tv_nsec outside [0, 1e9), negative
 * tv_sec) is EINVAL, a NULL request EFAULT. */
#include <time.h>
#include "check.h"

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(void) {
  struct timespec req = {0, 20000000}, rem = {7, 7};
  long long start = now_ns();
  CHECK_EQ(nanosleep(&req, &rem), 0);
  long long slept = now_ns() - start;
  CHECK(slept >= 20000000);
  CHECK(slept < 10000000000LL);

  /* Not a whole number of milliseconds: still at least that long. */
  req.tv_nsec = 2500000;
  start = now_ns();
  CHECK_EQ(nanosleep(&req, 0), 0);
  CHECK(now_ns() - start >= 2500000);

  req.tv_sec = 0;
  req.tv_nsec = 0;
  CHECK_EQ(nanosleep(&req, 0), 0);
  req.tv_nsec = 999999999;
  start = now_ns();
  CHECK_EQ(nanosleep(&req, 0), 0);
  CHECK(now_ns() - start >= 999999999);

  req.tv_sec = 0;
  req.tv_nsec = -1;
  CHECK_ERR(nanosleep(&req, 0), EINVAL);
  req.tv_nsec = 1000000000;
  CHECK_ERR(nanosleep(&req, &rem), EINVAL);
  req.tv_sec = -1;
  req.tv_nsec = 0;
  CHECK_ERR(nanosleep(&req, 0), EINVAL);
  CHECK_ERR(nanosleep(0, 0), EFAULT);
  return CHECK_DONE();
}
