//! Condition variables and their attributes.
//!
//! `pthread_cond_t.__i[0]` holds the clock id of the timed waits;
//! `pthread_condattr_t.__attr` holds the process-shared flag in bit 0 and
//! the clock id above it.

use super::block::{self, Deadline};
use super::mutex::release;
use super::{pthread_cond_t, pthread_condattr_t, pthread_mutex_t};
use crate::header::time::timespec;
use crate::platform::{c_int, clockid_t};
use libc_core::Errno;
use libc_core::types::Clock;

/// [pthread_cond_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_init.html)
///
/// # Safety
/// `c` valid for writes; `attr` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_init(
    c: *mut pthread_cond_t,
    attr: *const pthread_condattr_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        *c = pthread_cond_t { __i: [0; 12] };
        if !attr.is_null() {
            (*c).__i[0] = ((*attr).__attr >> 1) as c_int;
        }
    }
    0
}

/// [pthread_cond_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_destroy.html)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_destroy(c: *mut pthread_cond_t) -> c_int {
    let _ = c;
    0
}

/// [pthread_cond_signal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_signal.html)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_signal(c: *mut pthread_cond_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::cond_wake(c, false) };
    block::wake(c.cast(), false);
    0
}

/// [pthread_cond_broadcast](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_broadcast.html)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_broadcast(c: *mut pthread_cond_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::cond_wake(c, true) };
    block::wake(c.cast(), true);
    0
}

/// Releases `m`, waits until `deadline`, takes `m` back.
///
/// # Safety
/// `c`, `m` valid.
unsafe fn wait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
    deadline: Deadline,
    what: &str,
) -> c_int {
    #[cfg(wasm_threads)]
    {
        let _ = what;
        // SAFETY: caller contract.
        return unsafe { super::mt::cond_wait(c, m, deadline) };
    }
    let _ = c;
    // SAFETY: caller contract.
    let r = unsafe { release(m) };
    if r != 0 {
        return r;
    }
    let r = block::block(deadline, what);
    // SAFETY: caller contract; the caller's lock level is restored as it was.
    unsafe {
        let i = &mut (*m).__i;
        i[1] = block::self_id();
        i[2] += 1;
    }
    r
}

/// [pthread_cond_wait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_wait.html)
///
/// No other thread could ever signal: traps (as wasi-libc), after `EPERM`
/// checks (the mutex must be the caller's).
///
/// # Safety
/// `c`, `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_wait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { wait(c, m, Deadline::Never, "pthread_cond_wait") }
}

/// [pthread_cond_timedwait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cond_timedwait.html)
///
/// Sleeps until `abs` on the condition's clock (realtime unless set with
/// `pthread_condattr_setclock`) and returns `ETIMEDOUT`, the mutex held again.
///
/// # Safety
/// `c`, `m` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_timedwait(
    c: *mut pthread_cond_t,
    m: *mut pthread_mutex_t,
    abs: *const timespec,
) -> c_int {
    // SAFETY: caller contract.
    let clock = Clock::from_id(unsafe { (*c).__i[0] }).unwrap_or(Clock::Realtime);
    // SAFETY: caller contract.
    match unsafe { Deadline::from_abs(abs, clock) } {
        // SAFETY: caller contract.
        Ok(d) => unsafe { wait(c, m, d, "pthread_cond_timedwait") },
        Err(e) => e,
    }
}

/// [pthread_condattr_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_init.html)
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut pthread_condattr_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*a).__attr = 0 };
    0
}

/// [pthread_condattr_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_destroy.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_destroy(a: *mut pthread_condattr_t) -> c_int {
    let _ = a;
    0
}

/// [pthread_condattr_getclock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_getclock.html)
///
/// # Safety
/// `a` valid; `clk` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getclock(
    a: *const pthread_condattr_t,
    clk: *mut clockid_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *clk = ((*a).__attr >> 1) as clockid_t };
    0
}

/// [pthread_condattr_setclock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_setclock.html)
///
/// `CLOCK_REALTIME` or `CLOCK_MONOTONIC`; others give `EINVAL`.
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setclock(
    a: *mut pthread_condattr_t,
    clk: clockid_t,
) -> c_int {
    if Clock::from_id(clk).is_none() {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__attr = ((*a).__attr & 1) | ((clk as u32) << 1) };
    0
}

/// [pthread_condattr_getpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_getpshared.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getpshared(
    a: *const pthread_condattr_t,
    p: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *p = ((*a).__attr & 1) as c_int };
    0
}

/// [pthread_condattr_setpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_condattr_setpshared.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setpshared(
    a: *mut pthread_condattr_t,
    p: c_int,
) -> c_int {
    if !(0..=1).contains(&p) {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__attr = ((*a).__attr & !1) | p as u32 };
    0
}
