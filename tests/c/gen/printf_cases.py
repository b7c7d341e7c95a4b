#!/usr/bin/env python3
"""Generates tests/c/printf_gen.c: thousands of printf-family cases.

Every case formats with snprintf and prints `LINE RESULT:TEXT`, so the
expected output comes from running the same program natively against glibc
(see regen.sh), never from hand-typed expectations. The values and formats
are drawn from a fixed seed, so regenerating gives the same file.

Only cases whose output is the same on x86_64 glibc and on wasm32 are
generated: `long`, `size_t` and `ptrdiff_t` values stay within 32 bits,
and `long double` values are exactly representable both in x87 extended
precision (the host's) and in binary128 (wasm32's); `%La` is left out
(x87 prints a different leading digit).
"""
import random
import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 2000
rng = random.Random(20261125)

cases = []  # C statements, one per case


def lit_double(x):
    if x != x:
        return '__builtin_nan("")' if struct.pack('>d', x)[0] < 0x80 else '-__builtin_nan("")'
    if x == float('inf'):
        return '__builtin_inf()'
    if x == float('-inf'):
        return '-__builtin_inf()'
    return x.hex()


def bits_to_double(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def double_to_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def next_up(x):
    b = double_to_bits(x)
    return bits_to_double(b + 1 if x >= 0 else b - 1)


def next_down(x):
    b = double_to_bits(x)
    return bits_to_double(b - 1 if x > 0 else b + 1)


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def case(fmt, *args):
    a = ''.join(', ' + x for x in args)
    cases.append(f'T({cstr(fmt)}{a});')


# ---------------------------------------------------------------- integers
INT_EDGES = [0, 1, -1, 7, -7, 9, 10, 42, 99, 100, 127, 128, 255, 256, -128, -129, 1000, 4095,
             32767, 32768, -32768, 65535, 65536, 123456, 2147483647, -2147483648, 1 << 30, -(1 << 30)]
LL_EDGES = [0, 1, -1, (1 << 63) - 1, -(1 << 63), (1 << 32), (1 << 32) - 1, -(1 << 32),
            1234567890123456789, -987654321987654321, 1 << 53, 10 ** 18, 10 ** 15 + 1]


def int_lit(v):
    if v == -2147483648:
        return '(-2147483647-1)'
    return str(v)


def ll_lit(v):
    if v == -(1 << 63):
        return '(-9223372036854775807LL-1)'
    return f'{v}LL'


def rand_int():
    r = rng.random()
    if r < 0.3:
        return rng.choice(INT_EDGES)
    if r < 0.6:
        return rng.randint(-1000, 1000)
    return rng.randint(-2 ** 31, 2 ** 31 - 1)


def rand_ll():
    r = rng.random()
    if r < 0.3:
        return rng.choice(LL_EDGES)
    return rng.randint(-2 ** 63, 2 ** 63 - 1)


def flags_for(conv):
    pool = '-+ 0#'
    if conv in 'di':
        pool = '-+ 0'
    elif conv in 'cs':
        pool = '-'
    elif conv == 'p':
        pool = '-'
    k = rng.choice([0, 0, 1, 1, 2, 3])
    return ''.join(rng.sample(pool, min(k, len(pool))))


def width_prec(conv, allow_prec=True, max_prec=20):
    """Returns (spec text, extra leading int args)."""
    spec, extra = '', []
    r = rng.random()
    if r < 0.45:
        pass
    elif r < 0.9:
        spec += str(rng.randint(1, 30))
    else:
        spec += '*'
        extra.append(str(rng.randint(-25, 25)))
    if allow_prec:
        r = rng.random()
        if r < 0.45:
            pass
        elif r < 0.55:
            spec += '.'
        elif r < 0.9:
            spec += '.' + str(rng.randint(0, max_prec))
        else:
            spec += '.*'
            extra.append(str(rng.randint(-3, max_prec)))
    return spec, extra


def gen_int_case():
    conv = rng.choice('diouxX')
    length = rng.choice(['', '', 'hh', 'h', 'l', 'll', 'j', 'z', 't'])
    fl = flags_for(conv)
    wp, extra = width_prec(conv)
    signed = conv in 'di'
    if length in ('ll', 'j'):
        v = rand_ll()
        if not signed and v < 0:
            v += 1 << 64
        arg = f'{v}ULL' if not signed else ll_lit(v)
        if length == 'j':
            arg = f'(intmax_t){arg}' if signed else f'(uintmax_t){arg}'
    elif length in ('l', 'z', 't'):
        # 32-bit on wasm32, 64-bit on the host: keep values printable alike.
        v = rand_int()
        if not signed:
            v = abs(v) & 0x7fffffff
        typ = {'l': 'long' if signed else 'unsigned long',
               'z': 'ssize_t' if signed else 'size_t',
               't': 'ptrdiff_t'}[length]
        arg = f'({typ}){int_lit(v)}'
    else:
        v = rand_int()
        arg = int_lit(v)
        if not signed and rng.random() < 0.5:
            arg = f'(unsigned){arg}'
    case(f'%{fl}{wp}{length}{conv}', *extra, arg)


# ------------------------------------------------------------------ floats
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 0.1, 0.2, 0.3, 0.7,
           1e-5, 1e-4, 9.5e-5, 0.0001, 0.00001, 123456789.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23,
           123.456, 9.999999, 0.99999, 99999.95, 999999.5, 9999999.5, 1e-7, 2.675, 1.005, 0.045,
           1.0 / 3, 2.0 / 3, 3.14159265358979, 2.718281828459045, 6.02214076e23, 1.602176634e-19,
           1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 2.225073858507201e-308,
           4.9406564584124654e-324 * 3, 1e308, 1e-308, 1e-320, 8.98846567431158e307,
           float(2 ** 53), float(2 ** 53 + 2), float(2 ** 63), float(2 ** 64), 1e100, 1e-100,
           65536.0, 4294967296.0, 0.9, 0.95, 0.995, 9.95, 99.5, 0.05, 0.15, 0.25, 0.35, 0.45,
           float('inf'), float('-inf'), float('nan'), -float('nan')]


