#!/usr/bin/env python3
"""Generates tests/c/scanf_gen.c: sscanf cases, expected output from glibc.

Each case prints `LINE RET N VALUE`: sscanf's return value, the `%n`
count after the conversion and what was stored (integers as numbers,
floats as their bit patterns, so rounding is checked to the last bit).
Decimal inputs include exact halfway points between neighbouring doubles
and floats (hundreds of digits), one digit either side, random round
trips, subnormals, overflow and underflow, hex floats, inf/nan and the
partial forms glibc consumes (`1e+x`). Integers stay within what both a
64-bit host and wasm32 store alike (`long` is 32-bit on wasm32).
"""
import random
import struct
import sys
from decimal import Decimal, getcontext

getcontext().prec = 3000
rng = random.Random(7031)
cases = []


def cstr(s):
    # Inputs may hold C escapes (\t, \n) on purpose: only quotes are escaped.
    return '"' + s.replace('"', '\\"') + '"'


def d2b(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def b2d(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def f2b(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]


def b2f(b):
    return struct.unpack('<f', struct.pack('<I', b))[0]


def exact(x):
    """Exact decimal text of a finite binary value."""
    d = Decimal(x)
    s = format(d, 'e')
    return s


def float_case(text, kind):
    # kind: 'lf' (double), 'f' (float)
    fmt = '%' + kind + '%n'
    cases.append(f'F{"D" if kind == "lf" else "S"}({cstr(text)}, {cstr(fmt)});')


def rand_finite_double():
    while True:
        x = b2d(rng.getrandbits(64))
        if x == x and abs(x) != float('inf'):
            return x


def rand_finite_float():
    while True:
        x = b2f(rng.getrandbits(32))
        if x == x and abs(x) != float('inf'):
            return x


def halfway_texts(lo, hi):
    mid = (Decimal(lo) + Decimal(hi)) / 2
    s = format(mid, 'e')
    mant, exp = s.split('e')
    out = [s]
    digits = mant.replace('.', '').lstrip('-')
    # One unit above in the last place, and a truncation (just below).
    if len(digits) > 2:
        out.append(mant + '0000000000000000000001e' + exp)
        cut = mant[:max(3, len(mant) - rng.randint(1, 5))]
        out.append(cut + 'e' + exp)
    return out


def gen_double():
    r = rng.random()
    if r < 0.35:
        x = abs(rand_finite_double())
        y = b2d(d2b(x) + 1)
        if y == float('inf'):
            return
        for t in halfway_texts(x, y):
            float_case(t, 'lf')
    elif r < 0.7:
        x = rand_finite_double()
        fmt = rng.choice(['%.17g', '%.16g', '%.15g', '%.20e', '%a', '%.3g', '%.25g', '%.1e'])
        float_case(fmt % x, 'lf')
    else:
        digits = rng.randint(1, 40)
        m = ''.join(rng.choice('0123456789') for _ in range(digits))
        e = rng.randint(-340, 320)
        pt = rng.randint(0, digits)
        t = m[:pt] + '.' + m[pt:] + rng.choice(['e', 'E']) + str(e)
        if rng.random() < 0.3:
            t = '-' + t
        float_case(t, 'lf')


def gen_float():
    r = rng.random()
    if r < 0.4:
        x = abs(rand_finite_float())
        y = b2f(f2b(x) + 1)
        if y == float('inf'):
            return
        for t in halfway_texts(x, y):
            float_case(t, 'f')
    else:
        x = rand_finite_float()
        fmt = rng.choice(['%.9g', '%.8g', '%.12e', '%a'])
        float_case(fmt % x, 'f')


FIXED_FLOATS = [
    '0', '-0', '1', '1.5', '2.5', '.5', '5.', '-.5', '+.5e1', '1e10', '1E-10', '123456789012345678901234567890',
    '9007199254740993', '9007199254740995', '9007199254740992.5', '0.1', '0.2', '0.3',
    '2.4703282292062327e-324', '2.4703282292062328e-324', '4.9406564584124654e-324', '1e-324',
    '2.2250738585072011e-308', '2.2250738585072012e-308', '2.225073858507201136057409796709131975934819546351645648e-308',
    '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '1e308', '1e309',
    '1e400', '1e-400', '1e-5000', '1e5000', '0e999999999', '1e-999999999', '1e+999999999',
    '0x1p0', '0x1.8p1', '0X1P-2', '0x.8', '0x1.fffffffffffff8p0', '0x1.fffffffffffff7p0',
    '0x1.fffffffffffff9p0', '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x1p1024', '0x1.ffffffffffffffffffp1023',
    '0x123456789abcdef0123456789p-50', '0x.00000000000000000000001p0',
    'inf', 'INF', '-inf', 'infinity', 'Infinity', 'nan', 'NAN', '-nan', 'nan(123)', 'infx', 'infinityx',
    'infinit', 'in', 'i', 'nanx', 'na', '1ex', '1e+', '1e+x', '1e-', '100ergs', '0x', '0xg', '0x1p', '0x1px',
    '0x.p1', '.', '.e1', '+', '-', '', '   ', '  12.5', '\\t\\n 3.25', '1.2.3', '0.000000000000000000000000000001',
    '000000000000000000000000000000000001e-30', '1' + '0' * 400 + 'e-400',
    '0.' + '0' * 330 + '1', '3.' + '3' * 800, '1' * 310, '-' + '9' * 309,
    '2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324',
]


def gen_fixed_floats():
    for t in FIXED_FLOATS:
        float_case(t, 'lf')
        float_case(t, 'f')
    # Width limits cut the number.
    for t, w in [('123456', 3), ('1.5e10', 4), ('-0x1p4', 4), ('infinity', 3), ('nan', 2), ('1e5', 2)]:
        cases.append(f'FD({cstr(t)}, {cstr("%" + str(w) + "lf%n")});')
    # float halfway points near the subnormal/normal boundary and max.
    for b in [0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff - 1, 0x3f800000]:
        x, y = b2f(b), b2f(b + 1)
        for t in halfway_texts(x, y):
            float_case(t, 'f')


# ----------------------------------------------------------------- integers
def int_input(v, base_conv, length):
    """Text for value v as the conversion expects, with optional extras."""
    neg = v < 0
    a = abs(v)
    if base_conv in 'di' or base_conv == 'u':
        if base_conv == 'i' and rng.random() < 0.5:
            if rng.random() < 0.5:
                body = '0x' + format(a, rng.choice(['x', 'X']))
            else:
                body = '0' + format(a, 'o')
        else:
            body = str(a)
    elif base_conv == 'o':
        body = format(a, 'o')
    else:
        body = format(a, rng.choice(['x', 'X']))
        if rng.random() < 0.4:
            body = rng.choice(['0x', '0X']) + body
    sign = '-' if neg else rng.choice(['', '', '+'])
    lead = rng.choice(['', '', ' ', '  \\t'])
    tails = ['', '', ' ', 'z', 'x1', '.5']
    if length not in ('l', 'z'):
        tails.append('9')  # may overflow: truncation is the same on both sides
    tail = rng.choice(tails)
    return lead + sign + body + tail


def gen_int():
    conv = rng.choice('diouxX')
    length = rng.choice(['', '', 'hh', 'h', 'l', 'll', 'j', 'z'])
    signed = conv in 'di'
    if length in ('', 'l', 'z'):
        if signed:
            v = rng.choice([rng.randint(-2 ** 31, 2 ** 31 - 1), rng.randint(-99, 99), 2 ** 31 - 1, -2 ** 31])
        else:
            v = rng.choice([rng.randint(0, 2 ** 31 - 1), rng.randint(0, 999)])
    elif length in ('hh', 'h'):
        v = rng.randint(-40000, 70000) if signed else rng.randint(0, 70000)
    else:
        v = rng.randint(-2 ** 63, 2 ** 63 - 1) if signed else rng.randint(0, 2 ** 64 - 1)
    text = int_input(v, conv, length)
    width = rng.choice(['', '', '', str(rng.randint(1, 12))])
    typ = {
        ('hh', True): 'signed char', ('hh', False): 'unsigned char',
        ('h', True): 'short', ('h', False): 'unsigned short',
        ('', True): 'int', ('', False): 'unsigned',
        ('l', True): 'long', ('l', False): 'unsigned long',
        ('ll', True): 'long long', ('ll', False): 'unsigned long long',
        ('j', True): 'intmax_t', ('j', False): 'uintmax_t',
        ('z', True): 'ssize_t', ('z', False): 'size_t',
    }[(length, signed)]
    if length in ('l', 'z') and width:
        # A cut may leave a negative number for an unsigned conversion, or
        # a value past 32 bits: keep only widths that keep the whole text.
        width = ''
    fmt = f'%{width}{length}{conv}%n'
    cases.append(f'I({typ}, {cstr(text)}, {cstr(fmt)});')


INT_FIXED = [
    ('%i', '0x'), ('%i', '0xg'), ('%i', '0x1g'), ('%i', '0'), ('%i', '08'), ('%i', '-0x10'), ('%i', '+-1'),
    ('%i', '- 1'), ('%i', '0b1'), ('%x', '0x'), ('%x', '0xg'), ('%x', 'g'), ('%o', '9'), ('%d', ''),
    ('%d', '   '), ('%d', '-'), ('%d', '+'), ('%u', '-1'), ('%u', '-4294967295'), ('%d', '2147483648'),
    ('%lld', '9223372036854775808'), ('%lld', '-9223372036854775809'), ('%llu', '18446744073709551616'),
    ('%llu', '-18446744073709551615'), ('%lld', '99999999999999999999999'), ('%3d', '12345'),
    ('%1d', '-5'), ('%2i', '0x1f'), ('%hhd', '300'), ('%hd', '70000'), ('%hhu', '-1'), ('%x', 'FFfFfFfF'),
    ('%llx', 'ffffffffffffffffff'), ('%d', '\\n\\t\\v\\f\\r 42'),
]


def gen_fixed_ints():
    for fmt, text in INT_FIXED:
        f = fmt + '%n'
        if 'll' in fmt:
            typ = 'unsigned long long' if fmt[-1] in 'ux' else 'long long'
        elif 'hh' in fmt:
            typ = 'unsigned char' if fmt[-1] == 'u' else 'signed char'
        elif 'h' in fmt:
            typ = 'short'
        else:
            typ = 'unsigned' if fmt[-1] in 'uxo' else 'int'
        cases.append(f'I({typ}, {cstr(text)}, {cstr(f)});')


# ------------------------------------------------------- strings and mixes
STR_CASES = [
    ('%s%n', 'hello world'), ('%3s%n', 'hello'), ('%s%n', '   lead'), ('%s%n', ''), ('%s%n', '  '),
    ('%c%n', 'xyz'), ('%c%n', ' xyz'), ('% c%n', ' xyz'), ('%3c%n', 'abcdef'), ('%3c%n', 'abc'),
    ('%[a-z]%n', 'abc123'), ('%[^,]%n', 'one,two'), ('%[]a]%n', ']a]b'), ('%[^]x]%n', 'abc]'),
    ('%[a-]%n', 'a-a-b'), ('%[-a]%n', '--ab'), ('%[0-9a-fA-F]%n', 'DeadBeef!'), ('%2[abc]%n', 'abcabc'),
    ('%[abc]%n', 'xyz'), ('%[abc]%n', ''), ('%*s%s%n', 'skip this'), ('%5[^\\n]%n', 'line one\\n'),
]

# (format, input, types of the assigned arguments: i int, d double, s string).
MIX_CASES = [
    ('%d,%d%n', '12,34', 'ii'), ('%d ,%d%n', '12 , 34', 'ii'), ('%d,%d%n', '12 ,34', 'ii'),
    ('x=%d%n', 'x=5', 'i'), ('x=%d%n', 'y=5', 'i'), ('x = %d%n', 'x   =   5', 'i'), ('%d%%%n', '50%', 'i'),
    ('%d %%%n', '50 %', 'i'), ('%*d %d%n', '1 2', 'i'), ('%d%*c%d%n', '1x2', 'ii'),
    ('%s %d %lf%n', 'name 42 3.5', 'sid'), ('%2d%3d%n', '123456', 'ii'), ('%d%n %d%n', '1 2', 'iii'),
    ('%lf,%lf%n', '1e3,-2.5e-3', 'dd'), ('%d:%d:%d%n', '12:34', 'iii'), ('%d %d%n', '7', 'ii'),
    ('abc%n', 'abc', ''), ('abc%n', 'abd', ''), ('%d%n', '0x10', 'i'), ('%i%n', '0x10', 'i'),
    ('%5s%d%n', 'abcdefgh12', 'si'), ('%c%c%c%n', 'ab', 'sss'), ('%2$d %1$d%3$n', '3 4', 'ii'),
    ('%ms%n', 'allocated string', 'm'), ('%m[a-z]%n', 'abc1', 'm'),
    ('%d%n', '', 'i'), ('%s%n', '', 's'), (' %d%n', '   ', 'i'), ('%%%n', '%', ''), ('%%%n', ' %', ''),
    ('%*[a-z]%d%n', 'abc12', 'i'), ('%*5c%s%n', 'abcdefgh', 's'), ('%p%n', '0x1234', 'p'),
    ('%llx %lli%n', 'ffffffffff -0x10', 'LL'),
]


def mixed_case(fmt, text, types):
    decl, args, show = [], [], []
    for k, t in enumerate(types):
        v = f'a{k}_'
        if t == 'i':
            decl.append(f'int {v} = -1;')
            args.append('&' + v)
            show.append(('%d', v))
        elif t == 'L':
            decl.append(f'long long {v} = -1;')
            args.append('&' + v)
            show.append(('%lld', v))
        elif t == 'd':
            decl.append(f'double {v} = -1;')
            args.append('&' + v)
            show.append(('%.17g', v))
        elif t == 'p':
            decl.append(f'void *{v} = 0;')
            args.append('&' + v)
            show.append(('%p', v))
        elif t == 'm':
            decl.append(f'char *{v} = 0;')
            args.append('&' + v)
            show.append(('[%s]', f'{v} ? {v} : "(none)"'))
        else:
            decl.append(f'char {v}[32]; memset({v}, 0, 32); {v}[0] = \'-\';')
            args.append(v)
            show.append(('[%s]', v))
    pf = ' '.join(x for x, _ in show)
    pa = ''.join(', ' + y for _, y in show)
    extra = '' if '$' in fmt else ', &n_'
    if '$' in fmt:
        args.append('&n_')
    frees = ''.join(f' free({f"a{k}_"});' for k, t in enumerate(types) if t == 'm')
    cases.append('{ ' + ' '.join(decl) + f' int n_ = -1; int r_ = sscanf({cstr(text)}, {cstr(fmt)}'
                 + ''.join(', ' + x for x in args) + (extra if '$' not in fmt else '')
                 + f'); printf("%d %d %d {pf}\\n", __LINE__, r_, n_{pa});{frees} }}')


def gen_fixed_misc():
    for fmt, text in STR_CASES:
        cases.append(f'S({cstr(text)}, {cstr(fmt)});')
    for fmt, text, types in MIX_CASES:
        mixed_case(fmt, text, types)


def main():
    out = sys.argv[1]
    gen_fixed_floats()
    gen_fixed_ints()
    gen_fixed_misc()
    for _ in range(1200):
        gen_double()
    for _ in range(500):
        gen_float()
    for _ in range(1200):
        gen_int()
    with open(out, 'w') as f:
        f.write('''/* Generated by tests/c/gen/scanf_cases.py; expected output from glibc
 * (tests/c/gen/regen.sh). Each line: source line, return value, %n count,
 * stored value (floats as bit patterns). */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <sys/types.h>

/* double / float: bits of the result. */
#define FD(in, fmt) do { double v_ = -7.0; int n_ = -1; int r_ = sscanf(in, fmt, &v_, &n_); \\
  uint64_t b_; memcpy(&b_, &v_, 8); printf("%d %d %d %016llx\\n", __LINE__, r_, n_, (unsigned long long)b_); } while (0)
#define FS(in, fmt) do { float v_ = -7.0f; int n_ = -1; int r_ = sscanf(in, fmt, &v_, &n_); \\
  uint32_t b_; memcpy(&b_, &v_, 4); printf("%d %d %d %08x\\n", __LINE__, r_, n_, (unsigned)b_); } while (0)
/* Integers of type T. */
#define I(T, in, fmt) do { T v_ = (T)77; int n_ = -1; int r_ = sscanf(in, fmt, &v_, &n_); \\
  printf("%d %d %d %lld %llu\\n", __LINE__, r_, n_, (long long)v_, (unsigned long long)v_); } while (0)
/* One string conversion (possibly %c without a NUL). */
#define S(in, fmt) do { char s_[64]; memset(s_, '#', sizeof s_); s_[63] = 0; int n_ = -1; \\
  int r_ = sscanf(in, fmt, s_, &n_); printf("%d %d %d [%s]\\n", __LINE__, r_, n_, s_); } while (0)

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
    print(f'{len(cases)} cases', file=sys.stderr)


main()
