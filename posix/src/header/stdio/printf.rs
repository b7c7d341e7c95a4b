//! The printf engine: parses a C format string and writes the conversions
//! of the arguments to a [`Sink`]. Every C99 conversion, flag, width,
//! precision and length modifier; POSIX `%n$` positional arguments.
//! Floats go to [`super::float`].

use super::float;
use super::va::Args;
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
    /// Counts only: the walk that records a positional format's argument
    /// types.
    quiet: bool,
}

impl Out<'_> {
    #[inline(never)]
    pub(crate) fn put(&mut self, s: &[u8]) {
        self.n = self.n.wrapping_add(s.len());
        if !self.quiet {
            self.sink.put(s);
        }
    }

    /// `n` copies of `c` (a space or `0`).
    #[inline(never)]
    pub(crate) fn pad(&mut self, c: u8, mut n: usize) {
        const RUNS: &[u8; 16] = b"        00000000";
        // The second half for '0' (0x30), the first for ' ' (0x20).
        let run = &RUNS[(c as usize >> 1) & 8..];
        while n > 0 {
            let k = n.min(8);
            self.put(&run[..k]);
            n -= k;
        }
    }
}

pub(crate) const F_MINUS: u8 = 1;
pub(crate) const F_PLUS: u8 = 2;
pub(crate) const F_SPACE: u8 = 4;
pub(crate) const F_ALT: u8 = 8;
pub(crate) const F_ZERO: u8 = 16;

/// One parsed conversion specification.
pub(crate) struct Spec {
    pub(crate) flags: u8,
    pub(crate) width: usize,
    /// Precision; negative when none (see [`Spec::prec`]).
    prec: i32,
    /// Length modifier, as the shift that truncates an integer argument
    /// to its type (`len & 56`: 56 `hh`, 48 `h`, 32 none/`l`/`z`/`t`/`Z`,
    /// 0 `ll`/`q`/`j`/`L`) plus 1 for [`L_L`] and [`L_LD`].
    len: u8,
    pub(crate) conv: u8,
    /// Argument number (`%n$`), 0 when sequential.
    argn: usize,
    /// Index of `conv` in [`CONVS`].
    kind: u8,
}

impl Spec {
    /// The precision, if one was given.
    pub(crate) fn prec(&self) -> Option<usize> {
        usize::try_from(self.prec).ok()
    }
}

/// The conversions the engine knows, grouped: an index below [`K_FP`] is
/// an integer one, below [`K_S`] numeric (precision adds digits), from
/// [`K_FP`] to [`K_S`] (inclusive, for `%ls`) floating point or wide.
const CONVS: &[u8; 21] = b"diouxXpfFeEgGaASscC%n";
/// Index in [`CONVS`] of the first floating-point conversion.
const K_FP: u8 = 7;
/// Index in [`CONVS`] of `S`.
const K_S: u8 = 15;

/// Reads a decimal number, saturated at `INT_MAX`. With `dollar`, only
/// `n$` (`n > 0`) counts: its `n`, consuming it; else 0 and `*p` is left
/// alone.
///
/// # Safety
/// `*p` points into a NUL-terminated string.
#[inline(never)]
unsafe fn number(p: &mut *const u8, dollar: bool) -> u32 {
    let mut q = *p;
    let mut n: u64 = 0;
    // SAFETY: we stop at the first non-digit (at the latest the NUL).
    unsafe {
        loop {
            let d = (*q).wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            // At most INT_MAX * 10 + 9: no overflow.
            n = (n * 10 + d as u64).min(i32::MAX as u64);
            q = q.add(1);
        }
        if dollar {
            if *q != b'$' || n == 0 {
                return 0;
            }
            q = q.add(1);
        }
    }
    *p = q;
    n as u32
}

/// Marks a parsed width or precision as `*`: see [`field`].
const STAR: u32 = 1 << 31;

/// Parses a width or precision: a literal number (saturated at `INT_MAX`),
/// or `*` / `*m$`, given as [`STAR`] plus `m` (0 when sequential). Reads no
/// argument, so that a malformed spec reads none.
///
/// # Safety
/// As for [`number`].
unsafe fn field(p: &mut *const u8) -> u32 {
    // SAFETY: NUL-terminated.
    unsafe {
        if **p == b'*' {
            *p = p.add(1);
            STAR | number(p, true)
        } else {
            number(p, false)
        }
    }
}

