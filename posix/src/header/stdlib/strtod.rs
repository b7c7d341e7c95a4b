//! `strtod`, `strtof`, `strtold`, `atof`: correctly rounded decimal and
//! hexadecimal conversion to IEEE binary32/64/128.
//!
//! One algorithm serves the three formats:
//! - a fast path (Clinger) for short decimals whose value is a single
//!   exact operation on `f64`/`f32` (`"3.25"`, `"1e10"`);
//! - otherwise the decimal is kept exactly as a digit string (up to a cap
//!   large enough to decide any rounding, see [`Format::digits`]; further
//!   digits only set a sticky flag) and scaled by powers of two ("simple
//!   decimal conversion", as in Go's and Rust's slow paths) until its
//!   binary exponent is known; then `p + 2` bits and a sticky bit are read
//!   off and [`round_pack`] rounds once, to nearest-even;
//! - hexadecimal floats take their bits straight from the digits.
//!
//! `ERANGE` follows glibc on x86: overflow (the result is `±HUGE_VAL`), and
//! underflow, i.e. a result that is tiny (below the smallest normal, with
//! tininess detected after rounding) and inexact.

use super::strtol::{scan_int, set_errno};
use crate::header::ctype::is_space;
use crate::header::string::strlen;
use crate::platform::c_char;
use libc_core::Errno;

/// An IEEE binary interchange format.
#[derive(Copy, Clone)]
pub(crate) struct Format {
    /// Explicit significand bits (23, 52, 112).
    mant: u32,
    /// Exponent bits (8, 11, 15).
    exp: u32,
    /// Decimal exponents (position of the decimal point) at or below which
    /// every value rounds to zero, and at or above which it overflows.
    zero_dp: i64,
    inf_dp: i64,
}

pub(crate) const F32: Format = Format {
    mant: 23,
    exp: 8,
    zero_dp: -46,
    inf_dp: 40,
};
pub(crate) const F64: Format = Format {
    mant: 52,
    exp: 11,
    zero_dp: -324,
    inf_dp: 310,
};
pub(crate) const F128: Format = Format {
    mant: 112,
    exp: 15,
    zero_dp: -4966,
    inf_dp: 4934,
};

impl Format {
    fn bias(self) -> i32 {
        (1 << (self.exp - 1)) - 1
    }
    fn emin(self) -> i32 {
        1 - self.bias()
    }
    fn emax(self) -> i32 {
        self.bias()
    }
    /// Total precision in bits.
    fn prec(self) -> i32 {
        self.mant as i32 + 1
    }
    fn sign_bit(self) -> u128 {
        1 << (self.mant + self.exp)
    }
    fn inf(self) -> u128 {
        ((1u128 << self.exp) - 1) << self.mant
    }
    /// The default quiet NaN.
    fn nan(self) -> u128 {
        self.inf() | 1 << (self.mant - 1)
    }
}

/// Result of a conversion: the bits of the value, the number of bytes
/// consumed (0: no conversion), and whether `ERANGE` applies.
pub(crate) struct Parsed {
    pub bits: u128,
    pub len: usize,
    pub erange: bool,
}

