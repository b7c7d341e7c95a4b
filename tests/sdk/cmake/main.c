#include "words.h"
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        size_t longest;
        size_t n = count_words(argv[i], &longest);
        printf("%d: %zu words, longest %zu, glob %s, %.2f\n", i, n, longest,
               fnmatch("*o*", argv[i], 0) == 0 ? "yes" : "no", strtod(argv[i], NULL));
    }
    return 0;
}
