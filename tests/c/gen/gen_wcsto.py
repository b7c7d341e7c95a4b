#!/usr/bin/env python3
"""Writes tests/c/wcsto.c: wcstoll/wcstoull/wcstoimax/wcstoumax (every base
of a list of inputs), wcstol/wcstoul where the value fits 32 bits, and
wcstod/wcstof on decimal, hex, inf/nan and junk forms, each with leading
wide spaces (U+2003, U+3000; and U+00A0, which is not space) and non-ASCII
stops. Expected output: glibc natively in C.UTF-8 (tests/c/gen/reference.sh wcsto).
Fixed seed."""
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(14)
ints = ["0", "1", "-1", "+7", "  42", "\t\n-0x1f", "0x", "0xg", "0X7fffffffffffffff", "0x8000000000000000",
        "-0x8000000000000000", "-0x8000000000000001", "18446744073709551615", "18446744073709551616",
        "-18446744073709551615", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295",
        "4294967296", "0777", "0888", "zz", "ZZ", "-", "+", "", " ", "1e5", "12abc", "\u20031234",
        "\u3000-99", "\u00a05", "12\u00e93", "\uff11\uff12", "0b101", "1_000", "999999999999999999999999"]
for _ in range(60):
    n = rnd.randrange(-2**70, 2**70)
    b = rnd.choice([2, 8, 10, 16, 36])
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    m = abs(n)
    s = ""
    while True:
        s = digs[m % b] + s
        m //= b
        if m == 0:
            break
    ints.append(("-" if n < 0 else "") + s)
bases = [0, 2, 8, 10, 16, 36]
floats = ["0", "-0", "1", "1.5", ".5", "5.", ".", "-.e1", "1e", "1e+", "1e-5x", "1.7976931348623157e308",
          "1.7976931348623159e308", "2e308", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
          "1e-400", "0x1p-1074", "0x1.fffffffffffffp1023", "0x1p1024", "0x.8p1", "0x", "0xp1", "inf", "-INF",
          "infinity", "infinit", "nan", "NaN(123)", "nan(", "nanx", "3.4028234663852886e38", "3.4028235677973366e38",
          "1.4e-45", "7e-46", "\u2003\u20031.25", "\u3000-2.5", "\u00a01", "1.5\u00e9", "12\uff13",
          "0.1000000000000000055511151231257827021181583404541015625", "1" + "0" * 400, "0." + "0" * 350 + "1",
          "123456789012345678901234567890e-20"]
for _ in range(60):
    floats.append("%.*e" % (rnd.randrange(1, 25), rnd.uniform(-1, 1) * 10 ** rnd.randrange(-320, 310)))


def wlit(s):
    out = 'L"'
    for ch in s:
        o = ord(ch)
        if 0x20 <= o < 0x7f and ch not in '"\\':
            out += ch
        else:
            out += "\\x%x\" L\"" % o
    return out + '"'


src = ["""/* wcsto* edge cases: written by tests/c/gen/gen_wcsto.py; expected output
 * from glibc in C.UTF-8 (tests/c/gen/reference.sh wcsto). */
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *ints[] = {
"""]
src += ["  %s,\n" % wlit(s) for s in ints]
src.append("};\nstatic const wchar_t *floats[] = {\n")
src += ["  %s,\n" % wlit(s) for s in floats]
src.append("};\nstatic const int bases[] = {%s};\n" % ", ".join(map(str, bases)))
src.append(r"""
static const char *en(int e) { return e == 0 ? "0" : e == ERANGE ? "ERANGE" : e == EINVAL ? "EINVAL" : "E?"; }

int main(void) {
  if (!setlocale(LC_ALL, "C.UTF-8")) return 1;
  for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
    for (unsigned k = 0; k < sizeof bases / sizeof bases[0]; k++) {
      const wchar_t *s = ints[i];
      int b = bases[k];
      wchar_t *e1, *e2, *e3, *e4;
      errno = 0; long long a = wcstoll(s, &e1, b); int x1 = errno;
      errno = 0; unsigned long long u = wcstoull(s, &e2, b); int x2 = errno;
      errno = 0; intmax_t im = wcstoimax(s, &e3, b); int x3 = errno;
      errno = 0; uintmax_t um = wcstoumax(s, &e4, b); int x4 = errno;
      printf("%u b%d ll %lld %ld %s ull %llu %ld %s", i, b, a, (long)(e1 - s), en(x1), u, (long)(e2 - s), en(x2));
      if (im != a || e3 != e1 || x3 != x1 || um != u || e4 != e2 || x4 != x2) printf(" imax-mismatch");
      if (x1 == 0 && a >= -2147483647 - 1 && a <= 2147483647) {
        wchar_t *e5;
        errno = 0;
        long l = wcstol(s, &e5, b);
        printf(" l %s", l == a && e5 == e1 && errno == 0 ? "ok" : "BAD");
      }
      if (x2 == 0 && u <= 4294967295u && (s[0] != '-' || u == 0)) {
        wchar_t *e6;
        errno = 0;
        unsigned long ul = wcstoul(s, &e6, b);
        printf(" ul %s", ul == u && e6 == e2 && errno == 0 ? "ok" : "BAD");
      }
      printf("\n");
    }
  }
  for (unsigned i = 0; i < sizeof floats / sizeof floats[0]; i++) {
    const wchar_t *s = floats[i];
    wchar_t *e1, *e2;
    errno = 0; double d = wcstod(s, &e1); int x1 = errno;
    errno = 0; float f = wcstof(s, &e2); int x2 = errno;
    unsigned long long db; unsigned fb;
    memcpy(&db, &d, 8); memcpy(&fb, &f, 4);
    if (d != d) db = (db & 0x8000000000000000ull) | 0x7ff8000000000000ull;
    if (f != f) fb = (fb & 0x80000000u) | 0x7fc00000u;
    printf("f%u d %016llx %ld %s f %08x %ld %s\n", i, db, (long)(e1 - s), en(x1), fb, (long)(e2 - s), en(x2));
  }
  return 0;
}
""")
open(os.path.join(here, "..", "wcsto.c"), "w").write("".join(src))
print("wcsto.c: %d ints x %d bases, %d floats" % (len(ints), len(bases), len(floats)))
