//! Wide strings (`wcs*`) and wide memory (`wmem*`): the `string.h`
//! functions over `wchar_t`. Comparisons are of `wchar_t` values (signed,
//! as in wasi-libc); collation is the C locale's (code point order).

use super::wchar_t;
use crate::header::locale::locale_t;
use crate::header::wctype::towlower;
use crate::platform::{c_int, size_t};

/// The wide character at `s + i`.
///
/// # Safety
/// `s + i` readable.
#[inline]
unsafe fn at(s: *const wchar_t, i: usize) -> wchar_t {
    // SAFETY: caller contract.
    unsafe { *s.add(i) }
}

/// [wcslen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcslen.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcslen(s: *const wchar_t) -> size_t {
    let mut n = 0;
    // SAFETY: up to the NUL.
    while unsafe { at(s, n) } != 0 {
        n += 1;
    }
    n
}

/// [wcsnlen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcslen.html)
///
/// # Safety
/// `s` valid up to its NUL or `max` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnlen(s: *const wchar_t, max: size_t) -> size_t {
    let mut n = 0;
    // SAFETY: up to the NUL or max.
    while n < max && unsafe { at(s, n) } != 0 {
        n += 1;
    }
    n
}

/// [wmemchr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemchr.html)
///
/// # Safety
/// `s` valid for `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemchr(s: *const wchar_t, c: wchar_t, n: size_t) -> *mut wchar_t {
    for i in 0..n {
        // SAFETY: i < n.
        if unsafe { at(s, i) } == c {
            // SAFETY: in bounds.
            return unsafe { s.add(i) } as *mut wchar_t;
        }
    }
    core::ptr::null_mut()
}

/// [wmemcmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemcmp.html)
///
/// # Safety
/// Both valid for `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcmp(a: *const wchar_t, b: *const wchar_t, n: size_t) -> c_int {
    for i in 0..n {
        // SAFETY: i < n.
        let (x, y) = unsafe { (at(a, i), at(b, i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
    }
    0
}

/// [wmemcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemcpy.html)
///
/// # Safety
/// `src` readable and `dst` writable for `n` characters, not overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcpy(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { crate::header::string::memcpy(dst.cast(), src.cast(), n * 4) };
    dst
}

/// [wmemmove](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemmove.html)
///
/// # Safety
/// `src` readable and `dst` writable for `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemmove(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { crate::header::string::memmove(dst.cast(), src.cast(), n * 4) };
    dst
}

/// [wmemset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wmemset.html)
///
/// # Safety
/// `dst` writable for `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemset(dst: *mut wchar_t, c: wchar_t, n: size_t) -> *mut wchar_t {
    for i in 0..n {
        // SAFETY: i < n.
        unsafe { *dst.add(i) = c };
    }
    dst
}

/// [wcscpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscpy.html)
///
/// # Safety
/// `src` NUL-terminated; `dst` large enough; no overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { wcpcpy(dst, src) };
    dst
}

/// [wcpcpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcpcpy.html):
/// returns the end of the copy (its NUL).
///
/// # Safety
/// As [`wcscpy`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpcpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    let mut i = 0;
    loop {
        // SAFETY: up to and including the NUL.
        let c = unsafe { at(src, i) };
        // SAFETY: caller contract.
        unsafe { *dst.add(i) = c };
        if c == 0 {
            // SAFETY: in bounds.
            return unsafe { dst.add(i) };
        }
        i += 1;
    }
}

/// [wcsncpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncpy.html)
///
/// # Safety
/// `src` valid up to its NUL or `n` characters; `dst` writable for `n`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncpy(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { wcpncpy(dst, src, n) };
    dst
}

/// [wcpncpy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcpncpy.html):
/// copies at most `n` characters, pads with NULs to `n`; returns the
/// first NUL written (or `dst + n`).
///
/// # Safety
/// As [`wcsncpy`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpncpy(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe {
        let len = wcsnlen(src, n);
        wmemcpy(dst, src, len);
        wmemset(dst.add(len), 0, n - len);
        dst.add(len)
    }
}

/// [wcscat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscat.html)
///
/// # Safety
/// Both NUL-terminated; `dst` large enough.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscat(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe { wcscpy(dst.add(wcslen(dst)), src) };
    dst
}

