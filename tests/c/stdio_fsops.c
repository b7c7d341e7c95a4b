/* remove, rename, tmpfile. Expected output from a glibc run of the same
 * source (tests/c/gen/reference.sh): wasi-libc has no tmpfile. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void dump(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) { printf("%s: cannot open\n", path); return; }
  char line[64] = "";
  fgets(line, sizeof line, f);
  printf("%s: [%s]\n", path, line);
  fclose(f);
}

int main(void) {
  FILE *f = fopen("e.txt", "w");
  fputs("contents", f);
  fclose(f);
  printf("rename: %d\n", rename("e.txt", "f.txt"));
  dump("e.txt");
  dump("f.txt");
  printf("remove: %d\n", remove("f.txt"));
  errno = 0;
  int r = remove("f.txt");
  printf("remove again: %d enoent %d\n", r, errno == ENOENT);
  printf("mkdir: %d\n", mkdir("sub", 0755));
  printf("remove dir: %d\n", remove("sub"));
  errno = 0;
  r = mkdir("sub", 0755);
  printf("dir gone: %d\n", r);
  f = fopen("sub/x", "w");
  fclose(f);
  errno = 0;
  r = remove("sub");
  printf("remove non-empty dir: %d enotempty %d\n", r, errno == ENOTEMPTY || errno == EEXIST);
  remove("sub/x");
  remove("sub");
  f = tmpfile();
  printf("tmpfile: %d\n", f != NULL);
  if (f) {
    fputs("scratch data\nline 2\n", f);
    printf("tmpfile ftell: %ld\n", ftell(f));
    rewind(f);
    char line[64];
    printf("tmpfile read: [%s]", fgets(line, sizeof line, f));
    fseek(f, 0, SEEK_END);
    fputs("more\n", f);
    fseek(f, -5, SEEK_END);
    printf("tmpfile read: [%s]", fgets(line, sizeof line, f));
    fclose(f);
  }
  return 0;
}
