//! `sched.h`: scheduling parameters and `sched_yield`, as wasi-libc has
//! them (one thread: yielding has nobody to yield to).

use crate::platform::{c_int, c_long, time_t};

/// `struct sched_param` (64 bytes, wasi-libc's size and alignment; only
/// `sched_priority` means anything).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sched_param {
    pub sched_priority: c_int,
    pub __reserved1: c_int,
    pub __reserved2: [c_long; 4],
    pub __reserved3: [time_t; 4],
    pub __reserved4: c_int,
}

pub const SCHED_OTHER: c_int = 0;
pub const SCHED_FIFO: c_int = 1;
pub const SCHED_RR: c_int = 2;

/// [sched_yield](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sched_yield.html)
///
/// The program has one thread, so there is nothing to run instead: returns
/// 0 at once.
#[unsafe(no_mangle)]
pub extern "C" fn sched_yield() -> c_int {
    0
}
