#!/usr/bin/env python3
"""Accuracy of exp/log/pow and friends: ours (before and after explog.rs),
wasi-libc (p1) and glibc, side by side, over the same 20,000 arguments per
function.

  python3 tests/c/gen/math_accuracy.py [--base REV] [--n 20000]

Arguments: drawn as gen_math.py draws its random inputs (`rand_in`, seed 11,
no special values): with probability 0.3 a uniform magnitude in [0, 10),
otherwise 10^U(lo, hi) with the function's range from gen_math.RANGE
(exp (-5, 3), exp2 (-5, 3.1), exp10 (-5, 2.6), expm1 (-20, 2.9), log1p (-20, 10), pow
(-3, 3); others (-300, 300), for float (-37, 38) clipped to the range), a
random sign except for the logarithms' positive arguments. pow: x = |x|
(a negative x with a random y gives NaN on every side), y as drawn; exp's
first argument is 1.0. log1p: arguments below -1 replaced by their
magnitude.

Columns: `!=glibc`: results whose bits differ from glibc 2.36's (x86-64,
which picks its FMA variants on this machine); `not CR`: results that are not
the correctly rounded value (oracle: Python's decimal at 50 digits, exact
rounding to double/float); max ulp error of each side against the oracle.

Builds: ours-after = sysroot/p1 (`cargo xtask sysroot --only p1`), ours-
before = the same tree at REV (default: `git merge-base HEAD main`), built
into target/math-accuracy/; wasi-libc = the Rust toolchain's wasm32-wasip1
self-contained libc.a (as tests/c/ref-wasi-libc.sh).
"""
import argparse
import math
import os
import random
import struct
import subprocess
import sys
from decimal import Decimal as D, getcontext, localcontext
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, HERE)
import gen_math  # noqa: E402

