//! Spin locks: the word holds the owner's thread id (0: unlocked).

use super::block;
use super::pthread_spinlock_t;
use crate::platform::c_int;
use libc_core::Errno;

/// [pthread_spin_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_init.html)
///
/// # Safety
/// `s` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_init(s: *mut pthread_spinlock_t, pshared: c_int) -> c_int {
    let _ = pshared;
    // SAFETY: caller contract.
    unsafe { *s = 0 };
    0
}

/// [pthread_spin_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_destroy.html)
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_destroy(s: *mut pthread_spinlock_t) -> c_int {
    let _ = s;
    0
}

/// [pthread_spin_lock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_lock.html)
///
/// Held (by the caller, the only thread): `EDEADLK` (as wasi-libc).
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_lock(s: *mut pthread_spinlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::spin_lock(s, true) };
    // SAFETY: caller contract.
    match unsafe { pthread_spin_trylock(s) } {
        0 => 0,
        _ => Errno::EDEADLK.0,
    }
}

/// [pthread_spin_trylock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_trylock.html)
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_trylock(s: *mut pthread_spinlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::spin_lock(s, false) };
    // SAFETY: caller contract.
    unsafe {
        if *s != 0 {
            return Errno::EBUSY.0;
        }
        *s = block::self_id();
    }
    0
}

/// [pthread_spin_unlock](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_spin_unlock.html)
///
/// # Safety
/// `s` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_unlock(s: *mut pthread_spinlock_t) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { super::mt::spin_unlock(s) };
    // SAFETY: caller contract.
    unsafe { *s = 0 };
    0
}
