//! Per-thread state.
//!
//! Without shared-memory threads (p1, p2, p1-mvp) there is one thread per
//! instance and a [`Single`](crate::single::Single) `static` is already
//! per-thread: this module is empty there and nothing is paid.
//!
//! With wasi-threads (`cfg(wasm_threads)`, the `p1-threads` flavour)
//! `Single` is an alias of [`PerThread`]: the main thread uses the
//! static's own storage; every other thread gets, on its first access, a
//! copy of the static's initial value in a heap block listed in its
//! descriptor ([`crate::thread::Thread`]) and freed when it ends. So every
//! piece of library state that used to be per-instance (the p1 import
//! scratch areas, the caller-buffer slot and its tracking table, `strtok`'s
//! position, the static result buffers, ...) is per-thread, and no data
//! race between threads can happen on it. State that must be shared by
//! all threads (the environment, the working directory, the pre-opens,
//! the standard streams, `atexit`) is a [`Shared`](crate::shared::Shared)
//! behind a lock instead.
//!
//! `errno` is C's `_Thread_local int errno` (`crt/threads.c`), so C code
//! compiled with `-pthread` reads it directly, as with wasi-libc.

#[cfg(wasm_threads)]
pub use imp::*;

#[cfg(wasm_threads)]
mod imp {
    use crate::thread::{Thread, current_or_null};
    use core::cell::UnsafeCell;
    use core::mem::ManuallyDrop;
    use core::sync::atomic::{AtomicU32, Ordering};

    unsafe extern "C" {
        /// `&errno` of the calling thread (`crt/threads.c`).
        fn __wasm_libc_errno_location() -> *mut i32;
    }

    /// The calling thread's `errno`.
    pub struct ErrnoCell;

    impl ErrnoCell {
        #[inline(always)]
        pub fn get(&self) -> *mut i32 {
            // SAFETY: a plain accessor of a `_Thread_local`.
            unsafe { __wasm_libc_errno_location() }
        }
        #[inline(always)]
        pub fn load(&self) -> i32 {
            // SAFETY: the calling thread's own errno.
            unsafe { *self.get() }
        }
        #[inline(always)]
        pub fn store(&self, v: i32) {
            // SAFETY: the calling thread's own errno.
            unsafe { *self.get() = v }
        }
    }

    /// How many distinct `PerThread` statics a program may touch from
    /// threads other than the main one (the library has about 70).
    pub const MAX_LOCALS: usize = 128;

    /// Index 0 means "not assigned yet".
    static NEXT_INDEX: AtomicU32 = AtomicU32::new(1);

    /// A `static` with one instance per thread (see the module docs).
    pub struct PerThread<T> {
        /// The main thread's instance.
        main: UnsafeCell<T>,
        /// The initial value, copied for every other thread.
        init: ManuallyDrop<T>,
        /// This static's index in [`Thread::locals`] (0: none yet).
        index: AtomicU32,
    }

    // SAFETY: each thread only ever touches its own instance: the main
    // thread `main`, any other thread its own copy (`get`); `init` is only
    // read.
    unsafe impl<T> Sync for PerThread<T> {}

    impl<T> PerThread<T> {
        pub const fn new(value: T) -> Self {
            // SAFETY: a bitwise copy of a constant initializer; the copy is
            // never dropped (`ManuallyDrop`, and statics are never dropped),
            // so nothing is owned twice.
            let init = unsafe { core::ptr::read(&value) };
            PerThread {
                main: UnsafeCell::new(value),
                init: ManuallyDrop::new(init),
                index: AtomicU32::new(0),
            }
        }

        /// The calling thread's instance.
        #[inline(always)]
        pub fn get(&self) -> *mut T {
            let t = current_or_null();
            if t.is_null() {
                return self.main.get();
            }
            // SAFETY: `t` is the calling thread's live descriptor.
            unsafe { self.local(t) }
        }

        /// # Safety
        /// `t` is the calling thread's descriptor.
        #[cold]
        unsafe fn local(&self, t: *mut Thread) -> *mut T {
            let mut i = self.index.load(Ordering::Acquire);
            if i == 0 {
                let new = NEXT_INDEX.fetch_add(1, Ordering::Relaxed);
                i = match self
                    .index
                    .compare_exchange(0, new, Ordering::AcqRel, Ordering::Acquire)
                {
                    Ok(_) => new,
                    Err(won) => won,
                };
            }
            let i = i as usize - 1;
            if i >= MAX_LOCALS {
                crate::thread::fatal(b"too many per-thread statics\n");
            }
            // SAFETY: the thread's own descriptor (caller contract).
            let slot = unsafe { &mut (*t).locals[i] };
            if slot.is_null() {
                let size = core::mem::size_of::<T>().max(1);
                let p = crate::heap_alloc(size, core::mem::align_of::<T>());
                if p.is_null() {
                    crate::thread::fatal(b"out of memory for per-thread state\n");
                }
                // SAFETY: `p` holds a `T`; `init` is a valid `T`.
                unsafe {
                    core::ptr::copy_nonoverlapping(
                        (&raw const self.init).cast::<u8>(),
                        p,
                        core::mem::size_of::<T>(),
                    )
                };
                *slot = p;
            }
            slot.cast()
        }
    }

    impl<T: Copy> PerThread<T> {
        #[inline(always)]
        pub fn load(&self) -> T {
            // SAFETY: the calling thread's own instance.
            unsafe { *self.get() }
        }
        #[inline(always)]
        pub fn store(&self, value: T) {
            // SAFETY: the calling thread's own instance.
            unsafe { *self.get() = value }
        }
    }
}
