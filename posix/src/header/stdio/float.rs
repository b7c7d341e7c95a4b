//! printf's floating-point conversions: `%f %F %e %E %g %G %a %A`, for
//! `double` and `long double` (IEEE binary128 on wasm32).
//!
//! Decimal output is exact: the binary value `m * 2^e` is expanded into a
//! [`Big`] (base 10^9), then rounded once at the requested place, ties to
//! even (the current rounding mode of a WASI program is always
//! round-to-nearest). Output matches glibc, including `-nan`, `%a` of
//! subnormals (`0x0.xxxp-1022`) and `%a` rounding that carries into the
//! leading digit (`0x2.0p+0`).

use super::big::{Big, E9, M, N, POW10};
use super::printf::{F_ALT, F_MINUS, F_PLUS, F_SPACE, F_ZERO, Out, Spec, emit};
use libc_core::single::Single;

/// The expansion's storage, reused by every call: zeroed once (it lives in
/// .bss) and kept zero outside the words in use, so a call clears only what
/// the previous one used instead of 8 KiB ([`Big::reset`]).
static SCRATCH: Single<Big> = Single::new(Big::new(0));
/// Set while [`SCRATCH`] is in use. A nested call (a `fopencookie` write
/// function that formats a float while the outer call is writing its
/// digits) takes a fresh `Big` on its stack instead.
static BUSY: Single<bool> = Single::new(false);

pub(crate) enum Cls {
    Inf,
    Nan,
    /// `mant * 2^e2`; `mbits` is the width of the stored fraction field
    /// (52 or 112), `mant >> mbits` is the leading bit (0 for subnormals).
    Fin {
        mant: u128,
        e2: i32,
        mbits: u32,
    },
}

#[inline(never)]
pub(crate) fn decode_f64(bits: u64) -> (bool, Cls) {
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as u128;
    let c = match exp {
        0x7ff if frac == 0 => Cls::Inf,
        0x7ff => Cls::Nan,
        0 => Cls::Fin {
            mant: frac,
            e2: -1074,
            mbits: 52,
        },
        _ => Cls::Fin {
            mant: frac | 1 << 52,
            e2: exp - 1075,
            mbits: 52,
        },
    };
    (neg, c)
}

#[inline(never)]
pub(crate) fn decode_f128(bits: u128) -> (bool, Cls) {
    let neg = bits >> 127 != 0;
    let exp = ((bits >> 112) & 0x7fff) as i32;
    let frac = bits & ((1 << 112) - 1);
    let c = match exp {
        0x7fff if frac == 0 => Cls::Inf,
        0x7fff => Cls::Nan,
        0 => Cls::Fin {
            mant: frac,
            e2: -16494,
            mbits: 112,
        },
        _ => Cls::Fin {
            mant: frac | 1 << 112,
            e2: exp - 16495,
            mbits: 112,
        },
    };
    (neg, c)
}

/// Collects output in a small buffer (fewer sink calls for digit runs).
struct Buf<'a, 'b> {
    o: &'a mut Out<'b>,
    b: [u8; 64],
    n: usize,
}

