//! Thread identity and life cycle, cancellation, cleanup handlers.

use super::block;
use super::key::run_destructors;
use super::{PTHREAD_CANCEL_ASYNCHRONOUS, PTHREAD_CANCEL_DISABLE, pthread_attr_t, pthread_t};
use crate::header::time::timespec;
use crate::platform::{c_int, c_void};
use core::ptr::null_mut;
use libc_core::Errno;
use libc_core::single::Single;

/// [pthread_create](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_create.html)
///
/// This build has one thread: always `EAGAIN` ("the system lacked the
/// resources to create another thread"; wasi-libc answers `ENOTSUP`,
/// which POSIX does not list).
///
/// # Safety
/// Any arguments; nothing is written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_create(
    t: *mut pthread_t,
    attr: *const pthread_attr_t,
    start: Option<unsafe extern "C" fn(*mut c_void) -> *mut c_void>,
    arg: *mut c_void,
) -> c_int {
    let _ = (t, attr, start, arg);
    Errno::EAGAIN.0
}

/// [pthread_self](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_self.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_self() -> pthread_t {
    block::self_handle()
}

/// [pthread_equal](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_equal.html)
#[unsafe(no_mangle)]
pub extern "C" fn pthread_equal(a: pthread_t, b: pthread_t) -> c_int {
    (a == b) as c_int
}

/// [pthread_detach](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_detach.html)
///
/// 0 for the running thread (as wasi-libc), `ESRCH` for any other.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_detach(t: pthread_t) -> c_int {
    if t == block::self_handle() {
        0
    } else {
        Errno::ESRCH.0
    }
}

/// The answer of the joins: no thread but the caller exists.
fn join(t: pthread_t) -> c_int {
    if t == block::self_handle() {
        Errno::EDEADLK.0
    } else {
        Errno::ESRCH.0
    }
}

/// [pthread_join](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_join.html)
///
/// `EDEADLK` for the caller itself, `ESRCH` for any other thread (none can
/// exist). wasi-libc returns 0 without writing `*res`.
///
/// # Safety
/// Any arguments; nothing is written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_join(t: pthread_t, res: *mut *mut c_void) -> c_int {
    let _ = res;
    join(t)
}

/// [pthread_tryjoin_np](https://man7.org/linux/man-pages/man3/pthread_tryjoin_np.3.html)
///
/// As [`pthread_join`].
///
/// # Safety
/// Any arguments; nothing is written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_tryjoin_np(t: pthread_t, res: *mut *mut c_void) -> c_int {
    let _ = res;
    join(t)
}

/// [pthread_timedjoin_np](https://man7.org/linux/man-pages/man3/pthread_timedjoin_np.3.html)
///
/// As [`pthread_join`].
///
/// # Safety
/// Any arguments; nothing is written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_timedjoin_np(
    t: pthread_t,
    res: *mut *mut c_void,
    abs: *const timespec,
) -> c_int {
    let _ = (res, abs);
    join(t)
}

/// [pthread_exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_exit.html)
///
/// The last thread exits: the cleanup handlers run, then the
/// thread-specific destructors, then the process exits with status 0
/// (as after the last thread on any system).
///
/// # Safety
/// Cleanup handlers and destructors must be callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_exit(value: *mut c_void) -> ! {
    let _ = value;
    loop {
        let cb = CLEANUP.load();
        if cb.is_null() {
            break;
        }
        // SAFETY: a record pushed by _pthread_cleanup_push, still on its
        // frame (the frame is never left: this function does not return).
        unsafe {
            CLEANUP.store((*cb).__next);
            if let Some(f) = (*cb).__f {
                f((*cb).__x);
            }
        }
    }
    run_destructors();
    crate::header::stdlib::exit(0)
}

/// `struct __ptcb`: a cleanup record on the caller's stack
/// (`pthread_cleanup_push`).
#[repr(C)]
pub struct __ptcb {
    pub __f: Option<unsafe extern "C" fn(*mut c_void)>,
    pub __x: *mut c_void,
    pub __next: *mut __ptcb,
}

static CLEANUP: Single<*mut __ptcb> = Single::new(null_mut());

/// The function behind `pthread_cleanup_push` (a macro).
///
/// # Safety
/// `cb` valid until the matching `_pthread_cleanup_pop`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_push(
    cb: *mut __ptcb,
    f: Option<unsafe extern "C" fn(*mut c_void)>,
    x: *mut c_void,
) {
    // SAFETY: caller contract.
    unsafe {
        (*cb).__f = f;
        (*cb).__x = x;
        (*cb).__next = CLEANUP.load();
    }
    CLEANUP.store(cb);
}

/// The function behind `pthread_cleanup_pop` (a macro): unlinks `cb` and
/// runs its handler when `run` is non-zero.
///
/// # Safety
/// `cb` the record of the matching `_pthread_cleanup_push`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_pop(cb: *mut __ptcb, run: c_int) {
    // SAFETY: caller contract.
    unsafe {
        CLEANUP.store((*cb).__next);
        if run != 0
            && let Some(f) = (*cb).__f
        {
            f((*cb).__x);
        }
    }
}

static CANCEL_STATE: Single<c_int> = Single::new(0);
static CANCEL_TYPE: Single<c_int> = Single::new(0);

/// [pthread_cancel](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_cancel.html)
///
/// WASI has no cancellation: `ENOTSUP` (as wasi-libc).
#[unsafe(no_mangle)]
pub extern "C" fn pthread_cancel(t: pthread_t) -> c_int {
    let _ = t;
    Errno::ENOTSUP.0
}

/// [pthread_testcancel](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_testcancel.html)
///
/// Nothing can be pending (see [`pthread_cancel`]).
#[unsafe(no_mangle)]
pub extern "C" fn pthread_testcancel() {}

/// Swaps a recorded setting, `EINVAL` above `max`.
///
/// # Safety
/// `old` NULL or valid for a write.
unsafe fn swap(cell: &Single<c_int>, new: c_int, max: c_int, old: *mut c_int) -> c_int {
    if !(0..=max).contains(&new) {
        return Errno::EINVAL.0;
    }
    if !old.is_null() {
        // SAFETY: caller contract.
        unsafe { *old = cell.load() };
    }
    cell.store(new);
    0
}

/// [pthread_setcancelstate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setcancelstate.html)
///
/// Recorded (cancellation never happens).
///
/// # Safety
/// `old` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcancelstate(new: c_int, old: *mut c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { swap(&CANCEL_STATE, new, PTHREAD_CANCEL_DISABLE, old) }
}

/// [pthread_setcanceltype](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_setcanceltype.html)
///
/// Recorded (cancellation never happens).
///
/// # Safety
/// `old` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcanceltype(new: c_int, old: *mut c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { swap(&CANCEL_TYPE, new, PTHREAD_CANCEL_ASYNCHRONOUS, old) }
}
