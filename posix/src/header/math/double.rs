//! `math.h`, `double` functions: the `libm` crate (a port of musl's
//! libm), plus the few it lacks.

use super::long_double;
use crate::header::stdlib::F64;
use crate::platform::{c_char, c_int, c_long, c_longlong};

/// [acos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acos.html)
#[unsafe(no_mangle)]
pub extern "C" fn acos(x: f64) -> f64 {
    libm::acos(x)
}

/// [asin](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asin.html)
#[unsafe(no_mangle)]
pub extern "C" fn asin(x: f64) -> f64 {
    libm::asin(x)
}

/// [atan](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan.html)
#[unsafe(no_mangle)]
pub extern "C" fn atan(x: f64) -> f64 {
    libm::atan(x)
}

/// [atan2](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan2.html)
#[unsafe(no_mangle)]
pub extern "C" fn atan2(x: f64, y: f64) -> f64 {
    libm::atan2(x, y)
}

/// [cos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cos.html)
#[unsafe(no_mangle)]
pub extern "C" fn cos(x: f64) -> f64 {
    libm::cos(x)
}

/// [sin](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sin.html)
#[unsafe(no_mangle)]
pub extern "C" fn sin(x: f64) -> f64 {
    libm::sin(x)
}

/// [tan](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tan.html)
#[unsafe(no_mangle)]
pub extern "C" fn tan(x: f64) -> f64 {
    libm::tan(x)
}

/// [acosh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acosh.html)
#[unsafe(no_mangle)]
pub extern "C" fn acosh(x: f64) -> f64 {
    libm::acosh(x)
}

/// [asinh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asinh.html)
#[unsafe(no_mangle)]
pub extern "C" fn asinh(x: f64) -> f64 {
    libm::asinh(x)
}

/// [atanh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atanh.html)
#[unsafe(no_mangle)]
pub extern "C" fn atanh(x: f64) -> f64 {
    libm::atanh(x)
}

/// [cosh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cosh.html)
#[unsafe(no_mangle)]
pub extern "C" fn cosh(x: f64) -> f64 {
    libm::cosh(x)
}

/// [sinh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sinh.html)
#[unsafe(no_mangle)]
pub extern "C" fn sinh(x: f64) -> f64 {
    libm::sinh(x)
}

/// [tanh](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tanh.html)
#[unsafe(no_mangle)]
pub extern "C" fn tanh(x: f64) -> f64 {
    libm::tanh(x)
}

/// [exp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp.html)
#[unsafe(no_mangle)]
pub extern "C" fn exp(x: f64) -> f64 {
    super::explog::exp(x)
}

/// [exp2](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp2.html)
#[unsafe(no_mangle)]
pub extern "C" fn exp2(x: f64) -> f64 {
    super::explog::exp2(x)
}

/// [exp10](https://man7.org/linux/man-pages/man3/exp10.3.html) (GNU)
#[unsafe(no_mangle)]
pub extern "C" fn exp10(x: f64) -> f64 {
    super::explog::exp10(x)
}

/// [expm1](https://pubs.opengroup.org/onlinepubs/9799919799/functions/expm1.html)
#[unsafe(no_mangle)]
pub extern "C" fn expm1(x: f64) -> f64 {
    super::explog::expm1(x)
}

/// [frexp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
///
/// # Safety
/// `e` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexp(x: f64, e: *mut c_int) -> f64 {
    let (m, k) = libm::frexp(x);
    // SAFETY: caller contract.
    unsafe { *e = k };
    m
}

/// [ilogb](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html)
/// `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`) for 0 and NaN, `INT_MAX` for infinity.
#[unsafe(no_mangle)]
pub extern "C" fn ilogb(x: f64) -> c_int {
    libm::ilogb(x)
}

/// [ldexp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldexp.html)
#[unsafe(no_mangle)]
pub extern "C" fn ldexp(x: f64, n: c_int) -> f64 {
    libm::ldexp(x, n)
}

/// [log](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log.html)
#[unsafe(no_mangle)]
pub extern "C" fn log(x: f64) -> f64 {
    super::explog::log(x)
}