/// Rounds the value `(n + frac) * 2^e` (`0 <= frac < 1`, `frac > 0` iff
/// `sticky`) to nearest-even in `fmt`; returns the magnitude's bits and
/// whether it under- or overflowed (`ERANGE`). `n` must not be zero.
pub(crate) fn round_pack(n: u128, e: i64, sticky: bool, fmt: Format) -> (u128, bool) {
    let p = fmt.prec() as i64;
    let (emin, emax) = (fmt.emin() as i64, fmt.emax() as i64);
    // Exponent of the leading bit: the value is in [2^top, 2^(top+1)).
    let top = e + 127 - n.leading_zeros() as i64;
    if top > emax {
        return (fmt.inf(), true);
    }
    // Rounds to a multiple of 2^lsb: (significand, inexact).
    let round_at = |lsb: i64| -> (u128, bool) {
        let shift = lsb - e;
        if shift <= 0 {
            // Exact in the wider precision: no bits dropped (a sticky tail
            // is below half an ulp).
            return (n << (-shift).min(127), sticky);
        }
        let m = if shift >= 128 { 0 } else { n >> shift };
        let half = if shift > 128 {
            false
        } else {
            (n >> (shift - 1)) & 1 == 1
        };
        let rest = sticky
            || if shift > 128 {
                n != 0
            } else {
                n & ((1u128 << (shift - 1)) - 1) != 0
            };
        let up = half && (rest || m & 1 == 1);
        (m + up as u128, half || rest)
    };
    let subnormal = top < emin;
    let lsb = if subnormal { emin - p + 1 } else { top - p + 1 };
    let (mut m, inexact) = round_at(lsb);
    let mut exp = lsb + p - 1;
    if m >> p != 0 {
        // Rounded up to the next power of two.
        m >>= 1;
        exp += 1;
        if exp > emax {
            return (fmt.inf(), true);
        }
    }
    let tiny = subnormal && (top < emin - 1 || round_at(emin - p).0 >> p == 0);
    let bits = if m >> (p - 1) == 0 {
        m // subnormal (or zero): biased exponent 0
    } else {
        ((exp + fmt.bias() as i64) as u128) << fmt.mant | (m & ((1u128 << fmt.mant) - 1))
    };
    (bits, tiny && inexact)
}

/// A decimal number `0.d1 d2 d3 ... * 10^dp` with up to `N` digits kept
/// exactly (`truncated`: nonzero digits were dropped beyond them).
struct Decimal<const N: usize> {
    nd: usize,
    dp: i64,
    truncated: bool,
    d: [u8; N],
}

impl<const N: usize> Decimal<N> {
    fn push(&mut self, digit: u8) {
        if self.nd < N {
            self.d[self.nd] = digit;
            self.nd += 1;
        } else if digit != 0 {
            self.truncated = true;
        }
    }

    fn trim(&mut self) {
        while self.nd > 0 && self.d[self.nd - 1] == 0 {
            self.nd -= 1;
        }
    }

    /// Multiplies by `2^shift` (`shift <= 60`).
    fn left_shift(&mut self, shift: u32) {
        if self.nd == 0 {
            return;
        }
        // At most this many digits are added; fill right to left, then
        // move down if fewer were needed.
        let extra = ((shift as usize * 1233) >> 12) + 1;
        let mut r = self.nd;
        let mut w = self.nd + extra;
        let mut n = 0u64;
        while r > 0 {
            r -= 1;
            w -= 1;
            n += (self.d[r] as u64) << shift;
            let q = n / 10;
            self.put(w, n - 10 * q);
            n = q;
        }
        while n > 0 {
            w -= 1;
            let q = n / 10;
            self.put(w, n - 10 * q);
            n = q;
        }
        // The digits occupy w..nd + extra (those at N or beyond were
        // dropped): move them down over the unused leading slots.
        let len = (self.nd + extra).min(N) - w;
        if w > 0 {
            self.d.copy_within(w..w + len, 0);
        }
        self.nd = len;
        self.dp += (extra - w) as i64;
        self.trim();
    }

    /// Stores digit `v` at `w`, or notes its loss past the capacity.
    fn put(&mut self, w: usize, v: u64) {
        if w < N {
            self.d[w] = v as u8;
        } else if v != 0 {
            self.truncated = true;
        }
    }

    /// Divides by `2^shift` (`shift <= 60`).
    fn right_shift(&mut self, shift: u32) {
        let mut r = 0;
        let mut w = 0;
        let mut n = 0u64;
        while n >> shift == 0 {
            if r < self.nd {
                n = 10 * n + self.d[r] as u64;
                r += 1;
            } else if n == 0 {
                return;
            } else {
                while n >> shift == 0 {
                    n *= 10;
                    r += 1;
                }
                break;
            }
        }
        self.dp -= r as i64 - 1;
        let mask = (1u64 << shift) - 1;
        while r < self.nd {
            let digit = (n >> shift) as u8;
            n = 10 * (n & mask) + self.d[r] as u64;
            r += 1;
            self.d[w] = digit;
            w += 1;
        }
        while n > 0 {
            let digit = (n >> shift) as u8;
            n = 10 * (n & mask);
            if w < N {
                self.d[w] = digit;
                w += 1;
            } else if digit > 0 {
                self.truncated = true;
            }
        }
        self.nd = w;
        self.trim();
    }

