//! The C++ ABI's exit-time hooks: `__cxa_atexit`, `__cxa_finalize`,
//! `__cxa_thread_atexit_impl` (Itanium C++ ABI 3.3.5, which WebAssembly's
//! C++ ABI follows).
//!
//! C++ requires the destructors of static objects and the `atexit`
//! handlers to run in the reverse order of their registration,
//! interleaved. So the `__cxa_atexit` entries (function, argument, DSO
//! handle) live in a heap-grown list of their own, and a run of them
//! registered one after the other is represented in `atexit`'s table by one
//! slot holding [`run_cxa`]: when `exit` reaches that slot, `run_cxa` runs
//! the entries of its run, last first. A program that never calls
//! `__cxa_atexit` does not link any of this (no cost for `exit`).
//!
//! Thread-local destructors (`__cxa_thread_atexit_impl`; one thread) run
//! before all of those, as C++ sequences them: they have a list of their
//! own, run by [`run_tls`], which is kept in the newest `atexit` slot (a
//! later `__cxa_atexit` goes in below it). Only an `atexit` call made after
//! the first thread-local destructor was registered lands above it (its
//! handler then runs first).

use super::{ATEXIT, atexit};
use crate::platform::{c_int, c_void};
use libc_core::shared::Shared;
use libc_core::single::Single;

type Dtor = unsafe extern "C" fn(*mut c_void);

#[derive(Copy, Clone)]
struct Entry {
    /// `None` once run (by `__cxa_finalize`).
    f: Option<Dtor>,
    arg: *mut c_void,
    dso: *mut c_void,
    /// The `atexit` slot whose [`run_cxa`] runs this entry (unused for
    /// thread-local destructors).
    slot: usize,
}

struct List {
    ptr: *mut Entry,
    len: usize,
    cap: usize,
}

impl List {
    const fn new() -> Self {
        List {
            ptr: core::ptr::null_mut(),
            len: 0,
            cap: 0,
        }
    }
}

/// Static destructors (`__cxa_atexit`): shared by all threads.
static LIST: Shared<List> = Shared::new(List::new());
/// Thread-local destructors (`__cxa_thread_atexit_impl`).
static TLS: Single<List> = Single::new(List::new());

/// Pops the newest entry of `list` if `take` accepts it.
///
/// # Safety
/// `list` is [`LIST`] or the calling thread's [`TLS`]; the borrow ends
/// before any handler runs.
unsafe fn pop_if(list: *mut List, take: impl Fn(&Entry) -> bool) -> Option<Entry> {
    // SAFETY: caller contract.
    let l = unsafe { &mut *list };
    if l.len == 0 {
        return None;
    }
    // SAFETY: `len - 1 < len <= cap`.
    let e = unsafe { *l.ptr.add(l.len - 1) };
    if !take(&e) {
        return None;
    }
    l.len -= 1;
    Some(e)
}

fn call(e: Entry) {
    if let Some(f) = e.f {
        // SAFETY: registered by the program with this argument.
        unsafe { f(e.arg) };
    }
}

/// The `atexit` handler standing for the run of entries registered while
/// it was the newest static-destructor slot.
extern "C" fn run_cxa() {
    // `exit` gives up a slot before running it: ours is `count + 1`.
    // SAFETY: single-threaded; plain read.
    let slot = unsafe { (*ATEXIT.as_ptr()).count } + 1;
    // SAFETY: the shared list; at exit.
    while let Some(e) = unsafe { pop_if(LIST.as_ptr(), |e| e.slot == slot) } {
        call(e);
    }
}

/// The `atexit` handler that runs every thread-local destructor.
extern "C" fn run_tls() {
    // SAFETY: the calling thread's list.
    while let Some(e) = unsafe { pop_if(TLS.get(), |_| true) } {
        call(e);
    }
}

/// The calling thread's thread-local destructors, at its end (p1-threads:
/// a secondary thread's `thread_local` objects die with it), then the
/// list's block is given back (the thread's storage goes with the thread).
#[cfg(wasm_threads)]
pub(crate) fn run_thread_dtors() {
    run_tls();
    // SAFETY: the calling thread's list, empty now; no handler runs.
    unsafe {
        let l = &mut *TLS.get();
        wasm_libc_alloc::free(l.ptr.cast());
        *l = List::new();
    }
}

///
/// # Safety
/// As for [`pop_if`]; no handler runs here.
unsafe fn push(list: *mut List, e: Entry) -> bool {
    // SAFETY: caller contract.
    let l = unsafe { &mut *list };
    if l.len == l.cap {
        let cap = if l.cap == 0 { 16 } else { l.cap * 2 };
        let Some(bytes) = cap.checked_mul(core::mem::size_of::<Entry>()) else {
            return false;
        };
        // SAFETY: `ptr` is null or the list's own block.
        let p = unsafe { wasm_libc_alloc::realloc(l.ptr.cast(), bytes) };
        if p.is_null() {
            return false;
        }
        l.ptr = p.cast();
        l.cap = cap;
    }
    // SAFETY: `len < cap`.
    unsafe { l.ptr.add(l.len).write(e) };
    l.len += 1;
    true
}

