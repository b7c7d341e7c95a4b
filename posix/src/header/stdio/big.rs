//! Exact decimal arithmetic for float conversions (printf `%e %f %g`,
//! scanf's decimal-to-binary).
//!
//! A [`Big`] is a non-negative number in base 10^9: words `d[a..z]`, most
//! significant first, with the radix point before word `r`:
//! `value = sum d[i] * 10^(9 * (r - 1 - i))`. Words outside `a..z` are zero
//! (an invariant every operation keeps). Multiplying by 2^k grows the
//! number to the left; dividing by 2^k (exact, since 10^9 = 2^9 * 5^9)
//! grows it to the right, where it may be cut at a chosen length: the cut
//! keeps the floor of the exact value and `sticky` records that something
//! non-zero was dropped, which is all correct rounding needs.
//!
//! Capacity: a binary128 value has at most 4933 integer digits (549 words)
//! and at most 16494 fraction digits (1833 words), and never both many
//! integer and many fraction words; see the callers for the placement of `r`.

/// Words of storage; a power of two, so that `i & (N - 1)` keeps every
/// index provably in bounds (no panic paths) without changing valid ones.
pub(crate) const N: usize = 2048;
pub(crate) const M: usize = N - 1;
pub(crate) const E9: u32 = 1_000_000_000;
pub(crate) const POW10: [u32; 10] = [
    1,
    10,
    100,
    1000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

pub(crate) struct Big {
    pub(crate) d: [u32; N],
    pub(crate) a: usize,
    pub(crate) z: usize,
    pub(crate) r: usize,
    pub(crate) sticky: bool,
}

/// Number of decimal digits of a non-zero word: from its bit length
/// (1233 / 4096 is just above log10(2)), corrected by one comparison.
pub(crate) fn ndigits(w: u32) -> i32 {
    let t = ((32 - w.leading_zeros()) * 1233) >> 12;
    (t + (w >= POW10[t as usize % 10]) as u32) as i32
}

impl Big {
    /// Zero, with the radix point before word `r`.
    pub(crate) const fn new(r: usize) -> Self {
        Big {
            d: [0; N],
            a: r,
            z: r,
            r,
            sticky: false,
        }
    }

    /// Zero again, with the radix point before word `r`. Words outside
    /// `a..z` are zero already, so only the words in use are cleared: a
    /// reused `Big` costs what its last value used, not 8 KiB.
    #[inline(never)]
    pub(crate) fn reset(&mut self, r: usize) {
        // (`a..z` is always in range.)
        if let Some(used) = self.d.get_mut(self.a..self.z) {
            used.fill(0);
        }
        self.a = r;
        self.z = r;
        self.r = r;
        self.sticky = false;
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.a >= self.z
    }

    pub(crate) fn trim(&mut self) {
        while self.z > self.a && self.d[(self.z - 1) & M] == 0 {
            self.z -= 1;
        }
        while self.a < self.z && self.d[(self.a) & M] == 0 {
            self.a += 1;
        }
        if self.a >= self.z {
            self.a = self.r;
            self.z = self.r;
        }
    }

    /// Adds `v` to the integer part.
    fn add_int(&mut self, mut v: u64) {
        let mut i = self.r;
        let mut carry = 0u64;
        while v != 0 || carry != 0 {
            i -= 1;
            let x = self.d[(i) & M] as u64 + v % E9 as u64 + carry;
            self.d[(i) & M] = (x % E9 as u64) as u32;
            carry = x / E9 as u64;
            v /= E9 as u64;
        }
        if self.is_zero() {
            self.a = i;
            self.z = self.r;
        } else {
            self.a = self.a.min(i);
            self.z = self.z.max(self.r);
        }
        self.trim();
    }

    /// Sets the integer value `m` (the number must be zero).
    pub(crate) fn set_u128(&mut self, m: u128) {
        let hi = (m >> 64) as u64;
        if hi != 0 {
            self.add_int(hi);
            self.mul_pow2(64);
        }
        self.add_int(m as u64);
    }

    /// Sets the fraction to `f / 2^k` (`k` in 1..=64, `f < 2^k`; the number
    /// must have no fraction words yet): each word is
    /// `floor(f * 10^9 / 2^k)`, and `f * 10^9 mod 2^k` goes on; since 10^9
    /// holds 2^9, at most `ceil(k / 9)` words. Stops after `want` words
    /// counted from the radix point (`fixed`) or from the first non-zero
    /// word, recording in `sticky` whether anything non-zero was left.
    pub(crate) fn set_frac(&mut self, mut f: u64, k: u32, want: usize, fixed: bool) {
        let was_zero = self.is_zero();
        let mut i = self.r;
        let mut base = if fixed {
            Some(self.r)
        } else if !was_zero {
            Some(self.a)
        } else {
            None
        };
        while f != 0 && i < N && base.is_none_or(|b| i < b + want) {
            // f * 10^9 (below 2^94) as t_hi * 2^64 + t_lo.
            let lo = (f & 0xffff_ffff) * E9 as u64;
            let hi = (f >> 32) * E9 as u64;
            let (t_lo, c) = lo.overflowing_add(hi << 32);
            let t_hi = (hi >> 32) + c as u64;
            let (word, rest) = if k >= 64 {
                (t_hi, t_lo)
            } else {
                ((t_hi << (64 - k)) | (t_lo >> k), t_lo & ((1 << k) - 1))
            };
            self.d[i & M] = word as u32;
            if base.is_none() && word != 0 {
                base = Some(i);
            }
            f = rest;
            i += 1;
        }
        self.sticky |= f != 0;
        if i > self.r {
            if was_zero {
                self.a = self.r;
            }
            self.z = i;
            self.trim();
        }
    }

    /// Multiplies by `m` (at most 2^30).
    pub(crate) fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for i in (self.a..self.z).rev() {
            let x = self.d[(i) & M] as u64 * m as u64 + carry;
            self.d[(i) & M] = (x % E9 as u64) as u32;
            carry = x / E9 as u64;
        }
        while carry != 0 {
            self.a -= 1;
            self.d[(self.a) & M] = (carry % E9 as u64) as u32;
            carry /= E9 as u64;
        }
        self.trim();
    }

    /// Multiplies by 2^k.
    pub(crate) fn mul_pow2(&mut self, mut k: u32) {
        while k > 0 {
            let sh = k.min(29);
            self.mul_small(1 << sh);
            k -= sh;
        }
    }

    /// Divides by 2^sh (sh <= 9) exactly, growing to the right.
    pub(crate) fn div_pow2_step(&mut self, sh: u32) {
        let mask = (1u32 << sh) - 1;
        let mut carry = 0u32;
        for i in self.a..self.z {
            let w = self.d[(i) & M];
            self.d[(i) & M] = (w >> sh) + carry;
            carry = (E9 >> sh) * (w & mask);
        }
        if carry != 0 {
            self.d[(self.z) & M] = carry;
            self.z += 1;
        }
        if self.a < self.z && self.d[(self.a) & M] == 0 {
            self.a += 1;
        }
    }

    /// Keeps at most the words before `end`, recording dropped non-zero words
    /// in `sticky`.
    pub(crate) fn cut(&mut self, end: usize) {
        if self.z > end {
            for i in end..self.z {
                if self.d[(i) & M] != 0 {
                    self.sticky = true;
                    self.d[(i) & M] = 0;
                }
            }
            self.z = end;
            if self.a >= self.z {
                self.a = self.r;
                self.z = self.r;
            }
        }
    }

    /// Decimal exponent of the leading digit (0 for zero).
    pub(crate) fn exp10(&self) -> i32 {
        if self.is_zero() {
            0
        } else {
            9 * (self.r as i32 - self.a as i32 - 1) + ndigits(self.d[(self.a) & M]) - 1
        }
    }

    /// The lowest place holding a non-zero digit (`None` for zero).
    pub(crate) fn lowest_place(&self) -> Option<i32> {
        if self.is_zero() {
            return None;
        }
        let w = self.z - 1;
        let mut v = self.d[(w) & M];
        // Trailing zeros of a non-zero word (at most 8), four at a time,
        // then two, then one.
        let mut tz = 0;
        while v.is_multiple_of(10_000) {
            v /= 10_000;
            tz += 4;
        }
        if v.is_multiple_of(100) {
            v /= 100;
            tz += 2;
        }
        if v.is_multiple_of(10) {
            tz += 1;
        }
        Some(9 * (self.r as i32 - 1 - w as i32) + tz)
    }

    /// Rounds to a multiple of 10^lo, ties to even, using `sticky` for what
    /// was cut off earlier.
    pub(crate) fn round_at(&mut self, lo: i32) {
        let wi = self.r as i32 - 1 - lo.div_euclid(9);
        if wi < 0 || wi >= N as i32 - 1 {
            return;
        }
        let w = wi as usize;
        // Nothing non-zero at or below the cut (but maybe `sticky`, which is
        // always less than half a unit of the places we keep): done.
        if self.is_zero() || self.z <= w {
            return;
        }
        let unit = POW10[lo.rem_euclid(9) as usize % 10];
        let (rem, half, mut i) = if unit > 1 {
            (self.d[(w) & M] % unit, unit / 2, w + 1)
        } else {
            (self.d[(w + 1) & M], E9 / 2, w + 2)
        };
        let mut rest = self.sticky;
        while !rest && i < self.z {
            rest = self.d[(i) & M] != 0;
            i += 1;
        }
        let odd = (self.d[(w) & M] / unit) & 1 != 0;
        let up = rem > half || (rem == half && (rest || odd));
        // Truncate below the cut.
        self.d[(w) & M] -= rem % unit;
        for i in w + 1..self.z {
            self.d[(i) & M] = 0;
        }
        self.sticky = false;
        self.z = w + 1;
        if self.a > w {
            self.a = w;
        }
        if up {
            let mut i = w;
            self.d[(i) & M] += unit;
            while self.d[(i) & M] >= E9 {
                self.d[(i) & M] -= E9;
                i -= 1;
                self.d[(i) & M] += 1;
            }
            self.a = self.a.min(i);
        }
        self.trim();
    }
}
