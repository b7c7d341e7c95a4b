#!/usr/bin/env python3
"""Generates the math.h differential tests: tests/c/math_double.c,
math_float.c, math_long.c.

For every function and input the expected result is glibc's: this script
writes a small C program that evaluates each case with the host's glibc
(gcc -lm), runs it, and embeds the result bits in the test source. The
test then compares the library's result with that value and prints one
line per case: `ok NAME INDEX` if it is within the function's bound, else
`FAIL ...` with both values. Bounds: 0 (bit-exact; NaNs match any NaN) for
the functions where glibc and libm are both correctly rounded or exact;
otherwise a stated number of ulps (BOUNDS below). The expected .stdout is
the glibc run of the same test source (all `ok`), via reference.sh.

The functions of explog.rs (OWN: exp, exp2, exp10, expm1, log, log2, log10,
log1p, pow and their float forms) are correctly rounded, so their bound is
0 and EXTRA_PER_OWN more random arguments each are added (own seed, after
all other cases, so the other functions' inputs do not move). Where glibc's
result is not the correctly rounded one (the oracle of math_accuracy.py:
Python's decimal at 50+ digits, rounded exactly), the test carries both: on
wasm it expects the correctly rounded bits, natively glibc's (so the
reference run of the same source still prints `ok` everywhere); the
generator prints how many such cases there are.

long double (binary128 on wasm32): the exact functions are compared
bit-exactly with glibc's _Float128 functions; the functions computed in
double precision are compared after rounding both results to double.

  python3 tests/c/gen/gen_math.py && tests/c/gen/reference.sh math_double math_float math_long
"""
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# Bounds in ulps against glibc. 0: exact. Others: measured maximum
# observed difference (libm is musl's code; glibc's own error is usually
# below 1 ulp), rounded up.
BOUNDS = {}
EXACT = ["fabs", "copysign", "sqrt", "fma", "ceil", "floor", "trunc", "round", "rint", "nearbyint",
         "fmod", "remainder", "remquo", "ldexp", "scalbn", "scalbln", "frexp", "modf", "ilogb",
         "logb", "fmax", "fmin", "fdim", "nextafter", "nexttoward", "lrint", "llrint", "lround",
         "llround", "nan"]

D_D = ["acos", "asin", "atan", "cos", "sin", "tan", "acosh", "asinh", "atanh", "cosh", "sinh",
       "tanh", "exp", "exp2", "exp10", "expm1", "log", "log10", "log1p", "log2", "logb", "cbrt",
       "fabs", "sqrt", "erf", "erfc", "lgamma", "tgamma", "ceil", "floor", "nearbyint", "rint",
       "round", "trunc", "j0", "j1", "y0", "y1"]
D_DD = ["atan2", "hypot", "pow", "fmod", "remainder", "copysign", "nextafter", "fdim", "fmax", "fmin"]

