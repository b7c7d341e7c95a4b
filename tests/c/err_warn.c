/* err.h: warn/warnx/vwarn/vwarnx/err/errx message format on stderr
 * ("NAME: fmt: strerror(errno)"). Expected stdout/stderr/status from glibc
 * (tests/c/gen/reference-stdio.sh err_warn); wasi-libc has no err.h
 * functions. NAME is argv[0] after its last '/'. */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

static void my_vwarn(int x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (x) vwarnx(fmt, ap); else vwarn(fmt, ap);
  va_end(ap);
}

int main(void) {
  puts("start");
  fflush(stdout);
  errno = ENOENT;
  warn("open %s", "x.txt");
  errno = EACCES;
  warn(NULL);
  warnx("plain %d %s", 42, "words");
  warnx(NULL);
  errno = EINVAL;
  my_vwarn(0, "v%c%c", 'a', 'b');
  my_vwarn(1, "float %.3f", 1.5);
  errno = 0;
  warn("zero");
  errno = EBADF;
  err(3, "fatal %s", "error");
}
