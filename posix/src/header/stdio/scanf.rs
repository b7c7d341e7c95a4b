//! The scanf engine: `d i o u x X p` (with `hh h l ll j z t L q`),
//! `f e g a E G F A` into `float`/`double`/`long double`, `s c [ ]` (also
//! `l` into `wchar_t`, and POSIX `m` to allocate), `n`, `%%`, widths, `*`
//! suppression and `%n$` positions.
//!
//! Input is read one byte at a time with one byte of pushback, so what a
//! conversion consumes matches glibc's: `"1e+x"` converts `1e+` to 1.0 and
//! leaves `x`; `"0x"` is no float. Integers follow `strtoll`/`strtoull`
//! (saturating at 64 bits) and are then truncated to the target type.

use super::file::FILE;
use super::strtod::{self, Decimal, Fmt, Hex};
use super::va::{Args, Class, NL_ARGMAX, VaList};
use crate::platform::c_int;

/// A byte source with one byte of pushback.
trait Input {
    fn get(&mut self) -> Option<u8>;
    /// Pushes back the byte last returned by `get`.
    fn unget(&mut self);
}

struct StrIn(*const u8);

impl Input for StrIn {
    fn get(&mut self) -> Option<u8> {
        // SAFETY: NUL-terminated; we never step past the NUL.
        let c = unsafe { *self.0 };
        if c == 0 {
            return None;
        }
        // SAFETY: c was not the NUL.
        self.0 = unsafe { self.0.add(1) };
        Some(c)
    }
    fn unget(&mut self) {
        // SAFETY: only after a successful get.
        self.0 = unsafe { self.0.sub(1) };
    }
}

struct FileIn<'a>(&'a mut FILE);

impl Input for FileIn<'_> {
    fn get(&mut self) -> Option<u8> {
        self.0.getc()
    }
    fn unget(&mut self) {
        // The byte came from the buffer: it is still there.
        self.0.rpos -= 1;
    }
}

/// The input with a consumed-bytes counter and the current field's width.
struct Sc<'a> {
    inp: &'a mut dyn Input,
    count: usize,
    /// Bytes the current field may still take.
    left: usize,
    eof: bool,
    /// `count` when the current conversion started.
    start: usize,
    /// Wide scanf (over UTF-8): widths and counts are in characters, so
    /// UTF-8 continuation bytes take no width and are not counted.
    chars: bool,
    /// The byte `get` returned last (for `unget`).
    last: u8,
}

impl Sc<'_> {
    /// Next byte of the field (`None` at the width limit or end of input).
    fn get(&mut self) -> Option<u8> {
        if self.left == 0 {
            if !self.chars {
                return None;
            }
            // The rest of the field's last character still belongs to it.
            let c = self.inp.get()?;
            if c & 0xc0 != 0x80 {
                self.inp.unget();
                return None;
            }
            self.last = c;
            return Some(c);
        }
        match self.inp.get() {
            Some(c) => {
                self.last = c;
                if !(self.chars && c & 0xc0 == 0x80) {
                    self.left -= 1;
                    self.count += 1;
                }
                Some(c)
            }
            None => {
                self.eof = true;
                None
            }
        }
    }
    fn unget(&mut self) {
        self.inp.unget();
        if !(self.chars && self.last & 0xc0 == 0x80) {
            self.left += 1;
            self.count -= 1;
        }
    }
    /// Next byte if it satisfies `f`; else pushed back.
    fn take_if(&mut self, f: impl Fn(u8) -> bool) -> Option<u8> {
        let c = self.get()?;
        if f(c) {
            Some(c)
        } else {
            self.unget();
            None
        }
    }
    fn take_ci(&mut self, c: u8) -> bool {
        self.take_if(|x| x.to_ascii_lowercase() == c).is_some()
    }
    fn skip_space(&mut self) {
        let left = self.left;
        self.left = usize::MAX;
        while self.take_if(is_space).is_some() {}
        self.left = left;
    }
}

fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Len {
    HH,
    H,
    None,
    L,
    LL,
    BigL,
}

/// Why a conversion stopped the scan.
enum Stop {
    /// Input ended (or failed) before the conversion could complete.
    Input,
    /// The input did not match.
    Match,
}