# Input ranges (log10 of magnitude) where the function is interesting.
RANGE = {
    "acos": (-20, 0.1), "asin": (-20, 0.1), "atanh": (-20, 0.1), "acosh": (0, 20),
    "exp": (-5, 3.0), "exp2": (-5, 3.1), "exp10": (-5, 2.6), "expm1": (-20, 2.9),
    "cosh": (-5, 2.9), "sinh": (-5, 2.9), "tanh": (-10, 1.5), "erf": (-10, 0.8),
    "erfc": (-10, 1.5), "lgamma": (-10, 5), "tgamma": (-5, 2.2), "j0": (-5, 3), "j1": (-5, 3),
    "y0": (-5, 3), "y1": (-5, 3), "pow": (-3, 3), "log1p": (-20, 10),
}
POSITIVE = {"acosh", "log", "log10", "log2", "y0", "y1", "sqrt"}
# Correctly rounded (explog.rs): bound 0, more cases, the oracle where glibc misrounds.
OWN = ["exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "pow"]
EXTRA_PER_OWN = 400


def to_f32(x):
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def fbits(x, kind):
    if kind == "f":
        return struct.unpack("<I", struct.pack("<f", to_f32(x)))[0]
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def specials(kind):
    if kind == "f":
        tiny, big, mn = 1.401298464324817e-45, 3.4028234663852886e38, 1.1754943508222875e-38
    else:
        tiny, big, mn = 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308
    v = [0.0, -0.0, math.inf, -math.inf, math.nan, tiny, -tiny, mn, -mn, big, -big, 1.0, -1.0,
         0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2.0, -3.0, 0.1, 10.0, 100.5, -7.5, 1e-300 if kind != "f" else 1e-30,
         math.pi, -math.pi / 2, 3.0e9, 4503599627370496.5 if kind != "f" else 8388608.5,
         2 ** 52 + 1.0, -(2 ** 31) - 0.5, 2 ** 31 - 0.5, 9.3e18, -9.3e18]
    return v


def rand_in(rng, name, kind):
    lo, hi = RANGE.get(name, (-30, 30) if kind == "f" else (-300, 300))
    if kind == "f":
        lo, hi = max(lo, -37), min(hi, 38)
    mag = 10 ** rng.uniform(lo, hi)
    if rng.random() < 0.3:
        mag = rng.uniform(0, 10)
    sign = 1 if (name in POSITIVE or rng.random() < 0.5) else -1
    x = sign * mag
    if kind == "f":
        x = to_f32(x)
    return x


def inputs_1(rng, name, kind, n):
    v = specials(kind)
    while len(v) < n:
        v.append(rand_in(rng, name, kind))
    return v


C_HEAD = r'''#define _GNU_SOURCE
#define __STDC_WANT_IEC_60559_TYPES_EXT__
#include <math.h>
#include <stdint.h>
#include <string.h>
'''


def ctype(kind):
    return {"d": "double", "f": "float"}[kind]


def utype(kind):
    return {"d": "uint64_t", "f": "uint32_t"}[kind]


def cases_for(kind, rng):
    """List of (func, sig, args) where args are Python floats/ints."""
    sfx = "f" if kind == "f" else ""
    cases = []
    for name in D_D:
        for x in inputs_1(rng, name, kind, 120):
            cases.append((name + sfx, "d_d", [x]))
    for name in D_DD:
        xs = inputs_1(rng, name, kind, 90)
        ys = inputs_1(rng, name, kind, 90)
        rng.shuffle(ys)
        for x, y in zip(xs, ys):
            cases.append((name + sfx, "d_dd", [x, y]))
        # pairs of specials
        sp = specials(kind)[:12]
        for x in sp:
            for y in sp[:8]:
                cases.append((name + sfx, "d_dd", [x, y]))
    for x, y, z in zip(inputs_1(rng, "fma", kind, 150), inputs_1(rng, "fma", kind, 150)[::-1],
                       [rand_in(rng, "fma", kind) for _ in range(150)]):
        cases.append(("fma" + sfx, "d_ddd", [x, y, z]))
    for _ in range(80):  # fma with cancellation
        a = rand_in(rng, "x", kind)
        b = rand_in(rng, "x", kind)
        c = -a * b
        if kind == "f":
            c = to_f32(c)
        if math.isfinite(c):
            cases.append(("fma" + sfx, "d_ddd", [a, b, c]))
    for name in ["ldexp", "scalbn", "scalbln"]:
        for x in inputs_1(rng, name, kind, 80):
            n = rng.choice([0, 1, -1, 5, -5, 100, -100, 1000, -1000, 1100, -1100, 2000, -2000, 100000])
            cases.append((name + sfx, "d_di" if name != "scalbln" else "d_dl", [x, n]))
    for x in inputs_1(rng, "x", kind, 100):
        cases.append(("ilogb" + sfx, "i_d", [x]))
        cases.append(("frexp" + sfx, "frexp", [x]))
        cases.append(("modf" + sfx, "modf", [x]))
        cases.append(("llrint" + sfx, "ll_d", [x]))
        cases.append(("llround" + sfx, "ll_d", [x]))
        cases.append(("lgamma" + sfx + "_r", "lgamma_r", [x]))
        cases.append(("sincos" + sfx, "sincos", [x]))
    small = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.49, 1e6 + 0.5, -123456.5, 2147483647.0, -2147483648.0,
             2147483646.5, -2147483647.5, 7.7, -7.7]
    for x in small + [rng.uniform(-2e9, 2e9) for _ in range(40)]:
        if kind == "f":
            x = to_f32(x)
        if -2147483648.0 <= x < 2147483647.5:
            if -2147483648.0 <= round(x) <= 2147483647.0:
                cases.append(("lrint" + sfx, "l_d", [x]))
                cases.append(("lround" + sfx, "l_d", [x]))
    xs = inputs_1(rng, "remquo", kind, 120)
    ys = inputs_1(rng, "remquo", kind, 120)
    rng.shuffle(ys)
    for x, y in zip(xs, ys):
        cases.append(("remquo" + sfx, "remquo", [x, y]))
    for n in [0, 1, 2, 5, -3, 20]:
        for x in inputs_1(rng, "j0", kind, 40):
            cases.append(("jn" + sfx, "jn", [n, x]))
            if x > 0:
                cases.append(("yn" + sfx, "jn", [n, x]))
    for x in inputs_1(rng, "x", kind, 60):
        for y in [x, 0.0, -0.0, math.inf, -math.inf, 1.0, -1.0]:
            cases.append(("nexttoward" + sfx, "ntw", [x, y]))
    for tag in ["", "0", "1", "123", "0x7", "0x1f", "077", "abc", "_", "1 2", "-1", "0xfffffffffffff", "0x8000000000001"]:
        cases.append(("nan" + sfx, "nan", [tag]))
    xr = random.Random(1011 if kind == "d" else 1012)
    for name in OWN:
        for _ in range(EXTRA_PER_OWN):
            x = rand_in(xr, name, kind)
            if name == "pow":
                y = rand_in(xr, name, kind)
                if xr.random() < 0.8:
                    x = abs(x)
                cases.append((name + sfx, "d_dd", [x, y]))
            else:
                if name == "log1p" and x < -1:
                    x = -x
                cases.append((name + sfx, "d_d", [x]))
    # Ties and near-ties (the rounding of exact halfway results, tiny arguments).
    for x, y in [(7.391571044921875, 3.7356128692626953), (262143.0, 3.0), (-262143.0, 3.0), (262143.0, 3.5),
                 (10.0, 23.0), (2.0 ** 27 + 1, 2.0), (3.0, 33.0), (0.5, 1074.0), (2.0, -1074.5)]:
        cases.append(("pow" + sfx, "d_dd", [x, y]))
    for name, x in [("exp", 2.0 ** -53), ("exp", -(2.0 ** -54)), ("exp", 2.0 ** -52), ("exp10", 23.0),
                    ("exp10", 22.0), ("exp2", -1074.5), ("exp", -745.1332191019412), ("expm1", 2.0 ** -53)]:
        cases.append((name + sfx, "d_d", [x]))
    return cases


