//! The threading seam: the only code that knows the program has one thread.
//!
//! Every pthread, C11 thread and semaphore function is written against
//! these few functions. A waiting operation first checks its object's state
//! word itself; only when it would have to wait for another thread does it
//! call [`block`]. With real threads (wasi-threads, issue 15) this file
//! becomes a futex wait/wake on the state word (`memory.atomic.wait32` /
//! `notify`) and [`self_id`] the thread pointer; the object layouts and the
//! C ABI stay as they are.

use crate::header::time::timespec;
use crate::platform::{c_int, c_long, c_void};
use libc_core::types::{Clock, NANOS_PER_SEC};
use libc_core::{Errno, Pal, Sys};

/// The calling thread's id: never 0 (0 means "no owner" in lock words).
#[inline]
pub(crate) fn self_id() -> c_int {
    #[cfg(wasm_threads)]
    {
        libc_core::thread::current_id()
    }
    #[cfg(not(wasm_threads))]
    {
        1
    }
}

/// The calling thread's `pthread_t`: on the main thread (the only one
/// without threads) the address of a static, like a thread descriptor; on
/// other threads (p1-threads) their descriptor.
pub(crate) fn self_handle() -> *mut c_void {
    static MAIN: u8 = 0;
    #[cfg(wasm_threads)]
    {
        let t = libc_core::thread::current_or_null();
        if !t.is_null() {
            return t.cast();
        }
    }
    (&raw const MAIN).cast_mut().cast()
}

/// When a wait gives up.
#[derive(Copy, Clone)]
pub(crate) enum Deadline {
    /// Wait as long as it takes.
    Never,
    /// An absolute time in nanoseconds on a clock.
    At(Clock, u64),
}

impl Deadline {
    /// An absolute `timespec` on `clock`, checked as POSIX's timed waits do
    /// (`EINVAL` for a negative time or a `tv_nsec` out of `0..1e9`).
    ///
    /// # Safety
    /// `ts` must be valid for a read.
    pub(crate) unsafe fn from_abs(ts: *const timespec, clock: Clock) -> Result<Deadline, c_int> {
        if ts.is_null() {
            return Err(Errno::EINVAL.0);
        }
        // SAFETY: non-null and valid (caller contract).
        let t = unsafe { *ts };
        if !(0..NANOS_PER_SEC as c_long).contains(&t.tv_nsec) {
            return Err(Errno::EINVAL.0);
        }
        let ns = if t.tv_sec < 0 {
            0
        } else {
            (t.tv_sec as u64)
                .saturating_mul(NANOS_PER_SEC)
                .saturating_add(t.tv_nsec as u64)
        };
        Ok(Deadline::At(clock, ns))
    }
}

/// Waits for another thread to change something, until `deadline`.
///
/// With one thread nothing can change: a deadline is slept out and gives
/// `ETIMEDOUT` (what the timed functions return); without one the program
/// would hang forever, so it traps, as wasi-libc's single-threaded build
/// does (a message first, on stderr).
pub(crate) fn block(deadline: Deadline, what: &str) -> c_int {
    match deadline {
        Deadline::At(clock, at) => {
            if let Ok(now) = Sys::clock_time(clock)
                && at > now
            {
                let _ = Sys::sleep(at - now);
            }
            Errno::ETIMEDOUT.0
        }
        Deadline::Never => {
            let _ = Sys::write_all(2, what.as_bytes());
            let _ = Sys::write_all(2, b": would wait forever (no other thread)\n");
            libc_core::trap()
        }
    }
}

/// Tells waiters on an object that it changed. No other thread waits.
#[inline]
pub(crate) fn wake(_obj: *const c_void, _all: bool) {}