/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
pub(crate) unsafe fn scan_file(f: &mut FILE, fmt: *const u8, ap: VaList) -> c_int {
    // SAFETY: caller contract.
    unsafe { scan(&mut FileIn(f), fmt, ap, false) }
}

/// Wide scanf over UTF-8: a stream (`s` null) or a string; widths and
/// `%n` count characters.
///
/// # Safety
/// As for [`scan_file`] and [`scan_str`].
pub(crate) unsafe fn scan_chars_of(
    f: Option<&mut FILE>,
    s: *const u8,
    fmt: *const u8,
    ap: VaList,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        match f {
            Some(f) => scan(&mut FileIn(f), fmt, ap, true),
            None => scan(&mut StrIn(s), fmt, ap, true),
        }
    }
}

/// # Safety
/// `s` and `fmt` are NUL-terminated and the arguments match `fmt`.
pub(crate) unsafe fn scan_str(s: *const u8, fmt: *const u8, ap: VaList) -> c_int {
    // SAFETY: caller contract.
    unsafe { scan(&mut StrIn(s), fmt, ap, false) }
}

/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
unsafe fn scan(inp: &mut dyn Input, fmt: *const u8, ap: VaList, chars: bool) -> c_int {
    let mut sc = Sc {
        inp,
        count: 0,
        left: usize::MAX,
        eof: false,
        start: 0,
        chars,
        last: 0,
    };
    let mut args = Args::new(ap);
    let mut assigned: c_int = 0;
    let mut p = fmt;
    let mut first = true;
    // SAFETY: the format is NUL-terminated; arguments per format.
    let stop = unsafe {
        loop {
            let c = *p;
            if c == 0 {
                break None;
            }
            p = p.add(1);
            if is_space(c) {
                while is_space(*p) {
                    p = p.add(1);
                }
                sc.skip_space();
                continue;
            }
            if c != b'%' || *p == b'%' {
                if c == b'%' {
                    p = p.add(1);
                    sc.skip_space();
                }
                sc.left = usize::MAX;
                match sc.get() {
                    Some(x) if x == c => continue,
                    Some(_) => {
                        sc.unget();
                        break Some(Stop::Match);
                    }
                    None => break Some(Stop::Input),
                }
            }
            // A conversion: [n$] [*] [width] [m] [length] conv
            let mut argn = 0;
            let mut q = p;
            let mut n = 0usize;
            while (*q).is_ascii_digit() {
                n = n.saturating_mul(10).saturating_add((*q - b'0') as usize);
                q = q.add(1);
            }
            if *q == b'$' && n > 0 {
                argn = n;
                p = q.add(1);
            }
            if first {
                first = false;
                if argn != 0 {
                    // Every scanf argument is a pointer.
                    args.positional(Some(&[Class::I32; NL_ARGMAX]));
                }
            }
            let suppress = *p == b'*';
            if suppress {
                p = p.add(1);
            }
            let mut width = 0usize;
            while (*p).is_ascii_digit() {
                width = width
                    .saturating_mul(10)
                    .saturating_add((*p - b'0') as usize);
                p = p.add(1);
            }
            let alloc = *p == b'm';
            if alloc {
                p = p.add(1);
            }
            let len = match *p {
                b'h' if *p.add(1) == b'h' => {
                    p = p.add(1);
                    Len::HH
                }
                b'h' => Len::H,
                b'l' if *p.add(1) == b'l' => {
                    p = p.add(1);
                    Len::LL
                }
                b'l' => Len::L,
                b'L' => Len::BigL,
                b'j' | b'q' => Len::LL,
                b'z' | b't' => Len::None,
                _ => Len::None,
            };
            if matches!(*p, b'h' | b'l' | b'L' | b'j' | b'q' | b'z' | b't') {
                p = p.add(1);
            }
            let conv = *p;
            if conv == 0 {
                break Some(Stop::Match);
            }
            p = p.add(1);
            if !matches!(conv, b'c' | b'[' | b'n') {
                sc.skip_space();
            }
            sc.left = if width == 0 { usize::MAX } else { width };
            sc.start = sc.count;
            let dest: *mut u8 = if suppress || conv == 0 {
                core::ptr::null_mut()
            } else {
                args.ptr(argn)
            };
            let r = match conv {
                b'n' => {
                    if !dest.is_null() {
                        store_int(dest, len, sc.count as u64);
                    }
                    continue;
                }
                b'd' => scan_int(&mut sc, 10, true, dest, len),
                b'i' => scan_int(&mut sc, 0, true, dest, len),
                b'o' => scan_int(&mut sc, 8, false, dest, len),
                b'u' => scan_int(&mut sc, 10, false, dest, len),
                b'x' | b'X' => scan_int(&mut sc, 16, false, dest, len),
                b'p' => scan_int(&mut sc, 16, false, dest, Len::None),
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                    scan_float(&mut sc, dest, len)
                }
                b's' | b'c' | b'[' => {
                    let mut set = [0u32; 8];
                    if conv == b'[' {
                        p = parse_set(p, &mut set);
                    } else if conv == b's' {
                        for b in 0..=255u8 {
                            if !is_space(b) {
                                set[b as usize / 32] |= 1 << (b % 32);
                            }
                        }
                    } else {
                        set = [!0; 8];
                        if width == 0 {
                            sc.left = 1;
                        }
                    }
                    scan_chars(&mut sc, &set, conv, dest, len == Len::L, alloc)
                }
                _ => Err(Stop::Match),
            };
            match r {
                Ok(()) => {
                    if !dest.is_null() {
                        assigned += 1;
                    }
                }
                Err(s) => break Some(s),
            }
        }
    };
    // An input failure before the first assignment gives EOF, also after
    // suppressed conversions (glibc, musl: `"%*s%d"` on `"y"`).
    match stop {
        Some(Stop::Input) if assigned == 0 => -1,
        _ => assigned,
    }
}