/// [log10](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log10.html)
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    super::explog::log10(x)
}

/// [log1p](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log1p.html)
#[unsafe(no_mangle)]
pub extern "C" fn log1p(x: f64) -> f64 {
    super::explog::log1p(x)
}

/// [log2](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log2.html)
#[unsafe(no_mangle)]
pub extern "C" fn log2(x: f64) -> f64 {
    super::explog::log2(x)
}

/// [logb](https://pubs.opengroup.org/onlinepubs/9799919799/functions/logb.html)
#[unsafe(no_mangle)]
pub extern "C" fn logb(x: f64) -> f64 {
    super::logb_f64(x)
}

/// [modf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
///
/// # Safety
/// `ip` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modf(x: f64, ip: *mut f64) -> f64 {
    let (f, i) = libm::modf(x);
    // SAFETY: caller contract.
    unsafe { *ip = i };
    f
}

/// [scalbn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbn.html)
#[unsafe(no_mangle)]
pub extern "C" fn scalbn(x: f64, n: c_int) -> f64 {
    libm::scalbn(x, n)
}

/// [scalbln](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbln.html)
/// (`long` is `int` on wasm32.)
#[unsafe(no_mangle)]
pub extern "C" fn scalbln(x: f64, n: c_long) -> f64 {
    libm::scalbn(x, n)
}

/// [cbrt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cbrt.html)
#[unsafe(no_mangle)]
pub extern "C" fn cbrt(x: f64) -> f64 {
    libm::cbrt(x)
}

/// [fabs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fabs.html)
#[unsafe(no_mangle)]
pub extern "C" fn fabs(x: f64) -> f64 {
    x.abs()
}

/// [hypot](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hypot.html)
#[unsafe(no_mangle)]
pub extern "C" fn hypot(x: f64, y: f64) -> f64 {
    libm::hypot(x, y)
}

/// [pow](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pow.html)
#[unsafe(no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    super::explog::pow(x, y)
}

/// [sqrt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sqrt.html)
#[unsafe(no_mangle)]
pub extern "C" fn sqrt(x: f64) -> f64 {
    libm::sqrt(x)
}

/// [erf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erf.html)
#[unsafe(no_mangle)]
pub extern "C" fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// [erfc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erfc.html)
#[unsafe(no_mangle)]
pub extern "C" fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

/// [lgamma](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lgamma.html)
#[unsafe(no_mangle)]
pub extern "C" fn lgamma(x: f64) -> f64 {
    super::with_signgam(libm::lgamma_r(x))
}

/// [lgamma_r](https://man7.org/linux/man-pages/man3/lgamma.3.html) (GNU): `lgamma` with the sign in `*sign`
///
/// # Safety
/// `sign` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgamma_r(x: f64, sign: *mut c_int) -> f64 {
    let (v, s) = libm::lgamma_r(x);
    // SAFETY: caller contract.
    unsafe { *sign = s };
    v
}

/// [tgamma](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tgamma.html)
#[unsafe(no_mangle)]
pub extern "C" fn tgamma(x: f64) -> f64 {
    libm::tgamma(x)
}

/// [ceil](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ceil.html)
#[unsafe(no_mangle)]
pub extern "C" fn ceil(x: f64) -> f64 {
    libm::ceil(x)
}

/// [floor](https://pubs.opengroup.org/onlinepubs/9799919799/functions/floor.html)
#[unsafe(no_mangle)]
pub extern "C" fn floor(x: f64) -> f64 {
    libm::floor(x)
}

/// [nearbyint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nearbyint.html)
#[unsafe(no_mangle)]
pub extern "C" fn nearbyint(x: f64) -> f64 {
    libm::rint(x)
}

/// [rint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rint.html)
#[unsafe(no_mangle)]
pub extern "C" fn rint(x: f64) -> f64 {
    libm::rint(x)
}

/// [lrint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrint.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn lrint(x: f64) -> c_long {
    super::to_int::<c_long>(libm::rint(x) as f64)
}

/// [llrint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llrint.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn llrint(x: f64) -> c_longlong {
    super::to_int::<c_longlong>(libm::rint(x) as f64)
}

