//! Threads over wasi-threads (the `p1-threads` flavour only).
//!
//! A thread is one heap block: its descriptor ([`Thread`]), its TLS block
//! (wasm-ld's `__tls_size`/`__tls_align`, initialised by the new thread with
//! `__wasm_init_tls`) and its stack (the top is at the end of the block).
//! [`spawn`] asks the host for a thread with the `wasi` `thread-spawn`
//! import; the host calls the module's `wasi_thread_start(tid, desc)`
//! export (`crt/thread_start.s`), which sets `__stack_pointer` from the
//! descriptor and calls [`__wasm_libc_thread_main`].
//!
//! A thread's block is freed only once nothing runs on its stack: the
//! assembly sets [`Thread::done`] after the last Rust frame returned (or,
//! for `pthread_exit`, before parking for good), so a joiner waits for that
//! word, and a detached thread is freed by a later [`spawn`] (the reaper)
//! once its word is set.
//!
//! WebAssembly has no way to unwind a thread's call stack without the
//! exception-handling proposal, so a thread that calls `pthread_exit`
//! (rather than returning from its start function) ends by waiting forever
//! on a word nobody notifies: to the program it has exited (its value is
//! joinable, its block is reclaimed), the host thread stays parked until
//! the process ends.

use crate::futex::{self, Lock};
use crate::{Errno, Pal, Sys};
use core::ffi::c_void;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, Ordering};

unsafe extern "C" {
    /// The calling thread's descriptor, null on the main thread.
    fn __wasm_libc_thread_self() -> *mut Thread;
    fn __wasm_libc_thread_set_self(t: *mut Thread);
    fn __wasm_libc_tls_size() -> usize;
    fn __wasm_libc_tls_align() -> usize;
    fn __wasm_libc_init_tls(block: *mut u8);
    /// The `wasi` `thread-spawn` import (`crt/thread_start.s`).
    fn __wasm_libc_thread_spawn(arg: *mut Thread) -> i32;
    /// Sets `t.done`, wakes its joiners and waits forever (`crt/thread_start.s`).
    fn __wasm_libc_thread_park(t: *mut Thread) -> !;
}

/// A thread's start function, as `pthread_create` takes it.
pub type Start = unsafe extern "C" fn(*mut c_void) -> *mut c_void;

const JOINABLE: i32 = 0;
const DETACHED: i32 = 1;
/// Finished its Rust part while joinable: waits for a join.
const EXITED: i32 = 2;
/// Being joined: the joiner frees it.
const JOINING: i32 = 3;
/// Finished and detached: the reaper frees it once `done` is set.
const REAP: i32 = 4;

/// A thread's descriptor, at the start of its block. `crt/thread_start.s` reads
/// `stack_top` (offset 0) and writes `done` (offset 8).
#[repr(C)]
pub struct Thread {
    stack_top: usize,
    tls: *mut u8,
    /// Set to 1 (and notified) by the assembly once the stack is unused.
    done: AtomicI32,
    state: AtomicI32,
    /// Never 0; the main thread is 1.
    pub id: i32,
    start: Option<Start>,
    arg: *mut c_void,
    result: *mut c_void,
    /// Next on the list of live threads ([`THREADS`]).
    next: *mut Thread,
    /// This thread's copies of the per-thread statics ([`crate::tls`]).
    pub(crate) locals: [*mut u8; crate::tls::MAX_LOCALS],
}

const _: () = assert!(core::mem::offset_of!(Thread, done) == 8);

/// Every thread created and not yet freed (a list through `next`), behind
/// its lock.
struct List(core::cell::UnsafeCell<*mut Thread>);
// SAFETY: the list head is only touched with `THREADS_LOCK` held.
unsafe impl Sync for List {}
static THREADS: List = List(core::cell::UnsafeCell::new(null_mut()));
static THREADS_LOCK: Lock = Lock::new();

/// Threads started and not yet finished (the main thread not counted).
static RUNNING: AtomicI32 = AtomicI32::new(0);
static NEXT_ID: AtomicI32 = AtomicI32::new(2);

/// What every thread runs after its start function returned (the C
/// library's destructors), set by `pthread_create`.
static EXIT_HOOK: core::sync::atomic::AtomicPtr<()> =
    core::sync::atomic::AtomicPtr::new(null_mut());

/// Sets the function every thread runs after its start function returns.
pub fn set_exit_hook(f: fn()) {
    EXIT_HOOK.store(f as *mut (), Ordering::Release);
}

/// What runs a thread's start function when set: the C++ runtime's
/// outermost handler for `-fwasm-exceptions` programs
/// (`crt/cxx_eh_guard.cpp`), which turns an exception escaping the thread
/// into `std::terminate` (WebAssembly unwinding has no search phase: it
/// would otherwise leave the module as a runtime error).
static START_GUARD: core::sync::atomic::AtomicPtr<()> =
    core::sync::atomic::AtomicPtr::new(null_mut());

