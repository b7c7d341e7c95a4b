/* clock_gettime, clock_getres, time: plausible values, monotonic order,
 * unknown clocks (EINVAL), NULL results. */
#include <time.h>
#include "check.h"

int main(void) {
  struct timespec a, b, res;
  /* Realtime: after 2020-01-01, a valid timespec. */
  CHECK_EQ(clock_gettime(CLOCK_REALTIME, &a), 0);
  CHECK(a.tv_sec > 1577836800);
  CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
  /* time() agrees with it (within a few seconds), both forms. */
  time_t t1 = time(0), t2 = 0;
  CHECK_EQ(time(&t2), t2);
  CHECK(t1 >= a.tv_sec && t1 - a.tv_sec <= 5);
  CHECK(t2 >= t1 && t2 - t1 <= 5);

  /* Monotonic: never goes back. */
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0);
  CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
  int backwards = 0, failed = 0;
  for (int i = 0; i < 2000; i++) {
    if (clock_gettime(CLOCK_MONOTONIC, &b) != 0) failed++;
    if (b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec)) backwards++;
    a = b;
  }
  CHECK_EQ(failed, 0);
  CHECK_EQ(backwards, 0);

  /* Resolutions: positive, at most a second; NULL is allowed. */
  CHECK_EQ(clock_getres(CLOCK_REALTIME, &res), 0);
  CHECK(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000000);
  CHECK_EQ(clock_getres(CLOCK_MONOTONIC, &res), 0);
  CHECK(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000000);
  CHECK_EQ(clock_getres(CLOCK_REALTIME, 0), 0);
  CHECK_EQ(clock_getres(CLOCK_MONOTONIC, 0), 0);

  /* Unknown clocks; NULL result pointer. */
  CHECK_ERR(clock_gettime(-1, &a), EINVAL);
  CHECK_ERR(clock_gettime(4, &a), EINVAL);
  CHECK_ERR(clock_gettime(12345, &a), EINVAL);
  CHECK_ERR(clock_getres(-1, &res), EINVAL);
  CHECK_ERR(clock_getres(99, 0), EINVAL);
  CHECK_ERR(clock_gettime(CLOCK_REALTIME, 0), EFAULT);
  CHECK_ERR(clock_gettime(CLOCK_MONOTONIC, 0), EFAULT);
  return CHECK_DONE();
}