/// The value of a [`field`]: the literal, or its `*` argument read as an
/// `int`.
///
/// # Safety
/// The arguments match the format (C contract).
#[inline(never)]
unsafe fn value(f: u32, args: &mut Args) -> i32 {
    if f & STAR != 0 {
        // SAFETY: arguments per format.
        unsafe { args.int((f & !STAR) as usize, false) as i32 }
    } else {
        f as i32
    }
}

/// Length modifiers; `Spec::len` maps them (in order) to [`LEN_OF`], and
/// `hh`, `ll` to 56, 0.
const LENS: &[u8; 8] = b"hlLqjztZ";

/// [`Spec::len`] of `l`: 32-bit, wide characters.
const L_L: u8 = 33;
/// [`Spec::len`] of `L`: 64-bit integers, `long double`.
const L_LD: u8 = 1;

/// [`Spec::len`] of each of [`LENS`].
const LEN_OF: &[u8; 8] = &[48, L_L, L_LD, 0, 0, 32, 32, 32];

/// Flag characters, in the order of their `F_*` bits (`'` and `I`,
/// grouping and locale digits, do nothing in the "C" locale).
const FLAGS: &[u8; 7] = b"-+ #0'I";

/// What a character from ' ' to 'z' is inside a conversion spec, so that each step
/// of the parse is one table load instead of a scan of [`FLAGS`], [`LENS`]
/// or [`CONVS`] (the three sets are disjoint): 0 nothing, `C_CONV + i` the
/// conversion `CONVS[i]`, `C_FLAG + i` the flag `FLAGS[i]`, `C_LEN + i` the
/// length modifier `LENS[i]`.
static CLASS: [u8; CLASS_LEN] = class_table();
/// [`CLASS`] covers `' '..='z'`.
const CLASS_LEN: usize = (b'z' - b' ' + 1) as usize;
const C_CONV: u8 = 1;
const C_FLAG: u8 = 32;
const C_LEN: u8 = 40;

const fn class_table() -> [u8; CLASS_LEN] {
    let mut t = [0u8; CLASS_LEN];
    let mut i = 0;
    while i < CONVS.len() {
        t[(CONVS[i] - b' ') as usize] = C_CONV + i as u8;
        i += 1;
    }
    i = 0;
    while i < FLAGS.len() {
        t[(FLAGS[i] - b' ') as usize] = C_FLAG + i as u8;
        i += 1;
    }
    i = 0;
    while i < LENS.len() {
        t[(LENS[i] - b' ') as usize] = C_LEN + i as u8;
        i += 1;
    }
    t
}

/// [`CLASS`] of any byte (0 outside its range).
#[inline(always)]
fn class(c: u8) -> u8 {
    match CLASS.get(c.wrapping_sub(b' ') as usize) {
        Some(&k) => k,
        None => 0,
    }
}

/// Formats `fmt` with `args` into `sink`; the number of bytes produced.
///
/// A positional format (`%1$d`) is walked twice: once quietly (writing nothing)
/// with `args` recording the type of every numbered argument, which gives
/// where each one lives in the va-buffer, then for real.
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it (the C contract).
#[inline(always)]
pub(crate) unsafe fn format(
    sink: &mut dyn Sink,
    fmt: *const u8,
    args: &mut Args,
    fp: FloatConv,
) -> Result<usize, Errno> {
    // SAFETY: caller contract.
    let r = unsafe { format_raw(sink, false, fmt, args, fp) };
    if r < 0 {
        Err(Errno(-r))
    } else {
        Ok(r as usize)
    }
}

