//! Thread attributes.
//!
//! `pthread_attr_t.__i`: `[0]` stack size (0: the default), `[1]` guard
//! size, `[2]` detach state, `[3]` stack address (0: not set), `[4]` the
//! scheduling priority.

use super::block;
use super::{PTHREAD_CREATE_DETACHED, PTHREAD_STACK_MIN, pthread_attr_t, pthread_t};
use crate::header::sched::sched_param;
use crate::platform::{c_int, c_void, size_t};
use libc_core::Errno;

/// The stack size reported by default, as wasi-libc (wasm-ld's default
/// stack is 64 KiB).
pub(crate) const DEFAULT_STACK: usize = 65536;

/// [pthread_attr_init](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_init.html)
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_init(a: *mut pthread_attr_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { *a = pthread_attr_t { __i: [0; 9] } };
    0
}

/// [pthread_attr_destroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_destroy.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_destroy(a: *mut pthread_attr_t) -> c_int {
    let _ = a;
    0
}

/// [pthread_attr_getstacksize](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getstacksize.html)
///
/// # Safety
/// `a` valid; `s` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstacksize(
    a: *const pthread_attr_t,
    s: *mut size_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        let v = (*a).__i[0] as u32 as usize;
        *s = if v == 0 { DEFAULT_STACK } else { v };
    }
    0
}

/// [pthread_attr_setstacksize](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setstacksize.html)
///
/// `EINVAL` below `PTHREAD_STACK_MIN` or above `SIZE_MAX / 4` (as wasi-libc).
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut pthread_attr_t, s: size_t) -> c_int {
    if s < PTHREAD_STACK_MIN as usize || s > usize::MAX / 4 {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe {
        (*a).__i[3] = 0;
        (*a).__i[0] = s as c_int;
    }
    0
}

/// [pthread_attr_getguardsize](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getguardsize.html)
///
/// # Safety
/// `a` valid; `s` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getguardsize(
    a: *const pthread_attr_t,
    s: *mut size_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *s = (*a).__i[1] as u32 as usize };
    0
}

/// [pthread_attr_setguardsize](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setguardsize.html)
///
/// WebAssembly has no guard pages: only 0 is accepted, anything else is
/// `EINVAL` (as wasi-libc).
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut pthread_attr_t, s: size_t) -> c_int {
    if s != 0 {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__i[1] = 0 };
    0
}

/// [pthread_attr_getdetachstate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getdetachstate.html)
///
/// # Safety
/// `a` valid; `d` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getdetachstate(
    a: *const pthread_attr_t,
    d: *mut c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { *d = (*a).__i[2] };
    0
}

/// [pthread_attr_setdetachstate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setdetachstate.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut pthread_attr_t, d: c_int) -> c_int {
    if !(0..=PTHREAD_CREATE_DETACHED).contains(&d) {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe { (*a).__i[2] = d };
    0
}

/// [pthread_attr_getstack](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getstack.html)
///
/// `EINVAL` when no stack was set (as wasi-libc).
///
/// # Safety
/// `a` valid; `addr`, `size` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstack(
    a: *const pthread_attr_t,
    addr: *mut *mut c_void,
    size: *mut size_t,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        let top = (*a).__i[3] as u32 as usize;
        if top == 0 {
            return Errno::EINVAL.0;
        }
        let s = (*a).__i[0] as u32 as usize;
        *size = s;
        *addr = (top - s) as *mut c_void;
    }
    0
}

/// [pthread_attr_setstack](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setstack.html)
///
/// # Safety
/// `a` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstack(
    a: *mut pthread_attr_t,
    addr: *mut c_void,
    size: size_t,
) -> c_int {
    let top = (addr as usize).wrapping_add(size);
    if size < PTHREAD_STACK_MIN as usize || size > usize::MAX / 4 || top < addr as usize || top == 0
    {
        return Errno::EINVAL.0;
    }
    // SAFETY: caller contract.
    unsafe {
        (*a).__i[0] = size as c_int;
        (*a).__i[3] = top as c_int;
    }
    0
}

/// [pthread_attr_getschedparam](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_getschedparam.html)
///
/// # Safety
/// `a` valid; `p` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedparam(
    a: *const pthread_attr_t,
    p: *mut sched_param,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*p).sched_priority = (*a).__i[4] };
    0
}

/// [pthread_attr_setschedparam](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_attr_setschedparam.html)
///
/// # Safety
/// `a` valid; `p` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedparam(
    a: *mut pthread_attr_t,
    p: *const sched_param,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { (*a).__i[4] = (*p).sched_priority };
    0
}

unsafe extern "C" {
    /// The end of the data segment, where wasm-ld puts the stack's top.
    static __heap_base: u8;
}

/// [pthread_getattr_np](https://man7.org/linux/man-pages/man3/pthread_getattr_np.3.html)
///
/// The attributes of the running thread: joinable, the default stack size,
/// the stack placed just below `__heap_base` (wasm-ld's layout). `ESRCH`
/// for any other thread.
///
/// # Safety
/// `a` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getattr_np(t: pthread_t, a: *mut pthread_attr_t) -> c_int {
    if t != block::self_handle() {
        return Errno::ESRCH.0;
    }
    // SAFETY: caller contract; only the symbol's address is taken.
    unsafe {
        *a = pthread_attr_t { __i: [0; 9] };
        (*a).__i[0] = DEFAULT_STACK as c_int;
        (*a).__i[3] = (&raw const __heap_base) as usize as c_int;
    }
    0
}
