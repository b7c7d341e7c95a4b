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
//! Thread-local destructors (`__cxa_thread_atexit_impl`): there is one
//! thread, so they are registered like static destructors and run at
//! `exit` in the same reverse order. (C++ sequences every thread-local
//! destructor before every static one; the difference shows only for a
//! thread-local object constructed before a static object with a
//! destructor. A per-thread list would cost every `exit` a check.)

use super::{ATEXIT, atexit};
use crate::platform::{c_int, c_void};
use libc_core::single::Single;

type Dtor = unsafe extern "C" fn(*mut c_void);

#[derive(Copy, Clone)]
struct Entry {
    /// `None` once run (by `__cxa_finalize`).
    f: Option<Dtor>,
    arg: *mut c_void,
    dso: *mut c_void,
    /// The `atexit` slot whose [`run_cxa`] runs this entry.
    slot: usize,
}

struct List {
    ptr: *mut Entry,
    len: usize,
    cap: usize,
}

static LIST: Single<List> = Single::new(List {
    ptr: core::ptr::null_mut(),
    len: 0,
    cap: 0,
});

/// Entry `i` of the list (by value: a handler may grow and move the list).
///
/// # Safety
/// `i < len`.
unsafe fn entry(i: usize) -> Entry {
    // SAFETY: single-threaded; `i < len <= cap` (caller contract).
    unsafe { *(*LIST.get()).ptr.add(i) }
}

/// The `atexit` handler standing for the run of entries registered while
/// it was the newest `atexit` slot.
extern "C" fn run_cxa() {
    // `exit` gives up a slot before running it: ours is `count + 1`.
    // SAFETY: single-threaded; plain reads.
    let slot = unsafe { (*ATEXIT.get()).count } + 1;
    loop {
        // SAFETY: single-threaded; the borrow ends before the call.
        let e = unsafe {
            let l = &mut *LIST.get();
            if l.len == 0 {
                return;
            }
            let e = entry(l.len - 1);
            if e.slot != slot {
                return;
            }
            l.len -= 1;
            e
        };
        if let Some(f) = e.f {
            // SAFETY: registered by the program with this argument.
            unsafe { f(e.arg) };
        }
    }
}

fn push(e: Entry) -> bool {
    // SAFETY: single-threaded; no handler runs here.
    let l = unsafe { &mut *LIST.get() };
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
    // SAFETY: single-threaded; the borrow ends here.
    let (count, top) = unsafe {
        let h = &*ATEXIT.get();
        (h.count, h.list.get(h.count).copied().flatten())
    };
    let ours = run_cxa as extern "C" fn();
    let slot = if count > 0 && top.is_some_and(|t| core::ptr::fn_addr_eq(t, ours)) {
        count
    } else {
        if atexit(Some(run_cxa)) != 0 {
            return -1;
        }
        count + 1
    };
    if push(Entry {
        f: Some(f),
        arg,
        dso,
        slot,
    }) {
        0
    } else {
        -1
    }
}

/// `__cxa_thread_atexit_impl`: the destructor of a `thread_local` object
/// (what libc++abi's `__cxa_thread_atexit` calls). One thread: runs at
/// `exit` like a `__cxa_atexit` entry (see the module documentation).
///
/// # Safety
/// As for [`__cxa_atexit`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_thread_atexit_impl(
    f: Option<Dtor>,
    obj: *mut c_void,
    dso: *mut c_void,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { __cxa_atexit(f, obj, dso) }
}

/// [__cxa_finalize](https://itanium-cxx-abi.github.io/cxx-abi/abi.html#dso-dtor-runtime-api)
///
/// Runs (once, newest first) the entries registered with `dso`, or all of
/// them for NULL. Entries that run here are skipped by `exit` later.
///
/// # Safety
/// The registered functions must still be callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_finalize(dso: *mut c_void) {
    // SAFETY: single-threaded; reads.
    let mut i = unsafe { (*LIST.get()).len };
    while i > 0 {
        i -= 1;
        // SAFETY: single-threaded; `i` is below the current length (the
        // list only shrinks at `exit`, which does not return here).
        let f = unsafe {
            let l = &mut *LIST.get();
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