/// The function that runs every later thread's start function (`start`
/// with its argument): set by the C++ runtime's static constructor.
#[unsafe(no_mangle)]
pub extern "C" fn __wasm_libc_set_thread_guard(
    guard: Option<unsafe extern "C" fn(Start, *mut c_void) -> *mut c_void>,
) {
    START_GUARD.store(
        guard.map_or(null_mut(), |g| g as *mut ()),
        Ordering::Release,
    );
}

/// Default stack size of a new thread.
pub const DEFAULT_STACK: usize = 128 * 1024;

/// The calling thread's descriptor, null on the main thread.
#[inline(always)]
pub fn current_or_null() -> *mut Thread {
    // SAFETY: a plain read of a `_Thread_local`.
    unsafe { __wasm_libc_thread_self() }
}

/// The calling thread's id (1 on the main thread, never 0).
#[inline]
pub fn current_id() -> i32 {
    let t = current_or_null();
    if t.is_null() {
        1
    } else {
        // SAFETY: the live descriptor of the calling thread.
        unsafe { (*t).id }
    }
}

/// A message on stderr, then a trap: for states the library cannot report.
#[cold]
pub fn fatal(msg: &[u8]) -> ! {
    // The write itself may need a per-thread copy (the p1 write area) and
    // fail the same way: then trap without a message.
    static ONCE: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);
    if !ONCE.swap(true, Ordering::Relaxed) {
        let _ = Sys::write_all(2, msg);
    }
    crate::trap()
}

/// Starts `start(arg)` on a new thread with a stack of `stack` bytes.
/// `EAGAIN` when memory or the host refuses.
pub fn spawn(
    start: Start,
    arg: *mut c_void,
    stack: usize,
    detached: bool,
) -> Result<*mut Thread, Errno> {
    reap();
    // SAFETY: plain accessors of wasm-ld's globals.
    let (tls_size, tls_align) =
        unsafe { (__wasm_libc_tls_size(), __wasm_libc_tls_align().max(16)) };
    let desc = core::mem::size_of::<Thread>().next_multiple_of(tls_align);
    let stack = stack.max(16 * 1024).next_multiple_of(16);
    let Some(total) = desc
        .checked_add(tls_size.next_multiple_of(16))
        .and_then(|n| n.checked_add(stack))
    else {
        return Err(Errno::EAGAIN);
    };
    let block = crate::heap_alloc(total, tls_align);
    if block.is_null() {
        return Err(Errno::EAGAIN);
    }
    let t = block.cast::<Thread>();
    // SAFETY: `block` holds `total` bytes, the descriptor first, then the
    // TLS block, zeroed here (`__wasm_init_tls` copies the initialised
    // data; zero-initialised thread-locals must start at 0 too).
    unsafe {
        core::ptr::write_bytes(block.add(desc), 0, tls_size);
        t.write(Thread {
            stack_top: block as usize + total,
            tls: block.add(desc),
            done: AtomicI32::new(0),
            state: AtomicI32::new(if detached { DETACHED } else { JOINABLE }),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            start: Some(start),
            arg,
            result: null_mut(),
            next: null_mut(),
            locals: [null_mut(); crate::tls::MAX_LOCALS],
        });
        let _g = THREADS_LOCK.lock();
        (*t).next = *THREADS.0.get();
        *THREADS.0.get() = t;
    }
    RUNNING.fetch_add(1, Ordering::AcqRel);
    // SAFETY: `t` is complete; the new thread owns it from here.
    if unsafe { __wasm_libc_thread_spawn(t) } <= 0 {
        RUNNING.fetch_sub(1, Ordering::AcqRel);
        // SAFETY: the host started nothing; the block is still ours.
        unsafe { unlink_and_free(t) };
        return Err(Errno::EAGAIN);
    }
    Ok(t)
}

/// Takes `t` off the list and frees its block.
///
/// # Safety
/// `t` is on the list and nothing runs on it any more.
unsafe fn unlink_and_free(t: *mut Thread) {
    {
        let _g = THREADS_LOCK.lock();
        // SAFETY: the lock is held; every entry is a live descriptor.
        unsafe {
            let mut link = THREADS.0.get();
            while !(*link).is_null() {
                if *link == t {
                    *link = (*t).next;
                    break;
                }
                link = &raw mut (**link).next;
            }
        }
    }
    // SAFETY: caller contract: the block is unused.
    unsafe { crate::heap_free(t.cast()) };
}

/// Whether `t` is a thread of the list (the answer for a stale or made-up
/// `pthread_t`: `ESRCH`, never a read of it).
fn known(t: *mut Thread) -> bool {
    let _g = THREADS_LOCK.lock();
    // SAFETY: the lock is held; every entry is a live descriptor.
    unsafe {
        let mut p = *THREADS.0.get();
        while !p.is_null() {
            if p == t {
                return true;
            }
            p = (*p).next;
        }
    }
    false
}

/// Frees the detached threads that have finished.
fn reap() {
    loop {
        let mut found = null_mut();
        {
            let _g = THREADS_LOCK.lock();
            // SAFETY: the lock is held.
            unsafe {
                let mut p = *THREADS.0.get();
                while !p.is_null() {
                    if (*p).state.load(Ordering::Acquire) == REAP
                        && (*p).done.load(Ordering::Acquire) != 0
                    {
                        found = p;
                        break;
                    }
                    p = (*p).next;
                }
            }
        }
        if found.is_null() {
            return;
        }
        // SAFETY: finished (`done`), detached: nobody else frees it.
        unsafe { unlink_and_free(found) };
    }
}

