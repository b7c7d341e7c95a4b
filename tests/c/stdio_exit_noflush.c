/* _exit does not flush stdio buffers; exit does. Expected output from a
 * glibc run of the same source (gen/reference.sh). */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  printf("written: flushed explicitly\n");
  fflush(stdout);
  printf("lost: still in the buffer at _exit\n");
  fputs("stderr is unbuffered\n", stderr);
  _exit(3);
}