impl Buf<'_, '_> {
    fn push(&mut self, c: u8) {
        if self.n == self.b.len() {
            self.flush();
        }
        self.b[self.n & 63] = c;
        self.n += 1;
    }
    /// The `n` (at most 9) low decimal digits of `v`, leading zeros
    /// included.
    #[inline(always)]
    fn digits(&mut self, mut v: u32, n: usize) {
        if self.n + n > self.b.len() {
            self.flush();
        }
        for i in (0..n).rev() {
            self.b[(self.n + i) & 63] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        self.n += n;
    }
    fn flush(&mut self) {
        if let Some(s) = self.b.get(..self.n) {
            self.o.put(s);
        }
        self.n = 0;
    }
}

/// `e+05`-style exponent into the end of `buf`; its length (`min` digits
/// at least).
fn exponent(buf: &mut [u8; 8], e: i32, letter: u8, min: usize) -> usize {
    let mut x = e.unsigned_abs();
    let mut n = 0;
    while x != 0 || n < min {
        buf[(7 - n) & 7] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
    }
    buf[(7 - n) & 7] = if e < 0 { b'-' } else { b'+' };
    buf[(6 - n) & 7] = letter;
    n + 2
}

/// Formats one floating-point value per `s` (conversion in `s.conv`).
#[inline(never)]
pub(crate) fn fmt_float(o: &mut Out, s: &Spec, neg: bool, cls: Cls) {
    let upper = s.conv.is_ascii_uppercase();
    let sign: &[u8] = if neg {
        b"-"
    } else if s.flags & F_PLUS != 0 {
        b"+"
    } else if s.flags & F_SPACE != 0 {
        b" "
    } else {
        b""
    };
    let (mant, e2, mbits) = match cls {
        Cls::Fin { mant, e2, mbits } => (mant, e2, mbits),
        _ => {
            let t: &[u8] = match (matches!(cls, Cls::Inf), upper) {
                (true, false) => b"inf",
                (true, true) => b"INF",
                (false, false) => b"nan",
                (false, true) => b"NAN",
            };
            // glibc pads inf/nan with spaces even with the `0` flag.
            return emit(o, s, sign, 0, t);
        }
    };
    let conv = s.conv.to_ascii_lowercase();
    if conv == b'a' {
        return fmt_hex(o, s, sign, mant, e2, mbits, upper);
    }
    let busy = BUSY.get();
    // SAFETY: one thread per instance (`Single`); the flag is only read and
    // written here, never across a call.
    let nested = unsafe { core::mem::replace(&mut *busy, true) };
    let mut local;
    let big: &mut Big = if nested {
        local = Big::new(0);
        &mut local
    } else {
        // SAFETY: BUSY was clear, so no other reference to SCRATCH exists;
        // the one taken here ends before BUSY is cleared below.
        unsafe { &mut *SCRATCH.get() }
    };
    fmt_dec(o, s, sign, upper, conv, mant, e2, big);
    if !nested {
        // SAFETY: as above.
        unsafe { *busy = false };
    }
}

/// `%e %f %g` of the finite value `mant * 2^e2`, expanded in `big`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn fmt_dec(
    o: &mut Out,
    s: &Spec,
    sign: &[u8],
    upper: bool,
    conv: u8,
    mant: u128,
    e2: i32,
    big: &mut Big,
) {
    let p = s.prec().unwrap_or(6);
    let alt = s.flags & F_ALT != 0;

    // The exact expansion of mant * 2^e2, with mant made odd first: then
    // every intermediate quotient has a shorter expansion than the final
    // value, so a value whose expansion fits is computed exactly (ties are
    // seen as ties). A longer expansion is cut a margin past the requested
    // digits, the rest summarised in `sticky`: the cut loses a few units at
    // the cut position, and a value that is not a tie is never that close
    // to one. With m odd and x = m / 2^k rounded to p decimals, the tail
    // past the rounding digit differs from 1/2 by at least 2^-(k-p), and
    // that only matters while m * 5^p is near 2^(k-p-1), so for
    // k - p <= 114 + 2.33p: a margin of 0.71p + 40 digits covers binary128
    // (113 bits) and so double.
    let tz = mant.trailing_zeros().min(127);
    // Zero: no division steps at all (its trailing zeros would ask for 127).
    let (mant, e2) = if mant == 0 {
        (0, 0)
    } else {
        (mant >> tz, e2 + tz as i32)
    };
    if e2 >= 0 {
        big.reset(N - 2);
        big.set_u128(mant);
        big.mul_pow2(e2 as u32);
    } else if e2 >= -64 {
        // A fraction of at most 64 bits: its exact decimal words directly,
        // one multiplication each, instead of a pass per 9 bits.
        let k = -e2 as u32;
        big.reset(8);
        big.set_u128(mant >> k);
        big.set_frac(
            (mant & ((1u128 << k) - 1)) as u64,
            k,
            p / 9 + 2,
            conv == b'f',
        );
    } else if -e2 <= 32 * FRAC_LIMBS as i32 && (-e2 >= 128 || mant >> (-e2 as u32) == 0) {
        // Every double, and long doubles below 1 down to 2^-1152.
        set_quotient(big, mant, -e2 as u32, conv, p);
    } else {
        big.reset(8);
        big.set_u128(mant);
        let need = p.saturating_add(p.saturating_mul(71) / 100 + 40) / 9 + 3;
        let mut k = -e2 as u32;
        while k > 0 {
            let sh = k.min(9);
            big.div_pow2_step(sh);
            k -= sh;
            let base = if conv == b'f' { big.r } else { big.a };
            big.cut(base.saturating_add(need).min(N - 2));
        }
    }

    // Choose the style and the number of fraction digits; the lowest
    // non-zero place of the rounded value (read once, used twice).
    let (style_e, prec, low) = match conv {
        b'f' => {
            big.round_at(-(p as i32));
            (false, p, big.lowest_place())
        }
        b'e' => {
            let e = big.exp10();
            big.round_at(e - p as i32);
            (true, p, big.lowest_place())
        }
        _ => {
            let pp = if p == 0 { 1 } else { p } as i32;
            let e = big.exp10();
            big.round_at(e - (pp - 1));
            let e = big.exp10();
            let (style_e, mut prec) = if pp > e && e >= -4 {
                (false, pp - 1 - e)
            } else {
                (true, pp - 1)
            };
            let low = big.lowest_place();
            if !alt {
                // Drop trailing zeros.
                let have = match low {
                    None => 0,
                    Some(l) if style_e => (e - l).max(0),
                    Some(l) => (-l).max(0),
                };
                prec = prec.min(have);
            }
            (style_e, prec as usize, low)
        }
    };
    let e = big.exp10();
    let point = prec > 0 || alt;

    // Lengths, for the padding.
    let mut exp_buf = [0u8; 8];
    let mut exp_len = 0;
    let int_digits: i32;
    if style_e {
        exp_len = exponent(&mut exp_buf, e, if upper { b'E' } else { b'e' }, 2);
        int_digits = 1;
    } else {
        int_digits = if big.is_zero() || e < 0 { 1 } else { e + 1 };
    }
    let len = sign.len() + int_digits as usize + point as usize + prec + exp_len;

    let fill = s.width.saturating_sub(len);
    let zero_pad = s.flags & F_ZERO != 0;
    if s.flags & F_MINUS == 0 && !zero_pad {
        o.pad(b' ', fill);
    }
    o.put(sign);
    if zero_pad {
        o.pad(b'0', fill);
    }
    let top = if style_e { e } else { int_digits - 1 };
    let mut b = Buf {
        o,
        b: [0; 64],
        n: 0,
    };
    push_digits(&mut b, big, top, int_digits);
    if point {
        b.push(b'.');
    }
    let first_frac = top - int_digits;
    // Digits past the expansion's end are zeros; write them as a run.
    let stored = match low {
        Some(l) => ((first_frac - l + 1).max(0) as usize).min(prec),
        None => 0,
    };
    push_digits(&mut b, big, first_frac, stored as i32);
    b.flush();
    let o = b.o;
    o.pad(b'0', prec - stored);
    o.put(exp_buf.get(8 - exp_len..).unwrap_or(&[]));
    if s.flags & F_MINUS != 0 {
        o.pad(b' ', fill);
    }
}

