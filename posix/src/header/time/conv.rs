//! Broken-down time: `struct tm`, `gmtime`, `localtime` (UTC), `mktime`,
//! `timegm`, `asctime`, `ctime`, `difftime`, `clock`, `tzset`.
//!
//! WASI has no time zones: local time is UTC (`localtime` sets `tm_zone`
//! to `"UTC"`; `gmtime` sets `"GMT"`, as glibc does).

use super::strftime::Out;
use crate::header::stdlib::set_errno;
use crate::platform::{c_char, c_int, c_long, time_t};
use core::ffi::c_double;
use libc_core::single::Single;
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Errno, Pal, Sys};

/// `struct tm` (with POSIX 2024's `tm_gmtoff` and `tm_zone`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
    /// Seconds east of UTC (always 0).
    pub tm_gmtoff: c_long,
    /// Time zone abbreviation.
    pub tm_zone: *const c_char,
}

impl tm {
    const ZERO: tm = tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: core::ptr::null(),
    };
}

/// Days since 1970-01-01 of a proleptic Gregorian date (`m` 1..=12).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number: (year, month 1..=12, day 1..=31).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// Breaks `t` down into UTC fields; `None` if the year does not fit `int`.
pub(crate) fn breakdown(t: i64, zone: &'static core::ffi::CStr) -> Option<tm> {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let year = c_int::try_from(y - 1900).ok()?;
    Some(tm {
        tm_sec: (secs % 60) as c_int,
        tm_min: (secs / 60 % 60) as c_int,
        tm_hour: (secs / 3600) as c_int,
        tm_mday: d as c_int,
        tm_mon: (m - 1) as c_int,
        tm_year: year,
        tm_wday: (days + 4).rem_euclid(7) as c_int,
        tm_yday: (days - days_from_civil(y, 1, 1)) as c_int,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: zone.as_ptr(),
    })
}

/// Seconds since the epoch of UTC fields, normalizing out-of-range ones
/// (`tm_mon = 14`, `tm_mday = 0`, negative seconds, ...).
pub(crate) fn seconds(t: &tm) -> i64 {
    let mon = t.tm_mon as i64;
    let year = t.tm_year as i64 + 1900 + mon.div_euclid(12);
    let days = days_from_civil(year, mon.rem_euclid(12) + 1, 1) + t.tm_mday as i64 - 1;
    days * 86400 + t.tm_hour as i64 * 3600 + t.tm_min as i64 * 60 + t.tm_sec as i64
}

static TM: Single<tm> = Single::new(tm::ZERO);

/// `gmtime_r`/`localtime_r` body: `EOVERFLOW` and NULL if the year does
/// not fit.
///
/// # Safety
/// `t` valid for a read; `out` valid for a write.
unsafe fn to_tm(t: *const time_t, out: *mut tm, zone: &'static core::ffi::CStr) -> *mut tm {
    // SAFETY: caller contract.
    match breakdown(unsafe { *t }, zone) {
        Some(v) => {
            // SAFETY: caller contract.
            unsafe { *out = v };
            out
        }
        None => {
            set_errno(Errno::EOVERFLOW);
            core::ptr::null_mut()
        }
    }
}

/// [gmtime_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gmtime_r.html)
///
/// # Safety
/// `t` valid for a read; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    // SAFETY: caller contract.
    unsafe { to_tm(t, out, c"GMT") }
}

/// [gmtime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gmtime.html):
/// [`gmtime_r`] into a static `struct tm` shared with `localtime`.
///
/// # Safety
/// `t` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime(t: *const time_t) -> *mut tm {
    // SAFETY: caller contract; TM is the library's own static.
    unsafe { gmtime_r(t, TM.get()) }
}

/// [localtime_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localtime_r.html):
/// local time is UTC (`tm_zone` `"UTC"`).
///
/// # Safety
/// `t` valid for a read; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    // SAFETY: caller contract.
    unsafe { to_tm(t, out, c"UTC") }
}

/// [localtime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localtime.html)
///
/// # Safety
/// `t` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime(t: *const time_t) -> *mut tm {
    // SAFETY: caller contract; TM is the library's own static.
    unsafe { localtime_r(t, TM.get()) }
}

/// Normalizes `*t` in place and returns its time, or -1 with `EOVERFLOW`.
///
/// # Safety
/// `t` valid for reads and writes.
unsafe fn normalize(t: *mut tm, zone: &'static core::ffi::CStr) -> time_t {
    // SAFETY: caller contract.
    let secs = seconds(unsafe { &*t });
    match breakdown(secs, zone) {
        Some(v) => {
            // SAFETY: caller contract.
            unsafe { *t = v };
            secs
        }
        None => {
            set_errno(Errno::EOVERFLOW);
            -1
        }
    }
}

/// [mktime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mktime.html):
/// local time is UTC, so this is [`timegm`] (`tm_isdst` is set to 0).
///
/// # Safety
/// `t` valid for reads and writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mktime(t: *mut tm) -> time_t {
    // SAFETY: caller contract.
    unsafe { normalize(t, c"UTC") }
}

/// [timegm](https://man7.org/linux/man-pages/man3/timegm.3.html) (POSIX 2024):
/// the inverse of `gmtime`; normalizes the fields of `*t`.
///
/// # Safety
/// `t` valid for reads and writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timegm(t: *mut tm) -> time_t {
    // SAFETY: caller contract.
    unsafe { normalize(t, c"GMT") }
}