    /// The integer part (at most 38 digits) and whether a fraction remains.
    fn split(&self) -> (u128, bool) {
        let mut n = 0u128;
        for i in 0..self.dp.max(0) as usize {
            n = n * 10 + if i < self.nd { self.d[i] as u128 } else { 0 };
        }
        (n, self.truncated || self.nd as i64 > self.dp)
    }
}

/// Bits to shift by to move the decimal point by `n` digits (at most 60).
fn shift_for(n: i64) -> u32 {
    const POWERS: [u8; 19] = [
        0, 3, 6, 9, 13, 16, 19, 23, 26, 29, 33, 36, 39, 43, 46, 49, 53, 56, 59,
    ];
    if n < 19 {
        POWERS[n as usize] as u32
    } else {
        60
    }
}

/// The slow path: `dec` is nonzero and within the format's range bounds.
fn convert_decimal<const N: usize>(dec: &mut Decimal<N>, fmt: Format) -> (u128, bool) {
    if dec.dp <= fmt.zero_dp {
        return (0, true);
    }
    if dec.dp >= fmt.inf_dp {
        return (fmt.inf(), true);
    }
    let mut exp2: i64 = 0;
    while dec.dp > 0 {
        let s = shift_for(dec.dp);
        dec.right_shift(s);
        exp2 += s as i64;
    }
    // Now in (0, 1): scale up into [1/2, 1).
    while dec.dp < 0 || (dec.dp == 0 && dec.d[0] < 5) {
        let s = if dec.dp == 0 {
            if dec.d[0] < 2 { 2 } else { 1 }
        } else {
            shift_for(-dec.dp)
        };
        dec.left_shift(s);
        exp2 -= s as i64;
    }
    // value = dec * 2^exp2 with dec in [1/2, 1): take p + 2 bits.
    let k = fmt.prec() as u32 + 2;
    let mut left = k;
    while left > 0 {
        let s = left.min(60);
        dec.left_shift(s);
        left -= s;
    }
    let (n, sticky) = dec.split();
    round_pack(n, exp2 - k as i64, sticky, fmt)
}

/// Powers of ten exactly representable in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Clinger's fast path: `w * 10^e10` when it is one exact-operand IEEE
/// operation (correctly rounded by the hardware).
fn fast_path(w: u64, e10: i64, fmt: Format) -> Option<u128> {
    if fmt.mant == 52 {
        if w >> 53 != 0 {
            return None;
        }
        let v = w as f64;
        let r = match e10 {
            0..=22 => v * POW10[e10 as usize],
            -22..=-1 => v / POW10[-e10 as usize],
            // "Disguised" fast path: move excess powers into the mantissa.
            23..=37 => {
                let m = w.checked_mul(10u64.pow((e10 - 22) as u32))?;
                if m >> 53 != 0 {
                    return None;
                }
                m as f64 * 1e22
            }
            _ => return None,
        };
        Some(r.to_bits() as u128)
    } else if fmt.mant == 23 {
        if w >> 24 != 0 {
            return None;
        }
        let v = w as f32;
        let p = |i: i64| POW10[i as usize] as f32; // exact up to 1e10
        let r = match e10 {
            0..=10 => v * p(e10),
            -10..=-1 => v / p(-e10),
            _ => return None,
        };
        Some(r.to_bits() as u128)
    } else {
        None
    }
}

