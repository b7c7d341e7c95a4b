/* Ends with the status and the way named on the command line:
   tests/p2-exit/run.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  int n = argc > 2 ? atoi(argv[2]) : 0;
  printf("status %d via %s\n", n, argc > 1 ? argv[1] : "return");
  if (argc > 1 && strcmp(argv[1], "exit") == 0) exit(n);
  return n;
}
