//! The printf engine: parses a C format string and writes the conversions
//! of the arguments to a [`Sink`]. Every C99 conversion, flag, width,
//! precision and length modifier; POSIX `%n$` positional arguments.
//! Floats go to [`super::float`].

use super::float;
use super::va::{Args, Class, NL_ARGMAX};
use libc_core::Errno;

/// Where formatted bytes go. Errors are the sink's business (a `FILE`
/// records them); the engine only counts.
pub(crate) trait Sink {
    fn put(&mut self, s: &[u8]);
}

/// Counts what goes through to the sink.
pub(crate) struct Out<'a> {
    sink: &'a mut dyn Sink,
    pub(crate) n: usize,
}

impl Out<'_> {
    #[inline]
    pub(crate) fn put(&mut self, s: &[u8]) {
        self.n = self.n.wrapping_add(s.len());
        self.sink.put(s);
    }

    /// `n` copies of `c`.
    #[inline(never)]
    pub(crate) fn pad(&mut self, c: u8, mut n: usize) {
        let chunk = [c; 32];
        while n > 0 {
            let k = n.min(32);
            self.put(&chunk[..k]);
            n -= k;
        }
    }
}

pub(crate) const F_MINUS: u8 = 1;
pub(crate) const F_PLUS: u8 = 2;
pub(crate) const F_SPACE: u8 = 4;
pub(crate) const F_ALT: u8 = 8;
pub(crate) const F_ZERO: u8 = 16;

/// Length modifiers.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Len {
    None,
    HH,
    H,
    L,
    LL,
    /// `L` (long double)
    BigL,
    /// `j`
    J,
    /// `z`, `t`: 32-bit on wasm32
    Z,
}

/// One parsed conversion specification.
pub(crate) struct Spec {
    pub(crate) flags: u8,
    pub(crate) width: usize,
    pub(crate) prec: Option<usize>,
    len: Len,
    pub(crate) conv: u8,
    /// Argument number (`%n$`), 0 when sequential.
    argn: usize,
    /// `*` width / precision: argument numbers (0 = next), `None` = literal.
    width_arg: Option<usize>,
    prec_arg: Option<usize>,
}

/// Reads a decimal number; saturates instead of overflowing.
///
/// # Safety
/// `*p` points into a NUL-terminated string.
#[inline(never)]
unsafe fn number(p: &mut *const u8) -> usize {
    let mut n: usize = 0;
    // SAFETY: we stop at the first non-digit (at the latest the NUL).
    unsafe {
        while (**p).is_ascii_digit() {
            n = n.saturating_mul(10).saturating_add((**p - b'0') as usize);
            *p = p.add(1);
        }
    }
    n
}

/// `n$` after a `%` or `*`: the argument number, consuming it; else 0.
///
/// # Safety
/// As for [`number`].
unsafe fn position(p: &mut *const u8) -> usize {
    let mut q = *p;
    // SAFETY: NUL-terminated.
    unsafe {
        if !(*q).is_ascii_digit() {
            return 0;
        }
        let n = number(&mut q);
        if *q == b'$' && n > 0 {
            *p = q.add(1);
            return n;
        }
    }
    0
}

/// Parses the specification after `%`; `None` if it is malformed (then the
/// text is printed as is, like glibc).
///
/// # Safety
/// `*p` points into a NUL-terminated string, just after a `%`.
unsafe fn parse_spec(p: &mut *const u8) -> Option<Spec> {
    // SAFETY: every read below stops at the NUL.
    unsafe {
        let argn = position(p);
        let mut flags = 0;
        loop {
            flags |= match **p {
                b'-' => F_MINUS,
                b'+' => F_PLUS,
                b' ' => F_SPACE,
                b'#' => F_ALT,
                b'0' => F_ZERO,
                b'\'' | b'I' => 0, // grouping / locale digits: nothing in "C"
                _ => break,
            };
            *p = p.add(1);
        }
        let (mut width, mut width_arg) = (0, None);
        if **p == b'*' {
            *p = p.add(1);
            width_arg = Some(position(p));
        } else {
            width = number(p);
        }
        let (mut prec, mut prec_arg) = (None, None);
        if **p == b'.' {
            *p = p.add(1);
            if **p == b'*' {
                *p = p.add(1);
                prec_arg = Some(position(p));
            } else {
                prec = Some(number(p));
            }
        }
        let len = match **p {
            b'h' if *p.add(1) == b'h' => {
                *p = p.add(1);
                Len::HH
            }
            b'h' => Len::H,
            b'l' if *p.add(1) == b'l' => {
                *p = p.add(1);
                Len::LL
            }
            b'l' => Len::L,
            b'q' => Len::LL,
            b'L' => Len::BigL,
            b'j' => Len::J,
            b'z' | b't' | b'Z' => Len::Z,
            _ => Len::None,
        };
        if len != Len::None {
            *p = p.add(1);
        }
        let conv = **p;
        if !matches!(
            conv,
            b'd' | b'i'
                | b'o'
                | b'u'
                | b'x'
                | b'X'
                | b'f'
                | b'F'
                | b'e'
                | b'E'
                | b'g'
                | b'G'
                | b'a'
                | b'A'
                | b'c'
                | b's'
                | b'p'
                | b'n'
                | b'C'
                | b'S'
                | b'%'
        ) {
            return None;
        }
        *p = p.add(1);
        Some(Spec {
            flags,
            width,
            prec,
            len,
            conv,
            argn,
            width_arg,
            prec_arg,
        })
    }
}

