//! `math.h`, `long double` (IEEE binary128) functions. The exact ones
//! work on the bits; the others convert to `double`, use the `double`
//! function and convert back, so they are only as precise as `double`.

use super::f128::{self, Dir, from_f64, to_f64};
use super::long_double;
use crate::header::stdlib::F128;
use crate::platform::{c_char, c_int, c_long, c_longlong};

/// [acosl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acos.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn acosl(x: long_double) -> long_double {
    long_double(from_f64(super::double::acos(to_f64(x.0))))
}

/// [asinl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asin.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn asinl(x: long_double) -> long_double {
    long_double(from_f64(super::double::asin(to_f64(x.0))))
}

/// [atanl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn atanl(x: long_double) -> long_double {
    long_double(from_f64(super::double::atan(to_f64(x.0))))
}

/// [atan2l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atan2.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn atan2l(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::atan2(to_f64(x.0), to_f64(y.0))))
}

/// [cosl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cos.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn cosl(x: long_double) -> long_double {
    long_double(from_f64(super::double::cos(to_f64(x.0))))
}

/// [sinl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sin.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn sinl(x: long_double) -> long_double {
    long_double(from_f64(super::double::sin(to_f64(x.0))))
}

/// [tanl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tan.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn tanl(x: long_double) -> long_double {
    long_double(from_f64(super::double::tan(to_f64(x.0))))
}

/// [acoshl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/acosh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn acoshl(x: long_double) -> long_double {
    long_double(from_f64(super::double::acosh(to_f64(x.0))))
}

/// [asinhl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asinh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn asinhl(x: long_double) -> long_double {
    long_double(from_f64(super::double::asinh(to_f64(x.0))))
}

/// [atanhl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atanh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn atanhl(x: long_double) -> long_double {
    long_double(from_f64(super::double::atanh(to_f64(x.0))))
}

/// [coshl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cosh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn coshl(x: long_double) -> long_double {
    long_double(from_f64(super::double::cosh(to_f64(x.0))))
}

/// [sinhl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sinh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn sinhl(x: long_double) -> long_double {
    long_double(from_f64(super::double::sinh(to_f64(x.0))))
}

/// [tanhl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tanh.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn tanhl(x: long_double) -> long_double {
    long_double(from_f64(super::double::tanh(to_f64(x.0))))
}

/// [expl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn expl(x: long_double) -> long_double {
    long_double(from_f64(super::double::exp(to_f64(x.0))))
}

/// [exp2l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exp2.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn exp2l(x: long_double) -> long_double {
    long_double(from_f64(super::double::exp2(to_f64(x.0))))
}

/// [exp10l](https://man7.org/linux/man-pages/man3/exp10.3.html) (GNU)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn exp10l(x: long_double) -> long_double {
    long_double(from_f64(super::double::exp10(to_f64(x.0))))
}

/// [expm1l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/expm1.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn expm1l(x: long_double) -> long_double {
    long_double(from_f64(super::double::expm1(to_f64(x.0))))
}

/// [frexpl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/frexp.html)
/// Exact (binary128).
///
/// # Safety
/// `e` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexpl(x: long_double, e: *mut c_int) -> long_double {
    let (m, k) = f128::frexp(x.0);
    // SAFETY: caller contract.
    unsafe { *e = k };
    long_double(m)
}

/// [ilogbl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ilogb.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn ilogbl(x: long_double) -> c_int {
    f128::ilogb(x.0)
}

/// [ldexpl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ldexp.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn ldexpl(x: long_double, n: c_int) -> long_double {
    long_double(f128::scale(x.0, n as i64))
}

/// [logl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn logl(x: long_double) -> long_double {
    long_double(from_f64(super::double::log(to_f64(x.0))))
}

/// [log10l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log10.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn log10l(x: long_double) -> long_double {
    long_double(from_f64(super::double::log10(to_f64(x.0))))
}

/// [log1pl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log1p.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn log1pl(x: long_double) -> long_double {
    long_double(from_f64(super::double::log1p(to_f64(x.0))))
}

/// [log2l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/log2.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn log2l(x: long_double) -> long_double {
    long_double(from_f64(super::double::log2(to_f64(x.0))))
}

/// [logbl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/logb.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn logbl(x: long_double) -> long_double {
    super::logbl_bits(x)
}

