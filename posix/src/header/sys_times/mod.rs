//! `sys/times.h`

use crate::header::time::clock_t;
use libc_core::OrMinusOneErrno;

/// `struct tms`: process times in clock ticks (`sysconf(_SC_CLK_TCK)`, 100
/// per second).
#[repr(C)]
pub struct tms {
    pub tms_utime: clock_t,
    pub tms_stime: clock_t,
    pub tms_cutime: clock_t,
    pub tms_cstime: clock_t,
}

/// Nanoseconds per clock tick (100 ticks per second).
const TICK_NS: u64 = 10_000_000;

/// [times](https://pubs.opengroup.org/onlinepubs/9799919799/functions/times.html)
///
/// User time is the emulated process time (`clock`'s: monotonic time since
/// the first such call; WASI has no CPU clock), the others 0. Returns the
/// monotonic clock in ticks (since an arbitrary point), or -1.
///
/// # Safety
/// `buf` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn times(buf: *mut tms) -> clock_t {
    match crate::header::time::process_nanos() {
        Ok((t, now)) => {
            if !buf.is_null() {
                // SAFETY: non-null and valid (caller contract).
                unsafe {
                    *buf = tms {
                        tms_utime: (t / TICK_NS) as clock_t,
                        tms_stime: 0,
                        tms_cutime: 0,
                        tms_cstime: 0,
                    }
                };
            }
            (now / TICK_NS) as clock_t
        }
        Err(e) => Err::<i64, _>(e).or_minus_one_errno(),
    }
}
