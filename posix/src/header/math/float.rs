//! `math.h`, `float` functions: the `libm` crate, plus the few it lacks.

use super::long_double;
use crate::header::stdlib::F32;
use crate::platform::{c_char, c_int, c_long, c_longlong};

/// [acosf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acos.html)
#[unsafe(no_mangle)]
pub extern "C" fn acosf(x: f32) -> f32 {
    libm::acosf(x)
}

/// [asinf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asin.html)
#[unsafe(no_mangle)]
pub extern "C" fn asinf(x: f32) -> f32 {
    libm::asinf(x)
}

/// [atanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan.html)
#[unsafe(no_mangle)]
pub extern "C" fn atanf(x: f32) -> f32 {
    libm::atanf(x)
}

/// [atan2f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan2.html)
#[unsafe(no_mangle)]
pub extern "C" fn atan2f(x: f32, y: f32) -> f32 {
    libm::atan2f(x, y)
}

/// [cosf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cos.html)
#[unsafe(no_mangle)]
pub extern "C" fn cosf(x: f32) -> f32 {
    libm::cosf(x)
}

/// [sinf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sin.html)
#[unsafe(no_mangle)]
pub extern "C" fn sinf(x: f32) -> f32 {
    libm::sinf(x)
}

/// [tanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tan.html)
#[unsafe(no_mangle)]
pub extern "C" fn tanf(x: f32) -> f32 {
    libm::tanf(x)
}

/// [acoshf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acosh.html)
#[unsafe(no_mangle)]
pub extern "C" fn acoshf(x: f32) -> f32 {
    libm::acoshf(x)
}

/// [asinhf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asinh.html)
#[unsafe(no_mangle)]
pub extern "C" fn asinhf(x: f32) -> f32 {
    libm::asinhf(x)
}

/// [atanhf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atanh.html)
#[unsafe(no_mangle)]
pub extern "C" fn atanhf(x: f32) -> f32 {
    libm::atanhf(x)
}

/// [coshf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cosh.html)
#[unsafe(no_mangle)]
pub extern "C" fn coshf(x: f32) -> f32 {
    libm::coshf(x)
}

/// [sinhf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sinh.html)
#[unsafe(no_mangle)]
pub extern "C" fn sinhf(x: f32) -> f32 {
    libm::sinhf(x)
}

/// [tanhf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tanh.html)
#[unsafe(no_mangle)]
pub extern "C" fn tanhf(x: f32) -> f32 {
    libm::tanhf(x)
}

/// [expf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp.html)
#[unsafe(no_mangle)]
pub extern "C" fn expf(x: f32) -> f32 {
    super::explog::expf(x)
}

/// [exp2f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp2.html)
#[unsafe(no_mangle)]
pub extern "C" fn exp2f(x: f32) -> f32 {
    super::explog::exp2f(x)
}

/// [exp10f](https://man7.org/linux/man-pages/man3/exp10.3.html) (GNU)
#[unsafe(no_mangle)]
pub extern "C" fn exp10f(x: f32) -> f32 {
    super::explog::exp10f(x)
}

/// [expm1f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/expm1.html)
#[unsafe(no_mangle)]
pub extern "C" fn expm1f(x: f32) -> f32 {
    super::explog::expm1f(x)
}

/// [frexpf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
///
/// # Safety
/// `e` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexpf(x: f32, e: *mut c_int) -> f32 {
    let (m, k) = libm::frexpf(x);
    // SAFETY: caller contract.
    unsafe { *e = k };
    m
}

/// [ilogbf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html)
/// `FP_ILOGB0`/`FP_ILOGBNAN` (`INT_MIN`) for 0 and NaN, `INT_MAX` for infinity.
#[unsafe(no_mangle)]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    libm::ilogbf(x)
}

/// [ldexpf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldexp.html)
#[unsafe(no_mangle)]
pub extern "C" fn ldexpf(x: f32, n: c_int) -> f32 {
    libm::ldexpf(x, n)
}

/// [logf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log.html)
#[unsafe(no_mangle)]
pub extern "C" fn logf(x: f32) -> f32 {
    super::explog::logf(x)
}

/// [log10f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log10.html)
#[unsafe(no_mangle)]
pub extern "C" fn log10f(x: f32) -> f32 {
    super::explog::log10f(x)
}

