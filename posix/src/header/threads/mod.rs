//! `threads.h`: C11 threads over the pthread objects (same layouts), for a
//! single-threaded program. wasi-libc's `wasm32-wasip1` defines only
//! `thrd_current`, `thrd_detach`, `thrd_equal`, `thrd_sleep` and `tss_get`;
//! the rest of C11's list is here too, as thin wrappers, so portable code
//! links (creating a thread fails with `thrd_nomem`).
#![allow(non_upper_case_globals)]

use crate::header::pthread::{self, block};
use crate::header::time::timespec;
use crate::platform::{c_int, c_long, c_uint, c_void};
use libc_core::types::NANOS_PER_SEC;
use libc_core::{Errno, Pal, Sys};

/// `thrd_t`: declared in the header as `struct __pthread *`, like `pthread_t`.
pub type thrd_t = *mut c_void;
/// `tss_t`
pub type tss_t = c_uint;
/// `once_flag`
pub type once_flag = c_int;

/// `mtx_t` (the layout of `pthread_mutex_t`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_mtx {
    pub __i: [c_int; 6],
}
/// `mtx_t`
pub type mtx_t = __wasm_libc_mtx;

/// `cnd_t` (the layout of `pthread_cond_t`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_cnd {
    pub __i: [c_int; 12],
}
/// `cnd_t`
pub type cnd_t = __wasm_libc_cnd;

const _: () = assert!(
    size_of::<mtx_t>() == size_of::<pthread::pthread_mutex_t>()
        && size_of::<cnd_t>() == size_of::<pthread::pthread_cond_t>()
);

pub const thrd_success: c_int = 0;
pub const thrd_busy: c_int = 1;
pub const thrd_error: c_int = 2;
pub const thrd_nomem: c_int = 3;
pub const thrd_timedout: c_int = 4;
pub const mtx_plain: c_int = 0;
pub const mtx_recursive: c_int = 1;
pub const mtx_timed: c_int = 2;
pub const ONCE_FLAG_INIT: c_int = 0;
pub const TSS_DTOR_ITERATIONS: c_int = 4;

/// A pthread error code as a C11 result.
fn res(e: c_int) -> c_int {
    match e {
        0 => thrd_success,
        e if e == Errno::EBUSY.0 => thrd_busy,
        e if e == Errno::ETIMEDOUT.0 => thrd_timedout,
        e if e == Errno::ENOMEM.0 || e == Errno::EAGAIN.0 => thrd_nomem,
        _ => thrd_error,
    }
}

/// [thrd_create](https://en.cppreference.com/w/c/thread/thrd_create)
///
/// Without threads (p1, p2, p1-mvp): `thrd_nomem`. On p1-threads a
/// thread (as `pthread_create` with default attributes) whose `int` result
/// `thrd_join` returns; `thrd_nomem` when memory or the host refuses.
///
/// # Safety
/// `t` valid for a write; `f` callable with `arg`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_create(
    t: *mut thrd_t,
    f: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
    arg: *mut c_void,
) -> c_int {
    #[cfg(wasm_threads)]
    {
        let Some(f) = f else { return thrd_error };
        let rec = wasm_libc_alloc::malloc(core::mem::size_of::<Start>()).cast::<Start>();
        if rec.is_null() {
            return thrd_nomem;
        }
        // SAFETY: a fresh block for one `Start`.
        unsafe { rec.write(Start { f, arg }) };
        // SAFETY: caller contract; the trampoline takes the record.
        let e =
            unsafe { pthread::pthread_create(t, core::ptr::null(), Some(trampoline), rec.cast()) };
        if e != 0 {
            // SAFETY: the thread did not start: the record is still ours.
            unsafe { wasm_libc_alloc::free(rec.cast()) };
        }
        res(e)
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = (t, f, arg);
        thrd_nomem
    }
}

/// A C11 thread's start function and argument, for [`trampoline`].
#[cfg(wasm_threads)]
struct Start {
    f: unsafe extern "C" fn(*mut c_void) -> c_int,
    arg: *mut c_void,
}