/// Eisel-Lemire: `w * 10^q` (`w != 0`) correctly rounded to `f32`/`f64`,
/// when the 128-bit product decides it and the result is a normal finite
/// number; `None` otherwise (the slow path then decides, and also handles
/// subnormals, overflow and `ERANGE`).
fn eisel_lemire(q: i64, w: u64, fmt: Format) -> Option<u128> {
    use super::pow5::{LARGEST_POWER_OF_FIVE, POWER_OF_FIVE_128, SMALLEST_POWER_OF_FIVE};
    let mant = fmt.mant as i32;
    let (min_exp, inf_power, even_lo, even_hi) = match fmt.mant {
        52 => (-1023, 0x7ff, -4, 23),
        23 => (-127, 0xff, -17, 10),
        _ => return None,
    };
    if !(SMALLEST_POWER_OF_FIVE..=LARGEST_POWER_OF_FIVE).contains(&q) {
        return None;
    }
    let lz = w.leading_zeros();
    let w = w << lz;
    // The product w * 5^q, truncated to 128 bits, refined if needed.
    let (hi5, lo5) = POWER_OF_FIVE_128[(q - SMALLEST_POWER_OF_FIVE) as usize];
    let full = |a: u64, b: u64| {
        let p = a as u128 * b as u128;
        (p as u64, (p >> 64) as u64)
    };
    let (mut lo, mut hi) = full(w, hi5);
    let mask = u64::MAX >> (mant + 3);
    if hi & mask == mask {
        let (_, second_hi) = full(w, lo5);
        lo = lo.wrapping_add(second_hi);
        if second_hi > lo {
            hi += 1;
        }
    }
    if lo == u64::MAX && !(-27..=55).contains(&q) {
        return None;
    }
    let upper = (hi >> 63) as i32;
    let mut m = hi >> (upper + 64 - mant - 3);
    let power = ((q as i32).wrapping_mul(152_170 + 65536) >> 16) + 63;
    let mut p2 = power + upper - lz as i32 - min_exp;
    if p2 <= 0 {
        return None; // subnormal or zero: the slow path (ERANGE)
    }
    if lo <= 1
        && (even_lo..=even_hi).contains(&q)
        && m & 3 == 1
        && (m << (upper + 64 - mant - 3)) == hi
    {
        m &= !1; // exactly halfway: round to even (down)
    }
    m += m & 1;
    m >>= 1;
    if m >= 2u64 << mant {
        m = 1 << mant;
        p2 += 1;
    }
    if p2 >= inf_power {
        return None; // overflow: the slow path (ERANGE)
    }
    Some(((p2 as u128) << mant) | (m & ((1u64 << mant) - 1)) as u128)
}

