/* Helpers for the C test programs: each check prints one line, so a test's
 * expected stdout shows exactly which checks ran and what they saw.
 * Compile with -fno-builtin; use only the library under test. */
#ifndef WASM_LIBC_TEST_CHECK_H
#define WASM_LIBC_TEST_CHECK_H
#include <errno.h>
#include <string.h>
#include <unistd.h>

static int check_failures __attribute__((unused));

__attribute__((unused)) static void check_puts(const char *s) { write(1, s, strlen(s)); }

__attribute__((unused)) static void check_putl(long long v) {
  char b[24]; int i = 23; int neg = v < 0;
  unsigned long long u = neg ? 0ull - (unsigned long long)v : (unsigned long long)v;
  b[i] = 0;
  do { b[--i] = (char)('0' + u % 10); u /= 10; } while (u);
  if (neg) b[--i] = '-';
  check_puts(b + i);
}

__attribute__((unused)) static void check_report(int ok, const char *what, int line) {
  check_puts(ok ? "ok   " : "FAIL ");
  check_puts(what);
  if (!ok) { check_puts(" (line "); check_putl(line); check_puts(")"); check_failures++; }
  check_puts("\n");
}

/* CHECK(cond): prints "ok   cond" or "FAIL cond (line N)". */
#define CHECK(cond) check_report(!!(cond), #cond, __LINE__)
/* CHECK_EQ(a, b): integer equality; prints both values on failure. */
#define CHECK_EQ(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
  check_report(a_ == b_, #a " == " #b, __LINE__); \
  if (a_ != b_) { check_puts("     got "); check_putl(a_); check_puts(", want "); check_putl(b_); check_puts("\n"); } } while (0)
/* CHECK_ERR(expr, E): expr returns -1 and sets errno to E. */
#define CHECK_ERR(expr, E) do { errno = 0; long long r_ = (long long)(expr); int e_ = errno; \
  check_report(r_ == -1 && e_ == (E), #expr " fails with " #E, __LINE__); \
  if (!(r_ == -1 && e_ == (E))) { check_puts("     got "); check_putl(r_); check_puts(", errno "); check_putl(e_); check_puts("\n"); } } while (0)
/* Exit status: number of failed checks (0 = all passed). */
#define CHECK_DONE() (check_failures)

#endif