TAGS = []


def arg(x, kind):
    """The 64-bit table word for an argument."""
    if isinstance(x, str):
        if x not in TAGS:
            TAGS.append(x)
        return TAGS.index(x)
    if isinstance(x, int) and not isinstance(x, bool):
        return x & 0xFFFFFFFFFFFFFFFF
    return fbits(x, kind)


def call_stmt(func, sig, kind):
    """C statement computing r (and r2) from table entry t."""
    T = ctype(kind)
    A, B, C = "fb(t->a)", "fb(t->b)", "fb(t->c)"
    if sig == "d_d":
        return f"R(r, {func}({A}));"
    if sig == "d_dd":
        return f"R(r, {func}({A}, {B}));"
    if sig == "d_ddd":
        return f"R(r, {func}({A}, {B}, {C}));"
    if sig in ("d_di", "d_dl"):
        return f"R(r, {func}({A}, (int)(int64_t)t->b));"
    if sig == "i_d":
        return f"r = (uint64_t)(uint32_t){func}({A});"
    if sig == "l_d":
        return f"r = (uint64_t)(uint32_t)(int32_t){func}({A});"
    if sig == "ll_d":
        return f"r = (uint64_t){func}({A});"
    if sig == "frexp":
        return f"{{ int e; {T} m = {func}({A}, &e); R(r, m); r2 = (uint32_t)e; }}"
    if sig == "modf":
        return f"{{ {T} ip; {T} fr = {func}({A}, &ip); R(r, fr); R(r2, ip); }}"
    if sig == "remquo":
        # The quotient's sign and low 3 bits are specified (not for a NaN result).
        return (f"{{ int q; {T} v = {func}({A}, {B}, &q); R(r, v); "
                "r2 = isnan(v) ? 0 : (uint32_t)((q < 0 ? -1 : 1) * ((q < 0 ? -q : q) & 7)); }")
    if sig == "jn":
        return f"R(r, {func}((int)(int64_t)t->a, {B}));"
    if sig == "lgamma_r":
        return f"{{ int s; {T} v = {func}({A}, &s); R(r, v); r2 = isnan(v) || isinf(v) ? 0 : (uint32_t)s; }}"
    if sig == "sincos":
        return f"{{ {T} s, c; {func}({A}, &s, &c); R(r, s); R(r2, c); }}"
    if sig == "ntw":
        return f"R(r, {func}({A}, (long double){B}));"
    if sig == "nan":
        return f"R(r, {func}(tags[t->a]));"
    raise Exception(sig)


