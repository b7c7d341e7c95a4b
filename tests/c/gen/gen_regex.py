#!/usr/bin/env python3
"""Writes tests/c/regex_gen.c: regcomp/regexec over generated BRE and ERE
patterns x subjects, printing the regcomp/regexec codes and the offsets of
every subexpression.

Candidates come from a fixed seed plus a hand-picked list (brackets,
classes, intervals, anchors, flags, error codes). Each candidate runs under
glibc (natively) and under wasi-libc p1 (musl's TRE, on wasmtime); only the
cases where both print the same line are kept: glibc and TRE each deviate
from POSIX's subexpression rules in some corners, and those are left out
(`--report` lists them). The kept cases' expected output is then
glibc's (tests/c/gen/reference.sh regex_gen).

Needs gcc, clang-19, the Rust toolchain's wasm32-wasip1 wasi-libc and
wasmtime (the same as tests/c/ref-wasi-libc.sh).
"""
import os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CDIR = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CDIR))

E, I, N, S = 1, 2, 4, 8   # REG_EXTENDED, REG_ICASE, REG_NEWLINE, REG_NOSUB
NOTBOL, NOTEOL = 1, 2

rng = random.Random(20261202)

def atom(depth, ere, groups):
    r = rng.random()
    if r < 0.40:
        return rng.choice("abc")
    if r < 0.48:
        return "."
    if r < 0.60:
        return rng.choice(["[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "[^bc]", "[]a]", "[a-]", "[[:digit:]b]"])
    if r < 0.66 and groups and depth == 0:
        g = rng.choice(groups)
        return "\\%d" % g
    if depth < 2:
        n = len(groups_all) + 1
        groups_all.append(n)
        inner = alt(depth + 1, ere, groups)
        groups.append(n)
        return ("(%s)" if ere else "\\(%s\\)") % inner
    return rng.choice("abc")

def piece(depth, ere, groups):
    a = atom(depth, ere, groups)
    r = rng.random()
    if r < 0.25:
        return a + "*"
    if ere and r < 0.35:
        return a + "+"
    if ere and r < 0.45:
        return a + "?"
    if r < 0.52:
        m = rng.randint(0, 2)
        n = rng.choice([m, m + 1, m + 2, ""])
        b = "{%d,%s}" % (m, n) if rng.random() < 0.7 else "{%d}" % m
        return b if False else a + (b if ere else b.replace("{", "\\{").replace("}", "\\}"))
    return a

def branch(depth, ere, groups):
    s = "".join(piece(depth, ere, groups) for _ in range(rng.randint(1, 4 - depth)))
    if rng.random() < 0.08:
        s = "^" + s
    if rng.random() < 0.08:
        s = s + "$"
    return s

def alt(depth, ere, groups):
    if not ere:
        return branch(depth, ere, groups)
    k = 1 if rng.random() < 0.6 else rng.randint(2, 3)
    return "|".join(branch(depth, ere, groups) for _ in range(k))

def subject():
    n = rng.randint(0, 9)
    return "".join(rng.choice("aabbc") for _ in range(n))

cases = []
for ere in (True, False):
    for _ in range(700):
        groups_all = []
        p = alt(0, ere, [])
        fl = E if ere else 0
        if rng.random() < 0.08:
            fl |= I
        for _ in range(3):
            s = subject()
            if fl & I and rng.random() < 0.5:
                s = s.upper()
            cases.append((fl, 0, p, s))

# Syntax soup: random strings of metacharacters, mostly for the error codes.
SOUP = "()[]{}*+?|^$\\.ab-:,01]"
for _ in range(1500):
    p = "".join(rng.choice(SOUP) for _ in range(rng.randint(1, 10)))
    if rng.random() < 0.3:
        p = p.replace("[:", "[:alpha:]")
    cases.append((rng.choice([0, E, E | I, N]), 0, p, rng.choice(["", "ab", "a(b)c{1}", "aa]b-", "\\x", ".^$|"])))

# Hand-picked: syntax corners, classes, flags, error codes.
fixed = [
    (E, 0, "(a*)*", "b"), (E, 0, "(a*)+", "b"),
    (E, 0, "(a*)*b", "ab"), (E, 0, "(.*)*", "ab"), (E, 0, "(a|b)*", "ab"),
    (E, 0, "((a)|b)*", "ab"), (E, 0, "(a*)?", "b"), (0, 0, "\\(a*\\)*", "b"),
    (E, 0, "()", "x"), (E, 0, "a||b", "b"), (E, 0, "a)", "a)"), (0, 0, "\\(^a\\)", "a"),
    (0, 0, "a\\{2\\}", "aaa"), (0, 0, "*a", "*a"), (0, 0, "^*a", "*a"), (0, 0, "a^b", "a^b"),
    (0, 0, "a$b", "a$b"), (0, 0, "\\(a$\\)", "a"), (E, 0, "a{,2}", "aaa"), (E, 0, "a{2,}", "aaaaa"),
    (E, 0, "(ab){2}", "ababab"), (E, 0, "(a|b){2,3}", "abab"), (E, 0, "x(a|b){0,3}y", "xbaby"),
    (E, 0, "[[:upper:]]+", "abCDe"), (E, I, "[[:upper:]]+", "abCDe"), (E, I, "[^a]+", "AaBb"),
    (E, 0, "[[:space:][:punct:]]+", "a \t!,b"), (E, 0, "[[:xdigit:]]+", "xDEADbeefg"),
    (E, 0, "[[:alnum:]_]+", "--ab_9--"), (E, 0, "[[:cntrl:]]", "a\tb"), (E, 0, "[[:graph:]]+", "  ab  "),
    (E, 0, "[[:print:]]+", "\tab c\t"), (E, 0, "[[:blank:]]+", "a \t b"), (E, 0, "[[:lower:]]+", "ABcdE"),
    (E, 0, "[]]", "]"), (E, 0, "[]a-]+", "x]-a"), (E, 0, "[^]a]", "]ab"), (E, 0, "[a-a]", "a"),
    (E, 0, "[\\]+", "a\\\\"),
    (E, 0, "a.c", "a\nc"), (E | N, 0, "a.c", "a\nc"), (E | N, 0, "a[^x]c", "a\nc"), (E, 0, "a[^x]c", "a\nc"),
    (E | N, 0, "^b", "a\nb"), (E, 0, "^b", "a\nb"), (E | N, 0, "a$", "a\nb"), (E, 0, "a$", "a\nb"),
    (E | N, NOTBOL, "^b", "b\nb"), (E, NOTBOL, "^a", "a"), (E, NOTEOL, "a$", "a"), (E | N, NOTEOL, "a$", "a\na"),
    (E, NOTBOL, "^", ""), (E, 0, "^$", ""), (E, 0, "$", "abc"), (E, 0, "^", "abc"),
    (E | S, 0, "(a)(b)", "ab"), (S, 0, "\\(a\\)", "xa"),
    (E, I, "AbC", "xaBc"), (I, 0, "\\(a\\)\\1", "aA"), (E | I, 0, "(a)\\1", "Aa"),
    (0, 0, "\\(a*\\)b\\1", "aabaa"), (0, 0, "\\(a*\\)b\\1", "aaba"), (0, 0, "\\(.\\)\\1", "abccd"),
    (0, 0, "\\([ab]*\\)c\\1", "abcab"), (E, 0, "(a|b)\\1", "abba"), (0, 0, "\\(a\\)\\(b\\)\\2\\1", "abba"),
    (0, 0, "\\(\\(a\\)b\\)*\\2", "ababa"), (0, 0, "\\(a\\)*\\1", "aaa"),
    (E, 0, "a**", "aaa"), (E, 0, "a+*", "aa"), (E, 0, "(a*)*(b)", "b"), (E, 0, "(a+|b)*", "ab"),
    (E, 0, "(a+|b)+", "ab"), (E, 0, "(a|ab)(bc|c)", "abc"), (E, 0, "(ab|a)(bc|c)", "abc"),
    (E, 0, "(a*)(ab)*(b*)", "abb"), (E, 0, "(a*)(b|abc)(c*)", "abc"), (E, 0, "(.?)(.?)(.?)", "ab"),
    (E, 0, "((a)|(b))+", "ab"), (E, 0, "(a(b)?)+", "aba"), (E, 0, "(a)|b", "b"), (E, 0, "(wee|week)(knights|night)", "weeknights"),
    (E, 0, "x*", "abc"), (E, 0, "b*", "abc"), (E, 0, "(b*)c", "abbc"), (E, 0, "a(b|c)*d", "abccbd"),
    # error codes
    (E, 0, "(", ""), (E, 0, "(a", ""), (0, 0, "\\(a", ""), (0, 0, "a\\)", ""), (E, 0, "[a", ""),
    (E, 0, "[[:foo:]]", ""), (E, 0, "[[:alpha:", ""), (E, 0, "a\\", ""), (E, 0, "*a", ""),
    (E, 0, "a|*b", ""), (E, 0, "(*a)", ""), (E, 0, "^*", ""), (E, 0, "a{1", ""), (E, 0, "a{2,1}", ""),
    (0, 0, "a\\{1", ""), (0, 0, "a\\{2,1\\}", ""), (0, 0, "a\\{1,2", ""), (E, 0, "[b-a]", ""),
    (E, 0, "\\1", ""), (0, 0, "\\(a\\)\\2", ""), (E, 0, "(a)\\2", ""), (0, 0, "\\(a\\1\\)", ""),
    (E, 0, "a{1,2}{3}", "aaa"), (E, 0, "a{256}", ""), (E, 0, "a{x}", ""),
    (E, 0, "[[:alpha:]-z]", ""), (E, 0, "a{1}{2}", "aa"),
]
cases += fixed

# Kept on glibc's word alone: POSIX syntax wasi-libc's TRE rejects
# (collating symbols and equivalence classes: REG_ECOLLATE there).
glibc_only = [
    (E, 0, "[[.-.]]", "-"), (E, 0, "[[.].]a]", "]"), (E, 0, "[[=a=]b]+", "abab"), (E, 0, "[[.a.]-c]+", "xabcd"),
    (E, 0, "[[=b=]]{2}", "abbb"), (0, 0, "[[.a.][.b.]]*", "abba"), (E, 0, "[[.ab.]]", ""), (E, 0, "[[=ab=]]", ""),
    (E, 0, "[a-[.c.]]+", "xabcd"), (E, 0, "[[.^.]]", "a^"), (E, I, "[[=A=]]", "xa"),
]

cases += glibc_only

# Cases where glibc and TRE agree with each other but not with POSIX's rule
# that each subexpression, left to right, takes the longest span that lets
# the whole match succeed; tests/c/regex_posix.c checks them by hand.
not_posix = [
    (E, 0, "([^a]*(b+b|a|a?)|b(a{2,3}c)?|a*.)+|a+[^bc]?|^ac+c{1,2}", "baaacb"),
]

HEAD = '''/* regcomp/regexec differential test, generated by tests/c/gen/gen_regex.py:
 * cases where glibc and wasi-libc (musl's TRE) agree (plus a few POSIX
 * forms only glibc accepts); expected output from glibc
 * (tests/c/gen/reference.sh regex_gen). Each line: case number, then
 * "c=N" (regcomp failed), or "e=N" and "(so,eo)" for the match and every
 * subexpression (at most 9 shown). */
#include <regex.h>
#include "check.h"

struct rcase { int cflags, eflags; const char *pat, *subj; };
static const struct rcase cases[] = {
'''
TAIL = '''};

int main(void) {
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const struct rcase *c = &cases[i];
    regex_t re;
    check_putl(i);
    int r = regcomp(&re, c->pat, c->cflags);
    if (r != 0) { check_puts(" c="); check_putl(r); check_puts("\\n"); continue; }
    regmatch_t m[10];
    for (int k = 0; k < 10; k++) m[k].rm_so = m[k].rm_eo = -7;
    int e = regexec(&re, c->subj, 10, m, c->eflags);
    check_puts(" e="); check_putl(e);
    check_puts(" n="); check_putl((long long)re.re_nsub);
    if (e == 0 && !(c->cflags & REG_NOSUB)) {
      size_t n = re.re_nsub < 9 ? re.re_nsub : 9;
      for (size_t k = 0; k <= n; k++) {
        check_puts(" ("); check_putl(m[k].rm_so); check_puts(","); check_putl(m[k].rm_eo); check_puts(")");
      }
    }
    check_puts("\\n");
    regfree(&re);
  }
  return 0;
}
'''

def cstr(s):
    out = '"'
    for ch in s:
        if ch == '\\': out += '\\\\'
        elif ch == '"': out += '\\"'
        elif ch == '\n': out += '\\n'
        elif ch == '\t': out += '\\t'
        elif ch == '?': out += '\\?'
        else: out += ch
    return out + '"'

def source(cs):
    body = "".join("  {%d, %d, %s, %s},\n" % (f, e, cstr(p), cstr(s)) for f, e, p, s in cs)
    return HEAD + body + TAIL

def run_until_done(cmd, n):
    """Runs cmd; a case that hangs (10 s) or crashes is dropped: returns
    (lines, index of the case that failed or None)."""
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=10)
        raw = r.stdout
        if r.returncode == 0 and raw.count(b"\n") == n:
            return raw.decode().splitlines(), None
    except subprocess.TimeoutExpired as t:
        raw = t.stdout or b""
    return None, raw.count(b"\n")

