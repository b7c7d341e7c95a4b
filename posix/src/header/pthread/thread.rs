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
/// Without threads (p1, p2, p1-mvp) always `EAGAIN` ("the system lacked
/// the resources to create another thread"; wasi-libc answers `ENOTSUP`,
/// which POSIX does not list). On p1-threads a wasi-threads thread with the
/// attribute's stack size (default 128 KiB; a stack address set with
/// `pthread_attr_setstack` is not used, only its size) and detach state;
/// `EAGAIN` when memory or the host refuses, `EINVAL` for a null start.
///
/// # Safety
/// `t` valid for a write; `attr` NULL or initialised.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_create(
    t: *mut pthread_t,
    attr: *const pthread_attr_t,
    start: Option<unsafe extern "C" fn(*mut c_void) -> *mut c_void>,
    arg: *mut c_void,
) -> c_int {
    #[cfg(not(wasm_threads))]
    {
        let _ = (t, attr, start, arg);
        Errno::EAGAIN.0
    }
    #[cfg(wasm_threads)]
    {
        let Some(start) = start else {
            return Errno::EINVAL.0;
        };
        let (stack, detached) = if attr.is_null() {
            (libc_core::thread::DEFAULT_STACK, false)
        } else {
            // SAFETY: caller contract.
            let i = unsafe { &(*attr).__i };
            let s = i[0] as u32 as usize;
            (
                if s == 0 {
                    libc_core::thread::DEFAULT_STACK
                } else {
                    s
                },
                i[2] == super::PTHREAD_CREATE_DETACHED,
            )
        };
        libc_core::thread::set_exit_hook(thread_end);
        match libc_core::thread::spawn(start, arg, stack, detached) {
            Ok(h) => {
                // SAFETY: caller contract.
                unsafe { *t = h.cast() };
                0
            }
            Err(e) => e.0,
        }
    }
}

/// What a thread does after its start function returned or called
/// `pthread_exit` (p1-threads): the C++ `thread_local` destructors, then
/// the thread-specific ones. In this order, as glibc: C++ says that what a
/// thread leaves "at thread exit" (`promise::set_value_at_thread_exit`,
/// `notify_all_at_thread_exit`) happens after its `thread_local` objects
/// are destroyed, and libc++ does it from a pthread key destructor. A
/// `thread_local` first used by a key destructor is destroyed after it.
#[cfg(wasm_threads)]
fn thread_end() {
    crate::header::stdlib::run_thread_dtors();
    run_destructors();
    crate::header::stdlib::run_thread_dtors();
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
/// Without threads: 0 for the running thread (as wasi-libc), `ESRCH` for
/// any other. On p1-threads: `ESRCH` for a thread that is not (or no
/// longer) known, `EINVAL` for one already detached or being joined.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_detach(t: pthread_t) -> c_int {
    #[cfg(wasm_threads)]
    if t != block::self_handle() || !libc_core::thread::current_or_null().is_null() {
        return match libc_core::thread::detach(t.cast()) {
            Ok(()) => 0,
            Err(e) => e.0,
        };
    }
    if t == block::self_handle() {
        0
    } else {
        Errno::ESRCH.0
    }
}

/// The answer of the joins: without threads no thread but the caller
/// exists; on p1-threads a real join (`res` written on success).
///
/// # Safety
/// `res` NULL or valid for a write.
unsafe fn join(t: pthread_t, res: *mut *mut c_void) -> c_int {
    if t == block::self_handle() {
        return Errno::EDEADLK.0;
    }
    #[cfg(wasm_threads)]
    {
        match libc_core::thread::join(t.cast()) {
            Ok(v) => {
                if !res.is_null() {
                    // SAFETY: caller contract.
                    unsafe { *res = v };
                }
                0
            }
            Err(e) => e.0,
        }
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = res;
        Errno::ESRCH.0
    }
}

/// [pthread_join](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_join.html)
///
/// `EDEADLK` for the caller itself, `ESRCH` for a thread that does not
/// exist (without threads: any other; wasi-libc returns 0 without writing
/// `*res`).
///
/// # Safety
/// `res` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_join(t: pthread_t, res: *mut *mut c_void) -> c_int {
    // SAFETY: caller contract.
    unsafe { join(t, res) }
}

/// [pthread_tryjoin_np](https://man7.org/linux/man-pages/man3/pthread_tryjoin_np.3.html)
///
/// Without threads as [`pthread_join`]; on p1-threads a join (it waits).
///
/// # Safety
/// `res` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_tryjoin_np(t: pthread_t, res: *mut *mut c_void) -> c_int {
    // SAFETY: caller contract.
    unsafe { join(t, res) }
}

/// [pthread_timedjoin_np](https://man7.org/linux/man-pages/man3/pthread_timedjoin_np.3.html)
///
/// As [`pthread_join`] (the deadline is not applied).
///
/// # Safety
/// `res` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_timedjoin_np(
    t: pthread_t,
    res: *mut *mut c_void,
    abs: *const timespec,
) -> c_int {
    let _ = abs;
    // SAFETY: caller contract.
    unsafe { join(t, res) }
}

/// [pthread_exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pthread_exit.html)
///
/// On p1-threads a secondary thread runs its cleanup handlers and
/// destructors and ends (its value goes to the joiner); the main thread
/// does the same, waits for the other threads, and exits with status 0.
/// Without threads the last thread exits: the cleanup handlers run, then the
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
    #[cfg(wasm_threads)]
    {
        thread_end();
        // A secondary thread ends here; the main thread returns once every
        // other thread has finished, and the process exits.
        libc_core::thread::exit_current(value);
    }
    #[cfg(not(wasm_threads))]
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
/// WASI has no cancellation: `ENOTSUP` without threads (as wasi-libc's
/// single-threaded build), `ENOSYS` on p1-threads (a thread cannot be
/// stopped from outside: WebAssembly threads have no signals).
#[unsafe(no_mangle)]
pub extern "C" fn pthread_cancel(t: pthread_t) -> c_int {
    let _ = t;
    if libc_core::THREADS {
        Errno::ENOSYS.0
    } else {
        Errno::ENOTSUP.0
    }
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