def helpers(kind):
    T, U = ctype(kind), utype(kind)
    return (f"static {T} fb(uint64_t b) {{ {U} u = ({U})b; {T} v; memcpy(&v, &u, sizeof v); return v; }}\n"
            f"#define R(dst, expr) do {{ {T} v_ = (expr); {U} u_; memcpy(&u_, &v_, sizeof u_); dst = u_; }} while (0)\n")


def float_results(sig):
    """(first result is float-like, second result is float-like)."""
    return {
        "i_d": (0, 0), "l_d": (0, 0), "ll_d": (0, 0), "frexp": (1, 0), "modf": (1, 1),
        "remquo": (1, 0), "lgamma_r": (1, 0), "sincos": (1, 1),
    }.get(sig, (1, 0))


def base_name(func, kind):
    n = func.replace("_r", "")
    if kind == "f" and n.endswith("f") and n != "erf":
        n = n[:-1]
    return n


def table(kind, cases, results=None, bounds=None):
    """C source: function names, tags, the case table and the dispatcher."""
    TAGS.clear()
    funcs, sigs = [], {}
    for func, sig, _ in cases:
        if func not in sigs:
            funcs.append(func)
            sigs[func] = sig
    rows = []
    for k, (func, sig, args) in enumerate(cases):
        words = [arg(x, kind) for x in args] + [0] * (3 - len(args))
        w1, w2 = results[k] if results else (0, 0)
        f1, f2 = float_results(sig)
        b = 0
        if bounds is not None:
            b = bounds.get("lgamma" if sig == "lgamma_r" else base_name(func, kind), 0)
        rows.append(f"  {{{funcs.index(func)}, {b}, {f1}, {f2}, 0x{words[0]:x}ULL, 0x{words[1]:x}ULL, "
                    f"0x{words[2]:x}ULL, 0x{w1:x}ULL, 0x{w2:x}ULL}},\n")
    src = "struct tc { unsigned short fn, bound; unsigned char f1, f2; uint64_t a, b, c, w1, w2; };\n"
    src += "static const char *const names[] = {" + ", ".join(f'"{f}"' for f in funcs) + "};\n"
    src += "static const char *const tags[] = {" + ", ".join('"' + t + '"' for t in TAGS) + "};\n"
    src += "static const struct tc cases[] = {\n" + "".join(rows) + "};\n"
    src += "static void run(const struct tc *t, uint64_t *rp, uint64_t *r2p) {\n  uint64_t r = 0, r2 = 0;\n  switch (t->fn) {\n"
    for i, f in enumerate(funcs):
        src += f"  case {i}: {call_stmt(f, sigs[f], kind)} break;\n"
    src += "  }\n  *rp = r;\n  *r2p = r2;\n}\n"
    return src


def glibc_results(kind, cases):
    src = C_HEAD + "#include <stdio.h>\n" + helpers(kind) + table(kind, cases)
    src += "int main(void) {\n  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {\n"
    src += "    uint64_t r, r2;\n    run(&cases[i], &r, &r2);\n"
    src += '    printf("%llx %llx\\n", (unsigned long long)r, (unsigned long long)r2);\n  }\n  return 0;\n}\n'
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "ref.c"), "w") as f:
            f.write(src)
        subprocess.run(["gcc", "-O0", "-fno-builtin", "-w", "ref.c", "-o", "ref", "-lm"], cwd=d, check=True)
        out = subprocess.run([os.path.join(d, "ref")], capture_output=True, text=True, check=True).stdout
    return [tuple(int(t, 16) for t in line.split()) for line in out.splitlines()]