impl Spec {
    /// The class of the argument this conversion consumes.
    fn class(&self) -> Class {
        match self.conv {
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                if self.len == Len::BigL {
                    Class::F128
                } else {
                    Class::F64
                }
            }
            b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => match self.len {
                Len::LL | Len::J | Len::BigL => Class::I64,
                _ => Class::I32,
            },
            b'%' => Class::None,
            _ => Class::I32,
        }
    }
}

/// Records the argument types of a positional format.
///
/// # Safety
/// `fmt` is NUL-terminated.
unsafe fn collect_types(mut p: *const u8, types: &mut [Class; NL_ARGMAX]) -> bool {
    let mut set = |n: usize, c: Class| {
        if (1..=NL_ARGMAX).contains(&n) {
            types[n - 1] = c;
            true
        } else {
            false
        }
    };
    // SAFETY: NUL-terminated; parse_spec stops at the NUL.
    unsafe {
        while *p != 0 {
            if *p != b'%' {
                p = p.add(1);
                continue;
            }
            p = p.add(1);
            let Some(s) = parse_spec(&mut p) else {
                continue;
            };
            for n in [s.width_arg, s.prec_arg].into_iter().flatten() {
                if !set(n, Class::I32) {
                    return false;
                }
            }
            let c = s.class();
            if c != Class::None && !set(s.argn, c) {
                return false;
            }
        }
    }
    true
}

/// Formats `fmt` with `args` into `sink`; the number of bytes produced.
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it (the C contract).
pub(crate) unsafe fn format(
    sink: &mut dyn Sink,
    fmt: *const u8,
    args: &mut Args,
    fp: FloatConv,
) -> Result<usize, Errno> {
    let mut o = Out { sink, n: 0 };
    let mut p = fmt;
    let mut positional_checked = false;
    // SAFETY: NUL-terminated format (caller contract); arguments per format.
    unsafe {
        loop {
            // Literal text up to the next '%'.
            let start = p;
            while *p != 0 && *p != b'%' {
                p = p.add(1);
            }
            if p != start {
                o.put(core::slice::from_raw_parts(
                    start,
                    p.offset_from(start) as usize,
                ));
            }
            if *p == 0 {
                break;
            }
            let pct = p;
            p = p.add(1);
            let Some(mut s) = parse_spec(&mut p) else {
                // Malformed: print it as text, like glibc.
                o.put(b"%");
                p = pct.add(1);
                continue;
            };
            if !positional_checked {
                positional_checked = true;
                if s.argn != 0 {
                    let mut types = [Class::None; NL_ARGMAX];
                    if !collect_types(fmt, &mut types) {
                        return Err(Errno::EINVAL);
                    }
                    args.positional(&types);
                }
            }
            if let Some(n) = s.width_arg {
                let w = args.i32(n);
                if w < 0 {
                    s.flags |= F_MINUS;
                }
                s.width = w.unsigned_abs() as usize;
            }
            if let Some(n) = s.prec_arg {
                let v = args.i32(n);
                s.prec = if v < 0 { None } else { Some(v as usize) };
            }
            if s.flags & F_MINUS != 0 {
                s.flags &= !F_ZERO;
            }
            // Refuse output past INT_MAX up front (glibc and musl do too)
            // rather than padding gigabytes: the width, and the precision
            // of conversions whose precision adds digits.
            let numeric = !matches!(s.conv, b's' | b'S' | b'c' | b'C' | b'%' | b'n');
            let grow = s.width.max(if numeric { s.prec.unwrap_or(0) } else { 0 });
            if grow >= (i32::MAX as usize).saturating_sub(o.n) {
                return Err(Errno::EOVERFLOW);
            }
            convert(&mut o, &mut s, args, fp)?;
        }
    }
    if o.n > i32::MAX as usize {
        return Err(Errno::EOVERFLOW);
    }
    Ok(o.n)
}

