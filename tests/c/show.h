/* Observation helpers for differential tests (files, directories,
 * environment): print what a call returned and the errno it set, so the
 * expected stdout can come from a wasi-libc run of the same source
 * (tests/c/ref-wasi-libc.sh). Uses only write/strlen/strcmp. */
#ifndef WASM_LIBC_TEST_SHOW_H
#define WASM_LIBC_TEST_SHOW_H
#include "check.h"

static const char *show_errname(int e) {
  switch (e) {
  case 0: return "0";
  case EACCES: return "EACCES";
  case EBADF: return "EBADF";
  case EEXIST: return "EEXIST";
  case EINVAL: return "EINVAL";
  case EIO: return "EIO";
  case EISDIR: return "EISDIR";
  case ELOOP: return "ELOOP";
  case ENOENT: return "ENOENT";
  case ENOSYS: return "ENOSYS";
  case ENOTDIR: return "ENOTDIR";
  case ENOTEMPTY: return "ENOTEMPTY";
  case ENOTSUP: return "ENOTSUP";
  case EPERM: return "EPERM";
  case ERANGE: return "ERANGE";
  case ESPIPE: return "ESPIPE";
  case EXDEV: return "EXDEV";
  case ENOTCAPABLE: return "ENOTCAPABLE";
  default: return "E?";
  }
}

/* SHOW(expr): prints "expr = value" and, when value < 0, the errno name. */
#define SHOW(expr) do { errno = 0; long long r_ = (long long)(expr); int e_ = errno; \
  check_puts(#expr " = "); check_putl(r_); \
  if (r_ < 0) { check_puts(" "); check_puts(show_errname(e_)); } \
  check_puts("\n"); } while (0)

/* SAY(label, string): prints "label: string" ("(null)" for NULL). */
static void SAY(const char *label, const char *s) {
  check_puts(label); check_puts(": "); check_puts(s ? s : "(null)"); check_puts("\n");
}

/* Sorts n strings in place (insertion sort; the lists here are short). */
static void show_sort(char **v, int n) {
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
      char *t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
    }
}
#endif
