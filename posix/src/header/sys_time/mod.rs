//! `sys/time.h`: `struct timeval`, `gettimeofday`.

use crate::platform::{c_int, c_void, suseconds_t, time_t};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{OrMinusOneErrno, Pal, Sys};

/// `struct timeval`: seconds and microseconds.
#[repr(C)]
#[derive(Copy, Clone, Default, Debug)]
pub struct timeval {
    pub tv_sec: time_t,
    pub tv_usec: suseconds_t,
}

/// `struct timezone` (obsolete; `gettimeofday` reports UTC in it).
#[repr(C)]
#[derive(Copy, Clone, Default, Debug)]
pub struct timezone {
    pub tz_minuteswest: c_int,
    pub tz_dsttime: c_int,
}

/// [gettimeofday](https://pubs.opengroup.org/onlinepubs/9699919799/functions/gettimeofday.html)
/// (obsolescent; use `clock_gettime`): the realtime clock. A non-NULL `tz`
/// is treated as a `struct timezone` and set to UTC.
///
/// # Safety
/// `tv` NULL or valid for a write; `tz` NULL or a `struct timezone`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gettimeofday(tv: *mut timeval, tz: *mut c_void) -> c_int {
    let r = Sys::clock_time(Clock::Realtime).map(|ns| {
        if !tv.is_null() {
            let v = timeval {
                tv_sec: (ns / NANOS_PER_SEC) as time_t,
                tv_usec: ((ns % NANOS_PER_SEC) / 1000) as suseconds_t,
            };
            // SAFETY: non-null and valid (caller contract).
            unsafe { *tv = v };
        }
        if !tz.is_null() {
            // SAFETY: caller contract.
            unsafe { *tz.cast::<timezone>() = timezone::default() };
        }
    });
    r.or_minus_one_errno()
}
mod utimes;
pub use utimes::*;
