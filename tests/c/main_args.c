/* Program start with `int main(int argc, char **argv)`: the arguments from
 * main_args.args (one per line, an empty line is an empty argument), argv[0]
 * is the program name the runner passes (the test's name), and
 * argv[argc] is a null pointer. */
#include "check.h"

int main(int argc, char **argv) {
  CHECK_EQ(errno, 0);
  CHECK_EQ(argc, 6);
  CHECK(argv[argc] == 0);
  CHECK(strcmp(argv[0], "main_args") == 0);
  for (int i = 0; i < argc; i++) {
    check_puts("argv[");
    check_putl(i);
    check_puts("] = [");
    check_puts(argv[i]);
    check_puts("] length ");
    check_putl((long long)strlen(argv[i]));
    check_puts("\n");
  }
  return CHECK_DONE();
}
