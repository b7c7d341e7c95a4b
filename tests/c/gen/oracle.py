#!/usr/bin/env python3
"""An independent strtod oracle (exact rational arithmetic) for the
generated cases: well-formed decimal or hex numbers only. Used to check the
glibc reference outputs and to give the expected results of cases where
glibc is known to be wrong (see gen_strtod.py)."""
import re
from fractions import Fraction

FORMATS = {"f32": (23, 8), "f64": (52, 11), "f128": (112, 15)}

NUM = re.compile(r"^([+-]?)(?:0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?|(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?)$")


def value(s):
    """(negative, exact Fraction) of a well-formed number, or None."""
    m = NUM.match(s)
    if not m:
        return None
    sign, hi, hf, hp, di, df, de = m.groups()
    if hi is not None or hf is not None:
        digits = (hi or "") + (hf or "")
        if not digits:
            return None
        v = Fraction(int(digits, 16), 16 ** len(hf or ""))
        e = int(hp or 0)
        v = v * Fraction(2) ** e
    else:
        digits = (di or "") + (df or "")
        if not digits:
            return None
        v = Fraction(int(digits), 10 ** len(df or ""))
        e = int(de or 0)
        v = v * Fraction(10) ** e if e >= 0 else v / Fraction(10) ** (-e)
    return sign == "-", v


def round_to(v, fmt):
    """(bits, erange) of the positive Fraction v rounded to nearest-even."""
    mant, expb = FORMATS[fmt]
    p = mant + 1
    bias = (1 << (expb - 1)) - 1
    emin, emax = 1 - bias, bias
    inf = ((1 << expb) - 1) << mant
    if v == 0:
        return 0, False
    # top: v in [2^top, 2^(top+1))
    top = v.numerator.bit_length() - v.denominator.bit_length()
    if Fraction(2) ** top > v:
        top -= 1
    elif Fraction(2) ** (top + 1) <= v:
        top += 1

    def rnd(lsb):
        q = v / Fraction(2) ** lsb
        n = q.numerator // q.denominator
        r = q - n
        if r > Fraction(1, 2) or (r == Fraction(1, 2) and n % 2 == 1):
            n += 1
        return n, r != 0

    lsb = max(top, emin) - p + 1
    n, inexact = rnd(lsb)
    if n == 1 << p:
        n >>= 1
        lsb += 1
    exp = lsb + p - 1
    if exp > emax:
        return inf, True
    tiny = top < emin and rnd(top - p + 1)[0] < (1 << p) if top == emin - 1 else top < emin
    if n >> (p - 1) == 0:
        bits = n
    else:
        bits = (exp + bias) << mant | (n & ((1 << mant) - 1))
    return bits, tiny and inexact


def expect(s, fmt):
    """(bits, erange) for a well-formed case, else None."""
    r = value(s)
    if r is None:
        return None
    neg, v = r
    bits, er = round_to(v, fmt)
    mant, expb = FORMATS[fmt]
    if neg:
        bits |= 1 << (mant + expb)
    return bits, er