TEST_BODY = r'''
static int is_nan_bits(uint64_t b, int kind) {
  return kind == 'f' ? ((b & 0x7fffffffu) > 0x7f800000u) : ((b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull);
}
/* Distance in ulps between two non-NaN values of the same kind. */
static uint64_t ulps(uint64_t a, uint64_t b, int kind) {
  int64_t x, y;
  if (kind == 'f') {
    x = (int32_t)(uint32_t)a; y = (int32_t)(uint32_t)b;
    if (x < 0) x = (int64_t)INT32_MIN - x;
    if (y < 0) y = (int64_t)INT32_MIN - y;
  } else {
    x = (int64_t)a; y = (int64_t)b;
    if (x < 0) x = INT64_MIN - x;
    if (y < 0) y = INT64_MIN - y;
  }
  return x > y ? (uint64_t)x - (uint64_t)y : (uint64_t)y - (uint64_t)x;
}
static void hex(uint64_t v) {
  char s[17]; int i = 16; s[i] = 0;
  do { s[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
  check_puts(s + i);
}
static int fails;
/* A float-like result matches: both NaN, or within `bound` ulps (0: same bits). */
static int same(uint64_t got, uint64_t want, int flt, int kind, unsigned bound) {
  if (!flt) return got == want;
  if (is_nan_bits(want, kind)) return is_nan_bits(got, kind);
  if (is_nan_bits(got, kind)) return 0;
  return bound ? ulps(got, want, kind) <= bound : got == want;
}
static void judge(const char *name, int idx, uint64_t got, uint64_t want, int flt, int kind, unsigned bound,
                  uint64_t got2, uint64_t want2, int flt2) {
  int ok = same(got, want, flt, kind, bound) && same(got2, want2, flt2, kind, bound);
  check_puts(ok ? "ok " : "FAIL "); check_puts(name); check_puts(" "); check_putl(idx);
  if (!ok) {
    fails++;
    check_puts(" got "); hex(got); check_puts(" "); hex(got2);
    check_puts(" want "); hex(want); check_puts(" "); hex(want2);
    if (flt && !is_nan_bits(got, kind) && !is_nan_bits(want, kind)) { check_puts(" ulps "); check_putl((long long)ulps(got, want, kind)); }
  }
  check_puts("\n");
}
'''


def cr_overrides(kind, cases, results):
    """(case index, correctly rounded bits) where glibc's result for an OWN
    function is not the correctly rounded one."""
    import math_accuracy
    sys.set_int_max_str_digits(0)
    out = []
    for k, (func, sig, args) in enumerate(cases):
        if base_name(func, kind) not in OWN or sig not in ("d_d", "d_dd"):
            continue
        x = args[0]
        y = args[1] if sig == "d_dd" else 0.0
        o = math_accuracy.oracle_bits(func, kind, x, y)
        if o is not None and o != results[k][0]:
            out.append((k, o))
    return out


def write_test(name, kind, cases, results, bounds):
    T = ctype(kind)
    crs = cr_overrides(kind, cases, results)
    src = (f"/* Generated by tests/c/gen/gen_math.py: do not edit.\n * math.h ({T}): each case against "
           "glibc's result; see the generator for the bounds. */\n")
    src += C_HEAD + '#include "check.h"\n' + helpers(kind) + table(kind, cases, results, bounds) + TEST_BODY
    src += ("/* Cases where glibc's result is not the correctly rounded one: on wasm the\n"
            " * correctly rounded bits are expected (see gen_math.py). */\n")
    src += "static const struct { unsigned i; uint64_t w; } crs[] = {\n"
    src += "".join(f"  {{{k}, 0x{w:x}ULL}},\n" for k, w in crs) + "  {~0u, 0}};\n"
    src += "int main(void) {\n  unsigned idx[sizeof names / sizeof *names] = {0};\n  unsigned nc = 0;\n"
    src += "  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {\n"
    src += "    const struct tc *t = &cases[i];\n    uint64_t r, r2, want = t->w1;\n    run(t, &r, &r2);\n"
    src += "    if (crs[nc].i == i) {\n#ifdef __wasm__\n      want = crs[nc].w;\n#endif\n      nc++;\n    }\n"
    src += f"    judge(names[t->fn], (int)idx[t->fn]++, r, want, t->f1, '{kind}', t->bound, r2, t->w2, t->f2);\n"
    src += "  }\n  return fails != 0;\n}\n"
    with open(os.path.join(OUT, name + ".c"), "w") as f:
        f.write(src)
    print(f"wrote {name}.c: {len(cases)} cases; glibc not correctly rounded in {len(crs)} of them")


