//! Blocking on a word of shared memory (`memory.atomic.wait32` /
//! `memory.atomic.notify`), for the `p1-threads` flavour only.
//!
//! The instructions are reached through two C functions in
//! `crt/threads.c` (clang's `__builtin_wasm_memory_atomic_wait32` and
//! `_notify`): `core::arch::wasm32::memory_atomic_wait32` is unstable on
//! the pinned Rust. [`Lock`] is the library's own mutex on top of them.

use core::sync::atomic::{AtomicI32, Ordering};

unsafe extern "C" {
    fn __wasm_libc_futex_wait(addr: *const AtomicI32, expected: i32, timeout_ns: i64) -> i32;
    fn __wasm_libc_futex_wake(addr: *const AtomicI32, count: u32) -> u32;
}

/// What a [`wait`] saw.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Woke {
    /// Woken by a [`wake`] (or spuriously): check the word again.
    Woken,
    /// The word did not hold `expected`.
    Changed,
    /// The timeout passed.
    TimedOut,
}

/// Sleeps while `*addr == expected`, at most `timeout_ns` nanoseconds
/// (`None`: no limit).
#[inline]
pub fn wait(addr: &AtomicI32, expected: i32, timeout_ns: Option<u64>) -> Woke {
    let t = match timeout_ns {
        None => -1,
        Some(ns) => ns.min(i64::MAX as u64) as i64,
    };
    // SAFETY: `addr` is a live, aligned word (a reference).
    match unsafe { __wasm_libc_futex_wait(addr, expected, t) } {
        0 => Woke::Woken,
        1 => Woke::Changed,
        _ => Woke::TimedOut,
    }
}

/// Wakes up to `count` waiters on `addr` (`u32::MAX`: all).
// Only the address is used (see the SAFETY note).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
#[inline]
pub fn wake(addr: *const AtomicI32, count: u32) {
    // SAFETY: notify only compares addresses; it reads no memory, so even a
    // word that was freed meanwhile is harmless (waiters re-check).
    unsafe {
        __wasm_libc_futex_wake(addr, count);
    }
}

/// A mutex for the library's own shared state: 0 free, 1 held, 2 held with
/// waiters (the classic three-state futex lock). Not recursive.
pub struct Lock(AtomicI32);

impl Default for Lock {
    fn default() -> Self {
        Self::new()
    }
}

impl Lock {
    pub const fn new() -> Lock {
        Lock(AtomicI32::new(0))
    }

    #[inline]
    pub fn lock(&self) -> LockGuard<'_> {
        if self
            .0
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_slow();
        }
        LockGuard(self)
    }

    #[cold]
    fn lock_slow(&self) {
        let mut spins = 0;
        loop {
            let c = self.0.load(Ordering::Relaxed);
            if c == 0
                && self
                    .0
                    .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                return;
            }
            if spins < 64 && c == 1 {
                spins += 1;
                core::hint::spin_loop();
                continue;
            }
            if self.0.swap(2, Ordering::Acquire) == 0 {
                return;
            }
            wait(&self.0, 2, None);
        }
    }

    #[inline]
    fn unlock(&self) {
        if self.0.swap(0, Ordering::Release) == 2 {
            wake(&self.0, 1);
        }
    }
}

/// Releases the [`Lock`] when dropped.
pub struct LockGuard<'a>(&'a Lock);

impl Drop for LockGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        self.0.unlock();
    }
}

/// A recursive lock in two words of an object (a `FILE`): `word` holds the
/// owner's thread id (with [`REC_WAITERS`] once someone may sleep on it),
/// `depth` how many times the owner took it (only the owner touches it).
pub struct RecLock {
    word: AtomicI32,
    depth: core::cell::Cell<u32>,
}

/// Set in a [`RecLock`]'s word when a thread may be asleep on it.
const REC_WAITERS: i32 = 0x4000_0000;

// SAFETY: `depth` is only read and written by the thread that holds `word`.
unsafe impl Sync for RecLock {}

impl Default for RecLock {
    fn default() -> Self {
        Self::new()
    }
}

impl RecLock {
    pub const fn new() -> RecLock {
        RecLock {
            word: AtomicI32::new(0),
            depth: core::cell::Cell::new(0),
        }
    }

    /// Takes the lock (again, if the caller holds it).
    pub fn lock(&self) {
        let me = crate::thread::current_id();
        if !self.try_lock_as(me) {
            self.lock_slow(me);
        }
    }

    /// Takes the lock if it is free or the caller's.
    pub fn try_lock(&self) -> bool {
        self.try_lock_as(crate::thread::current_id())
    }

    #[inline]
    fn try_lock_as(&self, me: i32) -> bool {
        match self
            .word
            .compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => {
                self.depth.set(1);
                true
            }
            Err(w) if w & !REC_WAITERS == me => {
                self.depth.set(self.depth.get() + 1);
                true
            }
            Err(_) => false,
        }
    }

    #[cold]
    fn lock_slow(&self, me: i32) {
        loop {
            let w = self.word.load(Ordering::Relaxed);
            if w == 0 {
                if self
                    .word
                    .compare_exchange(0, me | REC_WAITERS, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
                {
                    self.depth.set(1);
                    return;
                }
                continue;
            }
            if w & REC_WAITERS == 0
                && self
                    .word
                    .compare_exchange(w, w | REC_WAITERS, Ordering::Relaxed, Ordering::Relaxed)
                    .is_err()
            {
                continue;
            }
            wait(&self.word, w | REC_WAITERS, None);
        }
    }

    /// Gives one level back; false (nothing done) when the caller does not
    /// hold the lock.
    pub fn unlock(&self) -> bool {
        let me = crate::thread::current_id();
        if self.word.load(Ordering::Relaxed) & !REC_WAITERS != me {
            return false;
        }
        let d = self.depth.get();
        if d > 1 {
            self.depth.set(d - 1);
            return true;
        }
        self.depth.set(0);
        if self.word.swap(0, Ordering::Release) & REC_WAITERS != 0 {
            wake(&self.word, 1);
        }
        true
    }
}