/// [`format`], with the result in one register: the count, or a negated
/// errno. `quiet` writes nothing to `sink`.
///
/// # Safety
/// As for [`format`].
unsafe fn format_raw(
    sink: &mut dyn Sink,
    quiet: bool,
    fmt: *const u8,
    args: &mut Args,
    fp: FloatConv,
) -> i32 {
    let mut o = Out { sink, n: 0, quiet };
    let mut p = fmt;
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
            p = p.add(1);
            let pct = p;
            // A copy for `number` and `field`, so that `p` stays out of
            // memory.
            // (Most specs start with no digit: no call then.)
            let mut argn = 0;
            if (*p).wrapping_sub(b'0') <= 9 {
                let mut q = p;
                argn = number(&mut q, true) as usize;
                p = q;
            }
            let mut flags = 0;
            loop {
                let i = class(*p).wrapping_sub(C_FLAG);
                if i >= FLAGS.len() as u8 {
                    break;
                }
                flags |= (1 << i) & 31;
                p = p.add(1);
            }
            // Width and precision are parsed first and their `*`
            // arguments read only once the whole spec is known valid.
            let mut q = p;
            let wf = field(&mut q);
            p = q;
            let dot = *p == b'.';
            let mut pf = 0;
            if dot {
                p = p.add(1);
                let mut q = p;
                pf = field(&mut q);
                p = q;
            }
            let mut len = 32;
            let i = class(*p).wrapping_sub(C_LEN) as usize;
            if i < LENS.len() {
                len = LEN_OF[i & 7];
                p = p.add(1);
                if i < 2 && *p == LENS[i & 7] {
                    p = p.add(1);
                    len = if i == 0 { 56 } else { 0 };
                }
            }
            let conv = *p;
            let kind = class(conv).wrapping_sub(C_CONV);
            if kind >= CONVS.len() as u8 {
                // Malformed: print it as text, like glibc.
                o.put(b"%");
                p = pct;
                continue;
            }
            p = p.add(1);
            if argn != 0 && args.sequential() {
                args.collect();
                format_raw(o.sink, true, fmt, args, fp);
                if args.too_many {
                    return -Errno::EINVAL.0;
                }
                args.positional(None);
            }
            let w = value(wf, args);
            // Negative: a `*` argument, taken as if omitted.
            let prec = if dot { value(pf, args) } else { -1 };
            if w < 0 {
                flags |= F_MINUS;
            }
            if flags & F_MINUS != 0 {
                flags &= !F_ZERO;
            }
            let s = Spec {
                flags,
                width: w.unsigned_abs() as usize,
                prec,
                len,
                conv,
                argn,
                kind,
            };
            // Refuse output past INT_MAX up front (glibc and musl do too)
            // rather than padding gigabytes: the width, and the precision
            // of conversions whose precision adds digits.
            let numeric = s.kind < K_S;
            let grow = s
                .width
                .max(if numeric { s.prec.max(0) as usize } else { 0 });
            if grow as u64 + o.n as u64 >= i32::MAX as u64 {
                return -Errno::EOVERFLOW.0;
            }
            if !convert(&mut o, &s, args, fp) {
                return -Errno::EINVAL.0;
            }
        }
    }
    if o.n > i32::MAX as usize {
        return -Errno::EOVERFLOW.0;
    }
    o.n as i32
}

/// Writes `body` (already sign/prefix-free digits) with sign/prefix `pre`,
/// zero padding to `zeros`, and width padding.
#[inline(never)]
pub(crate) fn emit(o: &mut Out, s: &Spec, pre: &[u8], zeros: usize, body: &[u8]) {
    emit_inline(o, s, pre, zeros, body);
}

/// [`emit`], inlined into the integer conversions' single call site.
#[inline(always)]
fn emit_inline(o: &mut Out, s: &Spec, pre: &[u8], zeros: usize, body: &[u8]) {
    let len = pre.len() + zeros + body.len();
    let fill = s.width.saturating_sub(len);
    let left = s.flags & F_MINUS != 0;
    o.pad(b' ', if left { 0 } else { fill });
    o.put(pre);
    o.pad(b'0', zeros);
    o.put(body);
    o.pad(b' ', if left { fill } else { 0 });
}