/// [modfl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/modf.html)
/// Exact (binary128).
///
/// # Safety
/// `ip` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modfl(x: long_double, ip: *mut long_double) -> long_double {
    let (i, f) = f128::modf(x.0);
    // SAFETY: caller contract.
    unsafe { *ip = long_double(i) };
    long_double(f)
}

/// [scalbnl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbn.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn scalbnl(x: long_double, n: c_int) -> long_double {
    long_double(f128::scale(x.0, n as i64))
}

/// [scalblnl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scalbln.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn scalblnl(x: long_double, n: c_long) -> long_double {
    long_double(f128::scale(x.0, n as i64))
}

/// [cbrtl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/cbrt.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn cbrtl(x: long_double) -> long_double {
    long_double(from_f64(super::double::cbrt(to_f64(x.0))))
}

/// [fabsl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fabs.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn fabsl(x: long_double) -> long_double {
    long_double(x.0 & !f128::SIGN)
}

/// [hypotl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hypot.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn hypotl(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::hypot(to_f64(x.0), to_f64(y.0))))
}

/// [powl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pow.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn powl(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::pow(to_f64(x.0), to_f64(y.0))))
}

/// [sqrtl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sqrt.html)
/// Correctly rounded (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn sqrtl(x: long_double) -> long_double {
    long_double(f128::sqrt(x.0))
}

/// [erfl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erf.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn erfl(x: long_double) -> long_double {
    long_double(from_f64(super::double::erf(to_f64(x.0))))
}

/// [erfcl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/erfc.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn erfcl(x: long_double) -> long_double {
    long_double(from_f64(super::double::erfc(to_f64(x.0))))
}

/// [lgammal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lgamma.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn lgammal(x: long_double) -> long_double {
    long_double(from_f64(super::double::lgamma(to_f64(x.0))))
}

/// [lgammal_r](https://man7.org/linux/man-pages/man3/lgamma.3.html) (GNU): `lgamma` with the sign in `*sign`
/// Computed in `double` precision (see the module documentation).
///
/// # Safety
/// `sign` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgammal_r(x: long_double, sign: *mut c_int) -> long_double {
    let (v, s) = libm::lgamma_r(to_f64(x.0));
    // SAFETY: caller contract.
    unsafe { *sign = s };
    long_double(from_f64(v))
}

/// [tgammal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tgamma.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn tgammal(x: long_double) -> long_double {
    long_double(from_f64(super::double::tgamma(to_f64(x.0))))
}

/// [ceill](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ceil.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn ceill(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Ceil))
}

/// [floorl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/floor.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn floorl(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Floor))
}

/// [nearbyintl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nearbyint.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn nearbyintl(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Even))
}

/// [rintl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rint.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn rintl(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Even))
}

/// [lrintl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lrint.html)
/// Exact (binary128).
/// Out of range: saturated (NaN: the maximum), as glibc's `_Float128` functions.
#[unsafe(no_mangle)]
pub extern "C" fn lrintl(x: long_double) -> c_long {
    let r = f128::round_int(x.0, Dir::Even);
    match f128::to_i64(r).and_then(|v| c_long::try_from(v).ok()) {
        Some(v) => v,
        None if r >> 127 != 0 && !f128::is_nan(r) => c_long::MIN,
        None => c_long::MAX,
    }
}

/// [llrintl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llrint.html)
/// Exact (binary128).
/// Out of range: saturated (NaN: the maximum), as glibc's `_Float128` functions.
#[unsafe(no_mangle)]
pub extern "C" fn llrintl(x: long_double) -> c_longlong {
    let r = f128::round_int(x.0, Dir::Even);
    match f128::to_i64(r).and_then(|v| c_longlong::try_from(v).ok()) {
        Some(v) => v,
        None if r >> 127 != 0 && !f128::is_nan(r) => c_longlong::MIN,
        None => c_longlong::MAX,
    }
}

/// [roundl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/round.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn roundl(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Away))
}

/// [lroundl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lround.html)
/// Exact (binary128).
/// Out of range: saturated (NaN: the maximum), as glibc's `_Float128` functions.
#[unsafe(no_mangle)]
pub extern "C" fn lroundl(x: long_double) -> c_long {
    let r = f128::round_int(x.0, Dir::Away);
    match f128::to_i64(r).and_then(|v| c_long::try_from(v).ok()) {
        Some(v) => v,
        None if r >> 127 != 0 && !f128::is_nan(r) => c_long::MIN,
        None => c_long::MAX,
    }
}

