//! `strtod_l`, `strtof_l`, `strtold_l` (glibc/BSD; libc++ uses them): the
//! decimal point is `.` in every locale here.

use crate::header::locale::locale_t;
use crate::platform::c_char;

/// [strtod_l](https://man7.org/linux/man-pages/man3/strtod.3.html): `strtod`
///
/// # Safety
/// As `strtod`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtod_l(s: *const c_char, end: *mut *mut c_char, l: locale_t) -> f64 {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strtod(s, end) }
}

/// [strtof_l](https://man7.org/linux/man-pages/man3/strtod.3.html): `strtof`
///
/// # Safety
/// As `strtof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtof_l(s: *const c_char, end: *mut *mut c_char, l: locale_t) -> f32 {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strtof(s, end) }
}

/// [strtold_l](https://man7.org/linux/man-pages/man3/strtod.3.html): `strtold`
///
/// # Safety
/// As `strtold`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtold_l(
    s: *const c_char,
    end: *mut *mut c_char,
    l: locale_t,
) -> crate::header::math::long_double {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strtold(s, end) }
}
