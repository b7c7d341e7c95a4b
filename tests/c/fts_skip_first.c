/* fts_set(FTS_SKIP) on the first entry of a fts_children list: fts(3)
 * says a listed entry so marked is not visited; BSD (and so musl-fts /
 * wasi-libc) and glibc ignore the mark on the first child (fts_read goes
 * straight to it) and honour it on the others. Ours honours it on every
 * child: hand-checked expectations, not a reference run. */
#include <fts.h>
#include <string.h>
#include "check.h"

static int byname(const FTSENT **a, const FTSENT **b) {
  return strcmp((*a)->fts_name, (*b)->fts_name);
}

int main(void) {
  char *t[] = {"t", NULL};
  FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
  CHECK(f != NULL);
  FTSENT *p = fts_read(f);
  CHECK(p && p->fts_info == FTS_D && strcmp(p->fts_path, "t") == 0);
  FTSENT *c = fts_children(f, 0);
  CHECK(c && strcmp(c->fts_name, "a") == 0);
  CHECK_EQ(fts_set(f, c, FTS_SKIP), 0);
  p = fts_read(f);
  CHECK(p && p->fts_info == FTS_F && strcmp(p->fts_path, "t/b") == 0);
  p = fts_read(f);
  CHECK(p && p->fts_info == FTS_DP && strcmp(p->fts_path, "t") == 0);
  CHECK(fts_read(f) == NULL);
  CHECK_EQ(fts_close(f), 0);
  return CHECK_DONE();
}
