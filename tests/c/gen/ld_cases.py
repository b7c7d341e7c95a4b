#!/usr/bin/env python3
"""Generates tests/c/ld_gen.c and its expected output ld_gen.stdout:
`long double` (IEEE binary128 on wasm32) through printf (%Le %Lf %Lg %La)
and sscanf (%Lf).

The host's glibc cannot be the reference here (x86_64 `long double` is the
x87 80-bit format), so the expected output is computed by this script with
exact rational arithmetic (Python's Fraction/Decimal and big integers),
independently of the library: exact decimal expansion rounded half-to-even
for printf, correct rounding to 113 bits for scanf. Values are random bit
patterns over the whole binary128 range, halfway points and edge cases.
"""
import random
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 30000
sys.set_int_max_str_digits(0)
getcontext().Emax = 999999999
getcontext().Emin = -999999999
rng = random.Random(128128)

MB, EB, BIAS = 112, 15, 16383
EMAX = (1 << EB) - 1


def split(bits):
    return bits >> 127, (bits >> MB) & EMAX, bits & ((1 << MB) - 1)


def exact(bits):
    """(negative, Decimal value) of a finite binary128."""
    s, e, f = split(bits)
    if e == 0:
        m, e2 = f, 1 - BIAS - MB
    else:
        m, e2 = f | 1 << MB, e - BIAS - MB
    if e2 >= 0:
        d = Decimal(m << e2)
    else:
        d = Decimal(m * 5 ** (-e2)).scaleb(e2)
    return s == 1, d


def c_exp(s):
    """Python's 1.5e+3 -> C's 1.5e+03."""
    mant, _, ex = s.partition('e')
    sign = ex[0]
    digits = ex[1:].lstrip('0') or '0'
    return f'{mant}e{sign}{digits.zfill(2)}'


def fmt_e(d, p, alt):
    if d == 0:
        body = '0' + ('.' + '0' * p if p else '') + 'e+00'
    else:
        body = c_exp(format(d, f'.{p}e'))
    if alt and p == 0:
        body = body.replace('e', '.e', 1)
    return body


def fmt_f(d, p, alt):
    body = format(d, f'.{p}f')
    if alt and p == 0:
        body += '.'
    return body


def fmt_g(d, p, alt):
    P = p if p != 0 else 1
    if d == 0:
        X = 0
    else:
        X = int(format(d, f'.{P - 1}e').split('e')[1])
    if P > X >= -4:
        body = fmt_f(d, P - 1 - X, alt)
    else:
        body = fmt_e(d, P - 1, alt)
    if not alt:
        if 'e' in body:
            m, ex = body.split('e')
            if '.' in m:
                m = m.rstrip('0').rstrip('.')
            body = m + 'e' + ex
        elif '.' in body:
            body = body.rstrip('0').rstrip('.')
    return body


def fmt_a(bits, p, alt, upper):
    s, e, f = split(bits)
    lead = 0 if e == 0 else 1
    exp = 0 if (e == 0 and f == 0) else (1 - BIAS if e == 0 else e - BIAS)
    digs = [lead] + [(f >> (4 * (27 - i))) & 15 for i in range(28)]
    if p is None:
        n = 28
        while n > 0 and digs[n] == 0:
            n -= 1
        prec = n
    else:
        prec = p
        if p < 28:
            first = digs[p + 1]
            rest = any(digs[p + 2:])
            if first > 8 or (first == 8 and (rest or digs[p] & 1)):
                i = p
                digs[i] += 1
                while digs[i] == 16 and i > 0:
                    digs[i] = 0
                    i -= 1
                    digs[i] += 1
    hexd = '0123456789abcdef'
    frac = ''.join(hexd[x] for x in digs[1:1 + min(prec, 28)]) + '0' * max(0, prec - 28)
    body = '0x' + hexd[digs[0]] + ('.' if prec or alt else '') + frac + 'p' + ('-' if exp < 0 else '+') + str(abs(exp))
    return body.upper() if upper else body


