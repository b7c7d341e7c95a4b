/* Clocks: monotonic time advances across a 20 ms nanosleep, the wall clock
 * is after 2020, resolutions are positive, unknown clocks give EINVAL. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fails;
static void check(int ok, const char *what) {
    if (!ok) {
        write(STDOUT_FILENO, "FAIL ", 5);
        write(STDOUT_FILENO, what, strlen(what));
        write(STDOUT_FILENO, "\n", 1);
        fails++;
    }
}

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
    struct timespec a, b, res, req = {0, 20 * 1000 * 1000};
    check(clock_gettime(CLOCK_MONOTONIC, &a) == 0, "monotonic");
    check(nanosleep(&req, NULL) == 0, "nanosleep");
    check(clock_gettime(CLOCK_MONOTONIC, &b) == 0, "monotonic again");
    check(ns(b) - ns(a) >= 20 * 1000 * 1000, "slept at least 20 ms");
    check(clock_gettime(CLOCK_REALTIME, &a) == 0, "realtime");
    check(a.tv_sec > 1600000000, "wall clock after September 2020");
    check(time(NULL) >= a.tv_sec, "time()");
    check(clock_getres(CLOCK_MONOTONIC, &res) == 0 && ns(res) > 0, "resolution");
    errno = 0;
    check(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a) == -1 && errno == EINVAL, "EINVAL");
    write(STDOUT_FILENO, fails ? "clock: failed\n" : "clock: ok\n", fails ? 14 : 10);
    return fails != 0;
}
