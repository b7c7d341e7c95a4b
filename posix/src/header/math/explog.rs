//! `exp`, `exp2`, `exp10`, `expm1`, `log`, `log2`, `log10`, `log1p` and `pow` (and
//! their `float` forms, which round the `double` result once), written for
//! this library: the `libm` crate ports FreeBSD's fdlibm code for these,
//! which is off by one ulp in about 1 % of `exp` and `pow` results; glibc
//! and current musl use table-driven algorithms instead. These are
//! table-driven too and carry about 17 extra bits (double-double
//! arithmetic, no FMA: WebAssembly has none), so the result is the
//! correctly rounded one except when the exact value lies within about
//! 2^-70 (relative) of a rounding boundary.
//!
//! Arithmetic: `two_sum`, `fast_two_sum` and `two_prod` (Veltkamp/Dekker)
//! give the exact rounding error of a sum or product. The tables and
//! constants come from `gen_explog.py` (80-digit decimal arithmetic, each
//! value rounded once), which also checks the bounds used below.
//!
//! **exp.** `x = k ln2/128 + r` with `k = round(x 128/ln2)`; `x - k*LN2N_HI`
//! is exact (35-bit constant, `|k| < 2^18`, Sterbenz), the rest of `ln2/128`
//! and any low part of the argument go into `r = rh + rl`, `|r| <= 0.00271`.
//! `exp(x) = 2^(k>>7) * T[k&127] * (1 + r + r^2/2 + ... + r^7/7!)` with `T`
//! `= 2^(j/128)` as a double plus a float tail (together within `2^-76` of
//! `T`). `T*r` and `T*r^2/2` are formed exactly; the remaining terms are
//! below `2^-26` of the result, so their rounding errors are below `2^-78`;
//! the series' truncation error is below `2^-83`. In all, the double-double
//! is within about `2^-75` of `exp(x)` (relative).
//! The scaled double-double is rounded once: in the subnormal range by
//! rounding `(h + l) 2^(m+1074)` to an integer exactly (`scale`), so there
//! is no double rounding.
//!
//! **log.** `x = 2^e m`, `m` in `[0.707, 1.414)`; the 7 fraction bits
//! under the leading bit pick `c = k/256` near `1/m` (`c = 1` for both
//! intervals next to 1), and `z = m c - 1` is computed exactly (`m` split
//! into 26 + 27 bits, products exact), `|z| <= 2^-7`;
//! `log x = e ln2 - log c + log1p(z)` with `log1p(z) = z - z^2/2 + z^3 (1/3 - z/4 + ... - z^8/11)`
//! (truncation below `2^-80 |z|`), `z^2` exact; `e ln2` from a 42-bit
//! constant (exact product) plus its tail; `-log c` from the table as a
//! double plus a float tail (within `2^-77` absolute). The largest rounding
//! error is that of the `z^3` term, `2^-53 |z|^3/3`: below `2^-68` relative
//! to the result when `e = 0`, `c = 1`, and below `2^-75` absolute
//! otherwise (the result then exceeds `2^-7`, or `ln2/2` when `e != 0`). `log2` and `log10`
//! multiply the double-double by `1/ln2` or `1/ln10` as double-doubles (so
//! `log2(2^n) = n` and `log10(10^n) = n` exactly), `log1p` forms `1 + x`
//! exactly as a double-double (or uses the series directly for
//! `|x| < 2^-7`).
//!
//! **pow.** `pow(x, y) = exp(y log|x|)` with `log|x|` as a double-double
//! and `y log|x|` formed exactly, then `exp` of the double-double argument;
//! the error of `y log|x|` (at most about `2^-75 |y log|x||`, `|y log|x||
//! <= 746`) becomes the relative error of the result. Special cases follow
//! C99 Annex F. Exact results halfway between two doubles (`x^n` an odd
//! 54-bit integer times a power of two, e.g. `pow(262143, 3)`, `pow(10,
//! 23)`) are found exactly for integer `n` in `[3, 54]` and rounded to even
//! (`pow_tie`); not for fractional `y` (`pow(a^2, 1.5)` with `a^3` such a
//! tie), which round by the sign of the approximation error. `exp10(23)` is
//! the one tie of `exp10`.
//!
//! **expm1.** Below `|x| < ln2/256` the series itself (`r + r^2/2` exactly,
//! the rest rounded); otherwise `exp(x)` as a double-double minus 1 (exact),
//! whose absolute error `2^-78` is below `2^-70` of `|expm1(x)| >= 0.0027`.