/// [difftime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/difftime.html)
#[unsafe(no_mangle)]
pub extern "C" fn difftime(t1: time_t, t0: time_t) -> c_double {
    (t1 as i128 - t0 as i128) as f64
}

/// `clock_t`: [`clock`]'s unit is 1/`CLOCKS_PER_SEC` s.
pub type clock_t = i64;
/// Units of [`clock`] per second (XSI requires one million).
pub const CLOCKS_PER_SEC: clock_t = 1000000;

/// Monotonic time of the first [`clock`] call.
pub(crate) static CLOCK_START: libc_core::shared::Shared<Option<u64>> =
    libc_core::shared::Shared::new(None);

/// [clock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock.html)
///
/// WASI has no CPU-time clock: this is the monotonic (wall) time since the
/// first call of `clock` (so the first call returns about 0), in
/// microseconds; differences between calls measure elapsed time. `-1` if
/// the clock cannot be read.
#[unsafe(no_mangle)]
pub extern "C" fn clock() -> clock_t {
    match Sys::clock_time(Clock::Monotonic) {
        Ok(now) => {
            let start = CLOCK_START.load().unwrap_or(now);
            CLOCK_START.store(Some(start));
            ((now - start) / (NANOS_PER_SEC / CLOCKS_PER_SEC as u64)) as clock_t
        }
        Err(_) => -1,
    }
}

/// Time zone names (`tzset`): always UTC.
#[unsafe(no_mangle)]
pub static mut tzname: [*mut c_char; 2] = [
    c"UTC".as_ptr() as *mut c_char,
    c"UTC".as_ptr() as *mut c_char,
];
/// Seconds west of UTC (`tzset`): 0.
#[unsafe(no_mangle)]
pub static mut timezone: c_long = 0;
/// Nonzero if a daylight-saving rule exists (`tzset`): 0.
#[unsafe(no_mangle)]
pub static mut daylight: c_int = 0;

/// [tzset](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tzset.html):
/// nothing to do (`TZ` is not consulted; local time is UTC).
#[unsafe(no_mangle)]
pub extern "C" fn tzset() {}

const DAYS: [&[u8; 3]; 7] = [b"Sun", b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat"];
const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// glibc's asctime: `"%.3s %.3s%3d %.2d:%.2d:%.2d %d\n"` (`???` for
/// out-of-range names); false if it does not fit in `out`.
fn format_asctime(t: &tm, out: &mut Out) -> bool {
    let name = |i: c_int, names: &[&'static [u8; 3]]| -> &'static [u8] {
        usize::try_from(i)
            .ok()
            .and_then(|i| names.get(i))
            .map_or(b"???", |n| &n[..])
    };
    out.bytes(name(t.tm_wday, &DAYS));
    out.bytes(b" ");
    out.bytes(name(t.tm_mon, &MONTHS));
    out.int(t.tm_mday as i64, 3, b' ');
    for (i, v) in [t.tm_hour, t.tm_min, t.tm_sec].into_iter().enumerate() {
        out.bytes(if i == 0 { b" " } else { b":" });
        out.int(v as i64, 2, b'0');
    }
    out.bytes(b" ");
    out.int(t.tm_year as i64 + 1900, 1, b'0');
    out.bytes(b"\n");
    out.finish()
}

/// [asctime_r](https://man7.org/linux/man-pages/man3/asctime.3.html)
/// (obsolescent): into a 26-byte `buf`; NULL with `EOVERFLOW` if it does
/// not fit (years beyond 9999).
///
/// # Safety
/// `t` valid for a read; `buf` valid for 26 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime_r(t: *const tm, buf: *mut c_char) -> *mut c_char {
    // SAFETY: caller contract.
    let mut out = unsafe { Out::new(buf.cast(), 26) };
    // SAFETY: caller contract.
    if format_asctime(unsafe { &*t }, &mut out) {
        buf
    } else {
        set_errno(Errno::EOVERFLOW);
        core::ptr::null_mut()
    }
}

static ASCTIME: Single<[u8; 64]> = Single::new([0; 64]);

/// [asctime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/asctime.html)
/// (obsolescent): into a static buffer.
///
/// # Safety
/// `t` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime(t: *const tm) -> *mut c_char {
    let buf = ASCTIME.get().cast::<u8>();
    // SAFETY: the static holds 64 bytes, enough for any year.
    let mut out = unsafe { Out::new(buf, 64) };
    // SAFETY: caller contract.
    if format_asctime(unsafe { &*t }, &mut out) {
        buf.cast()
    } else {
        set_errno(Errno::EOVERFLOW);
        core::ptr::null_mut()
    }
}

/// [ctime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ctime.html)
/// (obsolescent): `asctime(localtime(t))`.
///
/// # Safety
/// `t` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime(t: *const time_t) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe {
        let p = localtime(t);
        if p.is_null() { p.cast() } else { asctime(p) }
    }
}

/// [ctime_r](https://man7.org/linux/man-pages/man3/ctime.3.html)
/// (obsolescent): `asctime_r(localtime_r(t, &tmp), buf)`.
///
/// # Safety
/// `t` valid for a read; `buf` valid for 26 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime_r(t: *const time_t, buf: *mut c_char) -> *mut c_char {
    let mut v = tm::ZERO;
    // SAFETY: caller contract; `v` is a local.
    unsafe {
        if localtime_r(t, &mut v).is_null() {
            core::ptr::null_mut()
        } else {
            asctime_r(&v, buf)
        }
    }
}