fn lower(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

/// True if `s[i..]` starts with `word` (ASCII lowercase), case-insensitively.
fn starts_ci(s: &[u8], i: usize, word: &[u8]) -> bool {
    s.len() >= i + word.len()
        && s[i..i + word.len()]
            .iter()
            .zip(word)
            .all(|(a, b)| lower(*a) == *b)
}

fn hex_digit(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Parses `s` (without its NUL) like `strtof`.
pub(crate) fn parse_f32(s: &[u8]) -> Parsed {
    parse_n::<130>(s, F32)
}

/// Parses `s` (without its NUL) like `strtod`.
pub(crate) fn parse_f64(s: &[u8]) -> Parsed {
    parse_n::<800>(s, F64)
}

/// Parses `s` (without its NUL) like `strtold` (binary128). Its digit
/// buffer is 11.6 KB of stack.
pub(crate) fn parse_f128(s: &[u8]) -> Parsed {
    parse_n::<11_600>(s, F128)
}

/// Saturating decimal exponent digits at `s[i..]`: (value, end).
fn exponent(s: &[u8], mut i: usize) -> Option<(i64, usize)> {
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    if i >= s.len() || !s[i].is_ascii_digit() {
        return None;
    }
    let mut v: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        v = (v * 10 + (s[i] - b'0') as i64).min(1 << 40);
        i += 1;
    }
    Some((if neg { -v } else { v }, i))
}

fn parse_n<const N: usize>(s: &[u8], fmt: Format) -> Parsed {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let sign = if neg { fmt.sign_bit() } else { 0 };
    let done = |bits: u128, len: usize, erange: bool| Parsed {
        bits: bits | sign,
        len,
        erange,
    };
    if starts_ci(s, i, b"inf") {
        let len = if starts_ci(s, i, b"infinity") {
            i + 8
        } else {
            i + 3
        };
        return done(fmt.inf(), len, false);
    }
    if starts_ci(s, i, b"nan") {
        return parse_nan(s, i + 3, fmt, sign);
    }
    if i + 1 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        let j = i + 2;
        let digit_at = |k: usize| k < s.len() && hex_digit(s[k]).is_some();
        if digit_at(j) || (j < s.len() && s[j] == b'.' && digit_at(j + 1)) {
            return parse_hex(s, j, fmt, sign);
        }
    }
    // Decimal.
    let mut dec = Decimal::<N> {
        nd: 0,
        dp: 0,
        truncated: false,
        d: [0; N],
    };
    let mut any = false;
    // 19 digits of the significand for the fast path (nd counts them).
    let mut w: u64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        let d = s[i] - b'0';
        any = true;
        if dec.nd > 0 || d != 0 {
            if dec.nd < 19 {
                w = w * 10 + d as u64;
            }
            dec.push(d);
            dec.dp += 1;
        }
        i += 1;
    }
    if i < s.len() && s[i] == b'.' {
        let mut j = i + 1;
        while j < s.len() && s[j].is_ascii_digit() {
            let d = s[j] - b'0';
            any = true;
            if dec.nd > 0 || d != 0 {
                if dec.nd < 19 {
                    w = w * 10 + d as u64;
                }
                dec.push(d);
            } else {
                dec.dp -= 1;
            }
            j += 1;
        }
        if any {
            i = j;
        }
    }
    if !any {
        return Parsed {
            bits: 0,
            len: 0,
            erange: false,
        };
    }
    if i < s.len()
        && lower(s[i]) == b'e'
        && let Some((e, end)) = exponent(s, i + 1)
    {
        dec.dp += e;
        i = end;
    }
    // Digits counted in w (up to 19) versus digits kept after trimming.
    let counted = dec.nd.min(19);
    dec.trim();
    if dec.nd == 0 {
        return done(0, i, false);
    }
    if !dec.truncated && dec.nd <= 19 {
        // w holds `counted` digits; drop trailing zeros beyond nd.
        let mut w = w;
        for _ in dec.nd..counted {
            w /= 10;
        }
        let q = dec.dp - dec.nd as i64;
        if let Some(bits) = fast_path(w, q, fmt) {
            return done(bits, i, false);
        }
        if let Some(bits) = eisel_lemire(q, w, fmt) {
            return done(bits, i, false);
        }
    } else {
        // More than 19 significant digits: the value lies strictly between
        // w * 10^q and (w + 1) * 10^q; if both round alike, so does it.
        let q = dec.dp - 19;
        if let (Some(a), Some(b)) = (eisel_lemire(q, w, fmt), eisel_lemire(q, w + 1, fmt))
            && a == b
        {
            return done(a, i, false);
        }
    }
    let (bits, erange) = convert_decimal(&mut dec, fmt);
    done(bits, i, erange)
}

/// The NaN that `nan(seq)` denotes, glibc's way: `seq` read as
/// `strtoull(seq, 0)`, if all of it is a number, fills the significand
/// below the quiet bit (when that part is nonzero). Also reports whether
/// that number overflowed (`ERANGE`, as glibc's `strtoull` sets it).
pub(crate) fn nan_with_payload(seq: &[u8], fmt: Format) -> (u128, bool) {
    let at = |k: usize| if k < seq.len() { seq[k] } else { 0 };
    match scan_int(at, 0) {
        Ok(p) => {
            let payload = (p.mag as u128) & ((1u128 << (fmt.mant - 1)) - 1);
            let bits = if p.len == seq.len() && payload != 0 {
                fmt.nan() | payload
            } else {
                fmt.nan()
            };
            (bits, p.overflow)
        }
        Err(_) => (fmt.nan(), false),
    }
}

