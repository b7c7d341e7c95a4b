#!/usr/bin/env python3
"""Hard arguments for the functions of math_accuracy.py: overflow and
underflow thresholds and their neighbours, subnormal results, arguments near
1 and near the table boundaries of explog.rs, exact powers (2^k, 10^k),
pow near 1 with large exponents, negative bases with integer exponents.
Prints, per side (ours after, glibc, wasi-libc), how many results are not
the correctly rounded value. Run math_accuracy.py first (it builds the
programs into target/math-accuracy/).

  python3 tests/c/gen/math_hard.py
"""
import os
import random
import struct
import subprocess
import sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import math_accuracy as M  # noqa: E402
import gen_math  # noqa: E402
sys.set_int_max_str_digits(0)
W = M.WORK + '/'
idx = {n: i for i, (n, k) in enumerate(M.ALL)}
rng = random.Random(5)
def nb(x, k=1):  # neighbours
    out = [x]
    b = struct.unpack('<Q', struct.pack('<d', x))[0]
    for d in range(1, k+1):
        out += [struct.unpack('<d', struct.pack('<Q', b+d))[0], struct.unpack('<d', struct.pack('<Q', b-d))[0]]
    return out
tests = {}
# exp: thresholds, subnormal range, tiny
e = []
for t in [709.782712893384, 709.78, 709.79, -708.39641853226408, -708.4, -709.0, -720.5, -740.0, -744.44007192138122, -745.13321910194110, -745.1332191019412, -745.2, 1e-300, -1e-300, 2**-54, -2**-54, 2**-53, 0.0027, -0.0027, 0.00270760617406, 1.0, -1.0, 0.5, 2.0, 10.0, 100.0, 700.0]:
    e += nb(t, 3)
e += [rng.uniform(-745.2, -708) for _ in range(3000)]
e += [rng.uniform(-1, 1) * 10 ** rng.uniform(-20, 0) for _ in range(2000)]
tests['exp'] = [(x, 0.0) for x in e]
tests['expm1'] = [(x, 0.0) for x in e if x > -50] + [(rng.uniform(-0.05, 0.05), 0.0) for _ in range(3000)]
tests['exp10'] = [(x / 2.302585092994046, 0.0) for x in e] + [(float(k), 0.0) for k in range(-330, 310)]
tests['exp2'] = [(x, 0.0) for x in [rng.uniform(-1075, -1021) for _ in range(3000)] + sum([nb(t, 2) for t in [1024, 1023.99999, -1022, -1074, -1075, -1074.5, -1073.5, 0.5, -0.5, 1/128, 3/256, 1e-20]], [])]
# log: subnormals, near 1, powers of 2/10
l = [2.0**k for k in range(-1074, 1024, 7)] + [10.0**k for k in range(-300, 308, 3)]
l += sum([nb(t, 3) for t in [1.0, 0.5, 2.0, 1 + 2**-7, 1 - 2**-8, 1.4140625, 0.70703125, 3e-323, 2.2250738585072014e-308, 1.7976931348623157e308]], [])
l += [1 + rng.uniform(-0.01, 0.01) for _ in range(3000)] + [rng.uniform(0, 1) * 2.0 ** rng.randrange(-1074, -1020) for _ in range(1000)]
l = [x for x in l if x > 0]
for f in ['log', 'log2', 'log10']:
    tests[f] = [(x, 0.0) for x in l]
tests['log1p'] = [(x - 1, 0.0) for x in l] + [(rng.uniform(-1, 1) * 10 ** rng.uniform(-20, -1), 0.0) for _ in range(3000)]
# pow: exact cases, near 1 with big y, subnormal results, integer y with negative x
p = [(2.0, float(k)) for k in range(-1080, 1030, 3)] + [(10.0, float(k)) for k in range(-330, 310)]
p += [(7.391571044921875, 3.7356128692626953), (262143.0, 3.5), (262143.0, 3.0), (262143.0 * 2.0 ** -30, 3.0), (-262143.0, 3.0), (10.0, 23.0), (2.0 ** 27 + 1, 2.0)]
p += [(0.5, 1074.0), (0.5, 1075.0), (0.5, 1074.5), (2.0, -1074.5), (9.0, 0.5), (4.0, 1.5), (-2.0, 3.0), (-2.0, -1075.0), (-0.5, 3.0), (-3.0, 5.0), (-1.5, 1e300)]
p += [(1 + rng.uniform(-1e-3, 1e-3), rng.uniform(-1, 1) * 10 ** rng.uniform(3, 6)) for _ in range(3000)]
p += [(rng.uniform(0.1, 10), rng.uniform(-1, 1) * 10 ** rng.uniform(1, 3)) for _ in range(3000)]
p += [(rng.uniform(0, 2), float(rng.randrange(-200, 200))) for _ in range(1000)]
p += [(-rng.uniform(0, 2), float(rng.randrange(-200, 200))) for _ in range(1000)]
tests['pow'] = p
for f in list(tests):
    tests[f + 'f'] = [(gen_math.to_f32(x), gen_math.to_f32(y)) for x, y in tests[f]]
for side, cmd in [('after', ['wasmtime', 'run', W + 'after.wasm']), ('glibc', [W + 'glibc']), ('wasi', ['wasmtime', 'run', W + 'wasi-libc.wasm'])]:
    line = []
    for f, args in tests.items():
        kind = 'f' if f.endswith('f') else 'd'
        recs = [(idx[f], M.bits(x, kind), M.bits(y, kind)) for x, y in args]
        res = M.run(cmd, recs)
        bad = 0
        for (x, y), r in zip(args, res):
            o = M.oracle_bits(f, kind, x, y)
            if o is None:
                continue
            if r != o:
                bad += 1
                if side == 'after' and bad <= 3:
                    print('  ', f, x, y, hex(r), hex(o))
        line.append(f'{f}:{bad}/{len(args)}')
    print(side, ' '.join(line))