# long double (binary128) ------------------------------------------------

L_EXACT_1 = ["sqrt", "fabs", "logb", "ceil", "floor", "nearbyint", "rint", "round", "trunc"]
L_EXACT_2 = ["copysign", "nextafter", "nexttoward", "fmax", "fmin"]
L_VIA_1 = ["exp", "log", "sin", "cos", "tan", "atan", "cbrt", "log1p", "expm1", "tanh", "erf"]
L_VIA_2 = ["pow", "atan2", "hypot", "fmod"]

L_HEAD = r"""#define _GNU_SOURCE
#define __STDC_WANT_IEC_60559_TYPES_EXT__
#include <math.h>
#include <stdint.h>
#include <string.h>
#ifdef __wasm__
typedef long double f128;
#define L(f) f##l
#define nexttoward_l nexttowardl
#else
/* glibc x86_64: long double is x87; _Float128 is wasm32's long double. */
typedef _Float128 f128;
#define L(f) f##f128
#define nexttoward_l nextafterf128
#endif
static f128 fl(uint64_t hi, uint64_t lo) { f128 v; uint64_t w[2] = {lo, hi}; memcpy(&v, w, 16); return v; }
static void bl(f128 v, uint64_t *hi, uint64_t *lo) { uint64_t w[2]; memcpy(w, &v, 16); *lo = w[0]; *hi = w[1]; }
static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
"""


def f128_of(v):
    """binary128 bits of a float/Fraction/inf/nan."""
    import oracle
    from fractions import Fraction
    if isinstance(v, float):
        if math.isnan(v):
            return 0x7FFF8 << 108
        if math.isinf(v):
            return (0x7FFF << 112) | ((1 << 127) if v < 0 else 0)
        if v == 0:
            return (1 << 127) if math.copysign(1, v) < 0 else 0
        neg = v < 0
        bits, _ = oracle.round_to(abs(Fraction(v)), "f128")
    else:
        neg = v < 0
        bits, _ = oracle.round_to(abs(v), "f128")
    return bits | ((1 << 127) if neg else 0)


def long_inputs(rng, n):
    from fractions import Fraction
    v = [f128_of(x) for x in specials("d")]
    v += [1, (1 << 127) | 1, (1 << 112) - 1, 0x7FFE_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF]
    for k in (1, 3, 5, 7, 2**40 + 1, 2**112 + 1, 2**113 - 1):
        v.append(f128_of(Fraction(k, 2)))
        v.append(f128_of(Fraction(-k, 2)))
    v.append(f128_of(Fraction(2**112 + 1)))
    while len(v) < n:
        if rng.random() < 0.5:
            e = rng.randrange(0x3FFF - 20, 0x3FFF + 120)
        else:
            e = rng.randrange(0, 0x7FFF)
        v.append((rng.getrandbits(1) << 127) | (e << 112) | rng.getrandbits(112))
    return v


def long_cases(rng):
    cases = []  # (func, sig, [args as 128-bit ints or ints])
    xs = long_inputs(rng, 150)
    for name in L_EXACT_1:
        for x in xs:
            cases.append((name, "l_l", [x]))
    ys = list(xs)
    rng.shuffle(ys)
    for name in L_EXACT_2:
        for x, y in zip(xs, ys):
            cases.append((name, "l_ll", [x, y]))
        for x in xs[:40]:
            cases.append((name, "l_ll", [x, x]))
            cases.append((name, "l_ll", [x, x ^ (1 << 127)]))
    for x in xs:
        cases.append(("frexp", "frexp", [x]))
        cases.append(("modf", "modf", [x]))
        cases.append(("ilogb", "i_l", [x]))
        cases.append(("llrint", "ll_l", [x]))
        cases.append(("llround", "ll_l", [x]))
        for n in (0, 1, -1, 100, -16400, 16400, 40000, -40000):
            cases.append(("ldexp", "l_li", [x, n]))
            cases.append(("scalbn", "l_li", [x, n]))
    from fractions import Fraction
    for k in range(-40, 41):
        x = f128_of(Fraction(k, 4) * 1000003)
        cases.append(("lrint", "l32_l", [x]))
        cases.append(("lround", "l32_l", [x]))
    for tag in ["", "0", "123", "0x7", "abc", "0xffffffffffffffff"]:
        cases.append(("nan", "nan", [tag]))
    # Computed via double: inputs exact in double; compared in double.
    for name in L_VIA_1:
        for x in inputs_1(rng, name, "d", 60):
            cases.append((name, "v_l", [f128_of(x)]))
    for name in L_VIA_2:
        a = inputs_1(rng, name, "d", 50)
        b = inputs_1(rng, name, "d", 50)
        rng.shuffle(b)
        for x, y in zip(a, b):
            cases.append((name, "v_ll", [f128_of(x), f128_of(y)]))
    for x, y, z in zip(inputs_1(rng, "x", "d", 50), inputs_1(rng, "y", "d", 50)[::-1],
                       inputs_1(rng, "z", "d", 50)):
        cases.append(("fma", "v_lll", [f128_of(x), f128_of(y), f128_of(z)]))
    return cases


