//! [`Mutex`], [`Condvar`] and [`Once`] over libc-core's futex layer.
//!
//! On the `p1-threads` flavour they block with `memory.atomic.wait32` (the
//! same three-state lock as the C library's own state). On the other
//! flavours there is one thread: they work the same, and a wait that no
//! other thread could ever end (a condition variable no one can notify, a
//! mutex locked twice) traps with a message rather than hanging.

use core::cell::UnsafeCell;
use core::ops::{Deref, DerefMut};
use core::sync::atomic::{AtomicI32, Ordering};

use libc_core::futex::{self, Lock, LockGuard};

/// A mutual-exclusion lock around a `T`. Not recursive: locking it twice
/// from one thread deadlocks.
pub struct Mutex<T: ?Sized> {
    lock: Lock,
    value: UnsafeCell<T>,
}

// SAFETY: the value is only reached through a guard, which holds the lock.
unsafe impl<T: ?Sized + Send> Send for Mutex<T> {}
// SAFETY: as above: one guard at a time, so sharing needs only `T: Send`.
unsafe impl<T: ?Sized + Send> Sync for Mutex<T> {}

impl<T> Mutex<T> {
    /// An unlocked mutex around `value`.
    pub const fn new(value: T) -> Self {
        Mutex {
            lock: Lock::new(),
            value: UnsafeCell::new(value),
        }
    }

    /// The value, the mutex consumed.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: ?Sized> Mutex<T> {
    /// Blocks until the lock is free, then holds it until the guard drops.
    pub fn lock(&self) -> MutexGuard<'_, T> {
        MutexGuard {
            _held: self.lock.lock(),
            mutex: self,
        }
    }

    /// The value, through `&mut` (no locking needed).
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }
}

/// Access to a [`Mutex`]'s value while its lock is held.
pub struct MutexGuard<'a, T: ?Sized> {
    /// Held for its `Drop` (the unlock).
    _held: LockGuard<'a>,
    mutex: &'a Mutex<T>,
}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the lock is held while the guard lives.
        unsafe { &*self.mutex.value.get() }
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the lock is held while the guard lives.
        unsafe { &mut *self.mutex.value.get() }
    }
}

/// A condition variable: wait with a [`MutexGuard`] until notified.
///
/// A sequence number counts notifications; a waiter reads it before it
/// unlocks the mutex and sleeps only while it is unchanged, so a
/// notification between the unlock and the sleep is never lost. Wake-ups
/// may be spurious: wait in a loop, or with [`Condvar::wait_while`].
pub struct Condvar {
    seq: AtomicI32,
}

impl Default for Condvar {
    fn default() -> Self {
        Self::new()
    }
}

impl Condvar {
    /// A condition variable nobody waits on.
    pub const fn new() -> Self {
        Condvar {
            seq: AtomicI32::new(0),
        }
    }

    /// Unlocks the guard's mutex, sleeps until notified, locks it again.
    pub fn wait<'a, T: ?Sized>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        let seen = self.seq.load(Ordering::Acquire);
        let mutex = guard.mutex;
        drop(guard);
        futex::wait(&self.seq, seen, None);
        mutex.lock()
    }

    /// Waits while `condition` holds for the value, then returns the guard.
    pub fn wait_while<'a, T: ?Sized>(
        &self,
        mut guard: MutexGuard<'a, T>,
        mut condition: impl FnMut(&mut T) -> bool,
    ) -> MutexGuard<'a, T> {
        while condition(&mut guard) {
            guard = self.wait(guard);
        }
        guard
    }

    /// Wakes one waiter.
    pub fn notify_one(&self) {
        self.seq.fetch_add(1, Ordering::Release);
        futex::wake(&self.seq, 1);
    }

    /// Wakes every waiter.
    pub fn notify_all(&self) {
        self.seq.fetch_add(1, Ordering::Release);
        futex::wake(&self.seq, u32::MAX);
    }
}

const INCOMPLETE: i32 = 0;
const RUNNING: i32 = 1;
const WAITERS: i32 = 2;
const DONE: i32 = 3;

/// Runs a function exactly once, however many threads race to it; the
/// losers wait until it has finished.
pub struct Once {
    state: AtomicI32,
}

impl Default for Once {
    fn default() -> Self {
        Self::new()
    }
}

impl Once {
    /// A `Once` whose function has not run.
    pub const fn new() -> Self {
        Once {
            state: AtomicI32::new(INCOMPLETE),
        }
    }

    /// Runs `f` if no call has run it yet; returns once it has finished.
    pub fn call_once(&self, f: impl FnOnce()) {
        loop {
            match self.state.compare_exchange(
                INCOMPLETE,
                RUNNING,
                Ordering::Acquire,
                Ordering::Acquire,
            ) {
                Ok(_) => {
                    f();
                    if self.state.swap(DONE, Ordering::Release) == WAITERS {
                        futex::wake(&self.state, u32::MAX);
                    }
                    return;
                }
                Err(DONE) => return,
                Err(s) => {
                    if s == WAITERS
                        || self
                            .state
                            .compare_exchange(
                                RUNNING,
                                WAITERS,
                                Ordering::Acquire,
                                Ordering::Acquire,
                            )
                            .is_ok()
                    {
                        futex::wait(&self.state, WAITERS, None);
                    }
                }
            }
        }
    }

    /// Whether a call has finished running the function.
    pub fn is_completed(&self) -> bool {
        self.state.load(Ordering::Acquire) == DONE
    }
}
