//! Threads: [`spawn`] a closure, [`JoinHandle::join`] it for its value.
//!
//! On the `p1-threads` flavour (target `wasm32-wasip1-threads`, run with
//! `wasmtime run -W threads,shared-memory -S threads`) each call starts a
//! wasi-threads thread through libc-core's thread layer, the one under C's
//! `pthread_create`. Elsewhere there is one thread: [`spawn`] fails with
//! `EAGAIN`, as `pthread_create` does there.
//!
//! The closure and its result travel in one heap block (the "packet")
//! shared by the handle and the thread, freed by whichever lets go last, so
//! a handle dropped without a join (the thread is then detached) leaks
//! nothing.
//!
//! ```no_run
//! # fn f() -> wasm_libc::Result<()> {
//! let h = wasm_libc::thread::spawn(|| 6 * 7)?;
//! assert_eq!(h.join()?, 42);
//! # Ok(()) }
//! ```

use core::ffi::c_void;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

use libc_core::thread::{self as sys, Thread};

use crate::{Errno, Result};

/// What the handle can see of a packet, whatever the closure's type: with
/// `repr(C)` it is the prefix of every [`Packet`] of the same `T`.
#[repr(C)]
struct Head<T> {
    /// Holders: the handle and the thread (2 at the start).
    refs: AtomicU32,
    /// The closure's value, written by the thread before it lets go.
    result: Option<T>,
}

#[repr(C)]
struct Packet<T, F> {
    head: Head<T>,
    /// Taken by the thread when it starts.
    f: Option<F>,
}

/// Drops one holder; the last one drops what is left and frees the block.
///
/// # Safety
/// `head` is a live packet's head, and the caller is one of its holders
/// and does not touch it afterwards.
unsafe fn release<T>(head: *mut Head<T>) {
    // SAFETY: caller contract: live until the last release.
    if unsafe { (*head).refs.fetch_sub(1, Ordering::AcqRel) } == 1 {
        // SAFETY: the last holder; the closure was taken by the thread
        // (a packet whose thread never started is freed by `spawn`).
        unsafe {
            core::ptr::drop_in_place(&raw mut (*head).result);
            wasm_libc_alloc::free(head.cast());
        }
    }
}

/// The thread's start function: runs the closure, stores its value.
unsafe extern "C" fn entry<T, F: FnOnce() -> T>(arg: *mut c_void) -> *mut c_void {
    let p = arg.cast::<Packet<T, F>>();
    // SAFETY: `spawn` passes its live packet, of which this thread is a
    // holder; only this thread touches `f`, and `result` until it lets go.
    unsafe {
        if let Some(f) = (*p).f.take() {
            let v = f();
            (*p).head.result = Some(v);
        }
        release(&raw mut (*p).head);
    }
    null_mut()
}

/// Starts `f` on a new thread with the default stack (128 KiB).
///
/// `EAGAIN` when the host or memory refuses, or on a flavour without
/// threads.
pub fn spawn<F, T>(f: F) -> Result<JoinHandle<T>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    Builder::new().spawn(f)
}

/// Thread options: the stack size.
#[derive(Clone, Copy, Debug)]
pub struct Builder {
    stack: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    /// The defaults: a 128 KiB stack.
    pub const fn new() -> Self {
        Builder {
            stack: sys::DEFAULT_STACK,
        }
    }

    /// The new thread's stack size in bytes (at least 16 KiB is used).
    pub const fn stack_size(mut self, bytes: usize) -> Self {
        self.stack = bytes;
        self
    }

    /// Starts `f` on a new thread (see [`spawn`]).
    pub fn spawn<F, T>(self, f: F) -> Result<JoinHandle<T>>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let p = wasm_libc_alloc::alloc_aligned(
            core::mem::size_of::<Packet<T, F>>(),
            core::mem::align_of::<Packet<T, F>>(),
        )
        .cast::<Packet<T, F>>();
        if p.is_null() {
            return Err(Errno::EAGAIN);
        }
        // SAFETY: a fresh block of the packet's size and alignment.
        unsafe {
            p.write(Packet {
                head: Head {
                    refs: AtomicU32::new(2),
                    result: None,
                },
                f: Some(f),
            })
        };
        match sys::spawn(entry::<T, F>, p.cast(), self.stack, false) {
            Ok(thread) => Ok(JoinHandle {
                thread,
                head: p.cast(),
            }),
            Err(e) => {
                // SAFETY: no thread started: the packet is ours alone.
                unsafe {
                    core::ptr::drop_in_place(p);
                    wasm_libc_alloc::free(p.cast());
                }
                Err(e)
            }
        }
    }
}

/// A running (or finished) thread: [`join`](Self::join) it for its value;
/// dropping the handle detaches it.
pub struct JoinHandle<T> {
    thread: *mut Thread,
    head: *mut Head<T>,
}

// SAFETY: the handle only hands `T` (which is `Send`) to whoever joins; the
// packet is shared with the thread through atomics.
unsafe impl<T: Send> Send for JoinHandle<T> {}
// SAFETY: `&JoinHandle` gives access to nothing.
unsafe impl<T: Send> Sync for JoinHandle<T> {}

impl<T> JoinHandle<T> {
    /// Waits for the thread to finish and returns the closure's value.
    /// `EDEADLK` when a thread joins itself (the handle is then dropped,
    /// detaching it).
    pub fn join(self) -> Result<T> {
        let me = core::mem::ManuallyDrop::new(self);
        let (thread, head) = (me.thread, me.head);
        if let Err(e) = sys::join(thread) {
            let _ = sys::detach(thread);
            // SAFETY: the handle's hold, given up once.
            unsafe { release(head) };
            return Err(e);
        }
        // SAFETY: joined: the thread has stored its value and let go.
        let v = unsafe { (*head).result.take() };
        // SAFETY: the handle's hold, given up once.
        unsafe { release(head) };
        // A closure always returns (a panic aborts the program), so the
        // value is there.
        v.ok_or(Errno::EIO)
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        let _ = sys::detach(self.thread);
        // SAFETY: the handle's hold, given up once.
        unsafe { release(self.head) };
    }
}

/// The calling thread's id: 1 on the main thread, never 0.
pub fn current_id() -> i32 {
    sys::current_id()
}
