/* fts over a fixture tree (fts_walk.files/t) plus an empty directory and
 * symbolic links made here (git keeps neither empty directories nor, in
 * this tree, links): each option set prints every visit in walk order
 * (fts_info, fts_level, fts_path, fts_name, fts_namelen, fts_pathlen, and
 * errno / cycle / size where they apply), then fts_set and fts_children
 * cases and errors. Expected output from glibc natively
 * (tests/c/gen/reference.sh fts_walk). Notes:
 * - every walk passes FTS_NOCHDIR, which ours (WASI has no fchdir) always
 *   behaves as; glibc without it would change directories and make
 *   fts_accpath the bare name;
 * - walks pass a compar (by name) except one, whose lines are sorted
 *   (readdir order is the file system's);
 * - glibc's FTSENT has short lengths and level, musl-fts's (ours) int:
 *   everything is printed through casts;
 * - FTS_DNR comes from a directory removed after its preorder visit (the
 *   reference runs as root, which reads any directory, and WASI has no
 *   chmod);
 * - fts_set(FTS_SKIP) on a fts_children entry is checked on later
 *   children only: BSD and glibc ignore it on the first child, ours
 *   honours it there too (fts_skip_first.c);
 * - no FTS_XDEV case: on p2 st_dev is a per-file hash. */
#define _GNU_SOURCE
#include <fts.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>
#include "check.h"

/* (show.h needs WASI's ENOTCAPABLE; glibc builds the reference.) */
static const char *show_errname(int e) {
  switch (e) {
  case 0: return "0";
  case EINVAL: return "EINVAL";
  case ELOOP: return "ELOOP";
  case ENAMETOOLONG: return "ENAMETOOLONG";
  case ENOENT: return "ENOENT";
  case ENOTDIR: return "ENOTDIR";
  default: return "E?";
  }
}
#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  check_puts(#expr " = "); check_putl(r_); \
  if (r_ < 0) { check_puts(" "); check_puts(show_errname(e_)); } \
  check_puts("\n"); } while (0)
static void show_sort(char **v, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
      char *x = v[j]; v[j] = v[j - 1]; v[j - 1] = x;
    }
}

static int byname(const FTSENT **a, const FTSENT **b) {
  return strcmp((*a)->fts_name, (*b)->fts_name);
}

static const char *info(int i) {
  static const char *const n[] = {"?", "D", "DC", "DEFAULT", "DNR", "DOT", "DP", "ERR",
                                  "F", "INIT", "NS", "NSOK", "SL", "SLNONE", "W"};
  return i >= 0 && i <= 14 ? n[i] : "?";
}

static char out[8192];
static size_t outlen;
static void put(const char *s) {
  size_t n = strlen(s);
  memcpy(out + outlen, s, n);
  outlen += n;
}
static void putl(long v) {
  char b[24], *e = b + sizeof b - 1;
  int neg = v < 0;
  unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
  *e = 0;
  do *--e = '0' + u % 10; while (u /= 10);
  if (neg) *--e = '-';
  put(e);
}

/* One visit as a line in out (returned, NUL-terminated). */
static const char *line(const FTSENT *p) {
  outlen = 0;
  put(info(p->fts_info)); put(" level="); putl((long)p->fts_level);
  put(" path="); put(p->fts_path); put(" name="); put(p->fts_name);
  put(" namelen="); putl((long)p->fts_namelen); put(" pathlen="); putl((long)p->fts_pathlen);
  if (strcmp(p->fts_accpath, p->fts_path) != 0) { put(" acc="); put(p->fts_accpath); }
  if (p->fts_info == FTS_NS || p->fts_info == FTS_DNR || p->fts_info == FTS_ERR) {
    put(" errno="); put(show_errname(p->fts_errno));
  }
  if (p->fts_info == FTS_DC) {
    put(" cycle="); put(p->fts_cycle->fts_name); put("@"); putl((long)p->fts_cycle->fts_level);
  }
  if (p->fts_info == FTS_F) { put(" size="); putl((long)p->fts_statp->st_size); }
  out[outlen] = 0;
  return out;
}

static void head(const char *what) { check_puts("== "); check_puts(what); check_puts("\n"); }
static void say(const FTSENT *p) { check_puts(line(p)); check_puts("\n"); }
static void end(FTS *f) {
  check_puts("end errno="); check_puts(show_errname(errno)); check_puts("\n");
  SHOW(fts_close(f));
}

