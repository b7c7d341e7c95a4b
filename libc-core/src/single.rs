//! A cell for per-instance state on single-threaded wasm.

use core::cell::UnsafeCell;

/// Interior-mutable storage for a `static` that only one thread ever touches.
///
/// Assumption: the library is built for wasm32 targets without the `atomics`
/// feature, where an instance has exactly one thread, so a `static` is
/// effectively thread-local. If threads are ever supported, every `Single`
/// must become a `#[thread_local]` or a lock; the `compile_error!` below
/// makes a build with `atomics` (a threads flavour, `cfg(wasm_threads)`
/// from build.rs) fail until then.
#[repr(transparent)]
pub struct Single<T>(UnsafeCell<T>);

// The assumption above as a compile-time fact: with shared memory and
// atomics (wasm32-wasip1-threads), a `static` is shared by threads.
#[cfg(wasm_threads)]
compile_error!(
    "libc-core's `Single` statics assume one thread per instance; \
     the atomics (threads) build needs them made thread-safe first"
);

// SAFETY: see the type's documentation: one thread per instance (enforced
// on wasm by the `compile_error!` above).
unsafe impl<T> Sync for Single<T> {}

impl<T> Single<T> {
    pub const fn new(value: T) -> Self {
        Self(UnsafeCell::new(value))
    }

    /// Raw pointer to the value.
    #[inline(always)]
    pub const fn get(&self) -> *mut T {
        self.0.get()
    }
}

impl<T: Copy> Single<T> {
    /// Reads the value.
    #[inline(always)]
    pub fn load(&self) -> T {
        // SAFETY: single thread; no reference to the inside outlives a call.
        unsafe { *self.0.get() }
    }

    /// Writes the value.
    #[inline(always)]
    pub fn store(&self, value: T) {
        // SAFETY: single thread; no reference to the inside outlives a call.
        unsafe { *self.0.get() = value }
    }
}
