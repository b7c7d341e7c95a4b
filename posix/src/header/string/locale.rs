//! The `_l` forms of `string.h` (POSIX.1-2008): C collation and the one
//! set of messages in every locale here.

use crate::header::locale::locale_t;
use crate::platform::{c_char, c_int, size_t};

/// [strcoll_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcoll.html): `strcmp`
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcoll_l(a: *const c_char, b: *const c_char, l: locale_t) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strcmp(a, b) }
}

/// [strxfrm_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strxfrm.html): `strxfrm`
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strxfrm_l(
    dst: *mut c_char,
    src: *const c_char,
    n: size_t,
    l: locale_t,
) -> size_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::strxfrm(dst, src, n) }
}

/// [strerror_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strerror.html): `strerror`
#[unsafe(no_mangle)]
pub extern "C" fn strerror_l(errnum: c_int, l: locale_t) -> *mut c_char {
    let _ = l;
    super::strerror(errnum)
}