def c_printf(bits, flags, width, prec, conv):
    s, e, f = split(bits)
    neg = s == 1
    sign = '-' if neg else ('+' if '+' in flags else (' ' if ' ' in flags else ''))
    alt = '#' in flags
    upper = conv.isupper()
    lc = conv.lower()
    special = e == EMAX
    if special:
        body = ('inf' if f == 0 else 'nan')
        body = body.upper() if upper else body
        zero = False
    else:
        _, d = exact(bits)
        p = 6 if prec is None else prec
        if lc == 'e':
            body = fmt_e(d, p, alt)
        elif lc == 'f':
            body = fmt_f(d, p, alt)
        elif lc == 'g':
            body = fmt_g(d, p, alt)
        else:
            body = fmt_a(bits, prec, alt, False)
        if upper:
            body = body.upper()
        zero = '0' in flags and '-' not in flags
    total = len(sign) + len(body)
    fill = max(0, width - total)
    if '-' in flags:
        return sign + body + ' ' * fill
    if zero:
        if lc == 'a':
            return sign + body[:2] + '0' * fill + body[2:]
        return sign + '0' * fill + body
    return ' ' * fill + sign + body


def round_to_binary128(x):
    """Correctly rounded binary128 bits of a non-negative Fraction."""
    if x == 0:
        return 0
    n, d = x.numerator, x.denominator
    # e = floor(log2 x)
    e = n.bit_length() - d.bit_length()
    if Fraction(n, d) < Fraction(2) ** e:
        e -= 1
    if e > BIAS:
        return EMAX << MB
    q = max(e, 1 - BIAS) - MB  # exponent of the last kept bit
    scaled = x / (Fraction(2) ** q) if q < 0 else x / (1 << q)
    m = scaled.numerator // scaled.denominator
    rem = scaled - m
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and m & 1):
        m += 1
    if m >> (MB + 1):
        m >>= 1
        q += 1
    if m >> MB:
        be = q + MB + BIAS
        if be >= EMAX:
            return EMAX << MB
        return (be << MB) | (m & ((1 << MB) - 1))
    return m


def decimal_fraction(text):
    mant, _, ex = text.lower().partition('e')
    neg = mant.startswith('-')
    mant = mant.lstrip('+-')
    ip, _, fp = mant.partition('.')
    digits = int((ip + fp) or '0')
    e10 = int(ex or '0') - len(fp)
    v = Fraction(digits) * (Fraction(10) ** e10)
    return neg, v


def rand_bits():
    r = rng.random()
    if r < 0.5:
        return rng.getrandbits(128)
    if r < 0.8:
        # Moderate exponents: digits of %Lf stay short.
        e = rng.randint(BIAS - 300, BIAS + 300)
        return (rng.getrandbits(1) << 127) | (e << MB) | rng.getrandbits(MB)
    # Few significant bits (exact ties at some precision).
    e = rng.randint(BIAS - 40, BIAS + 40)
    f = rng.getrandbits(rng.randint(1, 12)) << (MB - 12)
    return (e << MB) | f


SPECIAL = [
    0, 1 << 127, EMAX << MB, (1 << 127) | (EMAX << MB), (EMAX << MB) | 1 << 111,
    (1 << 127) | (EMAX << MB) | 1 << 111, 1, (1 << MB) - 1, 1 << MB, ((EMAX - 1) << MB) | ((1 << MB) - 1),
    BIAS << MB, (BIAS << MB) | 1, (BIAS << MB) | (1 << 111), ((BIAS - 2) << MB) | int('5' * 28, 16),
    0x3ffb999999999999999999999999999a,  # 0.1L
]


