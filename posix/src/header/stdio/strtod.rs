//! Decimal and hexadecimal text to IEEE binary floating point, correctly
//! rounded (ties to even), for scanf's `%f %e %g %a` into `float`,
//! `double` and `long double` (binary128). A private helper: `strtod` in
//! `stdlib.h` is another module's.
//!
//! Decimal input is gathered straight into a [`Big`] (up to
//! [`MAX_DIGITS`] significant digits; further non-zero digits only set a
//! sticky bit — enough, because a halfway point between two binary128
//! values has fewer significant digits than that). The value is then
//! scaled exactly: multiplied by powers of two until its integer part has
//! 117 bits, or, when it is already larger, its integer part is converted
//! to binary. The 117-bit integer plus a sticky bit is rounded once to the
//! target format.

use super::big::{Big, E9, M, N, POW10};

/// An IEEE binary format: fraction bits and exponent bits.
#[derive(Copy, Clone)]
pub(crate) struct Fmt {
    pub(crate) mbits: u32,
    pub(crate) ebits: u32,
}

pub(crate) const F32: Fmt = Fmt {
    mbits: 23,
    ebits: 8,
};
pub(crate) const F64: Fmt = Fmt {
    mbits: 52,
    ebits: 11,
};
pub(crate) const F128: Fmt = Fmt {
    mbits: 112,
    ebits: 15,
};

impl Fmt {
    fn bias(self) -> i32 {
        (1 << (self.ebits - 1)) - 1
    }
    pub(crate) fn inf(self) -> u128 {
        ((1u128 << self.ebits) - 1) << self.mbits
    }
    pub(crate) fn nan(self) -> u128 {
        self.inf() | 1u128 << (self.mbits - 1)
    }
    pub(crate) fn sign(self) -> u128 {
        1u128 << (self.mbits + self.ebits)
    }
}

/// Rounds `m * 2^e2` (plus a little more when `sticky`) to `f`: the bits
/// without the sign.
pub(crate) fn assemble(mut m: u128, mut e2: i32, sticky: bool, f: Fmt) -> u128 {
    if m == 0 {
        return 0;
    }
    let bias = f.bias();
    let len = 128 - m.leading_zeros() as i32;
    let top = e2.saturating_add(len - 1);
    if top > bias {
        return f.inf();
    }
    let lo = top.max(1 - bias) - f.mbits as i32;
    let drop = lo - e2;
    if drop > len {
        return 0;
    }
    if drop > 0 {
        let rem = m & ((1u128 << drop) - 1);
        let half = 1u128 << (drop - 1);
        m >>= drop;
        if rem > half || (rem == half && (sticky || m & 1 != 0)) {
            m += 1;
        }
    } else {
        m <<= -drop;
    }
    e2 = lo;
    if m >> (f.mbits + 1) != 0 {
        m >>= 1;
        e2 += 1;
    }
    let biased = if m >> f.mbits != 0 {
        e2 + f.mbits as i32 + bias
    } else {
        0
    };
    if biased > 2 * bias {
        return f.inf();
    }
    ((biased as u128) << f.mbits) | (m & ((1u128 << f.mbits) - 1))
}

/// Significant decimal digits kept exactly.
pub(crate) const MAX_DIGITS: usize = 1300 * 9;
/// Where the first digit word goes.
const S: usize = 560;
const _: () = assert!(S + MAX_DIGITS / 9 + 2 <= N);

/// Collects a decimal number digit by digit.
pub(crate) struct Decimal {
    big: Big,
    /// Significant digits stored.
    nd: usize,
    /// Decimal exponent: value = 0.DIGITS * 10^dexp.
    dexp: i64,
    pub(crate) any_digit: bool,
}

impl Decimal {
    pub(crate) fn new() -> Self {
        Decimal {
            big: Big::new(S),
            nd: 0,
            dexp: 0,
            any_digit: false,
        }
    }

    /// One mantissa digit, before or after the decimal point.
    pub(crate) fn digit(&mut self, d: u8, before_point: bool) {
        self.any_digit = true;
        if self.nd == 0 && d == 0 {
            if !before_point {
                self.dexp -= 1;
            }
            return;
        }
        if before_point {
            self.dexp += 1;
        }
        if self.nd < MAX_DIGITS {
            self.big.d[(S + self.nd / 9) & M] += d as u32 * POW10[(8 - self.nd % 9) % 10];
            self.nd += 1;
        } else if d != 0 {
            self.big.sticky = true;
        }
    }

