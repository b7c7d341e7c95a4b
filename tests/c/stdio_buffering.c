/* Buffering of the standard streams. stdout is a pipe here, so it is fully
 * buffered (ISO C: line-buffered only on an interactive device): output
 * written straight to fd 1 overtakes it until a flush. stderr is
 * unbuffered. exit (and returning from main) flushes, after the atexit
 * handlers ran; _exit does not flush.
 * Expected output from a glibc run of the same source (gen/reference.sh):
 * wasi-libc (musl) writes out the first line before it notices the pipe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void raw(const char *s) { write(1, s, strlen(s)); }

static void at_exit(void) { printf("atexit handler output\n"); }

int main(void) {
  printf("1 buffered\n");
  raw("2 raw\n");
  printf("3 buffered\n");
  fflush(stdout);
  raw("4 raw after fflush\n");

  fprintf(stderr, "e1 ");
  write(2, "e2 ", 3);
  fputs("e3\n", stderr);

  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("5 line buffered\n");
  raw("6 raw\n");
  printf("7 partial ");
  raw("8 raw\n");
  printf("line\n");

  setvbuf(stdout, NULL, _IONBF, 0);
  printf("9 unbuffered ");
  raw("10 raw\n");

  static char buf[256];
  setvbuf(stdout, buf, _IOFBF, sizeof buf);
  printf("11 in a 256-byte buffer\n");
  raw("12 raw\n");
  char longer[301];
  memset(longer, 'x', 300);
  longer[300] = 0;
  printf("13 does not fit: %s\n", longer); /* how much of it is still
                                               buffered is up to the libc */
  fflush(stdout);
  raw("14 raw\n");
  fflush(NULL);

  putchar('1'); putchar('5'); putchar('\n');
  puts("16 puts");
  raw("17 raw\n");
  atexit(at_exit);
  printf("18 flushed by exit");
  return 0;
}