use super::explog_tables::*;

/// 1.5 * 2^52: adding it rounds a double below 2^51 to an integer.
const SHIFT: f64 = 6755399441055744.0;
const TWO52: f64 = 4503599627370496.0;

/// `a + b = s + e` exactly.
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `a + b = s + e` exactly when `|a| >= |b|` (or `a` is 0).
#[inline(always)]
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// Veltkamp split: `a = h + l`, each with at most 26 significant bits.
#[inline(always)]
fn split(a: f64) -> (f64, f64) {
    let c = 134217729.0 * a;
    let h = c - (c - a);
    (h, a - h)
}

/// `a * b = p + e` exactly (Dekker), for `|a|, |b| < 2^995`.
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

/// `2^m` for `m` in `[-1022, 1023]`.
#[inline(always)]
fn pow2(m: i32) -> f64 {
    f64::from_bits(((m + 1023) as u64) << 52)
}

/// `(h + l) * 2^m` rounded once, for a normalised double-double `h + l`
/// (`|l| <= ulp(h)/2`) with `h` in `[0.5, 2]`.
fn scale(h: f64, l: f64, m: i32) -> f64 {
    if m >= -1021 {
        let y = h + l;
        if m > 1023 {
            return y * pow2(1023) * pow2(m - 1023);
        }
        return y * pow2(m);
    }
    // Subnormal result: round (h + l) 2^(m+1074) to an integer n, exactly;
    // the result is n * 2^-1074.
    let s = m + 1074;
    if s < -1 {
        return 0.0;
    }
    let sc = pow2(s);
    let v = h * sc;
    let w = l * sc;
    let mut n = if v < TWO52 { (v + TWO52) - TWO52 } else { v };
    let f = v - n;
    let (up, dn) = (0.5 - f, -0.5 - f);
    let odd = (n as u64) & 1 == 1;
    if w > up || (w == up && odd) {
        n += 1.0;
    } else if w < dn || (w == dn && odd) {
        n -= 1.0;
    }
    n * f64::from_bits(1)
}

/// `exp(r) * 2^(k/128)` for `|r| <= 0.00271` as a normalised double-double
/// `(h, l)` and the binary exponent `m`: the value is `(h + l) 2^m`.
fn exp_core(k: i32, rh: f64, rl: f64) -> (f64, f64, i32) {
    let j = (k & 127) as usize;
    let (th, tl) = (EXP_HI[j], EXP_LO[j] as f64);
    let (r2h, r2l) = two_prod(rh, rh);
    let c = &EXP_C;
    // exp(r) = 1 + rh + r2h/2 + rest.
    let tail = r2h * rh * ((c[1] + rh * c[2]) + r2h * (c[3] + rh * c[4]) + r2h * r2h * c[5]);
    let rest = rl + rh * rl + 0.5 * r2l + tail;
    let (ph, pl) = two_prod(th, rh);
    let (qh, ql) = two_prod(th, 0.5 * r2h);
    let (h, e1) = fast_two_sum(th, ph);
    let (h, e2) = fast_two_sum(h, qh);
    let lo = e1 + e2 + pl + ql + th * rest + tl + tl * (rh + 0.5 * r2h);
    let (h, l) = fast_two_sum(h, lo);
    (h, l, k >> 7)
}

/// Argument reduction of `exp(th + tl)` for `|th| <= 746`: `(k, rh, rl)`.
#[inline(always)]
fn reduce(th: f64, tl: f64) -> (i32, f64, f64) {
    let kd = th * INV_LN2N + SHIFT;
    let k = kd.to_bits() as i32;
    let kf = kd - SHIFT;
    let a = th - kf * LN2N_HI;
    let b = tl - kf * LN2N_LO;
    let (rh, rl) = two_sum(a, b);
    (k, rh, rl)
}

/// `exp(th + tl)` for `|th| <= 746`, unscaled: `(h + l) 2^m`.
#[inline(always)]
fn exp_dd(th: f64, tl: f64) -> (f64, f64, i32) {
    let (k, rh, rl) = reduce(th, tl);
    exp_core(k, rh, rl)
}

