#!/usr/bin/env python3
"""Generates the strtod/strtof/strtold differential tests.

Writes tests/c/strtod_f64.c, strtod_f32.c, strtod_f128.c (thousands of
inputs each: random values at many precisions, exact halfway points and
their neighbours, long digit strings, subnormals, the normal/subnormal and
overflow boundaries, hex floats) and strtod_syntax.c (parsing, end pointer
and errno for all three functions). Each program prints, per input, the
result's bits in hex, the end offset and whether errno is ERANGE; the
expected .stdout comes from glibc (tests/c/gen/reference.sh; the host build
uses strtof128 for long double, which is binary128 on wasm32).

glibc 2.36 rounds some hexadecimal inputs with subnormal results wrongly
(it loses the rounding bit when it shifts a full-precision significand
into the subnormal range: 0x165efb5p-152 gives 0x2cbdf6 instead of
0x2cbdf7, and misses ERANGE for 0x1b99a25p-151). C requires correct
rounding for hex input. Those cases (hex, tiny result, more significant
bits than the precision) go to strtod_hex_tiny.c, whose expected output is
written here by the exact-arithmetic oracle in oracle.py; every other
expected output is glibc's, and oracle.py agrees with glibc on all of them
(check: python3 tests/c/gen/gen_strtod.py --check).

Deterministic (fixed seed): rerun and commit the .c files and outputs:
  python3 tests/c/gen/gen_strtod.py && tests/c/gen/reference.sh strtod_f64 strtod_f32 strtod_f128 strtod_syntax
"""
import os
import random
import re
import sys
from fractions import Fraction

import oracle

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# (explicit mantissa bits, exponent bits)
FORMATS = {"f32": (23, 8), "f64": (52, 11), "f128": (112, 15)}


def params(fmt):
    mant, exp = FORMATS[fmt]
    bias = (1 << (exp - 1)) - 1
    return mant + 1, 1 - bias, bias  # precision, emin, emax


def dyadic_str(num, e):
    """Exact decimal string of num * 2^e (num >= 0 integer)."""
    if e >= 0:
        return str(num << e)
    digits = str(num * 5 ** (-e))
    k = -e  # digits after the point
    if len(digits) <= k:
        digits = "0" * (k - len(digits) + 1) + digits
    s = digits[:-k] + "." + digits[-k:]
    s = s.rstrip("0").rstrip(".")
    return s


def sci(num, e, ndig=None):
    """num*2^e in scientific notation, exact (ndig=None) or truncated to ndig digits."""
    s = dyadic_str(num, e)
    if "." in s:
        ip, fp = s.split(".")
    else:
        ip, fp = s, ""
    digits = (ip + fp).lstrip("0")
    lead = len(ip + fp) - len((ip + fp).lstrip("0"))
    point = len(ip) - lead  # value = 0.digits * 10^point
    if ndig is not None:
        digits = digits[:ndig]
    digits = digits.rstrip("0") or "0"
    exp10 = point - 1
    m = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{m}e{exp10}"


def rand_value(rng, fmt, subnormal=False, wide=1.0):
    """Random positive finite (num, e) representable in fmt; with
    probability 1 - wide the binary exponent is within +-64 (short exact
    decimal expansions), otherwise anywhere in the range."""
    p, emin, emax = params(fmt)
    if subnormal:
        return rng.randrange(1, 1 << (p - 1)), emin - p + 1
    m = rng.randrange(1 << (p - 1), 1 << p)
    if rng.random() < wide:
        e = rng.randrange(emin, emax + 1) - p + 1
    else:
        e = rng.randrange(-64, 65) - p + 1
    return m, e