/// Runs a C11 start function on the new thread; its `int` is the value.
#[cfg(wasm_threads)]
unsafe extern "C" fn trampoline(rec: *mut c_void) -> *mut c_void {
    // SAFETY: the record `thrd_create` made for this thread.
    let Start { f, arg } = unsafe { rec.cast::<Start>().read() };
    // SAFETY: ours now.
    unsafe { wasm_libc_alloc::free(rec.cast()) };
    // SAFETY: the program's start function.
    unsafe { f(arg) as isize as *mut c_void }
}

/// [thrd_current](https://en.cppreference.com/w/c/thread/thrd_current)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_current() -> thrd_t {
    block::self_handle()
}

/// [thrd_equal](https://en.cppreference.com/w/c/thread/thrd_equal)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_equal(a: thrd_t, b: thrd_t) -> c_int {
    (a == b) as c_int
}

/// [thrd_detach](https://en.cppreference.com/w/c/thread/thrd_detach)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_detach(t: thrd_t) -> c_int {
    res(pthread::pthread_detach(t))
}

/// [thrd_join](https://en.cppreference.com/w/c/thread/thrd_join)
///
/// Without threads no other thread exists: `thrd_error`. On p1-threads a
/// join; `*r` (when not NULL) gets the thread's result.
///
/// # Safety
/// `r` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_join(t: thrd_t, r: *mut c_int) -> c_int {
    #[cfg(wasm_threads)]
    {
        let mut v = core::ptr::null_mut();
        // SAFETY: `v` is ours.
        let e = unsafe { pthread::pthread_join(t, &mut v) };
        if e == 0 && !r.is_null() {
            // SAFETY: caller contract.
            unsafe { *r = v as isize as c_int };
        }
        if e == 0 { thrd_success } else { thrd_error }
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = (t, r);
        thrd_error
    }
}

/// [thrd_exit](https://en.cppreference.com/w/c/thread/thrd_exit): as
/// `pthread_exit` (the process exits with status 0).
///
/// # Safety
/// See `pthread_exit`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_exit(r: c_int) -> ! {
    // SAFETY: caller contract.
    unsafe { pthread::pthread_exit(r as isize as *mut c_void) }
}

/// [thrd_yield](https://en.cppreference.com/w/c/thread/thrd_yield)
#[unsafe(no_mangle)]
pub extern "C" fn thrd_yield() {
    crate::header::sched::sched_yield();
}

/// [thrd_sleep](https://en.cppreference.com/w/c/thread/thrd_sleep)
///
/// Sleeps for the whole duration (never interrupted; `*rem`, when given,
/// is set to zero): 0; -2 for an invalid duration or a host error.
///
/// # Safety
/// `d` valid for a read; `rem` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_sleep(d: *const timespec, rem: *mut timespec) -> c_int {
    if d.is_null() {
        return -2;
    }
    // SAFETY: non-null and valid (caller contract).
    let t = unsafe { *d };
    if t.tv_sec < 0 || !(0..NANOS_PER_SEC as c_long).contains(&t.tv_nsec) {
        return -2;
    }
    let ns = (t.tv_sec as u64)
        .saturating_mul(NANOS_PER_SEC)
        .saturating_add(t.tv_nsec as u64);
    if Sys::sleep(ns).is_err() {
        return -2;
    }
    if !rem.is_null() {
        // SAFETY: non-null and valid (caller contract).
        unsafe { *rem = timespec::default() };
    }
    0
}

/// [call_once](https://en.cppreference.com/w/c/thread/call_once)
///
/// # Safety
/// `flag` valid; `f` a valid function.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn call_once(flag: *mut once_flag, f: unsafe extern "C" fn()) {
    // SAFETY: caller contract.
    unsafe { pthread::pthread_once(flag, f) };
}

/// [mtx_init](https://en.cppreference.com/w/c/thread/mtx_init):
/// `mtx_recursive` makes a recursive mutex, anything else a plain one.
///
/// # Safety
/// `m` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_init(m: *mut mtx_t, ty: c_int) -> c_int {
    let a = pthread::pthread_mutexattr_t {
        __attr: if ty & mtx_recursive != 0 {
            pthread::PTHREAD_MUTEX_RECURSIVE as c_uint
        } else {
            0
        },
    };
    // SAFETY: same layout (asserted above); caller contract.
    res(unsafe { pthread::pthread_mutex_init(m.cast(), &a) })
}

