//! Barriers: `pthread_barrier_t.__i[0]` is the count.

use super::block::{self, Deadline};
use super::{PTHREAD_BARRIER_SERIAL_THREAD, pthread_barrier_t, pthread_barrierattr_t};
use crate::platform::{c_int, c_uint};
use libc_core::Errno;

/// [pthread_barrier_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_init.html)
///
/// `EINVAL` for a count of 0.
///
/// # Safety
/// `b` valid for writes; `a` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_init(
    b: *mut pthread_barrier_t,
    a: *const pthread_barrierattr_t,
    count: c_uint,
) -> c_int {
    let _ = a;
    if count == 0 || count > c_int::MAX as c_uint {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe {
        *b = pthread_barrier_t { __i: [0; 5] };
        (*b).__i[0] = count as c_int;
    }
    0
}

/// [pthread_barrier_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_destroy.html)
///
/// # Safety
/// `b` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_destroy(b: *mut pthread_barrier_t) -> c_int {
    let _ = b;
    0
}

/// [pthread_barrier_wait](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrier_wait.html)
///
/// A barrier for one thread opens at once (`PTHREAD_BARRIER_SERIAL_THREAD`);
/// one for more would wait forever: traps (as wasi-libc).
///
/// # Safety
/// `b` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut pthread_barrier_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::barrier_wait(b) };
    // SAFETY: caller contract.
    if unsafe { (*b).__i[0] } <= 1 {
        return PTHREAD_BARRIER_SERIAL_THREAD;
    }
    block::block(Deadline::Never, "pthread_barrier_wait")
}

/// [pthread_barrierattr_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_init.html)
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut pthread_barrierattr_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*a).__attr = 0 };
    0
}

/// [pthread_barrierattr_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_destroy.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_destroy(a: *mut pthread_barrierattr_t) -> c_int {
    let _ = a;
    0
}

/// [pthread_barrierattr_getpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_getpshared.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(
    a: *const pthread_barrierattr_t,
    p: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *p = (*a).__attr as c_int };
    0
}

/// [pthread_barrierattr_setpshared](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_barrierattr_setpshared.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(
    a: *mut pthread_barrierattr_t,
    p: c_int,
) -> c_int {
    if !(0..=1).contains(&p) {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__attr = p as c_uint };
    0
}
