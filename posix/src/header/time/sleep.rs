//! `clock_nanosleep`.

use super::timespec;
use crate::platform::{c_int, c_long, clockid_t};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Errno, Pal, Sys};

/// `clock_nanosleep` flag: `req` is an absolute time of the clock.
pub const TIMER_ABSTIME: c_int = 1;

/// [clock_nanosleep](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_nanosleep.html)
///
/// Sleeps on `CLOCK_MONOTONIC` or `CLOCK_REALTIME` (the host sleeps on its
/// monotonic clock; an absolute `CLOCK_REALTIME` deadline is turned into a
/// duration once). Returns 0 or the error number (`EINVAL` for another
/// clock or a bad `req`); errno is left alone. Never interrupted, so `rem`
/// is not written.
///
/// # Safety
/// `req` must be valid for a read; `rem` is not used.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_nanosleep(
    clock: clockid_t,
    flags: c_int,
    req: *const timespec,
    _rem: *mut timespec,
) -> c_int {
    let Some(c) = Clock::from_id(clock) else {
        return Errno::EINVAL.0;
    };
    if req.is_null() {
        return Errno::EFAULT.0;
    }
    // SAFETY: non-null (checked) and valid (caller contract).
    let t = unsafe { *req };
    if t.tv_sec < 0 || !(0..NANOS_PER_SEC as c_long).contains(&t.tv_nsec) {
        return Errno::EINVAL.0;
    }
    let ns = (t.tv_sec as u64)
        .saturating_mul(NANOS_PER_SEC)
        .saturating_add(t.tv_nsec as u64);
    let r = if flags & TIMER_ABSTIME != 0 {
        Sys::clock_time(c).and_then(|now| match ns.checked_sub(now) {
            Some(d) if d > 0 => Sys::sleep(d),
            _ => Ok(()),
        })
    } else {
        Sys::sleep(ns)
    };
    libc_core::errno::as_return_code(r)
}
