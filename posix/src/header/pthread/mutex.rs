//! Mutexes and their attributes.
//!
//! Layout of `pthread_mutex_t.__i`: `[0]` the attribute bits (type in bits
//! 0-1, robust bit 2, process-shared bit 3, protocol in bits 4-5), `[1]` the
//! owner's thread id (0: unlocked), `[2]` the lock count.

use super::block::{self, Deadline};
use super::{
    PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_INHERIT, PTHREAD_PRIO_PROTECT,
};
use super::{pthread_mutex_t, pthread_mutexattr_t};
use crate::header::time::timespec;
use crate::platform::c_int;
use libc_core::Errno;
use libc_core::types::Clock;

const TYPE_MASK: c_int = 3;
const ROBUST: c_int = 4;
const PSHARED: c_int = 8;
const PROTO_SHIFT: c_int = 4;

/// What a lock attempt found.
enum Try {
    Locked,
    /// Held by the caller, not recursively lockable: the error to return
    /// when waiting makes no sense (errorcheck), or `None` (normal).
    Held(Option<c_int>),
}

/// Takes `m` for the caller if it is free (or recursive and the caller's).
///
/// # Safety
/// `m` valid for reads and writes.
unsafe fn try_take(m: *mut pthread_mutex_t) -> Result<Try, c_int> {
    // SAFETY: caller contract.
    let i = unsafe { &mut (*m).__i };
    let me = block::self_id();
    if i[1] == 0 {
        i[1] = me;
        i[2] = 1;
        return Ok(Try::Locked);
    }
    // With one thread a held mutex is always the caller's.
    match i[0] & TYPE_MASK {
        PTHREAD_MUTEX_RECURSIVE if i[1] == me => {
            if i[2] == c_int::MAX {
                return Err(Errno::EAGAIN.0);
            }
            i[2] += 1;
            Ok(Try::Locked)
        }
        PTHREAD_MUTEX_ERRORCHECK if i[1] == me => Ok(Try::Held(Some(Errno::EDEADLK.0))),
        _ => Ok(Try::Held(None)),
    }
}

/// [pthread_mutex_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_init.html)
///
/// # Safety
/// `m` valid for writes; `attr` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_init(
    m: *mut pthread_mutex_t,
    attr: *const pthread_mutexattr_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        let bits = if attr.is_null() { 0 } else { (*attr).__attr };
        *m = pthread_mutex_t { __i: [0; 6] };
        (*m).__i[0] = bits as c_int;
    }
    0
}

/// [pthread_mutex_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_destroy.html)
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_destroy(m: *mut pthread_mutex_t) -> c_int {
    let _ = m;
    0
}

/// [pthread_mutex_lock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_lock.html)
///
/// Relocking a held default/normal mutex would deadlock the only thread:
/// it returns `EDEADLK` (POSIX leaves the default type undefined; wasi-libc
/// returns 0 without locking). Errorcheck: `EDEADLK`; recursive: counts.
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut pthread_mutex_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::mutex_lock(m, Some(Deadline::Never)) };
    // SAFETY: caller contract.
    match unsafe { try_take(m) } {
        Ok(Try::Locked) => 0,
        Ok(Try::Held(e)) => e.unwrap_or(Errno::EDEADLK.0),
        Err(e) => e,
    }
}

/// [pthread_mutex_trylock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_trylock.html)
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut pthread_mutex_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::mutex_lock(m, None) };
    // SAFETY: caller contract.
    match unsafe { try_take(m) } {
        Ok(Try::Locked) => 0,
        Ok(Try::Held(_)) => Errno::EBUSY.0,
        Err(e) => e,
    }
}

/// [pthread_mutex_timedlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_timedlock.html)
///
/// A held normal mutex stays held: the call sleeps until `abs` (realtime
/// clock) and returns `ETIMEDOUT`. Errorcheck: `EDEADLK` at once.
///
/// # Safety
/// `m` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_timedlock(
    m: *mut pthread_mutex_t,
    abs: *const timespec,
) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { Deadline::from_abs(abs, Clock::Realtime) } {
        // SAFETY: caller contract.
        Ok(d) => unsafe { super::mt::mutex_lock(m, Some(d)) },
        Err(e) => e,
    };
    // SAFETY: caller contract.
    match unsafe { try_take(m) } {
        Ok(Try::Locked) => 0,
        Ok(Try::Held(Some(e))) => e,
        // SAFETY: caller contract.
        Ok(Try::Held(None)) => match unsafe { Deadline::from_abs(abs, Clock::Realtime) } {
            Ok(d) => block::block(d, "pthread_mutex_timedlock"),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// Releases `m` once; `EPERM` when the caller does not hold it.
///
/// # Safety
/// `m` valid.
pub(crate) unsafe fn release(m: *mut pthread_mutex_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::mutex_unlock(m) };
    // SAFETY: caller contract.
    let i = unsafe { &mut (*m).__i };
    if i[1] != block::self_id() {
        return Errno::EPERM.0;
    }
    i[2] -= 1;
    if i[2] == 0 {
        i[1] = 0;
        block::wake(m.cast(), false);
    }
    0
}

/// [pthread_mutex_unlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_unlock.html)
///
/// `EPERM` when the caller does not hold the mutex (every type).
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { release(m) }
}

