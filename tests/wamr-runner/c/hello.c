/* The smallest program: write(2) to stdout, exit status 0. */
#include <string.h>
#include <unistd.h>

int main(void) {
    const char *msg = "hello from wasm-libc\n";
    return write(STDOUT_FILENO, msg, strlen(msg)) == (ssize_t)strlen(msg) ? 0 : 1;
}
