/* program_invocation_name / program_invocation_short_name and BSD's
 * __progname / __progname_full: argv[0] and argv[0] after its last '/',
 * set before main (glibc's behaviour; wasi-libc leaves them NULL). The
 * runner passes the test's name as argv[0]. Hand-checked CHECKs. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "check.h"

extern char *__progname, *__progname_full;

int main(int argc, char **argv) {
  CHECK(argc >= 1);
  CHECK(program_invocation_name != 0);
  CHECK(strcmp(program_invocation_name, argv[0]) == 0);
  const char *slash = strrchr(argv[0], '/');
  CHECK(strcmp(program_invocation_short_name, slash ? slash + 1 : argv[0]) == 0);
  CHECK(strcmp(program_invocation_short_name, "progname") == 0);
  CHECK(__progname == program_invocation_short_name);
  CHECK(__progname_full == program_invocation_name);
  return CHECK_DONE();
}
