//! `semaphore.h`: unnamed semaphores for a single-threaded program
//! (`sem_t.__val[0]` is the count). wasi-libc's `wasm32-wasip1` has none;
//! named semaphores (`sem_open`) are left out: WASI has no shared memory
//! between processes.

// On p1-threads each blocking function starts by handing over to `mt.rs`;
// the single-thread code after it is then unreachable there (and its
// helpers unused), though still compiled.
#![cfg_attr(wasm_threads, allow(unreachable_code, dead_code, unused_imports))]

use crate::header::pthread::block::{self, Deadline};
#[cfg(wasm_threads)]
use crate::header::pthread::mt;
use crate::header::time::timespec;
use crate::platform::c_int;
use libc_core::types::Clock;
use libc_core::{Errno, OrMinusOneErrno};

/// `sem_t` (16 bytes, wasi-libc's size).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_sem {
    pub __val: [c_int; 4],
}
/// `sem_t`
pub type sem_t = __wasm_libc_sem;

/// `SEM_VALUE_MAX`
pub const SEM_VALUE_MAX: c_int = 0x7fff_ffff;

/// [sem_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_init.html)
///
/// `EINVAL` above `SEM_VALUE_MAX`.
///
/// # Safety
/// `s` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_init(s: *mut sem_t, pshared: c_int, value: u32) -> c_int {
    let _ = pshared;
    if value > SEM_VALUE_MAX as u32 {
        return Err::<(), _>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    unsafe {
        *s = sem_t {
            __val: [value as c_int, 0, 0, 0],
        }
    };
    0
}

/// [sem_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_destroy.html)
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_destroy(s: *mut sem_t) -> c_int {
    let _ = s;
    0
}

/// Takes one unit if there is one.
///
/// # Safety
/// `s` valid.
unsafe fn take(s: *mut sem_t) -> bool {
    // SAFETY: caller contract.
    let v = unsafe { &mut (*s).__val[0] };
    if *v > 0 {
        *v -= 1;
        true
    } else {
        false
    }
}

/// [sem_wait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_wait.html)
///
/// At zero no other thread could post: traps.
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_wait(s: *mut sem_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { mt::sem_wait(&raw mut (*s).__val, Some(Deadline::Never)) } {
        Ok(()) => 0,
        Err(e) => Err::<(), _>(Errno(e)).or_minus_one_errno(),
    };
    // SAFETY: caller contract.
    if unsafe { take(s) } {
        return 0;
    }
    block::block(Deadline::Never, "sem_wait")
}

/// [sem_trywait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_trywait.html)
///
/// `EAGAIN` at zero.
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_trywait(s: *mut sem_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { mt::sem_wait(&raw mut (*s).__val, None) } {
        Ok(()) => 0,
        Err(e) => Err::<(), _>(Errno(e)).or_minus_one_errno(),
    };
    // SAFETY: caller contract.
    if unsafe { take(s) } {
        return 0;
    }
    Err::<(), _>(Errno::EAGAIN).or_minus_one_errno()
}

/// [sem_timedwait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_timedwait.html)
///
/// At zero: sleeps until `abs` (realtime), then `ETIMEDOUT`; `EINVAL` for
/// a bad `abs`.
///
/// # Safety
/// `s` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_timedwait(s: *mut sem_t, abs: *const timespec) -> c_int {
    #[cfg(wasm_threads)]
    {
        // SAFETY: caller contract.
        let r = match unsafe { Deadline::from_abs(abs, Clock::Realtime) } {
            // SAFETY: caller contract.
            Ok(d) => unsafe { mt::sem_wait(&raw mut (*s).__val, Some(d)) },
            Err(e) => Err(e),
        };
        return match r {
            Ok(()) => 0,
            Err(e) => Err::<(), _>(Errno(e)).or_minus_one_errno(),
        };
    }
    // SAFETY: caller contract.
    if unsafe { take(s) } {
        return 0;
    }
    // SAFETY: caller contract.
    let e = match unsafe { Deadline::from_abs(abs, Clock::Realtime) } {
        Ok(d) => block::block(d, "sem_timedwait"),
        Err(e) => e,
    };
    Err::<(), _>(Errno(e)).or_minus_one_errno()
}

/// [sem_post](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_post.html)
///
/// `EOVERFLOW` at `SEM_VALUE_MAX`.
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_post(s: *mut sem_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return match unsafe { mt::sem_post(&raw mut (*s).__val) } {
        Ok(()) => 0,
        Err(e) => Err::<(), _>(Errno(e)).or_minus_one_errno(),
    };
    // SAFETY: caller contract.
    let v = unsafe { &mut (*s).__val[0] };
    if *v == SEM_VALUE_MAX {
        return Err::<(), _>(Errno::EOVERFLOW).or_minus_one_errno();
    }
    *v += 1;
    block::wake(s.cast(), false);
    0
}

/// [sem_getvalue](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sem_getvalue.html)
///
/// # Safety
/// `s` valid; `out` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_getvalue(s: *mut sem_t, out: *mut c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { *out = (*s).__val[0] };
    0
}
