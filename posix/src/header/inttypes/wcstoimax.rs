//! `wcstoimax`, `wcstoumax`: `wcstoll`/`wcstoull` (`intmax_t` is `long long`).

use super::{intmax_t, uintmax_t};
use crate::header::wchar::{wchar_t, wcstoll, wcstoull};
use crate::platform::c_int;

/// [wcstoimax](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstoimax.html)
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstoimax(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    base: c_int,
) -> intmax_t {
    // SAFETY: caller contract.
    unsafe { wcstoll(s, end, base) }
}

/// [wcstoumax](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstoimax.html)
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstoumax(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    base: c_int,
) -> uintmax_t {
    // SAFETY: caller contract.
    unsafe { wcstoull(s, end, base) }
}