/// [mtx_destroy](https://en.cppreference.com/w/c/thread/mtx_destroy)
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_destroy(m: *mut mtx_t) {
    let _ = m;
}

/// [mtx_lock](https://en.cppreference.com/w/c/thread/mtx_lock): a plain
/// mutex the caller already holds gives `thrd_error` (it would deadlock).
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_lock(m: *mut mtx_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_mutex_lock(m.cast()) })
}

/// [mtx_trylock](https://en.cppreference.com/w/c/thread/mtx_trylock)
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_trylock(m: *mut mtx_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_mutex_trylock(m.cast()) })
}

/// [mtx_timedlock](https://en.cppreference.com/w/c/thread/mtx_timedlock):
/// a held mutex gives `thrd_timedout` once `abs` (realtime) has passed.
///
/// # Safety
/// `m` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_timedlock(m: *mut mtx_t, abs: *const timespec) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_mutex_timedlock(m.cast(), abs) })
}

/// [mtx_unlock](https://en.cppreference.com/w/c/thread/mtx_unlock)
///
/// # Safety
/// `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_unlock(m: *mut mtx_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_mutex_unlock(m.cast()) })
}

/// [cnd_init](https://en.cppreference.com/w/c/thread/cnd_init)
///
/// # Safety
/// `c` valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_init(c: *mut cnd_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_cond_init(c.cast(), core::ptr::null()) })
}

/// [cnd_destroy](https://en.cppreference.com/w/c/thread/cnd_destroy)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_destroy(c: *mut cnd_t) {
    let _ = c;
}

/// [cnd_signal](https://en.cppreference.com/w/c/thread/cnd_signal)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_signal(c: *mut cnd_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_cond_signal(c.cast()) })
}

/// [cnd_broadcast](https://en.cppreference.com/w/c/thread/cnd_broadcast)
///
/// # Safety
/// `c` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_broadcast(c: *mut cnd_t) -> c_int {
    // SAFETY: same layout; caller contract.
    res(unsafe { pthread::pthread_cond_broadcast(c.cast()) })
}

/// [cnd_wait](https://en.cppreference.com/w/c/thread/cnd_wait): nothing
/// could signal, traps (as `pthread_cond_wait`).
///
/// # Safety
/// `c`, `m` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_wait(c: *mut cnd_t, m: *mut mtx_t) -> c_int {
    // SAFETY: same layouts; caller contract.
    res(unsafe { pthread::pthread_cond_wait(c.cast(), m.cast()) })
}

/// [cnd_timedwait](https://en.cppreference.com/w/c/thread/cnd_timedwait):
/// sleeps until `abs` (realtime), `thrd_timedout`.
///
/// # Safety
/// `c`, `m` valid; `abs` valid for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_timedwait(
    c: *mut cnd_t,
    m: *mut mtx_t,
    abs: *const timespec,
) -> c_int {
    // SAFETY: same layouts; caller contract.
    res(unsafe { pthread::pthread_cond_timedwait(c.cast(), m.cast(), abs) })
}

/// [tss_create](https://en.cppreference.com/w/c/thread/tss_create)
///
/// # Safety
/// `k` valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_create(
    k: *mut tss_t,
    dtor: Option<unsafe extern "C" fn(*mut c_void)>,
) -> c_int {
    // SAFETY: caller contract.
    res(unsafe { pthread::pthread_key_create(k, dtor) })
}

/// [tss_delete](https://en.cppreference.com/w/c/thread/tss_delete)
///
/// # Safety
/// Any key.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_delete(k: tss_t) {
    // SAFETY: any key is accepted.
    unsafe { pthread::pthread_key_delete(k) };
}

/// [tss_get](https://en.cppreference.com/w/c/thread/tss_get)
///
/// # Safety
/// Any key.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_get(k: tss_t) -> *mut c_void {
    // SAFETY: any key is accepted.
    unsafe { pthread::pthread_getspecific(k) }
}

/// [tss_set](https://en.cppreference.com/w/c/thread/tss_set)
///
/// # Safety
/// Any key and value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_set(k: tss_t, v: *mut c_void) -> c_int {
    // SAFETY: any key is accepted.
    res(unsafe { pthread::pthread_setspecific(k, v) })
}