/// [log1pf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log1p.html)
#[unsafe(no_mangle)]
pub extern "C" fn log1pf(x: f32) -> f32 {
    super::explog::log1pf(x)
}

/// [log2f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log2.html)
#[unsafe(no_mangle)]
pub extern "C" fn log2f(x: f32) -> f32 {
    super::explog::log2f(x)
}

/// [logbf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/logb.html)
#[unsafe(no_mangle)]
pub extern "C" fn logbf(x: f32) -> f32 {
    super::logb_f64(x as f64) as f32
}

/// [modff](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
///
/// # Safety
/// `ip` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modff(x: f32, ip: *mut f32) -> f32 {
    let (f, i) = libm::modff(x);
    // SAFETY: caller contract.
    unsafe { *ip = i };
    f
}

/// [scalbnf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbn.html)
#[unsafe(no_mangle)]
pub extern "C" fn scalbnf(x: f32, n: c_int) -> f32 {
    libm::scalbnf(x, n)
}

/// [scalblnf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbln.html)
/// (`long` is `int` on wasm32.)
#[unsafe(no_mangle)]
pub extern "C" fn scalblnf(x: f32, n: c_long) -> f32 {
    libm::scalbnf(x, n)
}

/// [cbrtf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cbrt.html)
#[unsafe(no_mangle)]
pub extern "C" fn cbrtf(x: f32) -> f32 {
    libm::cbrtf(x)
}

/// [fabsf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fabs.html)
#[unsafe(no_mangle)]
pub extern "C" fn fabsf(x: f32) -> f32 {
    x.abs()
}

/// [hypotf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hypot.html)
#[unsafe(no_mangle)]
pub extern "C" fn hypotf(x: f32, y: f32) -> f32 {
    libm::hypotf(x, y)
}

/// [powf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pow.html)
#[unsafe(no_mangle)]
pub extern "C" fn powf(x: f32, y: f32) -> f32 {
    super::explog::powf(x, y)
}

/// [sqrtf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sqrt.html)
#[unsafe(no_mangle)]
pub extern "C" fn sqrtf(x: f32) -> f32 {
    libm::sqrtf(x)
}

/// [erff](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erf.html)
#[unsafe(no_mangle)]
pub extern "C" fn erff(x: f32) -> f32 {
    libm::erff(x)
}

/// [erfcf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erfc.html)
#[unsafe(no_mangle)]
pub extern "C" fn erfcf(x: f32) -> f32 {
    libm::erfcf(x)
}

/// [lgammaf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lgamma.html)
#[unsafe(no_mangle)]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    super::with_signgam(libm::lgammaf_r(x))
}

/// [lgammaf_r](https://man7.org/linux/man-pages/man3/lgamma.3.html) (GNU): `lgamma` with the sign in `*sign`
///
/// # Safety
/// `sign` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (v, s) = libm::lgammaf_r(x);
    // SAFETY: caller contract.
    unsafe { *sign = s };
    v
}

/// [tgammaf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tgamma.html)
#[unsafe(no_mangle)]
pub extern "C" fn tgammaf(x: f32) -> f32 {
    libm::tgammaf(x)
}

/// [ceilf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ceil.html)
#[unsafe(no_mangle)]
pub extern "C" fn ceilf(x: f32) -> f32 {
    libm::ceilf(x)
}

/// [floorf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/floor.html)
#[unsafe(no_mangle)]
pub extern "C" fn floorf(x: f32) -> f32 {
    libm::floorf(x)
}

/// [nearbyintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nearbyint.html)
#[unsafe(no_mangle)]
pub extern "C" fn nearbyintf(x: f32) -> f32 {
    libm::rintf(x)
}

/// [rintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rint.html)
#[unsafe(no_mangle)]
pub extern "C" fn rintf(x: f32) -> f32 {
    libm::rintf(x)
}

/// [lrintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrint.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn lrintf(x: f32) -> c_long {
    super::to_int::<c_long>(libm::rintf(x) as f64)
}

/// [llrintf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llrint.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn llrintf(x: f32) -> c_longlong {
    super::to_int::<c_longlong>(libm::rintf(x) as f64)
}

/// [roundf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/round.html)
#[unsafe(no_mangle)]
pub extern "C" fn roundf(x: f32) -> f32 {
    libm::roundf(x)
}