static void walk(const char *what, char *const *roots, int opts) {
  head(what);
  FTS *f = fts_open(roots, opts | FTS_NOCHDIR, byname);
  if (!f) { check_puts("fts_open failed\n"); return; }
  FTSENT *p;
  while ((p = fts_read(f))) say(p);
  end(f);
}

int main(void) {
  /* Git keeps no empty directories; the links are made here too. */
  mkdir("t/empty", 0777);
  SHOW(symlink("sub", "t/ldir"));
  SHOW(symlink("nope", "t/dangling"));
  SHOW(symlink("..", "t/sub/up"));
  char *t[] = {"t", NULL};
  walk("PHYSICAL", t, FTS_PHYSICAL);
  walk("LOGICAL", t, FTS_LOGICAL);
  walk("PHYSICAL|SEEDOT", t, FTS_PHYSICAL | FTS_SEEDOT);
  walk("PHYSICAL|NOSTAT", t, FTS_PHYSICAL | FTS_NOSTAT);
  /* (Not FTS_LOGICAL | FTS_NOSTAT: glibc 2.36 crashes on it.) */
  char *several[] = {"t/ldir", "t/a", "nope", "t/dangling", "t/sub/deep", NULL};
  walk("roots PHYSICAL", several, FTS_PHYSICAL);
  walk("roots PHYSICAL|COMFOLLOW", several, FTS_PHYSICAL | FTS_COMFOLLOW);
  char *slash[] = {"t/", "./t/sub/deep", "t/sub/deep/", NULL};
  walk("roots with slashes", slash, FTS_PHYSICAL);

  /* No compar: readdir order, so the lines are sorted here. */
  head("no compar (lines sorted)");
  {
    static char lines[64][128];
    char *v[64];
    int n = 0;
    FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    FTSENT *p;
    while ((p = fts_read(f)) && n < 64) { strcpy(lines[n], line(p)); v[n] = lines[n]; n++; }
    end(f);
    show_sort(v, n);
    for (int i = 0; i < n; i++) { check_puts(v[i]); check_puts("\n"); }
  }

  /* fts_set: SKIP a directory at its preorder visit, AGAIN on a file,
   * FOLLOW a symbolic link, an unknown instruction. */
  head("fts_set");
  {
    FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    FTSENT *p;
    int again = 0;
    while ((p = fts_read(f))) {
      say(p);
      if (p->fts_info == FTS_D && strcmp(p->fts_name, "sub") == 0) SHOW(fts_set(f, p, FTS_SKIP));
      if (p->fts_info == FTS_F && strcmp(p->fts_name, "a") == 0 && !again++)
        SHOW(fts_set(f, p, FTS_AGAIN));
      if (p->fts_info == FTS_SL && strcmp(p->fts_name, "ldir") == 0) SHOW(fts_set(f, p, FTS_FOLLOW));
      if (p->fts_info == FTS_SL && strcmp(p->fts_name, "dangling") == 0) SHOW(fts_set(f, p, FTS_FOLLOW));
    }
    end(f);
    f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    p = fts_read(f);
    /* BSD and glibc return 1 (not -1) here. */
    errno = 0;
    int r = fts_set(f, p, 99);
    check_puts("fts_set 99 -> "); check_putl(r); check_puts(" errno="); check_puts(show_errname(errno)); check_puts("\n");
    SHOW(fts_close(f));
  }

  /* fts_children: the roots before the first fts_read, a directory's
   * entries (then walked from that list), with FTS_NAMEONLY, on a file, a
   * bad instruction, and skipping a listed child. */
  head("fts_children");
  {
    FTS *f = fts_open(several, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    for (FTSENT *c = fts_children(f, 0); c; c = c->fts_link) {
      check_puts("root "); check_puts(c->fts_name); check_puts(" "); check_puts(info(c->fts_info));
      check_puts(" level="); check_putl((long)c->fts_level); check_puts("\n");
    }
    SHOW(fts_close(f));
    f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    FTSENT *p;
    while ((p = fts_read(f))) {
      say(p);
      if (p->fts_info == FTS_D && (strcmp(p->fts_name, "t") == 0 || strcmp(p->fts_name, "sub") == 0)) {
        int nameonly = strcmp(p->fts_name, "sub") == 0;
        errno = 0;
        FTSENT *c = fts_children(f, nameonly ? FTS_NAMEONLY : 0);
        check_puts(nameonly ? "children NAMEONLY errno=" : "children errno=");
        check_puts(show_errname(errno)); check_puts("\n");
        for (; c; c = c->fts_link) {
          check_puts("  "); check_puts(c->fts_name); check_puts(" "); check_puts(info(c->fts_info));
          check_puts(" level="); check_putl((long)c->fts_level);
          check_puts(" pathlen="); check_putl((long)c->fts_pathlen);
          check_puts(" parent="); check_puts(c->fts_parent->fts_name); check_puts("\n");
        }
      }
      if (p->fts_info == FTS_F && strcmp(p->fts_name, "a") == 0) {
        errno = 0;
        FTSENT *c = fts_children(f, 0);
        check_puts("children of a file: "); check_puts(c ? "list" : "NULL");
        check_puts(" errno="); check_puts(show_errname(errno)); check_puts("\n");
        errno = 0;
        c = fts_children(f, 12345);
        check_puts("bad instr: "); check_puts(c ? "list" : "NULL");
        check_puts(" errno="); check_puts(show_errname(errno)); check_puts("\n");
      }
    }
    end(f);
  }

  /* fts_number / fts_pointer kept across visits: a du-style sum of the
   * file sizes below each directory, handed up at its FTS_DP visit. */
  head("fts_number (du)");
  {
    FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    FTSENT *p;
    while ((p = fts_read(f))) {
      if (p->fts_info == FTS_D) { p->fts_number = 0; p->fts_pointer = p; }
      if (p->fts_info == FTS_F) p->fts_parent->fts_number += (long)p->fts_statp->st_size;
      if (p->fts_info == FTS_DP) {
        check_puts(p->fts_path); check_puts(" "); check_putl((long)p->fts_number);
        check_puts(p->fts_pointer == p ? " same\n" : " other\n");
        if (p->fts_level > 0) p->fts_parent->fts_number += p->fts_number;
      }
    }
    end(f);
  }

  /* A directory that goes away after its preorder visit: FTS_DNR. */
  head("FTS_DNR");
  {
    FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    FTSENT *p;
    while ((p = fts_read(f))) {
      say(p);
      if (p->fts_info == FTS_D && strcmp(p->fts_name, "empty") == 0) SHOW(rmdir("t/empty"));
    }
    end(f);
    mkdir("t/empty", 0777);
  }

  /* Skipping listed children (not the first one). */
  head("fts_children + FTS_SKIP");
  {
    FTS *f = fts_open(t, FTS_PHYSICAL | FTS_NOCHDIR, byname);
    FTSENT *p = fts_read(f);
    say(p);
    for (FTSENT *c = fts_children(f, 0); c; c = c->fts_link)
      if (strcmp(c->fts_name, "dangling") == 0 || strcmp(c->fts_name, "sub") == 0 ||
          strcmp(c->fts_name, "zz") == 0)
        SHOW(fts_set(f, c, FTS_SKIP));
    while ((p = fts_read(f))) say(p);
    end(f);
  }

  /* fts_close in the middle of walks (deep inside, with a pending
   * fts_children list, and before several roots were visited). */
  head("fts_close mid-walk");
  for (int stop = 1; stop <= 12; stop += 1) {
    FTS *f = fts_open(stop % 2 ? t : several, FTS_LOGICAL | FTS_NOCHDIR, byname);
    FTSENT *p = NULL;
    for (int i = 0; i < stop && (p = fts_read(f)); i++) {}
    if (p && stop % 3 == 0) fts_children(f, stop % 2 ? 0 : FTS_NAMEONLY);
    check_puts(p ? line(p) : "(end)"); check_puts("\n");
    SHOW(fts_close(f));
  }

  /* Errors: unknown option bits, an empty path. */
  head("fts_open errors");
  {
    errno = 0;
    FTS *f = fts_open(t, 0x10000, NULL);
    check_puts(f ? "opened" : "NULL"); check_puts(" errno="); check_puts(show_errname(errno)); check_puts("\n");
    char *empty[] = {"t", "", NULL};
    errno = 0;
    f = fts_open(empty, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    check_puts(f ? "opened" : "NULL"); check_puts(" errno="); check_puts(show_errname(errno)); check_puts("\n");
  }
  return CHECK_DONE();
}
