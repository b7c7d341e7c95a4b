/* Built with plain `clang-19 --target=wasm32-wasip1|wasm32-wasip2` by
 * tests/sdk/check.sh. Returns argv[1] as its status; uses 128-bit and
 * long double arithmetic, which need compiler-rt's builtins. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    volatile unsigned __int128 a = 0x123456789abcdefULL;
    volatile long double x = 1.5L;
    unsigned __int128 p = a * a / 7;
    printf("argc %d: %llx %.3Lf\n", argc, (unsigned long long)(p >> 64), x * x / 3);
    return argc > 1 ? atoi(argv[1]) : 0;
}