/// `nan` or `nan(n-char-sequence)`; `i` is just after `nan`.
fn parse_nan(s: &[u8], i: usize, fmt: Format, sign: u128) -> Parsed {
    let mut bits = fmt.nan();
    let mut len = i;
    let mut erange = false;
    if i < s.len() && s[i] == b'(' {
        let mut j = i + 1;
        while j < s.len() && (s[j].is_ascii_alphanumeric() || s[j] == b'_') {
            j += 1;
        }
        if j < s.len() && s[j] == b')' {
            len = j + 1;
            (bits, erange) = nan_with_payload(&s[i + 1..j], fmt);
        }
    }
    Parsed {
        bits: bits | sign,
        len,
        erange,
    }
}

/// A hexadecimal float after its `0x`, at `s[i..]`.
fn parse_hex(s: &[u8], mut i: usize, fmt: Format, sign: u128) -> Parsed {
    // n holds up to 30 significant digits (120 bits); value = n * 2^e.
    let (mut n, mut e, mut sticky, mut sig) = (0u128, 0i64, false, 0u32);
    let mut seen_point = false;
    loop {
        if i < s.len() && s[i] == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = s.get(i).and_then(|&b| hex_digit(b)) else {
            break;
        };
        if sig < 30 {
            if n != 0 || d != 0 {
                n = n << 4 | d as u128;
                sig += 1;
            }
            if seen_point {
                e -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                e += 4;
            }
        }
        i += 1;
    }
    if i < s.len()
        && lower(s[i]) == b'p'
        && let Some((pe, end)) = exponent(s, i + 1)
    {
        e += pe;
        i = end;
    }
    if n == 0 {
        return Parsed {
            bits: sign,
            len: i,
            erange: false,
        };
    }
    let e = e.clamp(-(1 << 40), 1 << 40);
    let (bits, erange) = round_pack(n, e, sticky, fmt);
    Parsed {
        bits: bits | sign,
        len: i,
        erange,
    }
}

/// Runs [`parse`] on a C string, stores the end pointer, sets `ERANGE`.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
unsafe fn c_parse(s: *const c_char, end: *mut *mut c_char, parse: fn(&[u8]) -> Parsed) -> u128 {
    // SAFETY: caller contract.
    let bytes = unsafe { core::slice::from_raw_parts(s.cast::<u8>(), strlen(s)) };
    let p = parse(bytes);
    if p.erange {
        set_errno(Errno::ERANGE);
    }
    if !end.is_null() {
        // SAFETY: caller contract; len <= strlen(s).
        unsafe { *end = s.add(p.len) as *mut c_char };
    }
    p.bits
}

/// [strtod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtod.html)
///
/// Correctly rounded (to nearest, ties to even) for decimal and hex input
/// of any length; `inf`, `infinity`, `nan`, `nan(...)`; `ERANGE` with
/// `±HUGE_VAL` on overflow and with the (possibly zero or subnormal)
/// result on underflow.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    // SAFETY: caller contract.
    f64::from_bits(unsafe { c_parse(s, end, parse_f64) } as u64)
}

/// [strtof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtof.html)
///
/// # Safety
/// As [`strtod`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtof(s: *const c_char, end: *mut *mut c_char) -> f32 {
    // SAFETY: caller contract.
    f32::from_bits(unsafe { c_parse(s, end, parse_f32) } as u32)
}

/// [strtold](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtold.html):
/// correctly rounded to `long double`, IEEE binary128 on wasm32.
///
/// # Safety
/// As [`strtod`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtold(
    s: *const c_char,
    end: *mut *mut c_char,
) -> crate::header::math::long_double {
    // SAFETY: caller contract.
    crate::header::math::long_double(unsafe { c_parse(s, end, parse_f128) })
}

/// [atof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atof.html):
/// `strtod(s, NULL)`.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atof(s: *const c_char) -> f64 {
    // SAFETY: caller contract.
    unsafe { strtod(s, core::ptr::null_mut()) }
}