def long_stmt(func, sig):
    F = "nexttoward_l" if func == "nexttoward" else f"L({func})"
    A, B, C = "fl(t->a[1], t->a[0])", "fl(t->b[1], t->b[0])", "fl(t->c[1], t->c[0])"
    if sig == "l_l":
        return f"bl({F}({A}), &r1, &r0);"
    if sig == "l_ll":
        return f"bl({F}({A}, {B}), &r1, &r0);"
    if sig == "l_li":
        return f"bl({F}({A}, (int)(int64_t)t->b[0]), &r1, &r0);"
    if sig == "frexp":
        return f"{{ int e; bl({F}({A}, &e), &r1, &r0); r2 = (uint32_t)e; }}"
    if sig == "modf":
        return f"{{ f128 ip; bl({F}({A}, &ip), &r1, &r0); uint64_t h; bl(ip, &h, &r2); r2 ^= h * 31; }}"
    if sig == "i_l":
        return f"r0 = (uint32_t){F}({A});"
    if sig == "ll_l":
        return f"r0 = (uint64_t){F}({A});"
    if sig == "l32_l":
        return f"r0 = (uint32_t)(int32_t){F}({A});"
    if sig == "nan":
        return f"bl({F}(tags[t->a[0]]), &r1, &r0);"
    if sig == "v_l":
        return f"r0 = dbits((double){F}({A}));"
    if sig == "v_ll":
        return f"r0 = dbits((double){F}({A}, {B}));"
    if sig == "v_lll":
        return f"r0 = dbits((double){F}({A}, {B}, {C}));"
    raise Exception(sig)


def long_table(cases, results=None, bounds=None):
    TAGS.clear()
    funcs, sigs = [], {}
    for func, sig, _ in cases:
        key = func + ":" + sig
        if key not in sigs:
            funcs.append(key)
            sigs[key] = (func, sig)
    rows = []
    for k, (func, sig, args) in enumerate(cases):
        words = []
        for x in args:
            if isinstance(x, str):
                if x not in TAGS:
                    TAGS.append(x)
                x = TAGS.index(x)
            x &= (1 << 128) - 1
            words.append((x & (2**64 - 1), x >> 64))
        words += [(0, 0)] * (3 - len(words))
        w = results[k] if results else (0, 0, 0)
        kind = 1 if sig.startswith("v_") else 0
        b = 0
        if kind and bounds is not None:
            b = bounds.get(func, 1) + 1
        cells = ", ".join(f"{{0x{lo:x}ULL, 0x{hi:x}ULL}}" for lo, hi in words)
        rows.append(f"  {{{funcs.index(func + ':' + sig)}, {b}, {kind}, {cells}, 0x{w[0]:x}ULL, 0x{w[1]:x}ULL, 0x{w[2]:x}ULL}},\n")
    src = "struct tc { unsigned short fn, bound; unsigned char dbl; uint64_t a[2], b[2], c[2], w0, w1, w2; };\n"
    src += "static const char *const names[] = {" + ", ".join('"' + f.split(":")[0] + 'l"' for f in funcs) + "};\n"
    src += "static const char *const tags[] = {" + ", ".join('"' + t + '"' for t in TAGS) + "};\n"
    src += "static const struct tc cases[] = {\n" + "".join(rows) + "};\n"
    src += "static void run(const struct tc *t, uint64_t *o0, uint64_t *o1, uint64_t *o2) {\n"
    src += "  uint64_t r0 = 0, r1 = 0, r2 = 0;\n  switch (t->fn) {\n"
    for i, key in enumerate(funcs):
        src += f"  case {i}: {long_stmt(*sigs[key])} break;\n"
    src += "  }\n  *o0 = r0; *o1 = r1; *o2 = r2;\n}\n"
    return src