def rand_finite_double():
    while True:
        x = bits_to_double(rng.getrandbits(64))
        if x == x and abs(x) != float('inf'):
            return x


def tie_double():
    """(2k+1)/2^n scaled: its exact decimal ends in 5."""
    n = rng.randint(1, 20)
    k = rng.randint(0, 2 ** rng.randint(1, 30))
    x = (2 * k + 1) / 2 ** n
    return -x if rng.random() < 0.2 else x


def human_double():
    digits = rng.randint(1, 17)
    e = rng.randint(-12, 20)
    m = rng.randint(1, 10 ** digits - 1)
    return float(f'{m}e{e - digits}')


def rand_double():
    r = rng.random()
    if r < 0.2:
        x = rng.choice(SPECIAL)
    elif r < 0.45:
        x = rand_finite_double()
    elif r < 0.65:
        x = tie_double()
    elif r < 0.9:
        x = human_double()
    else:
        x = rng.choice([0.5, 1.5, 2.5, 0.125, 1e23, 5e-324, 1e-5, 0.1, 1e22])
    if x == x and abs(x) != float('inf') and rng.random() < 0.1:
        x = next_up(x) if rng.random() < 0.5 else next_down(x)
    return x


def sig_digits(x):
    """Significant digits of the exact decimal expansion of a finite double."""
    d = Decimal(x).normalize()
    return max(1, len(d.as_tuple().digits))


def gen_float_case():
    conv = rng.choice('fFeEgGaAfeg')
    fl = flags_for(conv)
    x = rand_double()
    max_prec = 20
    wp, extra = width_prec(conv, max_prec=max_prec)
    if x == x and abs(x) != float('inf') and x != 0 and conv in 'eEgG' and rng.random() < 0.3:
        # Cut exactly at a tie (or just past the expansion) of the exact value.
        d = sig_digits(x)
        p = max(0, d - 2 + rng.choice([0, 0, 1, -1]))
        if conv in 'gG':
            p += 1
        wp = wp.split('.')[0].replace('*', '')
        extra = []
        wp += f'.{p}'
    case(f'%{fl}{wp}{conv}', *extra, lit_double(x))


def gen_tie_f_case():
    """%.Nf exactly at the tie digit of (2k+1)/2^n (ties to even)."""
    n = rng.randint(1, 12)
    k = rng.randint(0, 10 ** rng.randint(0, 6))
    x = (2 * k + 1) / 2 ** n
    p = n - 1 + rng.choice([0, 0, 0, -1, 1])
    case(f'%.{max(p, 0)}f', lit_double(x))
    case(f'%.{max(p, 0)}f', lit_double(next_up(x)))
    case(f'%.{max(p, 0)}f', lit_double(next_down(x)))


def gen_long_expansion_case():
    """Precision at or near the end of a long exact expansion (hundreds of
    digits): the digits are cut a margin past the precision, so rounding
    there is where a wrong cut would show."""
    e = rng.randint(-1074, -60)
    m = rng.getrandbits(53) | 1
    x = m * 2.0 ** e if e > -1022 else bits_to_double(rng.getrandbits(52) | 1)
    if x == 0 or x != x:
        return
    d = sig_digits(x)
    conv = rng.choice('eg')
    p = max(0, d - 1 + rng.choice([-3, -2, -1, -1, 0, 0, 1]))
    if conv == 'g':
        p += 1
    case(f'%.{p}{conv}', lit_double(x))
    # %f: fraction digits of the exact expansion.
    frac = -Decimal(x).as_tuple().exponent
    case(f'%.{max(0, frac + rng.choice([-2, -1, -1, 0, 1]))}f', lit_double(x))


