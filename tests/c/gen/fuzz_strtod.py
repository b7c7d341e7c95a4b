#!/usr/bin/env python3
"""Random strtod/strtof/strtold inputs (decimal with any exponent, near
halfway points of all three formats, long truncations, hex) checked against
the exact oracle, on wasmtime p1. Not part of the test suite (slow);
run after changing the conversion code:
  python3 tests/c/gen/fuzz_strtod.py SEED COUNT
"""
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, HERE)
sys.set_int_max_str_digits(0)
import oracle  # noqa: E402

rng = random.Random(int(sys.argv[1]))
N = int(sys.argv[2])
WASM = os.path.join(tempfile.mkdtemp(), "fuzz.wasm")
subprocess.run(["clang", "--target=wasm32-wasi", "--sysroot=" + os.path.join(ROOT, "sysroot/p1"), "-O2",
                os.path.join(HERE, "fuzz_strtod.c"), "-o", WASM], check=True)
cases = []
for _ in range(N):
    kind = rng.random()
    if kind < 0.4:
        nd = rng.randint(1, 25)
        s = str(rng.randint(1, 10**nd))
        e = rng.randint(-340, 310) if rng.random() < 0.7 else rng.randint(-4970, 4940)
        pt = rng.randint(0, len(s))
        s = s[:pt] + "." + s[pt:] + f"e{e}"
    elif kind < 0.7:
        # near-halfway for a random format
        fmt = rng.choice(["f32", "f64", "f128"])
        p, emin, emax = {"f32": (24, -126, 127), "f64": (53, -1022, 1023), "f128": (113, -16382, 16383)}[fmt]
        m = rng.randrange(1 << (p - 1), 1 << p)
        e2 = rng.randint(emin - p, min(emax, 300 if fmt != "f128" else 2000)) - p + 1 if rng.random() < 0.5 else rng.randint(-80, 80) - p
        num, ee = 2 * m + 1, e2 - 1
        if ee >= 0: s = str(num << ee)
        else:
            dg = str(num * 5 ** (-ee)); k = -ee
            if len(dg) <= k: dg = "0" * (k - len(dg) + 1) + dg
            s = dg[:-k] + "." + dg[-k:]
        r = rng.random()
        if r < 0.3: s = s + "0000001"
        elif r < 0.6 and len(s) > 3:
            s = s[:rng.randint(len(s)//2, len(s)-1)]
        if len(s) > 6000: s = s[:6000]
    else:
        s = "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(1, 40))) + f"p{rng.randint(-17000, 17000) if rng.random() < 0.3 else rng.randint(-1100, 1100)}"
    if rng.random() < 0.2: s = "-" + s
    cases.append(s)
inp = "\n".join(cases) + "\n"
res = subprocess.run(["wasmtime", "run", WASM], input=inp, capture_output=True, text=True)
print("input bytes", len(inp), "rc", res.returncode, res.stderr[:300])
out = res.stdout.split("\n")
bad = 0
for s, line in zip(cases, out):
    got = line.split()
    for fmt, g, w in (("f64", got[0], 16), ("f32", got[1], 8), ("f128", got[2], 32)):
        bits, er = oracle.expect(s, fmt)
        if int(g[:-1], 16) != bits or (g[-1] == "R") != er:
            bad += 1
            if bad < 10: print("MISMATCH", fmt, s[:80], g, format(bits, f"0{w}x"), er)
print(len(cases), "cases", bad, "mismatches")
