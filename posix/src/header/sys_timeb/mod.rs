//! `sys/timeb.h` (legacy)

use crate::platform::{c_int, c_short, c_ushort, time_t};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Pal, Sys};

/// `struct timeb`: seconds and milliseconds since the epoch (the time
/// zone fields are 0: UTC).
#[repr(C)]
pub struct timeb {
    pub time: time_t,
    pub millitm: c_ushort,
    pub timezone: c_short,
    pub dstflag: c_short,
}

/// `ftime` (removed from POSIX 2008): the realtime clock in milliseconds;
/// returns 0 (-1 only if the host has no clock, with `*tp` zeroed).
///
/// # Safety
/// `tp` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftime(tp: *mut timeb) -> c_int {
    let (ns, r) = match Sys::clock_time(Clock::Realtime) {
        Ok(ns) => (ns, 0),
        Err(_) => (0, -1),
    };
    // SAFETY: valid for a write (caller contract).
    unsafe {
        *tp = timeb {
            time: (ns / NANOS_PER_SEC) as time_t,
            millitm: (ns % NANOS_PER_SEC / 1_000_000) as c_ushort,
            timezone: 0,
            dstflag: 0,
        }
    };
    r
}