/// Fraction limbs (32 bits) of [`set_quotient`]: 1152 bits, more than the
/// 1074 a double can need (its array has 64, a power of two for the index
/// masks, more than the `FRAC_LIMBS + 2` in use).
const FRAC_LIMBS: usize = 36;

/// `big = mant / 2^k` (`64 < k <= 32 * FRAC_LIMBS`, `mant < 2^k`: no
/// integer part), exact up to the words that `%e %f %g` with precision `p`
/// read, with `sticky` set when anything non-zero lies past them. The value
/// is kept in binary, `k` fraction bits in 32-bit limbs, and each
/// multiplication by 10^9 pushes the next decimal word out of its top. Only
/// the limbs between the lowest and the highest non-zero one are multiplied:
/// `mant` is odd, and each 10^9 = 2^9 * 5^9 clears 9 more low bits, so the
/// live part shrinks as the words come out. Exact, so the rounding needs no
/// margin: the words through the place after the last digit kept
/// (`p / 9 + 2` of them, from the radix point for `%f`, from the first
/// non-zero word otherwise) and `sticky` decide it.
#[inline(never)]
fn set_quotient(big: &mut Big, mant: u128, k: u32, conv: u8, p: usize) {
    big.reset(8);
    let mut f = [0u32; 64];
    let (m0, m1) = (mant as u64, (mant >> 64) as u64);
    f[0] = m0 as u32;
    f[1] = (m0 >> 32) as u32;
    f[2] = m1 as u32;
    f[3] = (m1 >> 32) as u32;
    let kw = (k / 32) as usize;
    let kb = k % 32;
    let want = p / 9 + 2;
    // The words end here (until the first non-zero word fixes it for
    // `%e %g`).
    let mut end = if conv == b'f' { big.r + want } else { N - 2 };
    let mut i = big.r;
    // The live limbs: lo..hi.
    let (mut lo, mut hi) = (0, 4);
    loop {
        while hi > lo && f[(hi - 1) & 63] == 0 {
            hi -= 1;
        }
        while lo < hi && f[lo & 63] == 0 {
            lo += 1;
        }
        if lo >= hi || i >= end.min(N - 2) {
            break;
        }
        let mut carry = 0u64;
        let mut j = lo;
        while j < hi {
            let v = f[j & 63] as u64 * E9 as u64 + carry;
            f[j & 63] = v as u32;
            carry = v >> 32;
            j += 1;
        }
        // hi <= kw + 1, so this is at most limb kw + 1.
        f[hi & 63] = carry as u32;
        // The integer part, below 10^9: bits k.. (limb kw from bit kb on,
        // and the low bits of limb kw + 1).
        let lw = f[kw & 63];
        let w = ((((f[(kw + 1) & 63] as u64) << 32) | lw as u64) >> kb) as u32;
        f[kw & 63] = lw & ((1u64 << kb) - 1) as u32;
        f[(kw + 1) & 63] = 0;
        hi = (hi + 1).min(kw + 1);
        big.d[i & M] = w;
        i += 1;
        if end == N - 2 && w != 0 {
            end = i - 1 + want;
        }
    }
    if i > big.r {
        big.a = big.r;
        big.z = i;
        big.trim();
    }
    big.sticky = lo < hi;
}

