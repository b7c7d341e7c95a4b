#include <stddef.h>
/* Counts the words of s (runs of non-space); stores the longest's length. */
size_t count_words(const char *s, size_t *longest);
