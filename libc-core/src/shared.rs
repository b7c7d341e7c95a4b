//! State shared by every thread of an instance.
//!
//! [`Shared`] is a `static` that all threads see (unlike
//! [`Single`](crate::single::Single), which is per-thread on the threads
//! flavour, see [`crate::tls`]). Its data is reached through a guard from
//! [`Shared::lock`], which holds the object's lock on the `p1-threads`
//! flavour; without threads the guard is empty and costs nothing.

use core::cell::UnsafeCell;

/// A `static` shared by all threads, behind a lock.
pub struct Shared<T> {
    value: UnsafeCell<T>,
    #[cfg(wasm_threads)]
    lock: crate::futex::Lock,
}

// SAFETY: the value is only reached through `lock` (which serializes the
// threads on `p1-threads`; without threads there is one thread) or through
// the raw `as_ptr`, whose users document which lock they hold.
unsafe impl<T> Sync for Shared<T> {}

impl<T> Shared<T> {
    pub const fn new(value: T) -> Self {
        Shared {
            value: UnsafeCell::new(value),
            #[cfg(wasm_threads)]
            lock: crate::futex::Lock::new(),
        }
    }

    /// Exclusive access until the guard drops.
    #[inline(always)]
    pub fn lock(&self) -> SharedGuard<'_, T> {
        SharedGuard {
            value: self.value.get(),
            #[cfg(wasm_threads)]
            _held: self.lock.lock(),
            _life: core::marker::PhantomData,
        }
    }

    /// The address of the value, without the lock: for objects with a lock
    /// of their own (a `FILE`), or an address that is only compared.
    #[inline(always)]
    pub const fn as_ptr(&self) -> *mut T {
        self.value.get()
    }
}

impl<T: Copy> Shared<T> {
    /// Reads the value (under the lock).
    #[inline(always)]
    pub fn load(&self) -> T {
        *self.lock()
    }

    /// Writes the value (under the lock).
    #[inline(always)]
    pub fn store(&self, value: T) {
        *self.lock() = value;
    }
}

/// Access to a [`Shared`] value while its lock is held.
pub struct SharedGuard<'a, T> {
    value: *mut T,
    #[cfg(wasm_threads)]
    _held: crate::futex::LockGuard<'a>,
    _life: core::marker::PhantomData<&'a mut T>,
}

// Without threads the guard holds nothing; an empty `Drop` lets callers
// end it explicitly (`drop(guard)`) the same way on every flavour.
#[cfg(not(wasm_threads))]
impl<T> Drop for SharedGuard<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {}
}

impl<T> core::ops::Deref for SharedGuard<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the lock is held (or there is one thread) while the guard
        // lives, so this is the only access.
        unsafe { &*self.value }
    }
}

impl<T> core::ops::DerefMut for SharedGuard<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`.
        unsafe { &mut *self.value }
    }
}