/// [wcsncat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncat.html)
///
/// # Safety
/// `dst` NUL-terminated with room for `n + 1` more; `src` valid up to its
/// NUL or `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncat(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe {
        let d = dst.add(wcslen(dst));
        let len = wcsnlen(src, n);
        wmemcpy(d, src, len);
        *d.add(len) = 0;
    }
    dst
}

/// [wcscmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscmp.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcsncmp(a, b, usize::MAX) }
}

/// [wcsncmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncmp.html)
///
/// # Safety
/// Both valid up to their NUL or `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncmp(a: *const wchar_t, b: *const wchar_t, n: size_t) -> c_int {
    for i in 0..n {
        // SAFETY: up to the first NUL or difference.
        let (x, y) = unsafe { (at(a, i), at(b, i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            break;
        }
    }
    0
}

/// Case-insensitive comparison through `towlower` (full Unicode, as musl).
///
/// # Safety
/// Both valid up to their NUL or `n` characters.
unsafe fn casecmp(a: *const wchar_t, b: *const wchar_t, n: size_t) -> c_int {
    for i in 0..n {
        // SAFETY: up to the first NUL or difference.
        let (x, y) = unsafe { (at(a, i), at(b, i)) };
        let (x, y) = (towlower(x as u32) as wchar_t, towlower(y as u32) as wchar_t);
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            break;
        }
    }
    0
}

/// [wcscasecmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscasecmp.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscasecmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { casecmp(a, b, usize::MAX) }
}

/// [wcsncasecmp](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncasecmp.html)
///
/// # Safety
/// Both valid up to their NUL or `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncasecmp(a: *const wchar_t, b: *const wchar_t, n: size_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { casecmp(a, b, n) }
}

/// [wcscasecmp_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscasecmp.html)
///
/// # Safety
/// As [`wcscasecmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscasecmp_l(a: *const wchar_t, b: *const wchar_t, l: locale_t) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { casecmp(a, b, usize::MAX) }
}

/// [wcsncasecmp_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsncasecmp.html)
///
/// # Safety
/// As [`wcsncasecmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncasecmp_l(
    a: *const wchar_t,
    b: *const wchar_t,
    n: size_t,
    l: locale_t,
) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { casecmp(a, b, n) }
}

/// [wcscoll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscoll.html):
/// `wcscmp` (C collation in every locale here).
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscoll(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcscmp(a, b) }
}

/// [wcscoll_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscoll.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscoll_l(a: *const wchar_t, b: *const wchar_t, l: locale_t) -> c_int {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { wcscmp(a, b) }
}

/// [wcsxfrm](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsxfrm.html):
/// a copy (C collation); returns `wcslen(src)`, copying only if it fits in
/// `n` characters with its NUL.
///
/// # Safety
/// `src` NUL-terminated; `dst` valid for `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsxfrm(dst: *mut wchar_t, src: *const wchar_t, n: size_t) -> size_t {
    // SAFETY: caller contract.
    unsafe {
        let len = wcslen(src);
        if len < n {
            wmemcpy(dst, src, len + 1);
        }
        len
    }
}

/// [wcsxfrm_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsxfrm.html)
///
/// # Safety
/// As [`wcsxfrm`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsxfrm_l(
    dst: *mut wchar_t,
    src: *const wchar_t,
    n: size_t,
    l: locale_t,
) -> size_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { wcsxfrm(dst, src, n) }
}

/// [wcschr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcschr.html)
/// (the terminating NUL can be found).
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcschr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    let mut i = 0;
    loop {
        // SAFETY: up to the NUL.
        let x = unsafe { at(s, i) };
        if x == c {
            // SAFETY: in bounds.
            return unsafe { s.add(i) } as *mut wchar_t;
        }
        if x == 0 {
            return core::ptr::null_mut();
        }
        i += 1;
    }
}

/// [wcsrchr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsrchr.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrchr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    let mut last = core::ptr::null_mut();
    let mut i = 0;
    loop {
        // SAFETY: up to the NUL.
        let x = unsafe { at(s, i) };
        if x == c {
            // SAFETY: in bounds.
            last = unsafe { s.add(i) } as *mut wchar_t;
        }
        if x == 0 {
            return last;
        }
        i += 1;
    }
}

