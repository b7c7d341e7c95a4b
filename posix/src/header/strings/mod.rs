//! `strings.h`: case-insensitive comparison (ASCII, the C locale) and the
//! legacy BSD memory/string functions.

use crate::header::string::{memmove, memset, strchr, strrchr};
use crate::platform::{c_char, c_int, c_long, c_longlong, c_void, size_t};

mod locale;
pub use locale::*;

fn lower(c: u8) -> u8 {
    c.to_ascii_lowercase()
}

/// [strcasecmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strcasecmp.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: forwarded contract; strncasecmp stops at the first NUL.
    unsafe { strncasecmp(a, b, usize::MAX) }
}

/// [strncasecmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strncasecmp.html)
///
/// # Safety
/// Both valid up to their NUL or `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: size_t) -> c_int {
    for i in 0..n {
        // SAFETY: caller contract; we stop at the first NUL.
        let (x, y) = unsafe { (lower(*a.add(i) as u8), lower(*b.add(i) as u8)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// [bzero](https://man7.org/linux/man-pages/man3/bzero.3.html) (legacy; use `memset`)
///
/// # Safety
/// `s` valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bzero(s: *mut c_void, n: size_t) {
    // SAFETY: forwarded contract.
    unsafe { memset(s, 0, n) };
}

/// [bcopy](https://man7.org/linux/man-pages/man3/bcopy.3.html) (legacy; `memmove`
/// with the arguments swapped)
///
/// # Safety
/// `src` readable and `dst` writable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcopy(src: *const c_void, dst: *mut c_void, n: size_t) {
    // SAFETY: forwarded contract.
    unsafe { memmove(dst, src, n) };
}

/// [index](https://man7.org/linux/man-pages/man3/index.3.html) (legacy `strchr`)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn index(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { strchr(s, c) }
}

/// [rindex](https://man7.org/linux/man-pages/man3/index.3.html) (legacy `strrchr`)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rindex(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { strrchr(s, c) }
}

/// [ffs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffs.html):
/// 1 + the index of the least significant set bit, 0 for 0.
#[unsafe(no_mangle)]
pub extern "C" fn ffs(i: c_int) -> c_int {
    if i == 0 {
        0
    } else {
        i.trailing_zeros() as c_int + 1
    }
}

/// [ffsl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffs.html)
#[unsafe(no_mangle)]
pub extern "C" fn ffsl(i: c_long) -> c_int {
    if i == 0 {
        0
    } else {
        i.trailing_zeros() as c_int + 1
    }
}

/// [ffsll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ffs.html)
#[unsafe(no_mangle)]
pub extern "C" fn ffsll(i: c_longlong) -> c_int {
    if i == 0 {
        0
    } else {
        i.trailing_zeros() as c_int + 1
    }
}