FUNCS = ["exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "pow"]
ALL = [(f, "d") for f in FUNCS] + [(f + "f", "f") for f in FUNCS]
WORK = os.path.join(ROOT, "target", "math-accuracy")


def draw(n, seed=11):
    rng = random.Random(seed)
    out = {}
    for name, kind in ALL:
        base = name[:-1] if kind == "f" else name
        xs = []
        while len(xs) < n:
            x = gen_math.rand_in(rng, base, kind)
            y = 0.0
            if base == "pow":
                x = abs(x)
                y = gen_math.rand_in(rng, base, kind)
            if base == "log1p" and x < -1:
                x = -x
            if base == "exp" and not xs:
                x = 1.0
            xs.append((x, y))
        out[name] = xs
    return out


def bits(x, kind):
    return gen_math.fbits(x, kind)


C_SRC = r'''#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static double d(uint64_t b) { double v; memcpy(&v, &b, 8); return v; }
static float f(uint64_t b) { uint32_t u = (uint32_t)b; float v; memcpy(&v, &u, 4); return v; }
static uint64_t bd(double v) { uint64_t b; memcpy(&b, &v, 8); return b; }
static uint64_t bf(float v) { uint32_t b; memcpy(&b, &v, 4); return b; }
int main(void) {
  uint64_t rec[3];
  while (fread(rec, 8, 3, stdin) == 3) {
    uint64_t r = 0, a = rec[1], b = rec[2];
    switch (rec[0]) {
%s
    }
    fwrite(&r, 8, 1, stdout);
  }
  return 0;
}
'''


def c_program():
    cases = []
    for i, (name, kind) in enumerate(ALL):
        if kind == "d":
            call = f"bd({name}(d(a), d(b)))" if name == "pow" else f"bd({name}(d(a)))"
        else:
            call = f"bf({name}(f(a), f(b)))" if name == "powf" else f"bf({name}(f(a)))"
        cases.append(f"    case {i}: r = {call}; break;")
    return C_SRC % "\n".join(cases)


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def build(base):
    os.makedirs(WORK, exist_ok=True)
    src = os.path.join(WORK, "acc.c")
    with open(src, "w") as fh:
        fh.write(c_program())
    exe = {}
    # glibc
    sh(["gcc", "-O2", "-fno-builtin", src, "-o", os.path.join(WORK, "glibc"), "-lm"])
    exe["glibc"] = [os.path.join(WORK, "glibc")]
    # wasi-libc p1
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
    selfc = os.path.join(sysroot, "lib/rustlib/wasm32-wasip1/lib/self-contained")
    ref = os.path.join(WORK, "wasi-sysroot")
    os.makedirs(os.path.join(ref, "lib"), exist_ok=True)
    os.makedirs(os.path.join(ref, "include"), exist_ok=True)
    for link, target in ((os.path.join(ref, "lib", "wasm32-wasi"), selfc),
                         (os.path.join(ref, "include", "wasm32-wasi"), "/usr/include/wasm32-wasi")):
        if os.path.islink(link):
            os.unlink(link)
        os.symlink(target, link)
    w = os.path.join(WORK, "wasi-libc.wasm")
    sh(["clang-19", "--target=wasm32-wasi", "--sysroot=" + ref, "-O2", "-fno-builtin", src, "-o", w])
    exe["wasi-libc"] = ["wasmtime", "run", w]
    # ours after
    sh(["cargo", "xtask", "sysroot", "--only", "p1"], cwd=ROOT, stdout=subprocess.DEVNULL)
    w = os.path.join(WORK, "after.wasm")
    sh(["clang", "--target=wasm32-wasi", "--sysroot=" + os.path.join(ROOT, "sysroot", "p1"), "-O2",
        "-fno-builtin", src, "-o", w])
    exe["after"] = ["wasmtime", "run", w]
    # ours before: the tree at `base`
    tree = os.path.join(WORK, "base-src")
    rev = subprocess.run(["git", "rev-parse", base], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    stamp = os.path.join(tree, ".rev")
    if not (os.path.exists(stamp) and open(stamp).read() == rev):
        sh(["rm", "-rf", tree])
        os.makedirs(tree)
        arch = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=arch, check=True)
        with open(stamp, "w") as fh:
            fh.write(rev)
    sh(["cargo", "xtask", "sysroot", "--out", os.path.join(WORK, "base-sysroot"), "--only", "p1"], cwd=tree,
       stdout=subprocess.DEVNULL)
    w = os.path.join(WORK, "before.wasm")
    sh(["clang", "--target=wasm32-wasi", "--sysroot=" + os.path.join(WORK, "base-sysroot", "p1"), "-O2",
        "-fno-builtin", src, "-o", w])
    exe["before"] = ["wasmtime", "run", w]
    return exe, rev


def run(cmd, recs):
    data = b"".join(struct.pack("<QQQ", *r) for r in recs)
    out = subprocess.run(cmd, input=data, capture_output=True, check=True).stdout
    return list(struct.unpack(f"<{len(out) // 8}Q", out))


# Oracle -------------------------------------------------------------------

def round_frac(v, kind):
    """Nearest double/float bits to a Fraction (ties to even), with overflow
    and subnormals."""
    p, emin, emax = (53, -1022, 1023) if kind == "d" else (24, -126, 127)
    if v == 0:
        return 0
    neg = v < 0
    v = abs(v)
    e = v.numerator.bit_length() - v.denominator.bit_length()
    if F(2) ** e > v:
        e -= 1
    e = max(e, emin)
    q = v / F(2) ** (e - p + 1)
    n = q.numerator // q.denominator
    rem = q - n
    if rem > F(1, 2) or (rem == F(1, 2) and n % 2):
        n += 1
    if n == 2 ** p:
        n //= 2
        e += 1
    if e > emax:
        b = (0x7FF << 52) if kind == "d" else (0xFF << 23)
    elif n < 2 ** (p - 1):
        b = n  # subnormal
    else:
        b = ((e - emin + 1) << (p - 1)) | (n - 2 ** (p - 1))
    sign = (1 << 63) if kind == "d" else (1 << 31)
    return b | (sign if neg else 0)


def val(b, kind):
    return struct.unpack("<d", struct.pack("<Q", b))[0] if kind == "d" else \
        struct.unpack("<f", struct.pack("<I", b))[0]


def oracle(base, x, y):
    """The value to 50 digits or better, as a Fraction."""
    with localcontext() as ctx:
        ctx.prec = 50
        dx = D(x)
        if base == "exp":
            r = dx.exp()
        elif base == "exp2":
            r = (dx * D(2).ln()).exp()
        elif base == "exp10":
            if x == int(x) and abs(x) < 400:
                return F(10) ** int(x)  # exact (10^23 is a tie)
            r = (dx * D(10).ln()).exp()
        elif base == "expm1":
            if abs(x) < 1e-6:
                ctx.prec = 60
                r = dx + dx * dx / 2 + dx ** 3 / 6 + dx ** 4 / 24 + dx ** 5 / 120
            else:
                ctx.prec = 80
                r = dx.exp() - 1
        elif base in ("log", "log2", "log10", "log1p"):
            if base == "log1p":
                if abs(x) < 1e-8:
                    ctx.prec = 60
                    r = dx - dx * dx / 2 + dx ** 3 / 3 - dx ** 4 / 4 + dx ** 5 / 5
                    return F(r)
                with localcontext() as c2:
                    c2.prec = 400
                    dx = dx + 1
            r = dx.ln()
            if base == "log2":
                r = r / D(2).ln()
            elif base == "log10":
                r = dx.log10()
        elif base == "pow":
            if y == int(y) and abs(y) <= 64:
                return F(x) ** int(y)  # exact (a tie must go to even)
            r = (D(y) * dx.ln()).exp()
        else:
            raise Exception(base)
    return F(r)


def oracle_bits(name, kind, x, y):
    base = name[:-1] if kind == "f" else name
    if kind == "f":
        x, y = gen_math.to_f32(x), gen_math.to_f32(y)
    if math.isnan(x) or math.isnan(y):
        return None
    if base in ("log", "log2", "log10"):
        if x <= 0 or math.isinf(x):
            return None
        if x == 1:
            return 0
    if base == "log1p" and (x <= -1 or math.isinf(x)):
        return None
    if base == "pow" and (x == 0 or math.isinf(x) or math.isinf(y) or y == 0 or x == 1):
        return None
    if base in ("exp", "exp2", "exp10", "expm1"):
        if x == 0:
            return bits(x if base == "expm1" else 1.0, kind)
        lim = {"exp": 800, "exp2": 1200, "exp10": 400, "expm1": 800}[base]
        if x > lim:
            return bits(math.inf, kind)
        if x < -lim:
            return bits(-1.0 if base == "expm1" else 0.0, kind)
    if base == "pow" and x < 0:
        if y != math.floor(y):
            return None
        b = oracle_bits(name, kind, -x, y)
        if b is None or y % 2 == 0:
            return b
        return b ^ ((1 << 63) if kind == "d" else (1 << 31))
    if base == "pow":
        t = abs(y * math.log(x))
        if t > 1e4:
            return bits(math.inf if y * math.log(x) > 0 else 0.0, kind)
    if base == "log1p" and x == 0:
        return bits(x, kind)
    return round_frac(oracle(base, x, y), kind)


def ulp_err(b, o, kind):
    """|value(b) - oracle| in ulps of the oracle's binade (float)."""
    return abs(signed(b, kind) - signed(o, kind))


def signed(b, kind):
    top = 1 << 63 if kind == "d" else 1 << 31
    return -(b & (top - 1)) if b & top else b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=None)
    ap.add_argument("--n", type=int, default=20000)
    a = ap.parse_args()
    base = a.base or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True,
                                    text=True, check=True).stdout.strip()
    sys.set_int_max_str_digits(0)
    args = draw(a.n)
    exe, rev = build(base)
    recs = []
    for i, (name, kind) in enumerate(ALL):
        for x, y in args[name]:
            recs.append((i, bits(x, kind), bits(y, kind)))
    res = {k: run(v, recs) for k, v in exe.items()}
    sides = ["before", "after", "wasi-libc", "glibc"]
    print(f"math accuracy: {a.n} arguments per function; before = {rev[:10]}")
    print(f"{'function':9} {'!=glibc: before':>16} {'after':>6} {'wasi-libc':>9} | "
          f"{'not CR: before':>14} {'after':>6} {'wasi-libc':>9} {'glibc':>6} | "
          f"{'max ulp: before':>15} {'after':>5} {'wasi':>5} {'glibc':>5}")
    pos = 0
    total = {s: 0 for s in sides}
    for name, kind in ALL:
        n = len(args[name])
        diff = {s: 0 for s in sides}
        ncr = {s: 0 for s in sides}
        mx = {s: 0 for s in sides}
        nanmask = lambda b: ((b & 0x7FFFFFFFFFFFFFFF) > 0x7FF0000000000000) if kind == "d" else \
            ((b & 0x7FFFFFFF) > 0x7F800000)
        for j in range(n):
            x, y = args[name][j]
            g = res["glibc"][pos + j]
            o = oracle_bits(name, kind, x, y)
            for s in sides:
                b = res[s][pos + j]
                if s != "glibc" and b != g and not (nanmask(b) and nanmask(g)):
                    diff[s] += 1
                if o is not None:
                    if b != o:
                        ncr[s] += 1
                        e = ulp_err(b, o, kind)
                        mx[s] = max(mx[s], e)
        pos += n
        for s in sides:
            total[s] += diff[s]
        print(f"{name:9} {diff['before']:>16} {diff['after']:>6} {diff['wasi-libc']:>9} | "
              f"{ncr['before']:>14} {ncr['after']:>6} {ncr['wasi-libc']:>9} {ncr['glibc']:>6} | "
              f"{mx['before']:>15} {mx['after']:>5} {mx['wasi-libc']:>5} {mx['glibc']:>5}")
    e1 = {s: res[s][0] for s in sides}
    me = bits(math.e, "d")
    print("exp(1.0) bits: " + ", ".join(f"{s} {e1[s]:016x}" for s in sides) + f"; M_E {me:016x}")
    print("exp(1.0) == M_E: " + ", ".join(f"{s} {'yes' if e1[s] == me else 'no'}" for s in sides))


if __name__ == "__main__":
    main()