/// `exp(th + tl)` for `|th| <= 746`, rounded once. Below `2^-40` the
/// value is `1 + t + t^2/2` and may lie a hair from a tie between `1` and a
/// neighbour; the sign of that hair decides, so it is kept exactly.
fn exp_round(th: f64, tl: f64) -> f64 {
    if th.abs() >= TINY {
        let (h, l, m) = exp_dd(th, tl);
        return scale(h, l, m);
    }
    let small = tl + 0.5 * th * th;
    let (s, e) = fast_two_sum(1.0, th);
    let (w, err) = two_sum(e, small);
    let r = s + w;
    if err != 0.0 && w != 0.0 {
        let away = s + 2.0 * w;
        // `w` is exactly half the gap to the neighbour in its direction.
        if away - s == 2.0 * w && (r == s || r == away) {
            return if (err > 0.0) == (w > 0.0) { away } else { s };
        }
    }
    r
}

/// 2^-40.
const TINY: f64 = 9.094947017729282e-13;

/// `exp`: see the module documentation.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 709.8 {
        if x.is_nan() {
            return x + x;
        }
        if x > 0.0 {
            return f64::INFINITY;
        }
        if x < -746.0 {
            return 0.0;
        }
    }
    exp_round(x, 0.0)
}

/// `exp2`: `x = k/128 + r` (exact), `exp(r ln2)` with `r ln2` as a
/// double-double.
pub fn exp2(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 1024.0 {
        if x.is_nan() {
            return x + x;
        }
        if x > 0.0 {
            return f64::INFINITY;
        }
        if x < -1076.0 {
            return 0.0;
        }
    }
    if x == 1024.0 {
        return f64::INFINITY;
    }
    if x.abs() < TINY {
        let (ph, pl) = two_prod(x, LN2_HI);
        return exp_round(ph, pl + x * LN2_LO);
    }
    let kd = x * 128.0 + SHIFT;
    let k = kd.to_bits() as i32;
    let r = x - (kd - SHIFT) * (1.0 / 128.0);
    let (ph, pl) = two_prod(r, LN2_HI);
    let (rh, rl) = fast_two_sum(ph, pl + r * LN2_LO);
    let (h, l, m) = exp_core(k, rh, rl);
    scale(h, l, m)
}

/// `exp10` (GNU): `exp(x ln10)` with `x ln10` as a double-double (so
/// `exp10(n)` is exact where `10^n` is a double).
pub fn exp10(x: f64) -> f64 {
    if x.is_nan() {
        return x + x;
    }
    let th = x * LN10_HI;
    if th > 709.8 {
        return f64::INFINITY;
    }
    if th < -746.0 {
        return 0.0;
    }
    if x == 23.0 {
        // 10^23 is the one exact tie between two doubles; ties go to even.
        return 1e23;
    }
    let (th, tl) = two_prod(x, LN10_HI);
    exp_round(th, tl + x * LN10_LO)
}

/// `expm1`: see the module documentation.
pub fn expm1(x: f64) -> f64 {
    if x.is_nan() || x.abs() > 709.8 {
        if x.is_nan() {
            return x + x;
        }
        return if x > 0.0 { f64::INFINITY } else { -1.0 };
    }
    if x < -40.0 {
        return -1.0;
    }
    if x.abs() < 5.6e-17 {
        return x;
    }
    let (k, rh, rl) = reduce(x, 0.0);
    if k == 0 {
        let (r2h, r2l) = two_prod(rh, rh);
        let c = &EXP_C;
        let tail = r2h * rh * ((c[1] + rh * c[2]) + r2h * (c[3] + rh * c[4]) + r2h * r2h * c[5]);
        let (h, e) = fast_two_sum(rh, 0.5 * r2h);
        return h + (e + (rl + rh * rl + 0.5 * r2l + tail));
    }
    let (h, l, m) = exp_core(k, rh, rl);
    if m > 1000 {
        return scale(h, l, m);
    }
    let (hh, ll) = (h * pow2(m), l * pow2(m));
    let (s, e) = two_sum(hh, -1.0);
    s + (e + ll)
}

