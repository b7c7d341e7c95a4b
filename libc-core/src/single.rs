//! A cell for per-instance state on single-threaded wasm.

use core::cell::UnsafeCell;

/// Interior-mutable storage for a `static` that only one thread ever touches.
///
/// Assumption: the library is built for wasm32 targets without the `atomics`
/// feature, where an instance has exactly one thread, so a `static` is
/// effectively thread-local. If threads are ever supported, every `Single`
/// must become a `#[thread_local]`; nothing else has to change.
#[repr(transparent)]
pub struct Single<T>(UnsafeCell<T>);

// SAFETY: see the type's documentation: one thread per instance.
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