/// Writes `body` (already sign/prefix-free digits) with sign/prefix `pre`,
/// zero padding to `zeros`, and width padding.
pub(crate) fn emit(o: &mut Out, s: &Spec, pre: &[u8], zeros: usize, body: &[u8]) {
    let len = pre.len() + zeros + body.len();
    let fill = s.width.saturating_sub(len);
    if s.flags & F_MINUS == 0 {
        o.pad(b' ', fill);
    }
    o.put(pre);
    o.pad(b'0', zeros);
    o.put(body);
    if s.flags & F_MINUS != 0 {
        o.pad(b' ', fill);
    }
}

/// One conversion.
///
/// # Safety
/// The next argument matches `s` (C contract).
#[inline(never)]
unsafe fn convert(o: &mut Out, s: &mut Spec, args: &mut Args, fp: FloatConv) -> Result<(), Errno> {
    let n = s.argn;
    // SAFETY: arguments per format (caller contract); strings NUL-terminated.
    unsafe {
        match s.conv {
            b'%' => o.put(b"%"),
            b'd' | b'i' => {
                let v: i64 = match s.len {
                    Len::LL | Len::J | Len::BigL => args.i64(n),
                    Len::HH => args.i32(n) as i8 as i64,
                    Len::H => args.i32(n) as i16 as i64,
                    _ => args.i32(n) as i64,
                };
                let pre: &[u8] = if v < 0 {
                    b"-"
                } else if s.flags & F_PLUS != 0 {
                    b"+"
                } else if s.flags & F_SPACE != 0 {
                    b" "
                } else {
                    b""
                };
                fmt_uint(o, s, v.unsigned_abs(), 10, pre);
            }
            b'o' | b'u' | b'x' | b'X' => {
                let v: u64 = match s.len {
                    Len::LL | Len::J | Len::BigL => args.i64(n) as u64,
                    Len::HH => args.i32(n) as u8 as u64,
                    Len::H => args.i32(n) as u16 as u64,
                    _ => args.i32(n) as u32 as u64,
                };
                let base = match s.conv {
                    b'o' => 8,
                    b'u' => 10,
                    _ => 16,
                };
                let pre: &[u8] = if s.flags & F_ALT != 0 && v != 0 {
                    match s.conv {
                        b'x' => b"0x",
                        b'X' => b"0X",
                        _ => b"",
                    }
                } else {
                    b""
                };
                fmt_uint(o, s, v, base, pre);
            }
            b'p' => {
                let v = args.i32(n) as u32;
                if v == 0 {
                    s.prec = None;
                    s.flags &= !F_ZERO;
                    emit(o, s, b"", 0, b"(nil)");
                } else {
                    s.conv = b'x';
                    fmt_uint(o, s, v as u64, 16, b"0x");
                }
            }
            b'c' | b'C' => {
                let c = args.i32(n);
                if s.len == Len::L || s.conv == b'C' {
                    let mut b = [0; 4];
                    let k = utf8(c as u32, &mut b);
                    emit(o, s, b"", 0, b.get(..k).unwrap_or(&[]));
                } else {
                    emit(o, s, b"", 0, &[c as u8]);
                }
            }
            b's' | b'S' => {
                let p: *const u8 = args.ptr(n);
                if s.len == Len::L || s.conv == b'S' {
                    fmt_wstr(o, s, p.cast());
                } else if p.is_null() {
                    let t: &[u8] = if s.prec.is_none_or(|p| p >= 6) {
                        b"(null)"
                    } else {
                        b""
                    };
                    emit(o, s, b"", 0, t);
                } else {
                    let max = s.prec.unwrap_or(usize::MAX);
                    let mut k = 0;
                    while k < max && *p.add(k) != 0 {
                        k += 1;
                    }
                    emit(o, s, b"", 0, core::slice::from_raw_parts(p, k));
                }
            }
            b'n' => {
                let p: *mut u8 = args.ptr(n);
                let v = o.n;
                match s.len {
                    Len::HH => *p = v as u8,
                    Len::H => p.cast::<i16>().write_unaligned(v as i16),
                    Len::LL | Len::J | Len::BigL => p.cast::<i64>().write_unaligned(v as i64),
                    _ => p.cast::<i32>().write_unaligned(v as i32),
                }
            }
            _ => {
                // Floating point: through `fp`, so that the integer-only
                // entry points do not link the float formatter.
                return fp(o, s, args);
            }
        }
    }
    Ok(())
}