/// One conversion.
///
/// # Safety
/// The next argument matches `s` (C contract).
#[inline(always)]
unsafe fn convert(o: &mut Out, s: &Spec, args: &mut Args, fp: FloatConv) -> bool {
    let conv = s.conv;
    // `%lc`, `%C` (index 18) and `%ls`; `%S` (`K_S`) needs no test.
    let wide = s.len == L_L || s.kind == 18;
    // Floating point and wide strings: through `fp`, so that the
    // integer-only entry points do not link their formatters.
    if s.kind.wrapping_sub(K_FP) <= K_S - K_FP + wide as u8 {
        // SAFETY: the argument matches (caller contract).
        return unsafe { fp(o, s, args) };
    }
    let int = s.kind < K_FP - 1;
    // Every other conversion reads one integer (or pointer) argument;
    // `%%` (index 19) reads none and prints like `%c` of '%'.
    let v = if s.kind == 19 {
        b'%' as u64
    } else {
        // SAFETY: arguments per format (caller contract).
        unsafe { args.int(s.argn, int && s.len < 2) }
    };
    // The bits above the argument's type (or the `%n` target's), to
    // truncate it (and sign-extend if signed).
    // (`%p`, read as 4 bytes, needs no truncation for `ll`.)
    let shift = s.len & 56;
    // Digits, written from the end; `ch` holds a character.
    let mut tmp = [core::mem::MaybeUninit::<u8>::uninit(); 32];
    let mut ch = [0u8; 4];
    let mut pre = [b'0', b'X' | (conv & 0x20)];
    let mut npre = 0;
    let mut zeros = 0;
    // Indices in `CONVS`.
    let body: &[u8] = match s.kind {
        17..=19 => {
            // c C %
            // A plain `char` is one byte, as is a wide one below 0x80.
            let k = if wide && v as u32 >= 0x80 {
                utf8(v as u32, &mut ch)
            } else {
                ch[0] = v as u8;
                1
            };
            // SAFETY: k <= 4.
            unsafe { core::slice::from_raw_parts(ch.as_ptr(), k) }
        }
        16 => {
            // s
            let p = v as usize as *const u8;
            // No precision (negative): usize::MAX.
            let max = s.prec as usize;
            if p.is_null() {
                null_text(max)
            } else {
                let mut k = 0;
                // SAFETY: a NUL-terminated string (C contract), read up to
                // the precision.
                unsafe {
                    while k < max && *p.add(k) != 0 {
                        k += 1;
                    }
                    core::slice::from_raw_parts(p, k)
                }
            }
        }
        20 => {
            // n
            let p = v as usize as *mut u8;
            let v = o.n;
            // Null only while a positional format's types are recorded.
            if !p.is_null() {
                // The size of the length modifier's type: 1, 2, 8 or 4.
                let size = (64 - shift) as usize / 8;
                let mut x = v as u64;
                // SAFETY: `%n` takes a pointer to an integer of the length
                // modifier's type (C contract), little-endian.
                unsafe {
                    for i in 0..size {
                        *p.add(i) = x as u8;
                        x >>= 8;
                    }
                }
            }
            return true;
        }
        6 if v == 0 => {
            // p: no zeros (nor precision), like glibc.
            b"(nil)"
        }
        _ => {
            let signed = s.kind < 2;
            let mut v = v << shift;
            let neg = signed && (v as i64) < 0;
            v = if signed {
                ((v as i64) >> shift).unsigned_abs()
            } else {
                v >> shift
            };
            if signed {
                pre[0] = if neg {
                    b'-'
                } else if s.flags & F_PLUS != 0 {
                    b'+'
                } else {
                    b' '
                };
                npre = (neg || s.flags & (F_PLUS | F_SPACE) != 0) as usize;
            }
            let base = match s.kind {
                2 => 8,
                0 | 1 | 3 => 10,
                _ => 16,
            };
            // (`%p` of null was handled above.)
            if (s.kind == 6 || s.flags & F_ALT != 0) && v != 0 && base == 16 {
                npre = 2;
            }
            let mut i = tmp.len();
            while v != 0 {
                i -= 1;
                // Digits in upper case; `| 0x20` lowers the letters for
                // every conversion but `X`.
                let d = (v % base) as u8;
                tmp[i & 31] = core::mem::MaybeUninit::new(
                    (d + if d > 9 { b'A' - 10 } else { b'0' }) | (conv & 0x20),
                );
                v /= base;
            }
            // SAFETY: `tmp[i..]` was written (at most 22 digits).
            let body =
                unsafe { core::slice::from_raw_parts(tmp.as_ptr().add(i).cast::<u8>(), 32 - i) };
            let ndig = body.len();
            let mut want = if s.prec < 0 { 1 } else { s.prec as usize };
            if base == 8 && s.flags & F_ALT != 0 {
                // At least one '0' in front (the first digit never is).
                want = want.max(ndig + 1);
            }
            zeros = want.saturating_sub(ndig);
            if s.prec < 0 && s.flags & F_ZERO != 0 {
                zeros = zeros.max(s.width.saturating_sub(npre + ndig));
            }
            body
        }
    };
    emit_inline(o, s, pre.get(..npre).unwrap_or(&[]), zeros, body);
    true
}