/// `log1p(z)` for `z = zh + zl` exact, `|z| <= 2^-7`: a double-double.
#[inline(always)]
fn log1p_core(zh: f64, zl: f64) -> (f64, f64) {
    let (sh, sl) = two_prod(zh, zh);
    let c = &LOG_C;
    // Estrin's scheme (a shorter dependency chain than Horner's).
    let s2 = sh * sh;
    let p = (c[0] + zh * c[1])
        + sh * (c[2] + zh * c[3])
        + s2 * ((c[4] + zh * c[5]) + sh * (c[6] + zh * c[7]) + s2 * c[8]);
    let (h, e) = fast_two_sum(zh, -0.5 * sh);
    (h, e - 0.5 * sl + (zl - zh * zl) + zh * sh * p)
}

/// `log x` for positive finite `x` as a normalised double-double.
fn log_dd(x: f64) -> (f64, f64) {
    let mut ix = x.to_bits();
    let mut e = (ix >> 52) as i32 - 1023;
    if ix < 1 << 52 {
        ix = (x * TWO52).to_bits();
        e = (ix >> 52) as i32 - 1023 - 52;
    }
    let i = (ix >> 45) & 127;
    let mut mb = (ix & ((1 << 52) - 1)) | (1023 << 52);
    if i >= LOG_SPLIT {
        mb -= 1 << 52;
        e += 1;
    }
    let m = f64::from_bits(mb);
    let mh = f64::from_bits(mb & !((1 << 27) - 1));
    let i = i as usize;
    let (c, nlh, nll) = (
        (LOG_K[i] as f64 + 128.0) * (1.0 / 256.0),
        LOG_HI[i],
        LOG_LO[i] as f64,
    );
    let (zh, zl) = two_sum(mh * c - 1.0, (m - mh) * c);
    let (ph, pl) = log1p_core(zh, zl);
    let ef = e as f64;
    let (ah, al) = two_sum(ef * LN2_HI42, nlh);
    let (h, t) = two_sum(ah, ph);
    fast_two_sum(h, t + (al + ef * LN2_LO42 + nll + pl))
}

/// Special cases of the logarithms: `Some(result)` unless `x` is positive
/// and finite.
#[inline(always)]
fn log_special(x: f64) -> Option<f64> {
    if x > 0.0 && x < f64::INFINITY {
        None
    } else if x == 0.0 {
        Some(f64::NEG_INFINITY)
    } else if x < 0.0 {
        Some(f64::NAN)
    } else {
        Some(x + x)
    }
}

/// `(h + l) * (ch + cl)` rounded.
#[inline(always)]
fn mul_dd(h: f64, l: f64, ch: f64, cl: f64) -> f64 {
    let (p, e) = two_prod(h, ch);
    p + (e + (h * cl + l * ch))
}

/// `log`.
pub fn log(x: f64) -> f64 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (h, l) = log_dd(x);
    h + l
}

/// `log2`.
pub fn log2(x: f64) -> f64 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (h, l) = log_dd(x);
    mul_dd(h, l, INV_LN2_HI, INV_LN2_LO)
}

/// `log10`.
pub fn log10(x: f64) -> f64 {
    if let Some(r) = log_special(x) {
        return r;
    }
    let (h, l) = log_dd(x);
    mul_dd(h, l, INV_LN10_HI, INV_LN10_LO)
}

/// `log1p`.
pub fn log1p(x: f64) -> f64 {
    if !(x > -1.0 && x < f64::INFINITY) {
        return if x == -1.0 {
            f64::NEG_INFINITY
        } else if x < -1.0 {
            f64::NAN
        } else {
            x + x
        };
    }
    if x.abs() < 1e-18 {
        return x;
    }
    if x.abs() < 0.0078125 {
        let (h, l) = log1p_core(x, 0.0);
        return h + l;
    }
    let (uh, ul) = two_sum(1.0, x);
    let (h, l) = log_dd(uh);
    h + (l + ul / uh)
}

/// 0: `y` is not an integer; 1: an odd integer; 2: an even integer.
fn int_kind(y: f64) -> u8 {
    let a = y.abs();
    if a >= TWO52 * 2.0 {
        return 2;
    }
    let t = if a < TWO52 { (a + TWO52) - TWO52 } else { a };
    if t != a {
        0
    } else if (t as u64) & 1 == 1 {
        1
    } else {
        2
    }
}