/// Parses a `[` set after the `[`; returns the format after the `]`.
///
/// # Safety
/// `p` points into a NUL-terminated format.
unsafe fn parse_set(mut p: *const u8, set: &mut [u32; 8]) -> *const u8 {
    let mut add = |b: u8| set[b as usize / 32] |= 1 << (b % 32);
    // SAFETY: stops at the NUL.
    unsafe {
        let invert = *p == b'^';
        if invert {
            p = p.add(1);
        }
        if *p == b']' {
            add(b']');
            p = p.add(1);
        }
        while *p != 0 && *p != b']' {
            let c = *p;
            if *p.add(1) == b'-' && *p.add(2) != b']' && *p.add(2) != 0 {
                let hi = *p.add(2);
                for b in c..=hi.max(c) {
                    add(b);
                }
                p = p.add(3);
            } else {
                add(c);
                p = p.add(1);
            }
        }
        if *p == b']' {
            p = p.add(1);
        }
        if invert {
            for w in set.iter_mut() {
                *w = !*w;
            }
        }
    }
    p
}

/// `%s`, `%c`, `%[`: bytes in `set` into `dest` (NUL-terminated except `%c`).
///
/// # Safety
/// `dest` is null (suppressed) or valid for the field (or, with `alloc`,
/// for a `char *` / `wchar_t *` result).
unsafe fn scan_chars(
    sc: &mut Sc,
    set: &[u32; 8],
    conv: u8,
    dest: *mut u8,
    wide: bool,
    alloc: bool,
) -> Result<(), Stop> {
    let unit = if wide { 4 } else { 1 };
    let mut out = dest;
    let mut cap = usize::MAX;
    if alloc && !dest.is_null() {
        cap = 32;
        out = wasm_libc_alloc::malloc(cap * unit);
        if out.is_null() {
            return Err(Stop::Input);
        }
    }
    let mut n = 0usize;
    while let Some(c) = sc.get() {
        if set[c as usize / 32] & (1 << (c % 32)) == 0 {
            sc.unget();
            break;
        }
        // Into `wchar_t`: a UTF-8 sequence is one character (the set
        // tested its first byte).
        let mut wc = c as u32;
        if wide && c >= 0xc0 {
            let mut b = [c, 0, 0, 0];
            let mut k = 1;
            while k < 4 {
                match sc.get() {
                    Some(x) if x & 0xc0 == 0x80 => {
                        b[k] = x;
                        k += 1;
                    }
                    Some(_) => {
                        sc.unget();
                        break;
                    }
                    None => break,
                }
            }
            if let Some((v, l)) = super::memstream::utf8_decode(b.get(..k).unwrap_or(&b))
                && l == k
            {
                wc = v;
            }
        }
        if !out.is_null() {
            if n + 1 >= cap {
                cap *= 2;
                // SAFETY: out is our malloc'd block.
                let nb = unsafe { wasm_libc_alloc::realloc(out, cap * unit) };
                if nb.is_null() {
                    // SAFETY: ours.
                    unsafe { wasm_libc_alloc::free(out) };
                    return Err(Stop::Input);
                }
                out = nb;
            }
            // SAFETY: `out` has room for n + 1 units (caller contract or
            // our allocation).
            unsafe {
                if wide {
                    out.cast::<u32>().add(n).write_unaligned(wc);
                } else {
                    *out.add(n) = c;
                }
            }
        }
        n += 1;
    }
    // `%Nc` takes exactly N characters: fewer before the end of input is a
    // matching failure (C11 7.21.6.2p10; musl; glibc 2.36 accepts it), none
    // an input failure.
    let short = conv == b'c' && sc.left != 0 && n != 0;
    if n == 0 || short {
        if alloc && !out.is_null() {
            // SAFETY: ours.
            unsafe { wasm_libc_alloc::free(out) };
        }
        return Err(if short { Stop::Match } else { fail(sc) });
    }
    if !out.is_null() {
        // SAFETY: as above (one more unit for the NUL, not for %c).
        unsafe {
            if conv != b'c' {
                if wide {
                    out.cast::<u32>().add(n).write_unaligned(0);
                } else {
                    *out.add(n) = 0;
                }
            }
            if alloc {
                dest.cast::<*mut u8>().write_unaligned(out);
            }
        }
    }
    Ok(())
}