/// Whether `c` is one of the characters of the NUL-terminated `set`.
///
/// # Safety
/// `set` NUL-terminated.
unsafe fn in_set(set: *const wchar_t, c: wchar_t) -> bool {
    let mut i = 0;
    loop {
        // SAFETY: up to the NUL.
        let x = unsafe { at(set, i) };
        if x == 0 {
            return false;
        }
        if x == c {
            return true;
        }
        i += 1;
    }
}

/// Length of the prefix of `s` whose characters are (`inside`) or are not
/// in `set`.
///
/// # Safety
/// Both NUL-terminated.
unsafe fn span(s: *const wchar_t, set: *const wchar_t, inside: bool) -> usize {
    let mut i = 0;
    loop {
        // SAFETY: up to the NUL.
        let c = unsafe { at(s, i) };
        // SAFETY: caller contract.
        if c == 0 || unsafe { in_set(set, c) } != inside {
            return i;
        }
        i += 1;
    }
}

/// [wcsspn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsspn.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsspn(s: *const wchar_t, accept: *const wchar_t) -> size_t {
    // SAFETY: forwarded contract.
    unsafe { span(s, accept, true) }
}

/// [wcscspn](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcscspn.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscspn(s: *const wchar_t, reject: *const wchar_t) -> size_t {
    // SAFETY: forwarded contract.
    unsafe { span(s, reject, false) }
}

/// [wcspbrk](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcspbrk.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcspbrk(s: *const wchar_t, accept: *const wchar_t) -> *mut wchar_t {
    // SAFETY: forwarded contract.
    unsafe {
        let p = s.add(span(s, accept, false));
        if *p == 0 {
            core::ptr::null_mut()
        } else {
            p as *mut wchar_t
        }
    }
}

/// [wcsstr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsstr.html)
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsstr(hay: *const wchar_t, needle: *const wchar_t) -> *mut wchar_t {
    // SAFETY: caller contract.
    let (h, n) = unsafe { (wcslen(hay), wcslen(needle)) };
    if n > h {
        return core::ptr::null_mut();
    }
    for i in 0..=h - n {
        // SAFETY: i + n <= h.
        if unsafe { wmemcmp(hay.add(i), needle, n) } == 0 {
            // SAFETY: in bounds.
            return unsafe { hay.add(i) } as *mut wchar_t;
        }
    }
    core::ptr::null_mut()
}

/// [wcswcs](https://pubs.opengroup.org/onlinepubs/7908799/xsh/wcswcs.html)
/// (XSI, withdrawn): `wcsstr`.
///
/// # Safety
/// Both NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcswcs(hay: *const wchar_t, needle: *const wchar_t) -> *mut wchar_t {
    // SAFETY: forwarded contract.
    unsafe { wcsstr(hay, needle) }
}

/// [wcstok](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstok.html)
///
/// # Safety
/// `s` NULL (continue from `*save`) or NUL-terminated and writable;
/// `delim` NUL-terminated; `save` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstok(
    s: *mut wchar_t,
    delim: *const wchar_t,
    save: *mut *mut wchar_t,
) -> *mut wchar_t {
    // SAFETY: caller contract.
    unsafe {
        let mut p = if s.is_null() { *save } else { s };
        if p.is_null() {
            return p;
        }
        p = p.add(span(p, delim, true));
        if *p == 0 {
            *save = core::ptr::null_mut();
            return core::ptr::null_mut();
        }
        let end = p.add(span(p, delim, false));
        if *end == 0 {
            *save = core::ptr::null_mut();
        } else {
            *end = 0;
            *save = end.add(1);
        }
        p
    }
}

/// [wcsdup](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsdup.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsdup(s: *const wchar_t) -> *mut wchar_t {
    // SAFETY: caller contract.
    let n = unsafe { wcslen(s) } + 1;
    let Some(bytes) = n.checked_mul(4) else {
        return core::ptr::null_mut();
    };
    let p = crate::header::stdlib::malloc(bytes).cast::<wchar_t>();
    if !p.is_null() {
        // SAFETY: p holds n characters.
        unsafe { wmemcpy(p, s, n) };
    }
    p
}
