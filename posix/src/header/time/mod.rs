//! `time.h` (the clock functions; formatting comes with the rest of time.h)

use crate::platform::{c_int, c_long, clockid_t, time_t};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

/// `struct timespec`
#[repr(C)]
#[derive(Copy, Clone, Default, Debug)]
pub struct timespec {
    pub tv_sec: time_t,
    pub tv_nsec: c_long,
}

pub const CLOCK_REALTIME: clockid_t = 0;
pub const CLOCK_MONOTONIC: clockid_t = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: clockid_t = 2;
pub const CLOCK_THREAD_CPUTIME_ID: clockid_t = 3;
const _: () = assert!(
    CLOCK_REALTIME == libc_core::types::CLOCK_REALTIME
        && CLOCK_MONOTONIC == libc_core::types::CLOCK_MONOTONIC
);

// `clock_gettime` has the backend write a u64 reading into `tv_sec`.
const _: () =
    assert!(core::mem::size_of::<time_t>() == 8 && core::mem::offset_of!(timespec, tv_sec) == 0);

#[inline(always)]
fn to_timespec(ns: u64) -> timespec {
    timespec {
        tv_sec: (ns / NANOS_PER_SEC) as time_t,
        tv_nsec: (ns % NANOS_PER_SEC) as c_long,
    }
}

/// [clock_gettime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_gettime.html)
///
/// Unknown clocks (and the CPU-time clocks, which WASI cannot serve) give
/// `EINVAL`; a NULL `tp` gives `EFAULT`.
///
/// # Safety
/// `tp` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_gettime(clock: clockid_t, tp: *mut timespec) -> c_int {
    let Some(c) = Clock::from_id(clock) else {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    };
    if tp.is_null() {
        return Err::<(), Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // The backend writes the reading straight into `tv_sec` (a 64-bit field
    // at offset 0, 8-aligned like the timespec), which is then split in place.
    // SAFETY: non-null and valid (caller contract).
    let ns_at = unsafe { &raw mut (*tp).tv_sec }.cast::<u64>();
    // SAFETY: `ns_at` is valid for an aligned 8-byte write.
    let r = unsafe { Sys::clock_time_to(c, ns_at) }.map(|()| {
        // SAFETY: as above; the backend wrote the reading.
        unsafe {
            let ns = *ns_at;
            *tp = to_timespec(ns);
        }
    });
    r.or_minus_one_errno()
}

/// [clock_getres](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clock_getres.html)
///
/// # Safety
/// `res` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_getres(clock: clockid_t, res: *mut timespec) -> c_int {
    let r = Clock::from_id(clock).ok_or(Errno::EINVAL).and_then(|c| {
        let ns = Sys::clock_res(c)?;
        if !res.is_null() {
            // SAFETY: non-null and valid (caller contract).
            unsafe { *res = to_timespec(ns) };
        }
        Ok(())
    });
    r.or_minus_one_errno()
}

/// [nanosleep](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nanosleep.html)
///
/// # Safety
/// `req` must be valid for a read; `rem` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanosleep(req: *const timespec, rem: *mut timespec) -> c_int {
    if req.is_null() {
        return Err::<(), Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: non-null (checked) and valid (caller contract).
    let t = unsafe { *req };
    if t.tv_sec < 0 || !(0..NANOS_PER_SEC as c_long).contains(&t.tv_nsec) {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    let ns = (t.tv_sec as u64)
        .saturating_mul(NANOS_PER_SEC)
        .saturating_add(t.tv_nsec as u64);
    let r = Sys::sleep(ns);
    if r.is_ok() && !rem.is_null() {
        // Never interrupted: nothing remains.
        // SAFETY: non-null and valid (caller contract).
        unsafe { *rem = timespec::default() };
    }
    r.or_minus_one_errno()
}

/// [time](https://pubs.opengroup.org/onlinepubs/9799919799/functions/time.html)
///
/// # Safety
/// `t` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn time(t: *mut time_t) -> time_t {
    let r = Sys::clock_time(Clock::Realtime).map(|ns| (ns / NANOS_PER_SEC) as time_t);
    if let (Ok(v), false) = (r, t.is_null()) {
        // SAFETY: non-null and valid (caller contract).
        unsafe { *t = v };
    }
    r.or_minus_one_errno()
}

mod conv;
mod getdate;
mod locale;
mod strftime;
mod strptime;
pub use conv::*;
pub use getdate::*;
pub use locale::*;
pub use strftime::*;
pub use strptime::*;

/// `TIME_UTC`: the base of [`timespec_get`].
pub const TIME_UTC: c_int = 1;

/// [timespec_get](https://en.cppreference.com/w/c/chrono/timespec_get) (C11):
/// the realtime clock for `TIME_UTC`; returns `base`, or 0 on failure.
///
/// # Safety
/// `ts` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timespec_get(ts: *mut timespec, base: c_int) -> c_int {
    if base != TIME_UTC || ts.is_null() {
        return 0;
    }
    match Sys::clock_time(Clock::Realtime) {
        Ok(ns) => {
            // SAFETY: non-null and valid (caller contract).
            unsafe { *ts = to_timespec(ns) };
            base
        }
        Err(_) => 0,
    }
}
mod sleep;
pub use sleep::*;
mod process;
pub(crate) use process::process_nanos;