def main():
    cfile, ofile = sys.argv[1], sys.argv[2]
    cases, expect = [], []

    def add_printf(bits, fmt, flags, width, prec, conv):
        lo, hi = bits & ((1 << 64) - 1), bits >> 64
        k = len(cases)
        cases.append(f'P({k}, 0x{lo:016x}ULL, 0x{hi:016x}ULL, "{fmt}");')
        out = c_printf(bits, flags, width, prec, conv)
        expect.append(f'{k} {len(out)}:{out}')

    def gen_printf(bits):
        conv = rng.choice('eEfgGaA')
        flags = ''.join(rng.sample('-+ #0', rng.choice([0, 0, 1, 2])))
        width = rng.choice([0, 0, rng.randint(1, 40)])
        prec = rng.choice([None, rng.randint(0, 40), rng.randint(0, 8)])
        s, e, f = split(bits)
        if conv == 'f' and e != EMAX and abs(e - BIAS) > 400:
            conv = 'e'
        fmt = '%' + flags + (str(width) if width else '') + ('' if prec is None else f'.{prec}') + 'L' + conv
        add_printf(bits, fmt, flags, width, prec, conv)

    for b in SPECIAL:
        for conv in 'efgaA':
            add_printf(b, f'%L{conv}', '', 0, None, conv)
        add_printf(b, '%.40Le', '', 0, 40, 'e')
    for _ in range(2500):
        gen_printf(rand_bits())
    add_printf(1, '%.1000Le', '', 0, 1000, 'e')  # the smallest subnormal, 1001 digits
    add_printf(((EMAX - 1) << MB) | ((1 << MB) - 1), '%.0Lf', '', 0, 0, 'f')  # LDBL_MAX, 4933 digits

    def add_scanf(text):
        k = len(cases)
        cases.append(f'S({k}, "{text}");')
        neg, v = decimal_fraction(text)
        bits = round_to_binary128(v) | (int(neg) << 127)
        expect.append(f'{k} 1 {bits >> 64:016x}{bits & ((1 << 64) - 1):016x}')

    for t in ['0', '1', '0.1', '-2.5', '1e4932', '1.18973149535723176508575932662800702e4932',
              '1.18973149535723176508575932662800703e4932', '1e4933', '3.36210314311209350626267781732175260e-4932',
              '6.47517511943802511092443895822764655e-4966', '3.2e-4966', '3.3e-4966', '1e-5000',
              '123456789012345678901234567890123456789', '0.333333333333333333333333333333333333333333']:
        add_scanf(t)
    for i in range(600):
        r = rng.random()
        if r < 0.5:
            # Halfway between two neighbours, exactly, then one digit off.
            # Mostly moderate exponents (a few hundred digits); a few over
            # the whole range (up to ~11,500 significant digits).
            if i % 20 == 0:
                b = rng.getrandbits(127)
            else:
                b = (rng.randint(BIAS - 150, BIAS + 150) << MB) | rng.getrandbits(MB)
            if (b >> MB) >= EMAX - 1:
                continue
            _, lo = exact(b)
            _, hi = exact(b + 1)
            mid = (lo + hi) / 2
            t = format(mid, 'e')
            add_scanf(t)
            m, ex = t.split('e')
            if len(m) > 3:
                add_scanf(m + '1e' + ex)
                add_scanf(m[:-1] + 'e' + ex)
        else:
            digits = ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 45)))
            e = rng.randint(-4960, 4930)
            add_scanf(('-' if rng.random() < 0.2 else '') + digits[0] + '.' + digits[1:] + f'e{e}')

    with open(cfile, 'w') as f:
        f.write('''/* Generated by tests/c/gen/ld_cases.py, which also computes the expected
 * output (exact rational arithmetic in Python: glibc on x86_64 has no
 * binary128 long double to compare with). printf %Le %Lf %Lg %La of binary128
 * bit patterns, and sscanf %Lf of decimal text, printing result bits. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static char buf[8192];
static long double ld(uint64_t lo, uint64_t hi) {
  long double x;
  uint64_t w[2] = {lo, hi};
  memcpy(&x, w, 16);
  return x;
}
#define P(k, lo, hi, fmt) do { int r_ = snprintf(buf, sizeof buf, fmt, ld(lo, hi)); \\
  printf("%d %d:%s\\n", k, r_, buf); } while (0)
#define S(k, text) do { long double x_ = 0; int r_ = sscanf(text, "%Lf", &x_); uint64_t w_[2]; \\
  memcpy(w_, &x_, 16); printf("%d %d %016llx%016llx\\n", k, r_, (unsigned long long)w_[1], \\
  (unsigned long long)w_[0]); } while (0)

''')
        chunk = 400
        nfun = 0
        for i in range(0, len(cases), chunk):
            f.write(f'static void part{nfun}(void) {{\n')
            for c in cases[i:i + chunk]:
                f.write('  ' + c + '\n')
            f.write('}\n\n')
            nfun += 1
        f.write('int main(void) {\n')
        for i in range(nfun):
            f.write(f'  part{i}();\n')
        f.write('  return 0;\n}\n')
    with open(ofile, 'w') as f:
        f.write('\n'.join(expect) + '\n')
    print(f'{len(cases)} cases', file=sys.stderr)


main()
