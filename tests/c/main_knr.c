/* A K&R-style main (no prototype): clang 14 names it `main`, not
 * `__main_argc_argv`; libc's weak fallback forwards to it. Prints its
 * arguments (main_knr.args). Expected output: a wasi-libc p1 run (it has the same fallback). */
#include <stdio.h>

int main(argc, argv)
int argc;
char **argv;
{
  int i;
  printf("argc %d\n", argc);
  for (i = 1; i < argc; i++) printf("argv[%d] %s\n", i, argv[i]);
  return argc == 3 ? 0 : 1;
}
