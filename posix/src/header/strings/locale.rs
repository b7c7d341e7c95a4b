//! The `_l` forms of `strings.h` (POSIX.1-2008): ASCII case folding in
//! every locale here.

use crate::header::locale::locale_t;
use crate::platform::{c_char, c_int, size_t};

/// [strcasecmp_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcasecmp.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasecmp_l(a: *const c_char, b: *const c_char, l: locale_t) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strcasecmp(a, b) }
}

/// [strncasecmp_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncasecmp.html)
///
/// # Safety
/// Both valid up to their NUL or `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncasecmp_l(
    a: *const c_char,
    b: *const c_char,
    n: size_t,
    l: locale_t,
) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strncasecmp(a, b, n) }
}
