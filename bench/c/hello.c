/* The smallest program: one write() to stdout. For the size table. */
#include <unistd.h>

int main(void) {
    (void)write(1, "Hello, world!\n", 14);
    return 0;
}
