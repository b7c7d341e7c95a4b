//! `stdlib.h`'s multibyte functions (`MB_CUR_MAX`, `mblen`, `mbtowc`,
//! `wctomb`, `mbstowcs`, `wcstombs`) over `wchar.h`'s restartable ones.

use crate::header::wchar::{ILSEQ, INCOMPLETE, mbsrtowcs, mbstate_t, wchar_t, wcrtomb, wcsrtombs};
use crate::platform::{c_char, c_int, size_t};
use libc_core::Errno;

/// `__ctype_get_mb_cur_max`: what `MB_CUR_MAX` expands to a call of (1 in
/// "C"/"POSIX", 4 in "C.UTF-8"; the name is glibc's and musl's).
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_get_mb_cur_max() -> size_t {
    crate::header::locale::mb_cur_max()
}

/// [mbtowc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbtowc.html):
/// stateless (0 for a NULL `s`); an incomplete character is `EILSEQ`.
///
/// # Safety
/// `s` NULL or valid for `n` bytes; `pwc` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbtowc(pwc: *mut wchar_t, s: *const c_char, n: size_t) -> c_int {
    if s.is_null() {
        return 0;
    }
    let mut st = mbstate_t::new();
    // SAFETY: caller contract.
    match unsafe { crate::header::wchar::mbrtowc_st(pwc, s, n, &mut st) } {
        ILSEQ => -1,
        INCOMPLETE => {
            crate::header::stdlib::set_errno(Errno::EILSEQ);
            -1
        }
        r => r as c_int,
    }
}

/// [mblen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mblen.html)
///
/// # Safety
/// `s` NULL or valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mblen(s: *const c_char, n: size_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { mbtowc(core::ptr::null_mut(), s, n) }
}

/// [wctomb](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctomb.html)
/// (0 for a NULL `s`: no encoding here has shift states).
///
/// # Safety
/// `s` NULL or valid for `MB_CUR_MAX` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: wchar_t) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: caller contract.
    unsafe { wcrtomb(s, wc, core::ptr::null_mut()) as c_int }
}

/// [mbstowcs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mbstowcs.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` NULL or valid for `n` wide characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbstowcs(dst: *mut wchar_t, src: *const c_char, n: size_t) -> size_t {
    let mut s = src;
    let mut st = mbstate_t::new();
    // SAFETY: caller contract.
    unsafe { mbsrtowcs(dst, &mut s, n, &mut st) }
}

/// [wcstombs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstombs.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` NULL or valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstombs(dst: *mut c_char, src: *const wchar_t, n: size_t) -> size_t {
    let mut s = src;
    let mut st = mbstate_t::new();
    // SAFETY: caller contract.
    unsafe { wcsrtombs(dst, &mut s, n, &mut st) }
}