/// Formats one floating-point conversion (`%f %F %e %E %g %G %a %A`, with
/// or without `L`). The full entry points (`printf`, ...) pass
/// [`float_conv`]; the integer-only ones (`__iprintf`, ..., which
/// `<stdio.h>` picks for calls that pass no floating-point argument) pass
/// [`no_float`], so programs that never print a float do not link the
/// exact float formatter (about 5 KB of code).
pub(crate) type FloatConv = unsafe fn(&mut Out, &Spec, &mut Args) -> Result<(), Errno>;

/// The float formatter.
///
/// # Safety
/// The next argument is a `double` (a `long double` with `L`): C contract.
pub(crate) unsafe fn float_conv(o: &mut Out, s: &Spec, args: &mut Args) -> Result<(), Errno> {
    let n = s.argn;
    // SAFETY: caller contract.
    let (neg, cls) = unsafe {
        if s.len == Len::BigL {
            float::decode_f128(args.f128(n))
        } else {
            float::decode_f64(args.f64(n))
        }
    };
    float::fmt_float(o, s, neg, cls);
    Ok(())
}

/// The integer-only entry points' stand-in: a float conversion there means
/// the call passed no floating-point argument for it (undefined behaviour
/// in C), so the call fails with `EINVAL` instead of reading garbage.
pub(crate) unsafe fn no_float(_o: &mut Out, _s: &Spec, _args: &mut Args) -> Result<(), Errno> {
    Err(Errno::EINVAL)
}

/// Integer conversions: digits of `v` in `base`, precision, `#`, padding.
fn fmt_uint(o: &mut Out, s: &Spec, mut v: u64, base: u64, pre: &[u8]) {
    let digits: &[u8; 16] = if s.conv == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    // 22 octal digits at most: fits in 32 (the masks only show the
    // compiler the indices are in bounds).
    let mut buf = [0u8; 32];
    let mut i = buf.len();
    while v != 0 {
        i -= 1;
        buf[i & 31] = digits[(v % base) as usize & 15];
        v /= base;
    }
    let body = buf.get(i..).unwrap_or(&[]);
    let ndig = body.len();
    let prec = s.prec.unwrap_or(1);
    let mut zeros = prec.saturating_sub(ndig);
    if base == 8 && s.flags & F_ALT != 0 && zeros == 0 {
        zeros = 1; // the first digit is never '0' here
    }
    if s.prec.is_none() && s.flags & F_ZERO != 0 {
        zeros = zeros.max(s.width.saturating_sub(pre.len() + ndig));
    }
    emit(o, s, pre, zeros, body);
}

/// UTF-8 encoding of a wide character (the library's only locale).
fn utf8(c: u32, b: &mut [u8; 4]) -> usize {
    let n = match c {
        0..0x80 => {
            b[0] = c as u8;
            return 1;
        }
        0x80..0x800 => 2,
        0x800..0x10000 => 3,
        _ => 4,
    };
    let mut x = c;
    for i in (1..n).rev() {
        b[i & 3] = 0x80 | (x & 0x3f) as u8;
        x >>= 6;
    }
    b[0] = [0xc0, 0xe0, 0xf0][(n - 2) % 3] | x as u8;
    n
}

/// `%ls`: a wide string, UTF-8 encoded; the precision counts bytes and
/// only whole characters are written.
///
/// # Safety
/// `p` is null or a NUL-terminated `wchar_t` string.
#[inline(never)]
unsafe fn fmt_wstr(o: &mut Out, s: &Spec, p: *const u32) {
    if p.is_null() {
        emit(o, s, b"", 0, b"(null)");
        return;
    }
    let max = s.prec.unwrap_or(usize::MAX);
    // Pass 1: length in bytes.
    let mut len = 0;
    let mut i = 0;
    // SAFETY: NUL-terminated (caller contract).
    unsafe {
        while *p.add(i) != 0 {
            let k = utf8(*p.add(i), &mut [0; 4]);
            if len + k > max {
                break;
            }
            len += k;
            i += 1;
        }
    }
    let fill = s.width.saturating_sub(len);
    if s.flags & F_MINUS == 0 {
        o.pad(b' ', fill);
    }
    for j in 0..i {
        let mut b = [0; 4];
        // SAFETY: j < i, read above.
        let k = utf8(unsafe { *p.add(j) }, &mut b);
        o.put(b.get(..k).unwrap_or(&[]));
    }
    if s.flags & F_MINUS != 0 {
        o.pad(b' ', fill);
    }
}