/// `pow`: see the module documentation.
pub fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if y == 1.0 {
        return x;
    }
    if y == 2.0 {
        return x * x;
    }
    let ax = x.abs();
    if y.is_infinite() {
        return if ax == 1.0 {
            1.0
        } else if (ax < 1.0) == (y < 0.0) {
            f64::INFINITY
        } else {
            0.0
        };
    }
    let kind = int_kind(y);
    let neg = x.is_sign_negative() && kind == 1;
    let sign = if neg { -1.0 } else { 1.0 };
    if ax == 0.0 || ax == f64::INFINITY {
        // 0^y = 1/inf^y.
        let big = (ax == 0.0) == (y < 0.0);
        return sign * if big { f64::INFINITY } else { 0.0 };
    }
    if x < 0.0 && kind == 0 {
        return f64::NAN;
    }
    if ax == 1.0 {
        return sign;
    }
    if kind != 0
        && (3.0..=54.0).contains(&y)
        && let Some(r) = pow_tie(ax, y as u32)
    {
        return sign * r;
    }
    let (lh, ll) = log_dd(ax);
    let th = y * lh;
    if th > 709.8 {
        return sign * f64::INFINITY;
    }
    if th < -746.0 {
        return sign * 0.0;
    }
    sign * pow_dd(y, lh, ll)
}

/// `x^n` when it is exactly halfway between two doubles (an odd 54-bit
/// integer times a power of two; `n` in `[3, 54]`, `x` normal): the
/// approximation cannot tell which way such a tie goes, the conversion of
/// the exact integer rounds it to even.
fn pow_tie(x: f64, n: u32) -> Option<f64> {
    let b = x.to_bits();
    let be = (b >> 52) as i32;
    if be == 0 {
        return None;
    }
    let m = (b & ((1 << 52) - 1)) | (1 << 52);
    let tz = m.trailing_zeros();
    let mo = m >> tz;
    let bits = 64 - mo.leading_zeros();
    if bits < 2 || (bits - 1) * n + 1 > 54 || bits * n < 54 {
        return None;
    }
    let mut p: u64 = 1;
    for _ in 0..n {
        p = p.checked_mul(mo)?;
    }
    if 64 - p.leading_zeros() != 54 {
        return None;
    }
    // x = mo 2^e2; the result p 2^(e2 n) must be normal.
    let e = (be - 1075 + tz as i32) * n as i32;
    if !(-1022 - 53..=1023 - 54).contains(&e) {
        return None;
    }
    Some(p as f64 * pow2(e / 2) * pow2(e - e / 2))
}

/// `exp(y (lh + ll))` for `|y lh| <= 746`.
#[inline(always)]
fn pow_dd(y: f64, lh: f64, ll: f64) -> f64 {
    let (th, tl) = two_prod(y, lh);
    exp_round(th, tl + y * ll)
}

/// `expf`: the `double` result rounded (the rounding is correct unless the
/// exact value is within 2^-28 ulp of a `float` rounding boundary).
pub fn expf(x: f32) -> f32 {
    exp(x as f64) as f32
}

/// `exp2f`, as [`expf`].
pub fn exp2f(x: f32) -> f32 {
    exp2(x as f64) as f32
}

/// `exp10f`, as [`expf`].
pub fn exp10f(x: f32) -> f32 {
    exp10(x as f64) as f32
}

/// `expm1f`, as [`expf`].
pub fn expm1f(x: f32) -> f32 {
    expm1(x as f64) as f32
}

/// `logf`, as [`expf`].
pub fn logf(x: f32) -> f32 {
    log(x as f64) as f32
}

/// `log2f`, as [`expf`].
pub fn log2f(x: f32) -> f32 {
    log2(x as f64) as f32
}

/// `log10f`, as [`expf`].
pub fn log10f(x: f32) -> f32 {
    log10(x as f64) as f32
}

/// `log1pf`, as [`expf`].
pub fn log1pf(x: f32) -> f32 {
    log1p(x as f64) as f32
}

/// `powf`, as [`expf`] (`float` arguments are exact in `double`).
pub fn powf(x: f32, y: f32) -> f32 {
    pow(x as f64, y as f64) as f32
}
