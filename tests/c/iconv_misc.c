/* iconv: descriptors, resets and error forms, compared with glibc
 * (reference.sh). The conversions themselves: iconv_gen. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "check.h"

static size_t conv(iconv_t cd, const char *in, size_t n, char *out, size_t cap, size_t *used) {
  char *ip = (char *)in, *op = out;
  size_t il = n, ol = cap;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  *used = (size_t)(op - out);
  return r;
}

int main(void) {
  char out[64];
  size_t used;
  errno = 0;
  CHECK(iconv_open("UTF-9", "UTF-8") == (iconv_t)-1 && errno == EINVAL);
  errno = 0;
  CHECK(iconv_open("UTF-8", "no-such-set") == (iconv_t)-1 && errno == EINVAL);
  errno = 0;
  CHECK(iconv((iconv_t)-1, 0, 0, 0, 0) == (size_t)-1 && errno == EBADF);
  CHECK_ERR(iconv_close((iconv_t)-1), EBADF);

  /* UTF-16 output: a BOM first, and again after each reset */
  iconv_t cd = iconv_open("UTF-16", "UTF-8");
  CHECK(cd != (iconv_t)-1);
  CHECK_EQ(conv(cd, "A", 1, out, sizeof out, &used), 0);
  CHECK(used == 4 && memcmp(out, "\xff\xfe" "A\0", 4) == 0);
  CHECK_EQ(conv(cd, "B", 1, out, sizeof out, &used), 0);
  CHECK(used == 2 && memcmp(out, "B\0", 2) == 0);
  CHECK_EQ(iconv(cd, 0, 0, 0, 0), 0);
  CHECK_EQ(conv(cd, "C", 1, out, sizeof out, &used), 0);
  CHECK(used == 4 && memcmp(out, "\xff\xfe" "C\0", 4) == 0);
  { char *op = out; size_t ol = sizeof out; CHECK_EQ(iconv(cd, 0, 0, &op, &ol), 0); CHECK_EQ(ol, sizeof out); }
  { char *nul = 0; size_t zero = 0; CHECK_EQ(iconv(cd, &nul, &zero, 0, 0), 0); }
  CHECK_EQ(conv(cd, "D", 1, out, sizeof out, &used), 0);
  CHECK(used == 4 && memcmp(out, "\xff\xfe" "D\0", 4) == 0);
  /* E2BIG: what fits is converted and counted back */
  { char *ip = "EFG", *op = out; size_t il = 3, ol = 3; errno = 0;
    CHECK(iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == E2BIG);
    CHECK_EQ(il, 2); CHECK_EQ(ol, 1); CHECK_EQ(op - out, 2); }
  CHECK_EQ(iconv_close(cd), 0);

  /* UTF-16 input: a BOM alone is consumed and sets the order */
  cd = iconv_open("UTF-8", "UTF-16");
  CHECK_EQ(conv(cd, "\xfe\xff", 2, out, sizeof out, &used), 0);
  CHECK_EQ(used, 0);
  CHECK_EQ(conv(cd, "\0A", 2, out, sizeof out, &used), 0);
  CHECK(used == 1 && out[0] == 'A');
  /* incomplete input: EINVAL, the partial character left in place */
  { char *ip = "\0B\0", *op = out; size_t il = 3, ol = sizeof out; errno = 0;
    CHECK(iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == EINVAL);
    CHECK_EQ(il, 1); CHECK_EQ(op - out, 1); }
  CHECK_EQ(iconv_close(cd), 0);

  /* invalid input: EILSEQ, *inbuf at the bad byte */
  cd = iconv_open("utf-16le", "Utf8");
  { char *ip = "ab\xff" "c", *op = out; size_t il = 4, ol = sizeof out; errno = 0;
    CHECK(iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno == EILSEQ);
    CHECK_EQ(il, 2); CHECK(*ip == '\xff'); CHECK_EQ(op - out, 4); }
  CHECK_EQ(iconv_close(cd), 0);

  /* a character the target lacks: EILSEQ; //TRANSLIT counts replacements */
  cd = iconv_open("ASCII", "UTF-8");
  errno = 0;
  CHECK(conv(cd, "x\xc3\xa9", 3, out, sizeof out, &used) == (size_t)-1 && errno == EILSEQ);
  CHECK_EQ(used, 1);
  CHECK_EQ(iconv_close(cd), 0);
  cd = iconv_open("ASCII//TRANSLIT", "UTF-8");
  CHECK_EQ(conv(cd, "x\xc3\xa9y\xe4\xb8\x80", 7, out, sizeof out, &used), 2);
  CHECK(used == 4 && memcmp(out, "x?y?", 4) == 0);
  CHECK_EQ(iconv_close(cd), 0);
  cd = iconv_open("ISO-8859-1//IGNORE", "UTF-8");
  errno = 0;
  CHECK(conv(cd, "x\xe4\xb8\x80y", 5, out, sizeof out, &used) == (size_t)-1 && errno == EILSEQ);
  CHECK(used == 2 && memcmp(out, "xy", 2) == 0);
  CHECK_EQ(iconv_close(cd), 0);

  return CHECK_DONE();
}