/// [llroundl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/llround.html)
/// Exact (binary128).
/// Out of range: saturated (NaN: the maximum), as glibc's `_Float128` functions.
#[unsafe(no_mangle)]
pub extern "C" fn llroundl(x: long_double) -> c_longlong {
    let r = f128::round_int(x.0, Dir::Away);
    match f128::to_i64(r).and_then(|v| c_longlong::try_from(v).ok()) {
        Some(v) => v,
        None if r >> 127 != 0 && !f128::is_nan(r) => c_longlong::MIN,
        None => c_longlong::MAX,
    }
}

/// [truncl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/trunc.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn truncl(x: long_double) -> long_double {
    long_double(f128::round_int(x.0, Dir::Trunc))
}

/// [fmodl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmod.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn fmodl(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::fmod(to_f64(x.0), to_f64(y.0))))
}

/// [remainderl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remainder.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn remainderl(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::remainder(to_f64(x.0), to_f64(y.0))))
}

/// [remquol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remquo.html)
/// Computed in `double` precision (see the module documentation).
///
/// # Safety
/// `q` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquol(x: long_double, y: long_double, q: *mut c_int) -> long_double {
    let (r, k) = libm::remquo(to_f64(x.0), to_f64(y.0));
    // SAFETY: caller contract.
    unsafe { *q = k };
    long_double(from_f64(r))
}

/// [copysignl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/copysign.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn copysignl(x: long_double, y: long_double) -> long_double {
    long_double((x.0 & !f128::SIGN) | (y.0 & f128::SIGN))
}

/// [nanl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nan.html)
/// Exact (binary128).
///
/// # Safety
/// `tag` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanl(tag: *const c_char) -> long_double {
    // SAFETY: caller contract.
    long_double(unsafe { super::nan_bits(tag, F128) })
}

/// [nextafterl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nextafter.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn nextafterl(x: long_double, y: long_double) -> long_double {
    long_double(f128::next_after(x.0, y.0))
}

/// [nexttowardl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nexttoward.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn nexttowardl(x: long_double, y: long_double) -> long_double {
    long_double(f128::next_after(x.0, y.0))
}

/// [fdiml](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdim.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn fdiml(x: long_double, y: long_double) -> long_double {
    long_double(from_f64(super::double::fdim(to_f64(x.0), to_f64(y.0))))
}

/// [fmaxl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmax.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn fmaxl(x: long_double, y: long_double) -> long_double {
    long_double(f128::max_min(x.0, y.0, true))
}

/// [fminl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fmin.html)
/// Exact (binary128).
#[unsafe(no_mangle)]
pub extern "C" fn fminl(x: long_double, y: long_double) -> long_double {
    long_double(f128::max_min(x.0, y.0, false))
}

/// [fmal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fma.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn fmal(x: long_double, y: long_double, z: long_double) -> long_double {
    long_double(from_f64(libm::fma(to_f64(x.0), to_f64(y.0), to_f64(z.0))))
}

/// [j0l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j0.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn j0l(x: long_double) -> long_double {
    long_double(from_f64(super::double::j0(to_f64(x.0))))
}

/// [j1l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/j1.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn j1l(x: long_double) -> long_double {
    long_double(from_f64(super::double::j1(to_f64(x.0))))
}

/// [jnl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/jn.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn jnl(n: c_int, x: long_double) -> long_double {
    long_double(from_f64(libm::jn(n, to_f64(x.0))))
}

/// [y0l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y0.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn y0l(x: long_double) -> long_double {
    long_double(from_f64(super::double::y0(to_f64(x.0))))
}

/// [y1l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/y1.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn y1l(x: long_double) -> long_double {
    long_double(from_f64(super::double::y1(to_f64(x.0))))
}

/// [ynl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/yn.html)
/// Computed in `double` precision (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn ynl(n: c_int, x: long_double) -> long_double {
    long_double(from_f64(libm::yn(n, to_f64(x.0))))
}

/// [sincosl](https://man7.org/linux/man-pages/man3/sincos.3.html) (GNU)
/// Computed in `double` precision (see the module documentation).
///
/// # Safety
/// `s` and `c` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincosl(x: long_double, s: *mut long_double, c: *mut long_double) {
    let (sv, cv) = libm::sincos(to_f64(x.0));
    // SAFETY: caller contract.
    unsafe {
        *s = long_double(from_f64(sv));
        *c = long_double(from_f64(cv));
    }
}
