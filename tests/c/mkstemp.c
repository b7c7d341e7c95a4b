/* mkstemp family: templates, suffixes, uniqueness, EINVAL for bad templates.
 * Expected output: a glibc run (tests/c/gen/reference.sh), which prints the
 * same checks (names are random, so only their properties are printed). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int alnum6(const char *s) {
  for (int i = 0; i < 6; i++)
    if (!isalnum((unsigned char)s[i])) return 0;
  return 1;
}

int main(void) {
  char a[] = "tmpXXXXXX", b[] = "tmpXXXXXX";
  int fa = mkstemp(a), fb = mkstemp(b);
  CHECK(fa >= 0 && fb >= 0 && fa != fb);
  CHECK(strncmp(a, "tmp", 3) == 0 && alnum6(a + 3) && strcmp(a + 3, "XXXXXX") != 0);
  CHECK(strcmp(a, b) != 0);
  CHECK_EQ(write(fa, "abc", 3), 3);
  struct stat st;
  CHECK_EQ(stat(a, &st), 0);
  CHECK_EQ(st.st_size, 3);
  CHECK(S_ISREG(st.st_mode));
  close(fa);
  close(fb);
  CHECK_EQ(unlink(a), 0);
  CHECK_EQ(unlink(b), 0);

  char s[] = "logXXXXXX.txt";
  int fs = mkstemps(s, 4);
  CHECK(fs >= 0);
  CHECK(strncmp(s, "log", 3) == 0 && alnum6(s + 3) && strcmp(s + 9, ".txt") == 0);
  close(fs);
  CHECK_EQ(unlink(s), 0);

  char o[] = "appXXXXXX";
  int fo = mkostemp(o, O_APPEND);
  CHECK(fo >= 0);
  /* O_APPEND: a write after seeking back still lands at the end. */
  CHECK_EQ(write(fo, "12", 2), 2);
  CHECK_EQ(lseek(fo, 0, SEEK_SET), 0);
  CHECK_EQ(write(fo, "3", 1), 1);
  CHECK_EQ(fstat(fo, &st), 0);
  CHECK_EQ(st.st_size, 3);
  close(fo);
  CHECK_EQ(unlink(o), 0);

  char bad1[] = "noxs", bad2[] = "tmpXXXXX", bad3[] = "XXXXXXtail", bad4[] = "";
  CHECK_ERR(mkstemp(bad1), EINVAL);
  CHECK_ERR(mkstemp(bad2), EINVAL);
  CHECK_ERR(mkstemp(bad3), EINVAL);
  CHECK_ERR(mkstemp(bad4), EINVAL);
  CHECK_ERR(mkstemps(bad3, 5), EINVAL);
  CHECK(strcmp(bad2, "tmpXXXXX") == 0);

  char d[] = "dirXXXXXX";
  CHECK(mkdtemp(d) == d);
  CHECK(alnum6(d + 3));
  CHECK_EQ(stat(d, &st), 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK_EQ(rmdir(d), 0);
  char dbad[] = "dirXXXX";
  errno = 0;
  CHECK(mkdtemp(dbad) == 0 && errno == EINVAL);

  char m[] = "oldXXXXXX";
  CHECK(mktemp(m) == m && alnum6(m + 3));
  CHECK_ERR(access(m, F_OK), ENOENT);
  char mbad[] = "oldXX";
  CHECK(mktemp(mbad) == mbad && mbad[0] == 0);
  return CHECK_DONE();
}