/// Waits for `t` to end and returns its value (`pthread_join`).
// The pointer is only dereferenced once found on the list of live threads
// (a stale or made-up handle is `ESRCH`), or is only stored.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn join(t: *mut Thread) -> Result<*mut c_void, Errno> {
    if t == current_or_null() && !t.is_null() {
        return Err(Errno::EDEADLK);
    }
    if t.is_null() || !known(t) {
        return Err(Errno::ESRCH);
    }
    // SAFETY: `t` is on the list: live until joined or reaped, and only a
    // claim below (one winner) leads to its free.
    let tr = unsafe { &*t };
    loop {
        let s = tr.state.load(Ordering::Acquire);
        match s {
            JOINABLE | EXITED => {
                if tr
                    .state
                    .compare_exchange(s, JOINING, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                {
                    break;
                }
            }
            _ => return Err(Errno::EINVAL),
        }
    }
    while tr.done.load(Ordering::Acquire) == 0 {
        futex::wait(&tr.done, 0, None);
    }
    let v = tr.result;
    // SAFETY: done: nothing runs on the block; we won the claim.
    unsafe { unlink_and_free(t) };
    Ok(v)
}

/// Marks `t` detached (`pthread_detach`): freed when it ends.
// The pointer is only dereferenced once found on the list of live threads
// (a stale or made-up handle is `ESRCH`), or is only stored.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn detach(t: *mut Thread) -> Result<(), Errno> {
    if t.is_null() || !known(t) {
        return Err(Errno::ESRCH);
    }
    // SAFETY: on the list: live (see `join`).
    let tr = unsafe { &*t };
    if tr
        .state
        .compare_exchange(JOINABLE, DETACHED, Ordering::AcqRel, Ordering::Acquire)
        .is_ok()
        || tr
            .state
            .compare_exchange(EXITED, REAP, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    {
        return Ok(());
    }
    Err(Errno::EINVAL)
}

/// The end of a thread's Rust part: records the value, frees the
/// per-thread copies, hands the block to its joiner or the reaper.
///
/// # Safety
/// `t` is the calling thread's descriptor; no per-thread static is touched
/// afterwards.
unsafe fn finish(t: *mut Thread, value: *mut c_void) {
    // SAFETY: caller contract.
    let tr = unsafe { &mut *t };
    tr.result = value;
    for p in tr.locals.iter_mut() {
        // SAFETY: blocks from `heap_alloc` in `tls::PerThread::local`.
        unsafe { crate::heap_free(*p) };
        *p = null_mut();
    }
    if let Err(DETACHED) =
        tr.state
            .compare_exchange(JOINABLE, EXITED, Ordering::AcqRel, Ordering::Acquire)
    {
        tr.state.store(REAP, Ordering::Release);
    }
    if RUNNING.fetch_sub(1, Ordering::AcqRel) == 1 {
        futex::wake(&RUNNING, u32::MAX);
    }
}

/// Ends the calling thread with `value` (`pthread_exit`, after the cleanup
/// handlers and destructors). On the main thread this waits until every
/// other thread has finished and returns (the caller then exits the
/// process, as after the last thread).
// The pointer is only dereferenced once found on the list of live threads
// (a stale or made-up handle is `ESRCH`), or is only stored.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn exit_current(value: *mut c_void) {
    let t = current_or_null();
    if t.is_null() {
        loop {
            let n = RUNNING.load(Ordering::Acquire);
            if n == 0 {
                return;
            }
            futex::wait(&RUNNING, n, None);
        }
    }
    // SAFETY: the calling thread's descriptor; nothing per-thread after.
    unsafe {
        finish(t, value);
        __wasm_libc_thread_park(t)
    }
}

/// Called by `wasi_thread_start` (`crt/thread_start.s`) on the new thread's
/// stack.
///
/// # Safety
/// Only the assembly calls it, with the descriptor `spawn` made.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_thread_main(_tid: i32, t: *mut Thread) {
    // SAFETY: the block `spawn` laid out; TLS before anything touches it.
    unsafe {
        __wasm_libc_init_tls((*t).tls);
        __wasm_libc_thread_set_self(t);
        let guard = START_GUARD.load(Ordering::Acquire);
        let v = match (*t).start {
            Some(f) if !guard.is_null() => {
                // SAFETY: only `__wasm_libc_set_thread_guard` stores here,
                // a function of this type.
                let g = core::mem::transmute::<
                    *mut (),
                    unsafe extern "C" fn(Start, *mut c_void) -> *mut c_void,
                >(guard);
                g(f, (*t).arg)
            }
            Some(f) => f((*t).arg),
            None => null_mut(),
        };
        let hook = EXIT_HOOK.load(Ordering::Acquire);
        if !hook.is_null() {
            // SAFETY: only `set_exit_hook` stores here, a `fn()`.
            let f: fn() = core::mem::transmute::<*mut (), fn()>(hook);
            f();
        }
        finish(t, v);
    }
}
