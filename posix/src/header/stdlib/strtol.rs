//! `strtol` and friends: integer parsing (also used by `inttypes.h`).

use crate::header::ctype::is_space;
use crate::platform::{c_char, c_int, c_long, c_longlong, c_ulong};
use core::ffi::c_ulonglong;
use libc_core::{Errno, OrMinusOneErrno};

/// Sets errno (through the crate's only errno writer) for functions that
/// report an error beside a valid result (`ERANGE` from `strtol`).
pub(crate) fn set_errno(e: Errno) {
    let _ = Err::<(), Errno>(e).or_minus_one_errno();
}

/// The value of a digit in bases up to 36.
fn digit(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some((b - b'0') as u32),
        b'a'..=b'z' => Some((b - b'a') as u32 + 10),
        b'A'..=b'Z' => Some((b - b'A') as u32 + 10),
        _ => None,
    }
}

/// The result of scanning an integer: sign, magnitude (saturated at
/// `u64::MAX` with `overflow` set), and the number of bytes consumed
/// (0 when there was no number).
pub(crate) struct ParsedInt {
    pub neg: bool,
    pub mag: u64,
    pub overflow: bool,
    pub len: usize,
}

/// Scans `[space][sign][prefix]digits` in `base` (0 or 2..=36) the way
/// `strtol` does; `Err(EINVAL)` for a bad base. `at(i)` returns the byte at
/// offset `i` (0 past the end), so this works on C strings and slices.
pub(crate) fn scan_int(at: impl Fn(usize) -> u8, base: c_int) -> Result<ParsedInt, Errno> {
    if base < 0 || base == 1 || base > 36 {
        return Err(Errno::EINVAL);
    }
    let mut base = base as u32;
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut neg = false;
    if at(i) == b'-' || at(i) == b'+' {
        neg = at(i) == b'-';
        i += 1;
    }
    let hex_prefix =
        at(i) == b'0' && at(i + 1) | 0x20 == b'x' && digit(at(i + 2)).is_some_and(|d| d < 16);
    if (base == 0 || base == 16) && hex_prefix {
        base = 16;
        i += 2;
    } else if base == 0 {
        base = if at(i) == b'0' { 8 } else { 10 };
    }
    let start = i;
    let (mut mag, mut overflow) = (0u64, false);
    while let Some(d) = digit(at(i)).filter(|&d| d < base) {
        match mag
            .checked_mul(base as u64)
            .and_then(|m| m.checked_add(d as u64))
        {
            Some(m) => mag = m,
            None => {
                overflow = true;
                mag = u64::MAX;
            }
        }
        i += 1;
    }
    let len = if i == start { 0 } else { i };
    Ok(ParsedInt {
        neg,
        mag,
        overflow,
        len,
    })
}

/// Scans the C string `s` and stores the end pointer.
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
unsafe fn scan(s: *const c_char, end: *mut *mut c_char, base: c_int) -> Result<ParsedInt, Errno> {
    // SAFETY: caller contract: the scanner stops at the first byte that
    // cannot continue a number, at the latest at the NUL, and never looks
    // more than two bytes past a byte it accepted (only after "0x").
    let r = scan_int(|i| unsafe { *s.add(i) as u8 }, base);
    if !end.is_null() {
        let len = r.as_ref().map_or(0, |p| p.len);
        // SAFETY: caller contract; `len` bytes were read.
        unsafe { *end = s.add(len) as *mut c_char };
    }
    r
}

/// Clamps a scanned number into a signed range `[-(max + 1), max]`.
pub(crate) fn to_signed(r: Result<ParsedInt, Errno>, max: u64) -> i64 {
    match r {
        Err(e) => {
            set_errno(e);
            0
        }
        Ok(p) => {
            let limit = if p.neg { max + 1 } else { max };
            if p.overflow || p.mag > limit {
                set_errno(Errno::ERANGE);
                if p.neg { -(max as i64) - 1 } else { max as i64 }
            } else if p.neg {
                (p.mag as i64).wrapping_neg()
            } else {
                p.mag as i64
            }
        }
    }
}

/// An unsigned result: `max` with `ERANGE` on overflow, negated (modulo
/// `max + 1`) for a minus sign.
pub(crate) fn to_unsigned(r: Result<ParsedInt, Errno>, max: u64) -> u64 {
    match r {
        Err(e) => {
            set_errno(e);
            0
        }
        Ok(p) => {
            if p.overflow || p.mag > max {
                set_errno(Errno::ERANGE);
                max
            } else if p.neg {
                p.mag.wrapping_neg() & max
            } else {
                p.mag
            }
        }
    }
}

/// [strtol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtol.html)
///
/// Base 0 or 2..=36 (`EINVAL` otherwise); out of range gives
/// `LONG_MIN`/`LONG_MAX` and `ERANGE`; `*end` points after the number (or
/// at `s` when there is none).
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: caller contract.
    to_signed(unsafe { scan(s, end, base) }, c_long::MAX as u64) as c_long
}

/// [strtoll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtol.html)
///
/// # Safety
/// As [`strtol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoll(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_longlong {
    // SAFETY: caller contract.
    to_signed(unsafe { scan(s, end, base) }, c_longlong::MAX as u64)
}

/// [strtoul](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoul.html)
///
/// A minus sign negates the value in the unsigned type; magnitudes above
/// `ULONG_MAX` give `ULONG_MAX` and `ERANGE`.
///
/// # Safety
/// As [`strtol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: caller contract.
    to_unsigned(unsafe { scan(s, end, base) }, c_ulong::MAX as u64) as c_ulong
}

/// [strtoull](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoul.html)
///
/// # Safety
/// As [`strtol`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoull(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> c_ulonglong {
    // SAFETY: caller contract.
    to_unsigned(unsafe { scan(s, end, base) }, u64::MAX)
}

/// [atoi](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atoi.html):
/// `(int)strtol(s, NULL, 10)`.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { strtol(s, core::ptr::null_mut(), 10) as c_int }
}

/// [atol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atol.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    // SAFETY: caller contract.
    unsafe { strtol(s, core::ptr::null_mut(), 10) }
}

/// [atoll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atol.html)
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    // SAFETY: caller contract.
    unsafe { strtoll(s, core::ptr::null_mut(), 10) }
}
