//! The emulated process clock shared by `clock`, `times` and `getrusage`:
//! WASI has no CPU-time clock, so like wasi-libc's
//! `-lwasi-emulated-process-clocks` the process's time is monotonic time,
//! here counted from the first of these calls.

use super::conv::CLOCK_START;
use libc_core::types::Clock;
use libc_core::{Errno, Pal, Sys};

/// Nanoseconds of "process time" so far and the monotonic time now.
pub(crate) fn process_nanos() -> Result<(u64, u64), Errno> {
    let now = Sys::clock_time(Clock::Monotonic)?;
    let start = CLOCK_START.load().unwrap_or(now);
    CLOCK_START.store(Some(start));
    Ok((now - start, now))
}