/// [pthread_mutex_consistent](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_consistent.html)
///
/// No owner can die while holding a mutex: always `EINVAL` (not
/// inconsistent).
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_consistent(m: *mut pthread_mutex_t) -> c_int {
    let _ = m;
    Errno::EINVAL.0
}

/// [pthread_mutex_getprioceiling](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutex_getprioceiling.html)
///
/// No priority-ceiling protocol: `EINVAL` (as wasi-libc/musl).
///
/// # Safety
/// Any arguments.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_getprioceiling(
    m: *const pthread_mutex_t,
    ceiling: *mut c_int,
) -> c_int {
    let _ = (m, ceiling);
    Errno::EINVAL.0
}

/// [pthread_mutexattr_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_init.html)
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut pthread_mutexattr_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*a).__attr = 0 };
    0
}

/// [pthread_mutexattr_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_destroy.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_destroy(a: *mut pthread_mutexattr_t) -> c_int {
    let _ = a;
    0
}

/// Reads the attribute field `(bits >> shift) & mask` into `out`.
///
/// # Safety
/// `a` valid; `out` valid for a write.
unsafe fn get_field(
    a: *const pthread_mutexattr_t,
    shift: u32,
    mask: c_int,
    out: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *out = ((*a).__attr >> shift) as c_int & mask };
    0
}

/// Stores `v` (checked against `max`) in the attribute field.
///
/// # Safety
/// `a` valid.
unsafe fn set_field(
    a: *mut pthread_mutexattr_t,
    shift: u32,
    mask: c_int,
    v: c_int,
    max: c_int,
) -> c_int {
    if !(0..=max).contains(&v) {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe {
        (*a).__attr = ((*a).__attr & !((mask as u32) << shift)) | ((v as u32) << shift);
    }
    0
}

/// [pthread_mutexattr_gettype](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_gettype.html)
///
/// # Safety
/// `a` valid; `t` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_gettype(
    a: *const pthread_mutexattr_t,
    t: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { get_field(a, 0, TYPE_MASK, t) }
}

/// [pthread_mutexattr_settype](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_settype.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut pthread_mutexattr_t, t: c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { set_field(a, 0, TYPE_MASK, t, PTHREAD_MUTEX_ERRORCHECK) }
}

/// [pthread_mutexattr_getrobust](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getrobust.html)
///
/// # Safety
/// `a` valid; `r` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getrobust(
    a: *const pthread_mutexattr_t,
    r: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { get_field(a, ROBUST.trailing_zeros(), 1, r) }
}

/// [pthread_mutexattr_setrobust](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setrobust.html)
///
/// No thread can die holding a lock: only `PTHREAD_MUTEX_STALLED`; robust
/// is `EINVAL` (as wasi-libc).
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setrobust(
    a: *mut pthread_mutexattr_t,
    r: c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { set_field(a, ROBUST.trailing_zeros(), 1, r, 0) }
}

/// [pthread_mutexattr_getpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getpshared.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(
    a: *const pthread_mutexattr_t,
    p: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { get_field(a, PSHARED.trailing_zeros(), 1, p) }
}

/// [pthread_mutexattr_setpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setpshared.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(
    a: *mut pthread_mutexattr_t,
    p: c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { set_field(a, PSHARED.trailing_zeros(), 1, p, 1) }
}

/// [pthread_mutexattr_getprotocol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_getprotocol.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(
    a: *const pthread_mutexattr_t,
    p: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { get_field(a, PROTO_SHIFT as u32, 3, p) }
}

/// [pthread_mutexattr_setprotocol](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_mutexattr_setprotocol.html)
///
/// Only `PTHREAD_PRIO_NONE`: priority inheritance and protection mean nothing
/// with one thread, `ENOTSUP` (as wasi-libc); other values `EINVAL`.
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprotocol(
    a: *mut pthread_mutexattr_t,
    p: c_int,
) -> c_int {
    if p == PTHREAD_PRIO_INHERIT || p == PTHREAD_PRIO_PROTECT {
        return Errno::ENOTSUP.0;
    }
    // SAFETY: caller contract.
    unsafe { set_field(a, PROTO_SHIFT as u32, 3, p, 0) }
}