    /// Converts, with the explicit exponent `e10`, to the bits of `f`.
    pub(crate) fn into_bits(mut self, e10: i64, f: Fmt) -> u128 {
        if self.nd == 0 {
            return 0;
        }
        let dexp = self.dexp + e10;
        if dexp > 4940 {
            return f.inf();
        }
        if dexp < -4970 {
            return 0;
        }
        let dexp = dexp as i32;
        // Align the digits to the radix point: shift right by t digits.
        let t = (-dexp).rem_euclid(9) as usize;
        let nw = self.nd.div_ceil(9);
        let d = &mut self.big.d;
        if t > 0 {
            let (lo, hi) = (POW10[t % 10], POW10[(9 - t) % 10]);
            for i in (S..=S + nw).rev() {
                d[i & M] = d[i & M] / lo + (d[(i - 1) & M] % lo) * hi;
            }
        }
        let b = &mut self.big;
        b.r = (S as i32 + 1 + (dexp - 9 + t as i32) / 9) as usize;
        b.a = S;
        b.z = S + nw + 1;
        while b.z > b.a && b.d[(b.z - 1) & M] == 0 {
            b.z -= 1;
        }
        while b.d[b.a & M] == 0 {
            b.a += 1;
        }
        let (m, e2, sticky) = scale(b);
        assemble(m, e2, sticky, f)
    }
}

/// The integer part of `b` when it has at most 4 words.
fn small_int(b: &Big) -> Option<u128> {
    if b.a >= b.r {
        return Some(0);
    }
    if b.r - b.a > 4 {
        return None;
    }
    let mut v = 0u128;
    for i in b.a..b.r {
        v = v * E9 as u128 + b.d[i & M] as u128;
    }
    Some(v)
}

/// Brings `b` to a 117-bit integer: `(m, e2, sticky)` with
/// `b = (m + fraction) * 2^e2`, `sticky` = fraction non-zero.
fn scale(b: &mut Big) -> (u128, i32, bool) {
    const BITS: i32 = 117;
    let mut e2 = 0;
    loop {
        match small_int(b) {
            Some(v) if v >> BITS == 0 => {
                let len = 128 - v.leading_zeros() as i32;
                if len == BITS {
                    let frac = b.sticky || (b.r.max(b.a)..b.z).any(|i| b.d[i & M] != 0);
                    return (v, e2, frac);
                }
                let sh = if len == 0 { 29 } else { (BITS - len).min(29) };
                b.mul_small(1 << sh);
                e2 -= sh;
            }
            _ => return big_int(b),
        }
    }
}

/// Integer part of at least 2^117: converted to binary, top 117 bits kept.
fn big_int(b: &Big) -> (u128, i32, bool) {
    // 4941 decimal digits < 16416 bits = 513 words.
    let mut bin = [0u32; 520];
    let mut len = 0;
    for i in b.a..b.r {
        let mut carry = b.d[i & M] as u64;
        for w in bin.iter_mut().take(len) {
            let x = *w as u64 * E9 as u64 + carry;
            *w = x as u32;
            carry = x >> 32;
        }
        if carry != 0 {
            bin[len % 520] = carry as u32;
            len += 1;
        }
    }
    let top_bits = 32 - bin[(len - 1) % 520].leading_zeros() as i32;
    let total = (len as i32 - 1) * 32 + top_bits;
    let shift = total - 117;
    // m = bits [shift, total) of bin.
    let mut m = 0u128;
    for bit_word in (0..len).rev() {
        let lo_bit = bit_word as i32 * 32;
        if lo_bit + 32 <= shift {
            break;
        }
        let w = bin[bit_word % 520] as u128;
        let off = lo_bit - shift;
        m |= if off >= 0 { w << off } else { w >> -off };
    }
    let mut sticky = b.sticky || (b.r..b.z).any(|i| b.d[i & M] != 0);
    // Bits below `shift`.
    let full = (shift / 32) as usize;
    sticky |= bin.iter().take(full).any(|&w| w != 0);
    if shift % 32 != 0 {
        sticky |= bin[full % 520] & ((1u32 << (shift % 32)) - 1) != 0;
    }
    (m, shift, sticky)
}

/// Collects a hexadecimal mantissa (`0x` form).
pub(crate) struct Hex {
    m: u128,
    /// Binary exponent correction from the digits (+4 per dropped integer
    /// digit, -4 per kept fraction digit).
    e2: i32,
    sticky: bool,
    pub(crate) any_digit: bool,
}

impl Hex {
    pub(crate) fn new() -> Self {
        Hex {
            m: 0,
            e2: 0,
            sticky: false,
            any_digit: false,
        }
    }

    pub(crate) fn digit(&mut self, d: u8, before_point: bool) {
        self.any_digit = true;
        if self.m >> 120 == 0 {
            self.m = self.m << 4 | d as u128;
            if !before_point {
                self.e2 -= 4;
            }
        } else {
            self.sticky |= d != 0;
            if before_point {
                self.e2 += 4;
            }
        }
    }

    pub(crate) fn into_bits(self, p: i64, f: Fmt) -> u128 {
        let e = (self.e2 as i64 + p).clamp(-100_000, 100_000) as i32;
        assemble(self.m, e, self.sticky, f)
    }
}