/// Pushes the `count` digits at decimal places `j`, `j - 1`, ... of `big`
/// (0 = units): per word, the run of its digits that is wanted is cut out
/// with one remainder and one quotient and written in one go.
fn push_digits(b: &mut Buf, big: &Big, mut j: i32, mut count: i32) {
    while count > 0 {
        let q = j.div_euclid(9);
        // The place of digit j within its word (0..=8) and how many of
        // that word's digits are wanted.
        let k = j - 9 * q;
        let n = (k + 1).min(count);
        let wi = big.r as i32 - 1 - q;
        let w = if wi >= big.a as i32 && wi < big.z as i32 {
            big.d[wi as usize & M]
        } else {
            0
        };
        let run = w % POW10[(k + 1) as usize % 10] / POW10[(k + 1 - n) as usize % 10];
        b.digits(run, n as usize);
        j -= n;
        count -= n;
    }
}

/// `%a`: hexadecimal, glibc's layout (`0x1.8p+0`, subnormals `0x0.8p-1022`,
/// no renormalisation after rounding: `0x2.0p+0`).
#[inline(never)]
fn fmt_hex(o: &mut Out, s: &Spec, sign: &[u8], mant: u128, e2: i32, mbits: u32, upper: bool) {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    // d[0]: the leading digit; d[1..=nd]: the fraction field (52 -> 13,
    // 112 -> 28 hex digits).
    let nd = (mbits / 4) as usize;
    let mut d = [0u8; 29];
    let mut m = mant;
    for x in d.iter_mut().take(nd + 1).rev() {
        *x = (m & 15) as u8;
        m >>= 4;
    }
    let exp = if mant == 0 { 0 } else { e2 + mbits as i32 };
    let prec = match s.prec() {
        Some(p) if p < nd => {
            // Round to p digits, ties to even.
            let first = d[(p + 1) % 29];
            let rest = d.iter().take(nd + 1).skip(p + 2).any(|&x| x != 0);
            if first > 8 || (first == 8 && (rest || d[p % 29] & 1 != 0)) {
                let mut i = p % 29;
                d[i] += 1;
                while d[i] == 16 && i > 0 {
                    d[i] = 0;
                    i -= 1;
                    d[i] += 1;
                }
            }
            p
        }
        Some(p) => p,
        None => {
            // Shortest exact: no trailing zero digits.
            let mut n = nd;
            while n > 0 && d[n % 29] == 0 {
                n -= 1;
            }
            n
        }
    };
    let stored = prec.min(nd);
    for x in d.iter_mut() {
        *x = digits[(*x & 15) as usize];
    }
    let mut eb = [0u8; 8];
    let el = exponent(&mut eb, exp, if upper { b'P' } else { b'p' }, 1);
    let point = prec > 0 || s.flags & F_ALT != 0;
    let prefix: &[u8] = if upper { b"0X" } else { b"0x" };
    let len = sign.len() + 2 + 1 + point as usize + prec + el;
    let fill = s.width.saturating_sub(len);
    let left = s.flags & F_MINUS != 0;
    let zero = s.flags & F_ZERO != 0;
    if !left && !zero {
        o.pad(b' ', fill);
    }
    o.put(sign);
    o.put(prefix);
    if zero {
        o.pad(b'0', fill);
    }
    o.put(&d[..1]);
    if point {
        o.put(b".");
    }
    o.put(d.get(1..stored + 1).unwrap_or(&[]));
    o.pad(b'0', prec - stored);
    o.put(eb.get(8 - el..).unwrap_or(&[]));
    if left {
        o.pad(b' ', fill);
    }
}