LONG_BODY = r"""
static int fails;
static void hex(uint64_t v) {
  char s[17]; int i = 16; s[i] = 0;
  do { s[--i] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
  check_puts(s + i);
}
static int nan128(uint64_t hi, uint64_t lo) { (void)lo; return (hi & 0x7fffffffffffffffull) > 0x7fff000000000000ull || ((hi & 0x7fffffffffffffffull) == 0x7fff000000000000ull && lo); }
static int nan64(uint64_t b) { return (b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull; }
static uint64_t ulps64(uint64_t a, uint64_t b) {
  int64_t x = (int64_t)a, y = (int64_t)b;
  if (x < 0) x = INT64_MIN - x;
  if (y < 0) y = INT64_MIN - y;
  return x > y ? (uint64_t)x - (uint64_t)y : (uint64_t)y - (uint64_t)x;
}
int main(void) {
  unsigned idx[sizeof names / sizeof *names] = {0};
  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
    const struct tc *t = &cases[i];
    uint64_t r0, r1, r2;
    run(t, &r0, &r1, &r2);
    int ok;
    if (t->dbl) ok = nan64(t->w0) ? nan64(r0) : !nan64(r0) && ulps64(r0, t->w0) <= t->bound;
    else if (nan128(t->w1, t->w0) && t->w2 == 0) ok = nan128(r1, r0);
    else ok = r0 == t->w0 && r1 == t->w1 && r2 == t->w2;
    check_puts(ok ? "ok " : "FAIL "); check_puts(names[t->fn]); check_puts(" "); check_putl(idx[t->fn]++);
    if (!ok) {
      fails++;
      check_puts(" got "); hex(r1); check_puts(":"); hex(r0); check_puts(" "); hex(r2);
      check_puts(" want "); hex(t->w1); check_puts(":"); hex(t->w0); check_puts(" "); hex(t->w2);
    }
    check_puts("\n");
  }
  return fails != 0;
}
"""


def long_glibc(cases):
    src = L_HEAD + "#include <stdio.h>\n" + long_table(cases)
    src += "int main(void) {\n  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {\n"
    src += "    uint64_t r0, r1, r2;\n    run(&cases[i], &r0, &r1, &r2);\n"
    src += '    printf("%llx %llx %llx\\n", (unsigned long long)r0, (unsigned long long)r1, (unsigned long long)r2);\n  }\n  return 0;\n}\n'
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "ref.c"), "w") as f:
            f.write(src)
        subprocess.run(["gcc", "-O0", "-fno-builtin", "-w", "ref.c", "-o", "ref", "-lm"], cwd=d, check=True)
        out = subprocess.run([os.path.join(d, "ref")], capture_output=True, text=True, check=True).stdout
    return [tuple(int(t, 16) for t in line.split()) for line in out.splitlines()]


def write_long(rng, bounds):
    cases = long_cases(rng)
    res = long_glibc(cases)
    src = ("/* Generated by tests/c/gen/gen_math.py: do not edit.\n * math.h (long double = binary128): "
           "exact functions bit for bit against glibc's _Float128 ones; functions computed in double "
           "precision compared in double. */\n")
    src += L_HEAD + '#include "check.h"\n' + long_table(cases, res, bounds) + LONG_BODY
    with open(os.path.join(OUT, "math_long.c"), "w") as f:
        f.write(src)
    print(f"wrote math_long.c: {len(cases)} cases")


def main():
    import bounds
    sys.set_int_max_str_digits(0)
    rng = random.Random(99)
    for kind, name, b in (("d", "math_double", bounds.DOUBLE), ("f", "math_float", bounds.FLOAT)):
        cases = cases_for(kind, rng)
        write_test(name, kind, cases, glibc_results(kind, cases), b)
    write_long(rng, bounds.DOUBLE)


if __name__ == "__main__":
    main()
