//! IEEE binary128 (`long double`) on its bits: conversions to and from
//! `f64`, and the operations that are exact (so need no arithmetic):
//! classification, rounding to integers, scaling, splitting, ordering.

use crate::header::stdlib::{F64, F128, round_pack};

pub(crate) const SIGN: u128 = 1 << 127;
const MANT: u32 = 112;
const BIAS: i32 = 16383;
const EXP_MASK: u128 = 0x7fff << MANT;
const FRAC_MASK: u128 = (1 << MANT) - 1;
const QUIET: u128 = 1 << (MANT - 1);
pub(crate) const ONE: u128 = (BIAS as u128) << MANT;
pub(crate) const INF: u128 = EXP_MASK;

fn exp_field(x: u128) -> i32 {
    ((x >> MANT) & 0x7fff) as i32
}

pub(crate) fn is_nan(x: u128) -> bool {
    x & !SIGN > INF
}

fn is_zero(x: u128) -> bool {
    x & !SIGN == 0
}

/// `(significand, exponent)` with `|x| = m * 2^e`; `x` finite, nonzero.
fn split(x: u128) -> (u128, i64) {
    let e = exp_field(x);
    if e == 0 {
        (x & FRAC_MASK, (1 - BIAS - MANT as i32) as i64)
    } else {
        (
            (x & FRAC_MASK) | (1 << MANT),
            (e - BIAS - MANT as i32) as i64,
        )
    }
}

/// Rounds `|x| = m * 2^e` into binary128 with the sign of `x`.
fn pack(sign: u128, m: u128, e: i64) -> u128 {
    if m == 0 {
        return sign;
    }
    round_pack(m, e, false, F128).0 | sign
}

/// Converts to `f64`, rounding to nearest-even.
pub(crate) fn to_f64(x: u128) -> f64 {
    let neg = x & SIGN != 0;
    let bits = if is_nan(x) {
        // Keep the quiet bit and the top of the payload.
        0x7ff8_0000_0000_0000 | ((x & FRAC_MASK) >> (MANT - 52)) as u64
    } else if x & !SIGN == INF {
        0x7ff0_0000_0000_0000
    } else if is_zero(x) {
        0
    } else {
        let (m, e) = split(x);
        round_pack(m, e, false, F64).0 as u64
    };
    f64::from_bits(bits | (neg as u64) << 63)
}

/// Converts from `f64` (exact).
pub(crate) fn from_f64(v: f64) -> u128 {
    let b = v.to_bits();
    let sign = ((b >> 63) as u128) << 127;
    let e = ((b >> 52) & 0x7ff) as i64;
    let f = (b & ((1 << 52) - 1)) as u128;
    if e == 0x7ff {
        return sign | INF | (f << (MANT - 52)) | if f != 0 { QUIET } else { 0 };
    }
    if e == 0 {
        return pack(sign, f, -1074);
    }
    pack(sign, f | 1 << 52, e - 1075)
}

/// Rounding directions for [`round_int`].
#[derive(Copy, Clone, PartialEq)]
pub(crate) enum Dir {
    Trunc,
    Floor,
    Ceil,
    /// Half away from zero (`round`).
    Away,
    /// Half to even (`rint`, the default rounding mode).
    Even,
}

/// Rounds to an integral value (exact).
pub(crate) fn round_int(x: u128, dir: Dir) -> u128 {
    let e = exp_field(x);
    if e == 0x7fff {
        return if is_nan(x) { x | QUIET } else { x };
    }
    if e >= BIAS + MANT as i32 || is_zero(x) {
        return x;
    }
    let sign = x & SIGN;
    let neg = sign != 0;
    if e < BIAS {
        // |x| < 1: the result is 0 or 1 with the sign of x.
        let ge_half = e == BIAS - 1;
        let gt_half = ge_half && x & FRAC_MASK != 0;
        let one = match dir {
            Dir::Trunc => false,
            Dir::Floor => neg,
            Dir::Ceil => !neg,
            Dir::Away => ge_half,
            Dir::Even => gt_half,
        };
        return sign | if one { ONE } else { 0 };
    }
    let frac_bits = (MANT as i32 - (e - BIAS)) as u32;
    let mask = (1u128 << frac_bits) - 1;
    let frac = x & mask;
    if frac == 0 {
        return x;
    }
    let t = x & !mask;
    let half = 1u128 << (frac_bits - 1);
    let up = match dir {
        Dir::Trunc => false,
        Dir::Floor => neg,
        Dir::Ceil => !neg,
        Dir::Away => frac >= half,
        Dir::Even => frac > half || (frac == half && (t >> frac_bits) & 1 == 1),
    };
    // Adding one unit at the integer position carries into the exponent
    // correctly when the significand overflows.
    if up { t + (1u128 << frac_bits) } else { t }
}

/// An integral binary128 value as `i64`, `None` if out of range (or NaN).
pub(crate) fn to_i64(x: u128) -> Option<i64> {
    if is_nan(x) || x & !SIGN == INF {
        return None;
    }
    if is_zero(x) {
        return Some(0);
    }
    let (m, e) = split(x);
    let mag: u128 = if e >= 0 {
        if e > 64 {
            return None;
        }
        m.checked_shl(e as u32).filter(|v| v >> e == m)?
    } else {
        m >> (-e).min(127)
    };
    let neg = x & SIGN != 0;
    if neg {
        (mag <= 1u128 << 63).then(|| (mag as i64).wrapping_neg())
    } else {
        i64::try_from(mag).ok()
    }
}