def cases_for(fmt, rng, n_random):
    p, emin, emax = params(fmt)
    out = []
    add = out.append
    # Random values printed with various digit counts (round-trip and not).
    for _ in range(n_random):
        m, e = rand_value(rng, fmt, subnormal=rng.random() < 0.1)
        nd = rng.choice([1, 2, 3, 5, 8, 9, 12, 15, 16, 17, 18, 20, 25, 30, 36, 40, 50])
        add(sci(m, e, nd))
    # Exact halfway points between neighbours, and just above/below.
    wide = {"f32": 1.0, "f64": 0.4, "f128": 0.03}[fmt]
    for _ in range(n_random // 2):
        sub = rng.random() < 0.15 * wide
        m, e = rand_value(rng, fmt, subnormal=sub, wide=wide)
        mid_num, mid_e = 2 * m + 1, e - 1
        exact = sci(mid_num, mid_e)
        add(exact)
        mant, ex = exact.split("e")
        if "." not in mant:
            mant += "."
        add(mant + "000000000000000000001e" + ex)  # just above
        add(mant + "0" * rng.randrange(1, 40) + "e" + ex)  # exactly half, padded
        # just below: subtract one unit in a far digit
        dg = mant.replace(".", "")
        below = str(int(dg) * 10**25 - 1)
        add(below[0] + "." + below[1:] + "e" + str(int(ex)))
        # the value as a plain decimal (no exponent) when short enough
        if len(dyadic_str(mid_num, mid_e)) < 400:
            add(dyadic_str(mid_num, mid_e))
    # Normal/subnormal boundary: around 2^emin, with tininess after rounding.
    for k in range(0, 8):
        for d in (-1, 0, 1):
            # 2^emin - (2^(emin-p-1+k)) * ... variations near the boundary
            num = (1 << (p + 4)) * 2 - (1 << k) + d
            add(sci(num, emin - p - 5))
    for frac in ("1", "0.5", "0.25", "0.75", "0.125"):
        f = Fraction(frac)
        # min subnormal times f, exact
        v = f * Fraction(2) ** (emin - p + 1)
        add(sci(v.numerator, -(v.denominator.bit_length() - 1)))
    # Overflow boundary: max, max + half ulp (ties to even -> inf), around.
    maxv = ((1 << p) - 1, emax - p + 1)
    add(sci(*maxv))
    half_up = (2 * ((1 << p) - 1) + 1, emax - p)
    add(sci(*half_up))
    add(sci(*half_up, 25))
    hu = sci(*half_up)
    add(hu.replace("e", "000001e"))
    below = str(int(hu.split("e")[0].replace(".", "")) * 10 - 1)
    add(below[0] + "." + below[1:] + "e" + hu.split("e")[1])
    add(f"1e{int(emax * 0.30103) + 1}")
    add(f"1e{int(emax * 0.30103)}")
    add(f"1e-{int((p - emin) * 0.30103) + 2}")
    add(f"1e-{int((p - emin) * 0.30103) - 1}")
    # Long digit strings around halfway points (beyond the digit cap).
    for _ in range(6 if fmt == "f128" else 40):
        m, e = rand_value(rng, fmt, subnormal=rng.random() < 0.5, wide=0.5)
        exact = sci(2 * m + 1, e - 1)
        mant, ex = exact.split("e")
        if "." not in mant:
            mant += "."
        add(mant + "0" * rng.randrange(10, 3000) + rng.choice(["1", "", "0"]) + "e" + ex)
    # Many digits of a simple value.
    add("0." + "0" * 300 + "1" + "0" * 50)
    add("1" + "0" * 400 + "e-400")
    add("9" * 1000)
    add("0." + "9" * 1000)
    add("1." + "0" * 2000 + "1")
    # Hex floats: random bit patterns with extra digits and exponents.
    for _ in range(n_random // 4):
        m, e = rand_value(rng, fmt, subnormal=rng.random() < 0.2)
        extra = rng.randrange(0, 12)
        num = (m << extra) + rng.randrange(0, 1 << extra) if extra else m
        # print as 0x<hex>p<e>, sometimes with a point
        h = format(num, "x")
        ee = e - extra
        if rng.random() < 0.5 and len(h) > 1:
            cut = rng.randrange(1, len(h))
            ee += 4 * (len(h) - cut)
            h = h[:cut] + "." + h[cut:]
        add(f"0x{h}p{ee}")
    # Hex halfway cases.
    for _ in range(n_random // 8):
        m, e = rand_value(rng, fmt, subnormal=rng.random() < 0.3)
        add(f"0x{format(2 * m + 1, 'x')}p{e - 1}")
        add(f"0x{format((2 * m + 1) << 40 | 1, 'x')}p{e - 41}")
    return out


def c_string(s):
    """A C string literal for s (ASCII), escaping quotes and controls."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append("\\%03o" % ord(ch))
    return '"' + "".join(out) + '"'


PRELUDE = r'''#include "check.h"
#include <stdlib.h>

static void put_hex(const void *p, int n) {
  const unsigned char *b = p;
  char s[40];
  int k = 0;
  for (int i = n - 1; i >= 0; i--) {
    s[k++] = "0123456789abcdef"[b[i] >> 4];
    s[k++] = "0123456789abcdef"[b[i] & 15];
  }
  s[k] = 0;
  check_puts(s);
}
'''

F128_PRELUDE = r'''#ifdef __wasm__
typedef long double f128;
#define STRTO128 strtold
#else
/* glibc x86_64: long double is x87; _Float128 is wasm32's long double. */
typedef _Float128 f128;
#define STRTO128 strtof128
#endif
'''

KIND = {
    "f64": ("double", "strtod", 8),
    "f32": ("float", "strtof", 4),
    "f128": ("f128", "STRTO128", 16),
}


def write_test(name, doc, cases, kinds):
    path = os.path.join(OUT, name + ".c")
    with open(path, "w") as f:
        f.write(f"/* Generated by tests/c/gen/gen_strtod.py: do not edit.\n * {doc}\n * Per input: index, result bits, end offset, ERANGE or -. */\n")
        f.write("#define _GNU_SOURCE\n")
        f.write(PRELUDE)
        if "f128" in kinds:
            f.write(F128_PRELUDE)
        f.write("static const char *const cases[] = {\n")
        for c in cases:
            f.write("  " + c_string(c) + ",\n")
        f.write("};\n\nint main(void) {\n")
        f.write("  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {\n")
        f.write("    char *end;\n")
        f.write("    check_putl(i);\n")
        for k in kinds:
            ty, fn, size = KIND[k]
            f.write(f"    {{ errno = 0; {ty} v = {fn}(cases[i], &end); int e = errno;\n")
            f.write(f"      check_puts(\" \"); put_hex(&v, {size}); check_puts(\" \"); check_putl(end - cases[i]);\n")
            f.write("      check_puts(e == ERANGE ? \" R\" : e ? \" ?\" : \" -\"); }\n")
        f.write("    check_puts(\"\\n\");\n  }\n  return 0;\n}\n")
    print(f"wrote {path}: {len(cases)} inputs")


SYNTAX = [
    "", " ", "x", "+", "-", ".", "-.", "+.e1", "e1", ".e1", "1", "-1", "+1", "  \t\n\v\f\r 42",
    "1.", "-1.", ".5", "-.5", "1.5e", "1.5e+", "1.5e-", "1.5E3", "1.5e+3x", "1.5e-3.2", "1e0001",
    "1..2", "0", "-0", "+0", "0.0", "-0.0", "0e999999999999999999999", "1e999999999999999999999",
    "1e-999999999999999999999", "-1e999999999999999999999", "00000000000000000000000001.5",
    "0.000000000000000000000000000000000000000000000000000000000000001e64",
    "inf", "INF", "-inf", "+Inf", "infinity", "INFINITY", "infinit", "infx", "in", "-infinity-",
    "nan", "NaN", "-nan", "nan(", "nan()", "nan(123)", "nan(0x7)", "nan(0X1f)", "nan(077)",
    "nan(abc)", "nan(_)", "nan(1 2)", "nan(123", "nan(0x)", "nan(-1)",
    "nan(99999999999999999999999)", "nan(0xffffffffffffffff)", "nan(0x8000000000000)",
    "nan(0x4000000000000)", "nan(0x400000)", "nan(0x200000)", "nanq", "na", "-nan(5)x",
    "0x", "0X", "0x.", "0x.p1", "0xg", "0xp1", "0x1", "0X1P3", "0x1p", "0x1p+", "0x1p-",
    "0x1.8", "0x.8", "-0x.8p1", "0x1.fffffffffffff", "0x1.fffffffffffff8", "0x1.fffffffffffff7ff",
    "0x1.fffffffffffff80000000001", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
    "0x1p-1076", "0x0.0000000000001p-1022", "0x1p1023", "0x1p1024", "0x1.fffffffffffffp1023",
    "0x1.fffffffffffff7p1023", "0x1.fffffffffffff8p1023", "0x0p99999", "0x1p-99999999999",
    "0x1p99999999999", "0x0000000000000000000000000000000000000000001p0",
    "0x1000000000000000000000000000000000000000000000p0", "0x.00000000000000000000000000000000001p0",
    "0x123456789abcdef0123456789abcdef0123456789p-100", "0x1.000000000000000000000000000000001p0",
    "1e-310", "1e-320", "2e-323", "4e-324", "5e-324", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072012e-308",
    "2.2250738585072014e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308",
    "1e309", "-1e309", "1.4e-45", "7e-46", "8e-46", "1.17549435e-38", "3.4028235e38",
    "3.4028236e38", "3.40282357e38", "1e39", "1e4932", "1.2e4932", "1e4933", "1e-4950",
    "6e-4966", "3e-4966", "4e-4966", "1e-4966", "1e-5000", "0.1", "0.2", "0.3", "3.14159265358979323846",
    "9007199254740993", "9007199254740992.5", "9007199254740993.0000000001",
    "123456789012345678901234567890", "1e23", "8.41e21", "5e-20", "1e22", "1e-22", "4e22",
    "1.00000005960464477539062499", "1.000000059604644775390625", "1.00000005960464477539062501",
    "16777217", "16777217.000001", "33554435",
]


def glibc_hex_bug(case, fmt):
    """Hex input, tiny result, more significant bits than the precision."""
    if not re.match(r"^[+-]?0[xX]", case):
        return False
    p, emin, _ = params(fmt)
    neg, v = oracle.value(case)
    digits = re.sub(r"[^0-9a-fA-F]", "", case.split("p")[0][2:].lstrip("+-")[0:]).lstrip("0")
    bits = int(digits, 16) if digits else 0
    while bits and bits % 2 == 0:
        bits //= 2
    return 0 < v < Fraction(2) ** emin and bits.bit_length() > p


def write_oracle_stdout(name, cases, fmt):
    width = {"f32": 8, "f64": 16, "f128": 32}[fmt]
    with open(os.path.join(OUT, name + ".stdout"), "w") as f:
        for i, c in enumerate(cases):
            bits, er = oracle.expect(c, fmt)
            f.write(f"{i} {bits:0{width}x} {len(c)} {'R' if er else '-'}\n")


def check():
    """Compares the glibc outputs with the oracle (well-formed cases)."""
    bad = 0
    for name, fmt in (("strtod_f64", "f64"), ("strtod_f32", "f32"), ("strtod_f128", "f128")):
        src = open(os.path.join(OUT, name + ".c")).read()
        cases = re.findall(r'^  "(.*)",$', src, re.M)
        out = open(os.path.join(OUT, name + ".stdout")).read().split("\n")
        for i, c in enumerate(cases):
            _, bits, end, er = out[i].split()
            if (int(bits, 16), er == "R") != oracle.expect(c, fmt) or int(end) != len(c):
                print(f"{name} {i}: {c[:60]}: glibc {bits} {er}, oracle {oracle.expect(c, fmt)}")
                bad += 1
        print(f"{name}: {len(cases)} cases checked")
    print(f"{bad} disagreements")
    return bad == 0


def main():
    sys.set_int_max_str_digits(0)
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if check() else 1)
    rng = random.Random(20261125)
    tiny = []
    sets = {}
    for fmt, n in (("f64", 1600), ("f32", 1200), ("f128", 500)):
        cases = cases_for(fmt, rng, n)
        sets[fmt] = [c for c in cases if not glibc_hex_bug(c, fmt)]
        tiny.append((fmt, [c for c in cases if glibc_hex_bug(c, fmt)]))
    write_test("strtod_f64", "strtod (binary64): generated hard cases.", sets["f64"], ["f64"])
    write_test("strtod_f32", "strtof (binary32): generated hard cases.", sets["f32"], ["f32"])
    write_test("strtod_f128", "strtold (binary128 on wasm32; strtof128 on the host).", sets["f128"], ["f128"])
    write_test("strtod_syntax", "strtod/strtof/strtold: syntax, end pointer, errno, boundaries.", SYNTAX, ["f64", "f32", "f128"])
    for fmt, cases in tiny:
        name = f"strtod_hex_tiny_{fmt}"
        write_test(name, f"Hex input with a subnormal {fmt} result and extra bits; expected output from oracle.py (glibc 2.36 misrounds these).", cases, [fmt])
        write_oracle_stdout(name, cases, fmt)


if __name__ == "__main__":
    main()
