/* ftw: the same files, types and order as nftw with FTW_PHYS (POSIX:
 * ftw follows no symbolic links here, like nftw(FTW_PHYS) in wasi-libc's
 * musl code). Hand-checked CHECKs; wasi-libc has no ftw. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static char seen[2][32][64];
static int types[2][32], n[2], which;

static int cb3(const char *p, const struct stat *st, int type) {
  (void)st;
  strcpy(seen[which][n[which]], p);
  types[which][n[which]++] = type;
  return 0;
}
static int cb4(const char *p, const struct stat *st, int type, struct FTW *f) {
  (void)f;
  return cb3(p, st, type);
}

int main(void) {
  CHECK(mkdir("t", 0755) == 0);
  CHECK(mkdir("t/d", 0755) == 0);
  CHECK(symlink("d", "t/l") == 0);
  CHECK(symlink("nope", "t/dangling") == 0);
  which = 0;
  CHECK_EQ(ftw("t", cb3, 10), 0);
  which = 1;
  CHECK_EQ(nftw("t", cb4, 10, FTW_PHYS), 0);
  CHECK_EQ(n[0], 4);
  CHECK_EQ(n[0], n[1]);
  int same = 1, links = 0;
  for (int i = 0; i < n[0]; i++) {
    if (strcmp(seen[0][i], seen[1][i]) || types[0][i] != types[1][i]) same = 0;
    if (types[0][i] == FTW_SL) links++;
  }
  CHECK(same);
  CHECK_EQ(links, 2);
  CHECK_EQ(ftw("t", cb3, 0), 0);
  CHECK_ERR(ftw("nope", cb3, 5), ENOENT);
  return CHECK_DONE();
}
