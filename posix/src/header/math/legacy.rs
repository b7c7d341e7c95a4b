//! Old BSD/SVID/GNU names in `math.h` that wasi-libc (musl) still exports:
//! `finite`, `drem`, `scalb`, `significand`, `pow10` and their `float`
//! (and `long double`) forms. Each is a thin layer over a C99 function.

use super::long_double;
use crate::platform::c_int;

/// [finite](https://man7.org/linux/man-pages/man3/finite.3.html) (BSD): non-zero if `x` is
/// neither infinite nor NaN (C99: `isfinite`)
#[unsafe(no_mangle)]
pub extern "C" fn finite(x: f64) -> c_int {
    x.is_finite() as c_int
}

/// [finitef](https://man7.org/linux/man-pages/man3/finite.3.html) (BSD)
#[unsafe(no_mangle)]
pub extern "C" fn finitef(x: f32) -> c_int {
    x.is_finite() as c_int
}

/// [drem](https://man7.org/linux/man-pages/man3/drem.3.html) (BSD): the old name of `remainder`
#[unsafe(no_mangle)]
pub extern "C" fn drem(x: f64, y: f64) -> f64 {
    super::double::remainder(x, y)
}

/// [dremf](https://man7.org/linux/man-pages/man3/drem.3.html) (BSD): `remainderf`
#[unsafe(no_mangle)]
pub extern "C" fn dremf(x: f32, y: f32) -> f32 {
    super::float::remainderf(x, y)
}

/// `scalb` on `double`; `float` goes through it exactly.
fn scalb_f64(x: f64, n: f64) -> f64 {
    if x.is_nan() || n.is_nan() {
        return x * n;
    }
    if n.is_infinite() {
        // x * inf, or x / inf: NaN for 0 * inf and inf / inf.
        return if n > 0.0 { x * n } else { x / -n };
    }
    if libm::rint(n) != n {
        // Not an integer: invalid.
        return f64::NAN;
    }
    // Beyond +-65000 every finite x has over- or underflowed.
    libm::scalbn(x, n.clamp(-65000.0, 65000.0) as i32)
}

/// [scalb](https://pubs.opengroup.org/onlinepubs/009695399/functions/scalb.html) (XSI, withdrawn
/// in POSIX.1-2008): `x * 2^n` for an integral `double` `n`; NaN when `n` is not an integer
#[unsafe(no_mangle)]
pub extern "C" fn scalb(x: f64, n: f64) -> f64 {
    scalb_f64(x, n)
}

/// [scalbf](https://man7.org/linux/man-pages/man3/scalb.3.html): `scalb` on `float`
#[unsafe(no_mangle)]
pub extern "C" fn scalbf(x: f32, n: f32) -> f32 {
    // Exact: the double result is the float scaled by a power of two
    // (never subnormal in double where a float result is not zero), rounded
    // once to float.
    scalb_f64(x as f64, n as f64) as f32
}

/// [significand](https://man7.org/linux/man-pages/man3/significand.3.html) (BSD): the mantissa
/// of `x` in `[1, 2)` (`scalb(x, -ilogb(x))`); zeros, infinities and NaN unchanged
#[unsafe(no_mangle)]
pub extern "C" fn significand(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    libm::scalbn(x, -libm::ilogb(x))
}

/// [significandf](https://man7.org/linux/man-pages/man3/significand.3.html) (BSD)
#[unsafe(no_mangle)]
pub extern "C" fn significandf(x: f32) -> f32 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    libm::scalbnf(x, -libm::ilogbf(x))
}

/// [pow10](https://man7.org/linux/man-pages/man3/pow10.3.html) (GNU): the old name of `exp10`
#[unsafe(no_mangle)]
pub extern "C" fn pow10(x: f64) -> f64 {
    super::double::exp10(x)
}

/// [pow10f](https://man7.org/linux/man-pages/man3/pow10.3.html) (GNU): `exp10f`
#[unsafe(no_mangle)]
pub extern "C" fn pow10f(x: f32) -> f32 {
    super::float::exp10f(x)
}

/// [pow10l](https://man7.org/linux/man-pages/man3/pow10.3.html) (GNU): `exp10l`
#[unsafe(no_mangle)]
pub extern "C" fn pow10l(x: long_double) -> long_double {
    super::long::exp10l(x)
}
