//! Read-write locks and their attributes.
//!
//! `pthread_rwlock_t.__i`: `[0]` the number of read locks held, `[1]` the
//! writer's thread id (0: none), `[2]` the process-shared flag.

use super::block;
#[cfg(wasm_threads)]
use super::block::Deadline;
use super::{pthread_rwlock_t, pthread_rwlockattr_t};
use crate::header::time::timespec;
use crate::platform::c_int;
use libc_core::Errno;

/// # Safety
/// `l` valid.
unsafe fn try_rd(l: *mut pthread_rwlock_t) -> Result<(), c_int> {
    // SAFETY: caller contract.
    let i = unsafe { &mut (*l).__i };
    if i[1] != 0 {
        // Held for writing, by the only thread there is.
        return Err(Errno::EDEADLK.0);
    }
    if i[0] == c_int::MAX {
        return Err(Errno::EAGAIN.0);
    }
    i[0] += 1;
    Ok(())
}

/// # Safety
/// `l` valid.
unsafe fn try_wr(l: *mut pthread_rwlock_t) -> Result<(), c_int> {
    // SAFETY: caller contract.
    let i = unsafe { &mut (*l).__i };
    if i[0] != 0 || i[1] != 0 {
        // Held (by the caller): waiting would never end.
        return Err(Errno::EDEADLK.0);
    }
    i[1] = block::self_id();
    Ok(())
}

fn code(r: Result<(), c_int>) -> c_int {
    r.err().unwrap_or(0)
}

fn busy(r: Result<(), c_int>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) if e == Errno::EDEADLK.0 => Errno::EBUSY.0,
        Err(e) => e,
    }
}

/// [pthread_rwlock_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_init.html)
///
/// # Safety
/// `l` valid for writes; `a` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_init(
    l: *mut pthread_rwlock_t,
    a: *const pthread_rwlockattr_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        *l = pthread_rwlock_t { __i: [0; 8] };
        if !a.is_null() {
            (*l).__i[2] = (*a).__attr[0] as c_int;
        }
    }
    0
}

/// [pthread_rwlock_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_destroy.html)
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_destroy(l: *mut pthread_rwlock_t) -> c_int {
    let _ = l;
    0
}

/// [pthread_rwlock_rdlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_rdlock.html)
///
/// `EDEADLK` when the caller holds it for writing (as wasi-libc).
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut pthread_rwlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::rw_lock(l, false, Some(Deadline::Never)) };
    // SAFETY: caller contract.
    code(unsafe { try_rd(l) })
}

/// [pthread_rwlock_tryrdlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_tryrdlock.html)
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut pthread_rwlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::rw_lock(l, false, None) };
    // SAFETY: caller contract.
    busy(unsafe { try_rd(l) })
}

/// [pthread_rwlock_timedrdlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_timedrdlock.html)
///
/// Held for writing by the caller: `EDEADLK` at once (as wasi-libc).
///
/// # Safety
/// `l` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(
    l: *mut pthread_rwlock_t,
    abs: *const timespec,
) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { Deadline::from_abs(abs, libc_core::types::Clock::Realtime) } {
        // SAFETY: caller contract.
        Ok(d) => unsafe { super::mt::rw_lock(l, false, Some(d)) },
        Err(e) => e,
    };
    let _ = abs;
    // SAFETY: caller contract.
    code(unsafe { try_rd(l) })
}

/// [pthread_rwlock_wrlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_wrlock.html)
///
/// `EDEADLK` when the caller holds it in either mode (as wasi-libc).
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut pthread_rwlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::rw_lock(l, true, Some(Deadline::Never)) };
    // SAFETY: caller contract.
    code(unsafe { try_wr(l) })
}

/// [pthread_rwlock_trywrlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_trywrlock.html)
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut pthread_rwlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::rw_lock(l, true, None) };
    // SAFETY: caller contract.
    busy(unsafe { try_wr(l) })
}

/// [pthread_rwlock_timedwrlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_timedwrlock.html)
///
/// Held by the caller: `EDEADLK` at once (as wasi-libc).
///
/// # Safety
/// `l` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(
    l: *mut pthread_rwlock_t,
    abs: *const timespec,
) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { Deadline::from_abs(abs, libc_core::types::Clock::Realtime) } {
        // SAFETY: caller contract.
        Ok(d) => unsafe { super::mt::rw_lock(l, true, Some(d)) },
        Err(e) => e,
    };
    let _ = abs;
    // SAFETY: caller contract.
    code(unsafe { try_wr(l) })
}

/// [pthread_rwlock_unlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlock_unlock.html)
///
/// `EPERM` when the caller holds no lock on it.
///
/// # Safety
/// `l` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut pthread_rwlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::rw_unlock(l) };
    // SAFETY: caller contract.
    let i = unsafe { &mut (*l).__i };
    if i[1] == block::self_id() {
        i[1] = 0;
    } else if i[0] > 0 {
        i[0] -= 1;
    } else {
        return Errno::EPERM.0;
    }
    block::wake(l.cast(), true);
    0
}

/// [pthread_rwlockattr_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_init.html)
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut pthread_rwlockattr_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*a).__attr = [0; 2] };
    0
}

/// [pthread_rwlockattr_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_destroy.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_destroy(a: *mut pthread_rwlockattr_t) -> c_int {
    let _ = a;
    0
}

/// [pthread_rwlockattr_getpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_getpshared.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(
    a: *const pthread_rwlockattr_t,
    p: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *p = (*a).__attr[0] as c_int };
    0
}

/// [pthread_rwlockattr_setpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_rwlockattr_setpshared.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(
    a: *mut pthread_rwlockattr_t,
    p: c_int,
) -> c_int {
    if !(0..=1).contains(&p) {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__attr[0] = p as u32 };
    0
}
