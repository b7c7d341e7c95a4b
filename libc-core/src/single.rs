//! A cell for per-instance state on single-threaded wasm.

#[cfg(not(wasm_threads))]
use core::cell::UnsafeCell;

/// Interior-mutable storage for a `static` that only one thread ever touches.
///
/// Assumption: the library is built for wasm32 targets without the `atomics`
/// feature, where an instance has exactly one thread, so a `static` is
/// effectively thread-local. On the threads flavour (`cfg(wasm_threads)`,
/// from build.rs) `Single` is instead [`crate::tls::PerThread`]: one
/// instance per thread, so the assumption holds there too.
#[cfg(not(wasm_threads))]
#[repr(transparent)]
pub struct Single<T>(UnsafeCell<T>);

/// One instance per thread (see [`crate::tls`]).
#[cfg(wasm_threads)]
pub use crate::tls::PerThread as Single;

// SAFETY: see the type's documentation: one thread per instance (the
// threads flavour uses `PerThread` instead of this type).
#[cfg(not(wasm_threads))]
unsafe impl<T> Sync for Single<T> {}

#[cfg(not(wasm_threads))]
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

#[cfg(not(wasm_threads))]
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
