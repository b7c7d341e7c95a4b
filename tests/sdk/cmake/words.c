#include "words.h"
#include <ctype.h>

size_t count_words(const char *s, size_t *longest) {
    size_t n = 0, run = 0;
    *longest = 0;
    for (;; s++) {
        if (*s && !isspace((unsigned char)*s)) {
            run++;
            continue;
        }
        if (run) {
            n++;
            if (run > *longest) *longest = run;
        }
        run = 0;
        if (!*s) return n;
    }
}