# ------------------------------------------------------------ long double
def gen_ld_case():
    conv = rng.choice('fFeEgG')
    fl = flags_for(conv)
    wp, extra = width_prec(conv, max_prec=30)
    r = rng.random()
    if r < 0.5:
        x = rand_double()
        if x != x or abs(x) == float('inf'):
            arg = f'(long double){lit_double(x)}'
        else:
            arg = f'(long double){lit_double(x)}'
    else:
        # Beyond double's range, at most 64 significant bits: exact in both.
        m = rng.getrandbits(rng.randint(1, 64)) | 1
        e = rng.randint(-16382 + 64, 16383 - 64)
        if conv in 'fF' and e > 2000:
            e = rng.randint(-200, 2000)
        sign = '-' if rng.random() < 0.2 else ''
        arg = f'{sign}0x{m:x}p{e:+d}L'
    case(f'%{fl}{wp}L{conv}', *extra, arg)


# ------------------------------------------------------------ other kinds
STRINGS = ['', 'a', 'hello', 'hello, world', 'x y z', '0123456789abcdef', 'tab\\there', 'emoji?']


def gen_misc_case():
    r = rng.random()
    if r < 0.35:
        s = rng.choice(STRINGS)
        fl = rng.choice(['', '-'])
        wp, extra = width_prec('s', max_prec=12)
        cases.append(f'T({cstr("%" + fl + wp + "s")}{"".join(", " + e for e in extra)}, "{s}");')
    elif r < 0.6:
        c = rng.randint(32, 126)
        fl = rng.choice(['', '-'])
        wp, extra = width_prec('c', allow_prec=False)
        case(f'%{fl}{wp}c', *extra, str(c))
    elif r < 0.8:
        v = rng.choice([0, 1, 0x1234, 0xdeadbee, 0x7fffffff, 16])
        fl = rng.choice(['', '-'])
        wp, extra = width_prec('p', allow_prec=False)
        case(f'%{fl}{wp}p', *extra, f'(void *){v:#x}')
    else:
        # Mixed formats with literal text and several conversions.
        parts, args = [], []
        for _ in range(rng.randint(2, 5)):
            k = rng.random()
            parts.append(rng.choice(['', 'x=', ' | ', '%%', 'abc ', '\\n']))
            if k < 0.4:
                parts.append('%d')
                args.append(int_lit(rand_int()))
            elif k < 0.6:
                parts.append('%s')
                args.append(f'"{rng.choice(STRINGS)}"')
            elif k < 0.8:
                parts.append(rng.choice(['%g', '%.3f', '%e', '%a']))
                args.append(lit_double(rand_double()))
            else:
                parts.append('%llx')
                args.append(f'{rng.getrandbits(64)}ULL')
        case(''.join(parts), *args)


def main():
    out = sys.argv[1]
    for _ in range(1500):
        gen_int_case()
    for _ in range(2600):
        gen_float_case()
    for _ in range(150):
        gen_tie_f_case()
    for _ in range(150):
        gen_long_expansion_case()
    for _ in range(400):
        gen_ld_case()
    for _ in range(350):
        gen_misc_case()
    # Big precisions: exact expansions far past the last non-zero digit.
    for x, fmt in [(5e-324, '%.1074f'), (5e-324, '%.760e'), (2.2250738585072014e-308, '%.1100f'),
                   (1.7976931348623157e308, '%.0f'), (1.7976931348623157e308, '%.40e'),
                   (0.1, '%.60f'), (1 / 3, '%.70g'), (2 ** -1022 - 2 ** -1074, '%.800e'),
                   (1e23, '%.30f'), (123.456, '%#.0f'), (123.456, '%#.0e'), (100.0, '%#g'),
                   (0.0, '%#.3g'), (0.0, '%.0e'), (1e-300, '%.320f')]:
        case(fmt, lit_double(x))
    for fmt, arg in [('%.5000Lf', '0x1p-16382L'), ('%.60Le', '0x1.fffffffffffffffep+16383L'),
                     ('%Lf', '0x1p+16000L'), ('%.40Lg', '0x1p-16382L'), ('%.0Lf', '0x1p+200L')]:
        case(fmt, arg)

    with open(out, 'w') as f:
        f.write('/* Generated by tests/c/gen/printf_cases.py; expected output from glibc\n'
                ' * (tests/c/gen/regen.sh). Each line: source line, return value, text. */\n')
        f.write('#include <stdio.h>\n#include <stdint.h>\n#include <stddef.h>\n#include <sys/types.h>\n\n')
        f.write('static char buf[8192];\n')
        f.write('#define T(...) do { int r_ = snprintf(buf, sizeof buf, __VA_ARGS__); '
                'printf("%d %d:%s\\n", __LINE__, r_, buf); } while (0)\n\n')
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
    print(f'{len(cases)} cases', file=sys.stderr)


main()
