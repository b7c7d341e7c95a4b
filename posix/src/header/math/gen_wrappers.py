#!/usr/bin/env python3
"""Writes double.rs, float.rs and long.rs of this module (the C wrappers
over the `libm` crate and the binary128 helpers), formatted with rustfmt:
`python3 gen_wrappers.py`. Edit the tables here rather than the output.
`--check` (run by scripts/test.sh) fails if the files differ from what this
script writes.

Why a generator and not a `macro_rules!` table: cbindgen writes math.h from
these files and does not expand macros (on a stable toolchain), so each
function must be written out."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_common import emit  # noqa: E402
POSIX = "https://pubs.opengroup.org/onlinepubs/9799919799/functions/{}.html"
MAN = "https://man7.org/linux/man-pages/man3/{}.3.html"
GNU = {"exp10", "sincos", "lgamma_r"}
# Computed by explog.rs instead of the libm crate (table-driven, more accurate).
OWN = {"exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "pow"}

# name, kind, double impl, float impl (None: derive by suffix)
# kinds: d (x), dd (x,y), ddd, di (x,int), dl (x,long), i (->int), l (->long), ll (->long long),
# frexp, modf, remquo, jn, lgr, sincos, nan, ntw
F = [
 ("acos","d"),("asin","d"),("atan","d"),("atan2","dd"),("cos","d"),("sin","d"),("tan","d"),
 ("acosh","d"),("asinh","d"),("atanh","d"),("cosh","d"),("sinh","d"),("tanh","d"),
 ("exp","d"),("exp2","d"),("exp10","d"),("expm1","d"),("frexp","frexp"),("ilogb","i"),("ldexp","di"),
 ("log","d"),("log10","d"),("log1p","d"),("log2","d"),("logb","d"),("modf","modf"),
 ("scalbn","di"),("scalbln","dl"),("cbrt","d"),("fabs","d"),("hypot","dd"),("pow","dd"),("sqrt","d"),
 ("erf","d"),("erfc","d"),("lgamma","d"),("lgamma_r","lgr"),("tgamma","d"),
 ("ceil","d"),("floor","d"),("nearbyint","d"),("rint","d"),("lrint","l"),("llrint","ll"),
 ("round","d"),("lround","l"),("llround","ll"),("trunc","d"),
 ("fmod","dd"),("remainder","dd"),("remquo","remquo"),
 ("copysign","dd"),("nan","nan"),("nextafter","dd"),("nexttoward","ntw"),
 ("fdim","dd"),("fmax","dd"),("fmin","dd"),("fma","ddd"),
 ("j0","d"),("j1","d"),("jn","jn"),("y0","d"),("y1","d"),("yn","jn"),("sincos","sincos"),
]

def doc(name, base):
    url = (MAN.format(base.replace("_r","")) if base in GNU else POSIX.format(base))
    extra = {"exp10": " (GNU)", "sincos": " (GNU)", "lgamma_r": " (GNU): `lgamma` with the sign in `*sign`"}.get(base, "")
    return f"/// [{name}]({url}){extra}\n"

def gen(suffix):
    T = {"": "f64", "f": "f32", "l": "long_double"}[suffix]
    out = []
    for base, kind in F:
        n = base + suffix if base != "lgamma_r" else ("lgamma" + suffix + "_r")
        if suffix == "f" and base in ("j0","j1","jn","y0","y1","yn"):
            lib = base + "f"
        lib = "libm::" + (n if base != "lgamma_r" else ("lgamma_r" if suffix == "" else "lgammaf_r"))
        if base in OWN:
            lib = "super::explog::" + n
        d = doc(n, base)
        if suffix == "l":
            out.append(gen_long(base, kind, n, d))
            continue
        c = lambda s: s  # noqa
        if kind == "d":
            body = {
                "nearbyint": f"libm::rint{suffix}(x)",
                "fabs": "x.abs()",
                "logb": f"super::logb_f64(x as f64) as {T}" if suffix == "f" else "super::logb_f64(x)",
                "lgamma": f"super::with_signgam(libm::lgamma{suffix}_r(x))",
            }.get(base, f"{lib}(x)")
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}) -> {T} {{\n    {body}\n}}\n")
        elif kind == "dd":
            body = {"copysign": "x.copysign(y)", "fmax": "super::max_min(x, y, true)",
                    "fmin": "super::max_min(x, y, false)"}.get(base, f"{lib}(x, y)")
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}, y: {T}) -> {T} {{\n    {body}\n}}\n")
        elif kind == "ddd":
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}, y: {T}, z: {T}) -> {T} {{\n    {lib}(x, y, z)\n}}\n")
        elif kind == "di":
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}, n: c_int) -> {T} {{\n    {lib}(x, n)\n}}\n")
        elif kind == "dl":
            out.append(d + "/// (`long` is `int` on wasm32.)\n" + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}, n: c_long) -> {T} {{\n    libm::scalbn{suffix}(x, n)\n}}\n")
        elif kind == "i":
            out.append(d + "/// `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`) for 0 and NaN, `INT_MAX` for infinity.\n" + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}) -> c_int {{\n    {lib}(x)\n}}\n")
        elif kind in ("l", "ll"):
            rt = "c_long" if kind == "l" else "c_longlong"
            how = "rint" if "rint" in base else "round"
            out.append(d + "/// Out of range (or NaN): the type's minimum, as on x86.\n" + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}) -> {rt} {{\n    super::to_int::<{rt}>(libm::{how}{suffix}(x) as f64)\n}}\n")
        elif kind == "frexp":
            out.append(d + "///\n/// # Safety\n/// `e` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {T}, e: *mut c_int) -> {T} {{\n    let (m, k) = {lib}(x);\n    // SAFETY: caller contract.\n    unsafe {{ *e = k }};\n    m\n}}\n")
        elif kind == "modf":
            out.append(d + "///\n/// # Safety\n/// `ip` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {T}, ip: *mut {T}) -> {T} {{\n    let (f, i) = {lib}(x);\n    // SAFETY: caller contract.\n    unsafe {{ *ip = i }};\n    f\n}}\n")
        elif kind == "remquo":
            out.append(d + "///\n/// # Safety\n/// `q` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {T}, y: {T}, q: *mut c_int) -> {T} {{\n    let (r, k) = {lib}(x, y);\n    // SAFETY: caller contract.\n    unsafe {{ *q = k }};\n    r\n}}\n")
        elif kind == "jn":
            lib2 = "libm::" + base + ("f" if suffix == "f" else "")
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(n: c_int, x: {T}) -> {T} {{\n    {lib2}(n, x)\n}}\n")
        elif kind == "lgr":
            out.append(d + "///\n/// # Safety\n/// `sign` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {T}, sign: *mut c_int) -> {T} {{\n    let (v, s) = {lib}(x);\n    // SAFETY: caller contract.\n    unsafe {{ *sign = s }};\n    v\n}}\n")
        elif kind == "sincos":
            out.append(d + "///\n/// # Safety\n/// `s` and `c` valid for writes.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {T}, s: *mut {T}, c: *mut {T}) -> () {{\n    let (sv, cv) = libm::sincos{suffix}(x);\n    // SAFETY: caller contract.\n    unsafe {{\n        *s = sv;\n        *c = cv;\n    }}\n}}\n")
        elif kind == "nan":
            fmt = "F64" if suffix == "" else "F32"
            conv = "f64::from_bits(b as u64)" if suffix == "" else "f32::from_bits(b as u32)"
            out.append(d + "/// `nan(\"n-char-sequence\")` is `strtod(\"NAN(n-char-sequence)\")`.\n///\n/// # Safety\n/// `tag` NUL-terminated.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(tag: *const c_char) -> {T} {{\n    // SAFETY: caller contract.\n    let b = unsafe {{ super::nan_bits(tag, {fmt}) }};\n    {conv}\n}}\n")
        elif kind == "ntw":
            out.append(d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {T}, y: long_double) -> {T} {{\n    match super::toward({'x' if suffix == '' else 'f64::from(x)'}, y) {{\n        Some(up) => libm::nextafter{suffix}(x, if up {{ {T}::INFINITY }} else {{ {T}::NEG_INFINITY }}),\n        None if y.0 & !super::f128::SIGN > super::f128::INF => {T}::NAN,\n        None => x.copysign(if y.0 >> 127 != 0 {{ -1.0 }} else {{ 1.0 }}),\n    }}\n}}\n")
        out[-1] = out[-1].replace("-> () {", "{")
    return "\n".join(out)

EXACT = {"sqrt","fabs","copysign","frexp","ilogb","ldexp","logb","modf","scalbn","scalbln","ceil","floor",
         "nearbyint","rint","lrint","llrint","round","lround","llround","trunc","nan","nextafter",
         "nexttoward","fmax","fmin"}

def gen_long(base, kind, n, d):
    L = "long_double"
    via = base not in EXACT
    note = ("/// Computed in `double` precision (see the module documentation).\n" if via
            else "/// Correctly rounded (binary128).\n" if base == "sqrt" else "/// Exact (binary128).\n")
    d = d + note
    def un(a): return f"to_f64({a}.0)"
    def wrap(e): return f"long_double(from_f64({e}))"
    if kind == "d":
        if via:
            body = wrap(f"super::double::{base}({un('x')})")
        else:
            body = {
                "fabs": "long_double(x.0 & !f128::SIGN)",
                "sqrt": "long_double(f128::sqrt(x.0))",
                "logb": "super::logbl_bits(x)",
                "ceil": "long_double(f128::round_int(x.0, Dir::Ceil))",
                "floor": "long_double(f128::round_int(x.0, Dir::Floor))",
                "trunc": "long_double(f128::round_int(x.0, Dir::Trunc))",
                "round": "long_double(f128::round_int(x.0, Dir::Away))",
                "rint": "long_double(f128::round_int(x.0, Dir::Even))",
                "nearbyint": "long_double(f128::round_int(x.0, Dir::Even))",
            }[base]
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}) -> {L} {{\n    {body}\n}}\n"
    if kind == "dd":
        if via:
            body = wrap(f"super::double::{base}({un('x')}, {un('y')})")
        else:
            body = {
                "copysign": "long_double((x.0 & !f128::SIGN) | (y.0 & f128::SIGN))",
                "nextafter": "long_double(f128::next_after(x.0, y.0))",
                "fmax": "long_double(f128::max_min(x.0, y.0, true))",
                "fmin": "long_double(f128::max_min(x.0, y.0, false))",
            }[base]
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}, y: {L}) -> {L} {{\n    {body}\n}}\n"
    if kind == "ddd":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}, y: {L}, z: {L}) -> {L} {{\n    {wrap('libm::fma(' + un('x') + ', ' + un('y') + ', ' + un('z') + ')')}\n}}\n"
    if kind == "di":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}, n: c_int) -> {L} {{\n    long_double(f128::scale(x.0, n as i64))\n}}\n"
    if kind == "dl":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}, n: c_long) -> {L} {{\n    long_double(f128::scale(x.0, n as i64))\n}}\n"
    if kind == "i":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}) -> c_int {{\n    f128::ilogb(x.0)\n}}\n"
    if kind in ("l", "ll"):
        rt = "c_long" if kind == "l" else "c_longlong"
        dirn = "Dir::Even" if "rint" in base else "Dir::Away"
        return d + "/// Out of range: saturated (NaN: the maximum), as glibc's `_Float128` functions.\n" + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}) -> {rt} {{\n    let r = f128::round_int(x.0, {dirn});\n    match f128::to_i64(r).and_then(|v| {rt}::try_from(v).ok()) {{\n        Some(v) => v,\n        None if r >> 127 != 0 && !f128::is_nan(r) => {rt}::MIN,\n        None => {rt}::MAX,\n    }}\n}}\n"
    if kind == "frexp":
        return d + "///\n/// # Safety\n/// `e` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {L}, e: *mut c_int) -> {L} {{\n    let (m, k) = f128::frexp(x.0);\n    // SAFETY: caller contract.\n    unsafe {{ *e = k }};\n    long_double(m)\n}}\n"
    if kind == "modf":
        return d + "///\n/// # Safety\n/// `ip` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {L}, ip: *mut {L}) -> {L} {{\n    let (i, f) = f128::modf(x.0);\n    // SAFETY: caller contract.\n    unsafe {{ *ip = long_double(i) }};\n    long_double(f)\n}}\n"
    if kind == "remquo":
        return d + "///\n/// # Safety\n/// `q` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {L}, y: {L}, q: *mut c_int) -> {L} {{\n    let (r, k) = libm::remquo({un('x')}, {un('y')});\n    // SAFETY: caller contract.\n    unsafe {{ *q = k }};\n    {wrap('r')}\n}}\n"
    if kind == "jn":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(n: c_int, x: {L}) -> {L} {{\n    {wrap('libm::' + base + '(n, ' + un('x') + ')')}\n}}\n"
    if kind == "lgr":
        return d + "///\n/// # Safety\n/// `sign` valid for a write.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {L}, sign: *mut c_int) -> {L} {{\n    let (v, s) = libm::lgamma_r({un('x')});\n    // SAFETY: caller contract.\n    unsafe {{ *sign = s }};\n    {wrap('v')}\n}}\n"
    if kind == "sincos":
        return d + "///\n/// # Safety\n/// `s` and `c` valid for writes.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(x: {L}, s: *mut {L}, c: *mut {L}) {{\n    let (sv, cv) = libm::sincos({un('x')});\n    // SAFETY: caller contract.\n    unsafe {{\n        *s = {wrap('sv')};\n        *c = {wrap('cv')};\n    }}\n}}\n"
    if kind == "nan":
        return d + "///\n/// # Safety\n/// `tag` NUL-terminated.\n" + f"#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn {n}(tag: *const c_char) -> {L} {{\n    // SAFETY: caller contract.\n    long_double(unsafe {{ super::nan_bits(tag, F128) }})\n}}\n"
    if kind == "ntw":
        return d + f"#[unsafe(no_mangle)]\npub extern \"C\" fn {n}(x: {L}, y: {L}) -> {L} {{\n    long_double(f128::next_after(x.0, y.0))\n}}\n"
    raise Exception(kind)

MARK = "//! Generated by gen_wrappers.py: do not edit (edit its tables).\n//!\n"
HEAD = {
 "": "//! `math.h`, `double` functions: the `libm` crate (a port of musl's\n//! libm), plus the few it lacks.\n\nuse super::long_double;\nuse crate::header::stdlib::F64;\nuse crate::platform::{c_char, c_int, c_long, c_longlong};\n\n",
 "f": "//! `math.h`, `float` functions: the `libm` crate, plus the few it lacks.\n\nuse super::long_double;\nuse crate::header::stdlib::F32;\nuse crate::platform::{c_char, c_int, c_long, c_longlong};\n\n",
 "l": "//! `math.h`, `long double` (IEEE binary128) functions. The exact ones\n//! work on the bits; the others convert to `double`, use the `double`\n//! function and convert back, so they are only as precise as `double`.\n\nuse super::f128::{self, Dir, from_f64, to_f64};\nuse super::long_double;\nuse crate::header::stdlib::F128;\nuse crate::platform::{c_char, c_int, c_long, c_longlong};\n\n",
}
emit({fname: MARK + HEAD[suffix] + gen(suffix)
      for suffix, fname in (("", "double.rs"), ("f", "float.rs"), ("l", "long.rs"))})
