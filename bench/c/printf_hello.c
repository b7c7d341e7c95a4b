/* printf's smallest use: stdio plus the printf engine. For the size table
 * only (issue 4 asks for the row). */
#include <stdio.h>

int main(void) {
    printf("hello %d\n", 42);
    return 0;
}
