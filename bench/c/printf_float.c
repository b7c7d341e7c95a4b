/* printf with a floating-point argument: the same as printf_hello plus the
 * exact float formatter, which <stdio.h> links only for calls that pass a
 * float, double or long double (sizes only). */
#include <stdio.h>

int main(void) {
    printf("hello %d %.2f\n", 42, 3.14);
    return 0;
}