/// Whether `atexit` slot `i` holds `f`.
fn slot_is(i: usize, f: extern "C" fn()) -> bool {
    // SAFETY: single-threaded; plain reads.
    let h = unsafe { &*ATEXIT.as_ptr() };
    i > 0 && i <= h.count && h.list[i].is_some_and(|g| core::ptr::fn_addr_eq(g, f))
}

/// Moves the newest `atexit` slot up by one, leaving slot `count` free
/// for a new handler below it: false when the table is full.
fn open_below_top() -> bool {
    // SAFETY: single-threaded; plain reads.
    let top = unsafe {
        let h = &*ATEXIT.as_ptr();
        h.list.get(h.count).copied().flatten()
    };
    top.is_some() && atexit(top) == 0
}

/// [__cxa_atexit](https://itanium-cxx-abi.github.io/cxx-abi/abi.html#dso-dtor-runtime-api)
///
/// Registers `f(arg)` to run at `exit` (or at `__cxa_finalize(dso)`), in
/// reverse order of registration together with `atexit` handlers. Returns
/// 0, or -1 when out of memory or `atexit` slots.
///
/// # Safety
/// `f` must be callable with `arg` until it runs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_atexit(
    f: Option<Dtor>,
    arg: *mut c_void,
    dso: *mut c_void,
) -> c_int {
    let Some(f) = f else { return -1 };
    let ours = run_cxa as extern "C" fn();
    // SAFETY: single-threaded; plain read.
    let mut count = unsafe { (*ATEXIT.as_ptr()).count };
    // Below the thread-local slot, if it is the newest.
    let below_tls = slot_is(count, run_tls);
    if below_tls {
        count -= 1;
    }
    let slot = if slot_is(count, ours) {
        count
    } else if below_tls {
        // The thread-local slot moves up; ours takes its place.
        if !open_below_top() {
            return -1;
        }
        // SAFETY: single-threaded; `count + 1` is the old top, now free.
        unsafe { (*ATEXIT.as_ptr()).list[count + 1] = Some(ours) };
        count + 1
    } else {
        if atexit(Some(ours)) != 0 {
            return -1;
        }
        count + 1
    };
    let e = Entry {
        f: Some(f),
        arg,
        dso,
        slot,
    };
    // SAFETY: the shared list (registrations come from the main thread's
    // start-up in practice; see docs/threads.md).
    if unsafe { push(LIST.as_ptr(), e) } {
        0
    } else {
        -1
    }
}

/// `__cxa_thread_atexit_impl`: the destructor of a `thread_local` object
/// (what libc++abi's `__cxa_thread_atexit` calls). One thread: runs at
/// `exit`, before the static destructors (see the module documentation).
///
/// # Safety
/// As for [`__cxa_atexit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_thread_atexit_impl(
    f: Option<Dtor>,
    obj: *mut c_void,
    dso: *mut c_void,
) -> c_int {
    let Some(f) = f else { return -1 };
    // On p1-threads a secondary thread's objects die with it (the thread's
    // end runs its list); the main thread's at `exit`.
    let main = crate::header::pthread::block::self_id() == 1;
    // SAFETY: a plain read.
    let count = unsafe { (*ATEXIT.as_ptr()).count };
    if main && !slot_is(count, run_tls) && atexit(Some(run_tls)) != 0 {
        return -1;
    }
    let e = Entry {
        f: Some(f),
        arg: obj,
        dso,
        slot: 0,
    };
    // SAFETY: the calling thread's list.
    if unsafe { push(TLS.get(), e) } { 0 } else { -1 }
}

/// [__cxa_finalize](https://itanium-cxx-abi.github.io/cxx-abi/abi.html#dso-dtor-runtime-api)
///
/// Runs (once, newest first) the static destructors registered with
/// `dso`, or all of them for NULL. Entries that run here are skipped by
/// `exit` later.
///
/// # Safety
/// The registered functions must still be callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_finalize(dso: *mut c_void) {
    // SAFETY: single-threaded; reads.
    let mut i = unsafe { (*LIST.as_ptr()).len };
    while i > 0 {
        i -= 1;
        // SAFETY: single-threaded; `i` is checked against the current
        // length (a handler may have grown the list).
        let f = unsafe {
            let l = &mut *LIST.as_ptr();
            if i >= l.len {
                continue;
            }
            let e = &mut *l.ptr.add(i);
            if !dso.is_null() && e.dso != dso {
                continue;
            }
            (e.f.take(), e.arg)
        };
        if let (Some(f), arg) = f {
            // SAFETY: as registered.
            unsafe { f(arg) };
        }
    }
}
