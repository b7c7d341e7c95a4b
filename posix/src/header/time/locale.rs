//! `strftime_l` (POSIX.1-2008): the C locale's names and formats in every
//! locale here.

use super::tm;
use crate::header::locale::locale_t;
use crate::platform::{c_char, size_t};

/// [strftime_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strftime.html): `strftime`
///
/// # Safety
/// As `strftime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strftime_l(
    s: *mut c_char,
    max: size_t,
    fmt: *const c_char,
    t: *const tm,
    l: locale_t,
) -> size_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strftime(s, max, fmt, t) }
}