/// Stores an integer in the size `len` says.
///
/// # Safety
/// `dest` is valid for that size.
unsafe fn store_int(dest: *mut u8, len: Len, v: u64) {
    // SAFETY: caller contract.
    unsafe {
        match len {
            Len::HH => *dest = v as u8,
            Len::H => dest.cast::<u16>().write_unaligned(v as u16),
            Len::LL | Len::BigL => dest.cast::<u64>().write_unaligned(v),
            _ => dest.cast::<u32>().write_unaligned(v as u32),
        }
    }
}

fn digit_val(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Integer conversions (`base` 0 = C prefixes).
///
/// # Safety
/// `dest` is null or valid for the target type.
unsafe fn scan_int(
    sc: &mut Sc,
    mut base: u32,
    signed: bool,
    dest: *mut u8,
    len: Len,
) -> Result<(), Stop> {
    let neg = match sc.take_if(|c| c == b'+' || c == b'-') {
        Some(c) => c == b'-',
        None => false,
    };
    let mut any = false;
    if (base == 0 || base == 16) && sc.take_if(|c| c == b'0').is_some() {
        any = true;
        if sc.take_ci(b'x') {
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let mut v: u64 = 0;
    let mut overflow = false;
    while let Some(c) = sc.take_if(|c| digit_val(c) < base) {
        any = true;
        match v
            .checked_mul(base as u64)
            .and_then(|x| x.checked_add(digit_val(c) as u64))
        {
            Some(x) => v = x,
            None => overflow = true,
        }
    }
    if !any {
        return Err(fail(sc));
    }
    let out = if signed {
        // strtoll: saturate.
        let lim = if neg { 1u64 << 63 } else { i64::MAX as u64 };
        if overflow || v > lim {
            if neg {
                i64::MIN as u64
            } else {
                i64::MAX as u64
            }
        } else if neg {
            v.wrapping_neg()
        } else {
            v
        }
    } else if overflow {
        u64::MAX
    } else if neg {
        v.wrapping_neg()
    } else {
        v
    };
    if !dest.is_null() {
        // SAFETY: caller contract.
        unsafe { store_int(dest, len, out) };
    }
    Ok(())
}

/// Floating conversions: decimal, hexadecimal, `inf`/`infinity`, `nan`.
///
/// # Safety
/// `dest` is null or valid for the target type.
unsafe fn scan_float(sc: &mut Sc, dest: *mut u8, len: Len) -> Result<(), Stop> {
    let f: Fmt = match len {
        Len::L | Len::LL => strtod::F64,
        Len::BigL => strtod::F128,
        _ => strtod::F32,
    };
    let neg = match sc.take_if(|c| c == b'+' || c == b'-') {
        Some(c) => c == b'-',
        None => false,
    };
    let bits;
    if sc.take_ci(b'i') {
        if !(sc.take_ci(b'n') && sc.take_ci(b'f')) {
            return Err(fail(sc));
        }
        if sc.take_ci(b'i')
            && !(sc.take_ci(b'n') && sc.take_ci(b'i') && sc.take_ci(b't') && sc.take_ci(b'y'))
        {
            return Err(fail(sc));
        }
        bits = f.inf();
    } else if sc.take_ci(b'n') {
        if !(sc.take_ci(b'a') && sc.take_ci(b'n')) {
            return Err(fail(sc));
        }
        bits = f.nan();
    } else {
        let zero = sc.take_if(|c| c == b'0').is_some();
        bits = if zero && sc.take_ci(b'x') {
            scan_hex(sc, f)?
        } else {
            scan_dec(sc, f, zero)?
        };
    }
    if !dest.is_null() {
        let bits = if neg { bits | f.sign() } else { bits };
        // SAFETY: caller contract.
        unsafe {
            match f.mbits {
                23 => dest.cast::<u32>().write_unaligned(bits as u32),
                52 => dest.cast::<u64>().write_unaligned(bits as u64),
                _ => dest.cast::<u128>().write_unaligned(bits),
            }
        }
    }
    Ok(())
}

/// The hexadecimal form, after `0x`.
fn scan_hex(sc: &mut Sc, f: Fmt) -> Result<u128, Stop> {
    let mut h = Hex::new();
    let mut point = false;
    loop {
        if let Some(c) = sc.take_if(|c| c.is_ascii_hexdigit()) {
            h.digit(digit_val(c) as u8, !point);
        } else if !point && sc.take_if(|c| c == b'.').is_some() {
            point = true;
        } else {
            break;
        }
    }
    if !h.any_digit {
        // glibc: "0x." is zero, "0x" alone is no number.
        return if point { Ok(0) } else { Err(fail(sc)) };
    }
    let e = if sc.take_ci(b'p') { exponent(sc) } else { 0 };
    Ok(h.into_bits(e, f))
}

/// The decimal form; `zero`: a leading `0` was already consumed.
fn scan_dec(sc: &mut Sc, f: Fmt, zero: bool) -> Result<u128, Stop> {
    let mut d = Decimal::new();
    if zero {
        d.digit(0, true);
    }
    let mut point = false;
    loop {
        if let Some(c) = sc.take_if(|c| c.is_ascii_digit()) {
            d.digit(c - b'0', !point);
        } else if !point && sc.take_if(|c| c == b'.').is_some() {
            point = true;
        } else {
            break;
        }
    }
    if !d.any_digit {
        return Err(fail(sc));
    }
    let e = if sc.take_ci(b'e') { exponent(sc) } else { 0 };
    Ok(d.into_bits(e, f))
}

/// End of input before the field's first byte is an input failure; any
/// other stop is a matching failure (glibc).
fn fail(sc: &Sc) -> Stop {
    if sc.eof && sc.count == sc.start {
        Stop::Input
    } else {
        Stop::Match
    }
}

/// An optional sign and digits after `e`/`p` (none: exponent 0, the
/// letter stays consumed, as in glibc).
fn exponent(sc: &mut Sc) -> i64 {
    let neg = match sc.take_if(|c| c == b'+' || c == b'-') {
        Some(c) => c == b'-',
        None => false,
    };
    let mut e: i64 = 0;
    while let Some(c) = sc.take_if(|c| c.is_ascii_digit()) {
        e = (e * 10 + (c - b'0') as i64).min(1_000_000);
    }
    if neg { -e } else { e }
}
