/* wasm-libc behaviour that differs from wasi-libc on purpose, and the calls
 * WASI cannot support. Expected stdout written by hand (not differential):
 * - open("") fails with ENOENT as POSIX says (wasi-libc opens the directory);
 * - fdopendir on a regular file fails with ENOTDIR (wasi-libc: EBADF);
 * - getcwd is normalized after chdir("..") (wasi-libc answers "/a/b/..");
 * - chmod/chown succeed when they ask for what stat reports (no permission
 *   bits; owner and group 0 or -1) and otherwise fail with ENOSYS, as do
 *   mkfifo/mknod/fchdir (wasi-libc: chmod family always ENOSYS, no chown);
 * - getrandom, secure_getenv, umask exist; struct layouts.
 * Fixture: fs_posix.files/a/b/f.txt. */
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "show.h"

int main(void) {
  char buf[64];
  struct stat st;

  SHOW(open("", O_RDONLY));
  SHOW(stat("", &st));
  SHOW(chdir(""));
  int f = open("a/b/f.txt", O_RDONLY);
  SHOW(fdopendir(f) ? 1 : -1);
  SHOW(close(f));

  SHOW(chdir("a/b"));
  SAY("cwd", getcwd(buf, sizeof buf));
  SHOW(chdir(".."));
  SAY("cwd", getcwd(buf, sizeof buf));
  SHOW(stat("b/f.txt", &st));
  SHOW(chdir("./b/../b/."));
  SAY("cwd", getcwd(buf, sizeof buf));
  SHOW(chdir("../.."));
  SAY("cwd", getcwd(buf, sizeof buf));
  SHOW(chdir("a//b/"));
  SAY("cwd", getcwd(buf, sizeof buf));
  SHOW(chdir("/"));

  SHOW(chmod("a/b/f.txt", 0600));
  SHOW(chmod("missing", 0600));
  SHOW(fchmodat(AT_FDCWD, "a", 0700, 0));
  int fd = open("a/b/f.txt", O_RDONLY);
  SHOW(fchmod(fd, 0600));
  SHOW(fchmod(12345, 0600));
  SHOW(fchmod(fd, 0));
  SHOW(fchmod(fd, S_IFREG));
  SHOW(chmod("a/b/f.txt", 0));
  SHOW(fchmodat(AT_FDCWD, "a", 0, 0));
  SHOW(chown("a/b/f.txt", 0, 0));
  SHOW(chown("a/b/f.txt", 1000, 0));
  SHOW(chown("a/b/f.txt", -1, -1));
  SHOW(lchown("missing", 0, 0));
  SHOW(fchown(fd, 0, 0));
  SHOW(fchown(fd, 0, 5));
  SHOW(fchown(12345, 0, 0));
  SHOW(fchdir(fd));
  SHOW(close(fd));
  SHOW(mkfifo("fifo", 0600));
  SHOW(mknod("node", S_IFREG | 0600, 0));
  SHOW(umask(077));
  SHOW(umask(022));

  SHOW(getrandom(buf, 16, 0));
  SHOW(getrandom(buf, 16, GRND_NONBLOCK | GRND_RANDOM));
  SHOW(getrandom(buf, 16, 0x100));
  SHOW(getrandom(buf, 0, 0));

  SHOW(setenv("S", "v", 1));
  SAY("secure_getenv", secure_getenv("S"));

  SHOW(sizeof(struct stat));
  SHOW(offsetof(struct stat, st_size));
  SHOW(offsetof(struct stat, st_atim));
  SHOW(offsetof(struct dirent, d_name));
  SHOW(S_IFMT & (S_IFIFO | S_IFCHR | S_IFDIR | S_IFREG | S_IFLNK | S_IFSOCK));
  SHOW(AT_FDCWD == -2);
  return 0;
}