/// `x * 2^n`, correctly rounded.
pub(crate) fn scale(x: u128, n: i64) -> u128 {
    if is_nan(x) {
        return x | QUIET;
    }
    if x & !SIGN == INF || is_zero(x) {
        return x;
    }
    let (m, e) = split(x);
    pack(x & SIGN, m, (e + n).clamp(-100_000, 100_000))
}

/// `ilogb`: the unbiased exponent; `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`)
/// for zero and NaN, `INT_MAX` for infinity.
pub(crate) fn ilogb(x: u128) -> i32 {
    if is_nan(x) || is_zero(x) {
        return i32::MIN;
    }
    if x & !SIGN == INF {
        return i32::MAX;
    }
    let (m, e) = split(x);
    e as i32 + 127 - m.leading_zeros() as i32
}

/// `frexp`: (fraction in [1/2, 1), exponent).
pub(crate) fn frexp(x: u128) -> (u128, i32) {
    if is_nan(x) || x & !SIGN == INF || is_zero(x) {
        return (x, 0);
    }
    let k = ilogb(x) + 1;
    (scale(x, -(k as i64)), k)
}

/// `modf`: (integral part, fractional part), both with the sign of `x`.
pub(crate) fn modf(x: u128) -> (u128, u128) {
    if is_nan(x) {
        return (x | QUIET, x | QUIET);
    }
    if x & !SIGN == INF {
        return (x, x & SIGN);
    }
    let i = round_int(x, Dir::Trunc);
    let e = exp_field(x);
    let frac = if e >= BIAS + MANT as i32 {
        x & SIGN
    } else if e < BIAS {
        x
    } else {
        let (m, ee) = split(x);
        let bits = (MANT as i32 - (e - BIAS)) as u32;
        pack(x & SIGN, m & ((1u128 << bits) - 1), ee)
    };
    (i, frac)
}

/// A key that orders binary128 values like the numbers (`-0 < +0`).
fn key(x: u128) -> u128 {
    if x & SIGN != 0 { !x } else { x | SIGN }
}

/// Numeric comparison; `None` if either is NaN.
pub(crate) fn cmp(x: u128, y: u128) -> Option<core::cmp::Ordering> {
    if is_nan(x) || is_nan(y) {
        return None;
    }
    if is_zero(x) && is_zero(y) {
        return Some(core::cmp::Ordering::Equal);
    }
    Some(key(x).cmp(&key(y)))
}

/// `fmax`/`fmin`: NaN only if both are; `x` when they compare equal (as
/// glibc's `fmaxf128`: `fmaxl(-0.0, 0.0)` is `-0.0`).
pub(crate) fn max_min(x: u128, y: u128, max: bool) -> u128 {
    use core::cmp::Ordering::*;
    match cmp(x, y) {
        None if is_nan(x) => y,
        None => x,
        Some(Less) if max => y,
        Some(Greater) if !max => y,
        _ => x,
    }
}

/// `nextafter`: the neighbour of `x` in the direction of `y`.
pub(crate) fn next_after(x: u128, y: u128) -> u128 {
    use core::cmp::Ordering::*;
    match cmp(x, y) {
        None => (if is_nan(x) { x } else { y }) | QUIET,
        Some(Equal) => y,
        Some(o) => {
            if is_zero(x) {
                return (y & SIGN) | 1;
            }
            let away = (o == Less) == (x & SIGN == 0);
            if away { x + 1 } else { x - 1 }
        }
    }
}

/// `sqrt`, correctly rounded: a bit-by-bit integer square root of the
/// significand scaled to 230 or 231 bits (115 result bits and a sticky bit).
pub(crate) fn sqrt(x: u128) -> u128 {
    if is_nan(x) {
        return x | QUIET;
    }
    if is_zero(x) || x == INF {
        return x;
    }
    if x & SIGN != 0 {
        return INF | QUIET; // sqrt of a negative number
    }
    let (mut m, mut e) = split(x);
    // Normalize: the top bit of m at position 112.
    let lz = m.leading_zeros() as i64 - 15;
    m <<= lz;
    e -= lz;
    // M = m * 2^k with e - k even; M has 230 or 231 bits.
    let k: u32 = if e % 2 == 0 { 118 } else { 117 };
    let bit = |j: u32| -> u128 {
        if j < k || j - k > 127 {
            0
        } else {
            (m >> (j - k)) & 1
        }
    };
    let (mut root, mut rem) = (0u128, 0u128);
    for i in (0..128u32).rev() {
        rem = (rem << 2) | (bit(2 * i + 1) << 1) | bit(2 * i);
        let trial = (root << 2) | 1;
        if rem >= trial {
            rem -= trial;
            root = (root << 1) | 1;
        } else {
            root <<= 1;
        }
    }
    round_pack(root, (e - k as i64) / 2, rem != 0, F128).0
}