/// [lroundf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lround.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn lroundf(x: f32) -> c_long {
    super::to_int::<c_long>(libm::roundf(x) as f64)
}

/// [llroundf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llround.html)
/// Out of range (or NaN): the type's minimum, as on x86.
#[unsafe(no_mangle)]
pub extern "C" fn llroundf(x: f32) -> c_longlong {
    super::to_int::<c_longlong>(libm::roundf(x) as f64)
}

/// [truncf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/trunc.html)
#[unsafe(no_mangle)]
pub extern "C" fn truncf(x: f32) -> f32 {
    libm::truncf(x)
}

/// [fmodf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmod.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmodf(x: f32, y: f32) -> f32 {
    libm::fmodf(x, y)
}

/// [remainderf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remainder.html)
#[unsafe(no_mangle)]
pub extern "C" fn remainderf(x: f32, y: f32) -> f32 {
    libm::remainderf(x, y)
}

/// [remquof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remquo.html)
///
/// # Safety
/// `q` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquof(x: f32, y: f32, q: *mut c_int) -> f32 {
    let (r, k) = libm::remquof(x, y);
    // SAFETY: caller contract.
    unsafe { *q = k };
    r
}

/// [copysignf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/copysign.html)
#[unsafe(no_mangle)]
pub extern "C" fn copysignf(x: f32, y: f32) -> f32 {
    x.copysign(y)
}

/// [nanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nan.html)
/// `nan("n-char-sequence")` is `strtod("NAN(n-char-sequence)")`.
///
/// # Safety
/// `tag` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanf(tag: *const c_char) -> f32 {
    // SAFETY: caller contract.
    let b = unsafe { super::nan_bits(tag, F32) };
    f32::from_bits(b as u32)
}

/// [nextafterf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
#[unsafe(no_mangle)]
pub extern "C" fn nextafterf(x: f32, y: f32) -> f32 {
    libm::nextafterf(x, y)
}

/// [nexttowardf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html)
#[unsafe(no_mangle)]
pub extern "C" fn nexttowardf(x: f32, y: long_double) -> f32 {
    match super::toward(f64::from(x), y) {
        Some(up) => libm::nextafterf(x, if up { f32::INFINITY } else { f32::NEG_INFINITY }),
        None if y.0 & !super::f128::SIGN > super::f128::INF => f32::NAN,
        None => x.copysign(if y.0 >> 127 != 0 { -1.0 } else { 1.0 }),
    }
}

/// [fdimf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdim.html)
#[unsafe(no_mangle)]
pub extern "C" fn fdimf(x: f32, y: f32) -> f32 {
    libm::fdimf(x, y)
}

/// [fmaxf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmax.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmaxf(x: f32, y: f32) -> f32 {
    super::max_min(x, y, true)
}

/// [fminf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmin.html)
#[unsafe(no_mangle)]
pub extern "C" fn fminf(x: f32, y: f32) -> f32 {
    super::max_min(x, y, false)
}

/// [fmaf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fma.html)
#[unsafe(no_mangle)]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    libm::fmaf(x, y, z)
}

/// [j0f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j0.html)
#[unsafe(no_mangle)]
pub extern "C" fn j0f(x: f32) -> f32 {
    libm::j0f(x)
}

/// [j1f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j1.html)
#[unsafe(no_mangle)]
pub extern "C" fn j1f(x: f32) -> f32 {
    libm::j1f(x)
}

/// [jnf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jn.html)
#[unsafe(no_mangle)]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 {
    libm::jnf(n, x)
}

/// [y0f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y0.html)
#[unsafe(no_mangle)]
pub extern "C" fn y0f(x: f32) -> f32 {
    libm::y0f(x)
}

/// [y1f](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y1.html)
#[unsafe(no_mangle)]
pub extern "C" fn y1f(x: f32) -> f32 {
    libm::y1f(x)
}

/// [ynf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/yn.html)
#[unsafe(no_mangle)]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 {
    libm::ynf(n, x)
}

/// [sincosf](https://man7.org/linux/man-pages/man3/sincos.3.html) (GNU)
///
/// # Safety
/// `s` and `c` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    let (sv, cv) = libm::sincosf(x);
    // SAFETY: caller contract.
    unsafe {
        *s = sv;
        *c = cv;
    }
}
