//! `wcstol` & co. and `wcstod` & co.: the narrow parsers (`strtol.rs`,
//! `strtod.rs`) run over the wide string's ASCII characters, after leading
//! white space in the sense of `iswspace` (as musl). A non-ASCII character
//! ends the number.

use super::wchar_t;
use crate::header::stdlib::{
    Parsed, ParsedInt, parse_f32, parse_f64, parse_f128, scan_int, set_errno, to_signed,
    to_unsigned,
};
use crate::header::wctype::iswspace;
use crate::platform::{c_int, c_long, c_longlong, c_ulong};
use core::ffi::c_ulonglong;
use libc_core::Errno;

/// The number of leading white-space characters of `s`.
///
/// # Safety
/// `s` NUL-terminated.
unsafe fn skip_space(s: *const wchar_t) -> usize {
    let mut i = 0;
    // SAFETY: stops at the NUL at the latest (NUL is not space).
    while iswspace(unsafe { *s.add(i) } as u32) != 0 {
        i += 1;
    }
    i
}

/// The byte a wide character stands for in a number: itself if ASCII,
/// else 0x80 (which continues nothing).
fn narrow(w: wchar_t) -> u8 {
    if (0..0x80).contains(&w) {
        w as u8
    } else {
        0x80
    }
}

/// Scans an integer and stores the end pointer.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid.
unsafe fn scan(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> Result<ParsedInt, Errno> {
    // SAFETY: caller contract.
    let sp = unsafe { skip_space(s) };
    // SAFETY: the scanner stops at the NUL at the latest and looks at most
    // two characters past one it accepted.
    let r = scan_int(|i| narrow(unsafe { *s.add(sp + i) }), base);
    if !end.is_null() {
        let len = r.as_ref().map_or(0, |p| p.len);
        let at = if len == 0 { 0 } else { sp + len };
        // SAFETY: within the string.
        unsafe { *end = s.add(at) as *mut wchar_t };
    }
    r
}

/// [wcstol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstol.html)
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstol(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> c_long {
    // SAFETY: caller contract.
    to_signed(unsafe { scan(s, end, base) }, c_long::MAX as u64) as c_long
}

/// [wcstoll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstol.html)
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstoll(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    base: c_int,
) -> c_longlong {
    // SAFETY: caller contract.
    to_signed(unsafe { scan(s, end, base) }, c_longlong::MAX as u64)
}

/// [wcstoul](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstoul.html)
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstoul(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    base: c_int,
) -> c_ulong {
    // SAFETY: caller contract.
    to_unsigned(unsafe { scan(s, end, base) }, c_ulong::MAX as u64) as c_ulong
}

/// [wcstoull](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstoul.html)
///
/// # Safety
/// As [`wcstol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstoull(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    base: c_int,
) -> c_ulonglong {
    // SAFETY: caller contract.
    to_unsigned(unsafe { scan(s, end, base) }, u64::MAX)
}

/// Runs a float parser on the ASCII characters after the white space,
/// stores the end pointer, sets `ERANGE`; returns the bits.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid.
unsafe fn parse_float(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
    parse: fn(&[u8]) -> Parsed,
) -> u128 {
    // SAFETY: caller contract.
    let sp = unsafe { skip_space(s) };
    // SAFETY: as above.
    let t = unsafe { s.add(sp) };
    let mut n = 0;
    // SAFETY: up to the NUL.
    while (1..0x80).contains(&unsafe { *t.add(n) }) {
        n += 1;
    }
    let mut small = [0u8; 128];
    let heap = if n > small.len() {
        let p = crate::header::stdlib::malloc(n).cast::<u8>();
        if p.is_null() {
            set_errno(Errno::ENOMEM);
            if !end.is_null() {
                // SAFETY: caller contract.
                unsafe { *end = s as *mut wchar_t };
            }
            return 0;
        }
        p
    } else {
        small.as_mut_ptr()
    };
    // SAFETY: `heap` holds n bytes; `t` n ASCII characters.
    let bytes = unsafe {
        for i in 0..n {
            *heap.add(i) = *t.add(i) as u8;
        }
        core::slice::from_raw_parts(heap, n)
    };
    let p = parse(bytes);
    if n > small.len() {
        // SAFETY: from malloc above.
        unsafe { crate::header::stdlib::free(heap.cast()) };
    }
    if p.erange {
        set_errno(Errno::ERANGE);
    }
    if !end.is_null() {
        let at = if p.len == 0 { 0 } else { sp + p.len };
        // SAFETY: within the string.
        unsafe { *end = s.add(at) as *mut wchar_t };
    }
    p.bits
}

/// [wcstod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstod.html):
/// correctly rounded, like `strtod`.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstod(s: *const wchar_t, end: *mut *mut wchar_t) -> f64 {
    // SAFETY: caller contract.
    f64::from_bits(unsafe { parse_float(s, end, parse_f64) } as u64)
}

/// [wcstof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstod.html)
///
/// # Safety
/// As [`wcstod`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstof(s: *const wchar_t, end: *mut *mut wchar_t) -> f32 {
    // SAFETY: caller contract.
    f32::from_bits(unsafe { parse_float(s, end, parse_f32) } as u32)
}

/// [wcstold](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcstod.html):
/// binary128 `long double`.
///
/// # Safety
/// As [`wcstod`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstold(
    s: *const wchar_t,
    end: *mut *mut wchar_t,
) -> crate::header::math::long_double {
    // SAFETY: caller contract.
    crate::header::math::long_double(unsafe { parse_float(s, end, parse_f128) })
}