/// [round](https://pubs.opengroup.org/onlinepubs/9799919799/functions/round.html)
#[unsafe(no_mangle)]
pub extern "C" fn round(x: f64) -> f64 {
    libm::round(x)
}

/// [lround](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lround.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn lround(x: f64) -> c_long {
    super::to_int::<c_long>(libm::round(x) as f64)
}

/// [llround](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llround.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn llround(x: f64) -> c_longlong {
    super::to_int::<c_longlong>(libm::round(x) as f64)
}

/// [trunc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/trunc.html)
#[unsafe(no_mangle)]
pub extern "C" fn trunc(x: f64) -> f64 {
    libm::trunc(x)
}

/// [fmod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmod.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmod(x: f64, y: f64) -> f64 {
    libm::fmod(x, y)
}

/// [remainder](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remainder.html)
#[unsafe(no_mangle)]
pub extern "C" fn remainder(x: f64, y: f64) -> f64 {
    libm::remainder(x, y)
}

/// [remquo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remquo.html)
///
/// # Safety
/// `q` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquo(x: f64, y: f64, q: *mut c_int) -> f64 {
    let (r, k) = libm::remquo(x, y);
    // SAFETY: caller contract.
    unsafe { *q = k };
    r
}

/// [copysign](https://pubs.opengroup.org/onlinepubs/9799919799/functions/copysign.html)
#[unsafe(no_mangle)]
pub extern "C" fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// [nan](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nan.html)
/// `nan("n-char-sequence")` is `strtod("NAN(n-char-sequence)")`.
///
/// # Safety
/// `tag` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nan(tag: *const c_char) -> f64 {
    // SAFETY: caller contract.
    let b = unsafe { super::nan_bits(tag, F64) };
    f64::from_bits(b as u64)
}

/// [nextafter](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
#[unsafe(no_mangle)]
pub extern "C" fn nextafter(x: f64, y: f64) -> f64 {
    libm::nextafter(x, y)
}

/// [nexttoward](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html)
#[unsafe(no_mangle)]
pub extern "C" fn nexttoward(x: f64, y: long_double) -> f64 {
    match super::toward(x, y) {
        Some(up) => libm::nextafter(x, if up { f64::INFINITY } else { f64::NEG_INFINITY }),
        None if y.0 & !super::f128::SIGN > super::f128::INF => f64::NAN,
        None => x.copysign(if y.0 >> 127 != 0 { -1.0 } else { 1.0 }),
    }
}

/// [fdim](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdim.html)
#[unsafe(no_mangle)]
pub extern "C" fn fdim(x: f64, y: f64) -> f64 {
    libm::fdim(x, y)
}

/// [fmax](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmax.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmax(x: f64, y: f64) -> f64 {
    super::max_min(x, y, true)
}

/// [fmin](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmin.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmin(x: f64, y: f64) -> f64 {
    super::max_min(x, y, false)
}

/// [fma](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fma.html)
#[unsafe(no_mangle)]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// [j0](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j0.html)
#[unsafe(no_mangle)]
pub extern "C" fn j0(x: f64) -> f64 {
    libm::j0(x)
}

/// [j1](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j1.html)
#[unsafe(no_mangle)]
pub extern "C" fn j1(x: f64) -> f64 {
    libm::j1(x)
}

/// [jn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jn.html)
#[unsafe(no_mangle)]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    libm::jn(n, x)
}

/// [y0](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y0.html)
#[unsafe(no_mangle)]
pub extern "C" fn y0(x: f64) -> f64 {
    libm::y0(x)
}

/// [y1](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y1.html)
#[unsafe(no_mangle)]
pub extern "C" fn y1(x: f64) -> f64 {
    libm::y1(x)
}

/// [yn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/yn.html)
#[unsafe(no_mangle)]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    libm::yn(n, x)
}

/// [sincos](https://man7.org/linux/man-pages/man3/sincos.3.html) (GNU)
///
/// # Safety
/// `s` and `c` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sv, cv) = libm::sincos(x);
    // SAFETY: caller contract.
    unsafe {
        *s = sv;
        *c = cv;
    }
}
