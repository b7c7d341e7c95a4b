/* printf's errors: the integer-only entry points that <stdio.h> picks
 * refuse a float or wide-string conversion (EINVAL) instead of reading an
 * argument of the wrong type; positional formats with a number above
 * NL_ARGMAX or mixed with sequential conversions fail with EINVAL. Hand
 * checks (glibc accepts the positional cases). */
#include <stdio.h>
#include <string.h>
#include "check.h"

int main(void) {
    char buf[64];
    /* Non-literal formats: the calls below are wrong on purpose. */
    const char *f_float = "%f", *f_ls = "%ls", *f_big = "%33$d", *f_mixed = "%1$d %d",
               *f_32 = "%32$d";

    /* An int for %f, or a wide string passed as void *: no floating-point
     * or wchar_t * argument, so the macro picks the integer-only function. */
    CHECK_ERR(snprintf(buf, sizeof buf, f_float, 1), EINVAL);
    CHECK_ERR(snprintf(buf, sizeof buf, f_ls, (void *)L"wide"), EINVAL);
    CHECK_ERR(__sniprintf(buf, sizeof buf, f_float, 1), EINVAL);
    CHECK_ERR(__iprintf(f_float, 1), EINVAL);
    CHECK_ERR(__fiprintf(stdout, f_ls, (void *)L"w"), EINVAL);
    CHECK_ERR(__siprintf(buf, f_float, 1), EINVAL);
    CHECK_ERR(__diprintf(1, f_float, 1), EINVAL);
    {
        char *p = 0;
        CHECK_ERR(__asiprintf(&p, f_float, 1), EINVAL);
        CHECK(p == 0);
    }
    /* The full functions format the same calls. */
    CHECK_EQ((snprintf)(buf, sizeof buf, f_float, 1.5), 8);
    CHECK(strcmp(buf, "1.500000") == 0);
    CHECK_EQ(snprintf(buf, sizeof buf, f_ls, L"wide"), 4);
    CHECK(strcmp(buf, "wide") == 0);
    /* The integer-only functions format everything else. */
    CHECK_EQ(__sniprintf(buf, sizeof buf, "%d|%5s|%#x|%c", -3, "ab", 255, 'z'), 15);
    CHECK(strcmp(buf, "-3|   ab|0xff|z") == 0);

    /* Positional: beyond NL_ARGMAX (32), or mixed with sequential ones. */
    CHECK_ERR(snprintf(buf, sizeof buf, f_big, 1), EINVAL);
    CHECK_ERR(snprintf(buf, sizeof buf, f_mixed, 1, 2), EINVAL);
    CHECK_EQ(snprintf(buf, sizeof buf, f_32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                      16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32), 2);
    CHECK(strcmp(buf, "32") == 0);
    return check_failures;
}