def run_both(cs, tmp):
    """Lines of glibc and of TRE per case, dropping cases where either hangs
    or crashes (glibc does on some back-reference patterns)."""
    selfc = subprocess.check_output(["rustc", "--print", "sysroot"], cwd=ROOT).decode().strip() + \
        "/lib/rustlib/wasm32-wasip1/lib/self-contained"
    sysr = os.path.join(tmp, "sys")
    if not os.path.exists(sysr):
        os.makedirs(sysr + "/lib"); os.makedirs(sysr + "/include")
        os.symlink(selfc, sysr + "/lib/wasm32-wasi")
        os.symlink("/usr/include/wasm32-wasi", sysr + "/include/wasm32-wasi")
    cs = list(cs)
    dropped = []
    while True:
        src = os.path.join(tmp, "cand.c")
        open(src, "w").write(source(cs))
        subprocess.check_call(["gcc", "-O1", "-w", "-I" + CDIR, src, "-o", tmp + "/g"])
        subprocess.check_call(["clang-19", "--target=wasm32-wasi", "--sysroot=" + sysr, "-O2", "-w",
                               "-I" + CDIR, src, "-o", tmp + "/w.wasm"])
        g, bad = run_until_done([tmp + "/g"], len(cs))
        if bad is None:
            w, bad = run_until_done(["wasmtime", "run", tmp + "/w.wasm"], len(cs))
            if bad is None:
                return cs, g, w, dropped
        # The case after the last complete line is the culprit.
        dropped.append(cs.pop(bad))

def main():
    with tempfile.TemporaryDirectory() as tmp:
        cs, g, w, dropped = run_both(cases, tmp)
    keep, left = [], []
    for c, a, b in zip(cs, g, w):
        if c in not_posix:
            continue
        (keep if a == b or c in glibc_only else left).append((c, a, b))
    if "--report" in sys.argv:
        for c, a, b in left:
            print(repr(c), "glibc:", a.split(" ", 1)[1], "tre:", b.split(" ", 1)[1])
        for c in dropped:
            print(repr(c), "hangs or crashes a reference")
    open(os.path.join(CDIR, "regex_gen.c"), "w").write(source([c for c, _, _ in keep]))
    print("gen_regex: %d cases kept, %d left out (glibc and TRE differ), %d dropped (a reference hangs or crashes)"
          % (len(keep), len(left), len(dropped)), file=sys.stderr)

main()