/// `%s` of a null pointer, like glibc: `(null)` unless the precision cuts
/// it, then nothing.
fn null_text(max: usize) -> &'static [u8] {
    if max >= 6 { b"(null)" } else { b"" }
}

/// Formats one conversion the integer-only engine leaves out: floating
/// point (`%f %F %e %E %g %G %a %A`, with or without `L`) and wide strings
/// (`%ls`, `%S`). The full entry points (`printf`, ...) pass
/// [`float_conv`]; the integer-only ones (`__iprintf`, ..., which
/// `<stdio.h>` picks for calls that pass no floating-point and no
/// `wchar_t *` argument) pass [`no_float`], so programs that never print
/// those do not link their formatters (about 5.5 KB of code).
///
/// Returns `false` when the conversion cannot be done: the call then
/// fails with `EINVAL`.
pub(crate) type FloatConv = unsafe fn(&mut Out, &Spec, &mut Args) -> bool;

/// The float and wide-string formatter.
///
/// # Safety
/// The next argument matches `s`: a `double` (a `long double` with `L`),
/// or a null or NUL-terminated `wchar_t` string (C contract).
pub(crate) unsafe fn float_conv(o: &mut Out, s: &Spec, args: &mut Args) -> bool {
    let n = s.argn;
    // SAFETY: caller contract.
    unsafe {
        if s.conv == b's' || s.conv == b'S' {
            let p: *const u32 = args.ptr(n);
            if p.is_null() {
                emit(o, s, b"", 0, null_text(s.prec as usize));
            } else {
                fmt_wstr(o, s, p);
            }
            return true;
        }
        let (neg, cls) = if s.len == L_LD {
            float::decode_f128(args.f128(n))
        } else {
            float::decode_f64(args.f64(n))
        };
        float::fmt_float(o, s, neg, cls);
    }
    true
}

/// The integer-only entry points' stand-in: a float or wide-string
/// conversion there means the call passed no argument of that type for it
/// (undefined behaviour in C, or a wide string passed as `void *`), so the
/// call fails with `EINVAL` instead of reading garbage.
pub(crate) unsafe fn no_float(_o: &mut Out, _s: &Spec, _args: &mut Args) -> bool {
    false
}

/// UTF-8 encoding of a wide character (the library's only locale) into
/// `b`; its length.
fn utf8(c: u32, b: &mut [u8; 4]) -> usize {
    if c < 0x80 {
        b[0] = c as u8;
        return 1;
    }
    let n = if c < 0x800 {
        2
    } else if c < 0x10000 {
        3
    } else {
        4
    };
    let mut x = c;
    let mut i = n;
    while i > 1 {
        i -= 1;
        b[i & 3] = 0x80 | (x & 0x3f) as u8;
        x >>= 6;
    }
    // The lead byte's marker: 0xc0, 0xe0 or 0xf0 for 2, 3 or 4 bytes.
    b[0] = (0xf00u32 >> n) as u8 | x as u8;
    n
}

/// `%ls`: a wide string, UTF-8 encoded; the precision counts bytes and
/// only whole characters are written.
///
/// # Safety
/// `p` is a NUL-terminated `wchar_t` string.
#[inline(never)]
unsafe fn fmt_wstr(o: &mut Out, s: &Spec, p: *const u32) {
    // No precision (negative): usize::MAX.
    let max = s.prec as usize;
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
        // SAFETY: k <= 4.
        o.put(unsafe { core::slice::from_raw_parts(b.as_ptr(), k) });
    }
    if s.flags & F_MINUS != 0 {
        o.pad(b' ', fill);
    }
}
