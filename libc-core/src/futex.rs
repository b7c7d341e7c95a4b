//! Blocking on a word of shared memory (`memory.atomic.wait32` /
//! `memory.atomic.notify`) on the `p1-threads` flavour; a single-threaded
//! stand-in elsewhere (see below).
//!
//! The instructions are reached through two C functions in
//! `crt/threads.c` (clang's `__builtin_wasm_memory_atomic_wait32` and
//! `_notify`): `core::arch::wasm32::memory_atomic_wait32` is unstable on
//! the pinned Rust. [`Lock`] is the library's own mutex on top of them.

use core::sync::atomic::{AtomicI32, Ordering};

#[cfg(wasm_threads)]
unsafe extern "C" {
    fn __wasm_libc_futex_wait(addr: *const AtomicI32, expected: i32, timeout_ns: i64) -> i32;
    fn __wasm_libc_futex_wake(addr: *const AtomicI32, count: u32) -> u32;
}

// Without threads (every other flavour) there is one thread, so nobody can
// change a word while its only thread waits on it: a wait on an unchanged
// word with no timeout would never end and traps with a message instead;
// with a timeout it sleeps that long. A wake has nobody to wake. The Rust
// API's `Mutex`/`Condvar`/`Once` (rust/src/sync.rs) use this module on every
// flavour; the C library's locks use it only on `p1-threads`.
#[cfg(not(wasm_threads))]
unsafe fn __wasm_libc_futex_wait(addr: *const AtomicI32, expected: i32, timeout_ns: i64) -> i32 {
    use crate::Pal;
    // SAFETY: caller contract: a live, aligned word.
    if unsafe { (*addr).load(Ordering::SeqCst) } != expected {
        return 1;
    }
    if timeout_ns < 0 {
        let _ = crate::Sys::write_all(
            2,
            b"wasm-libc: deadlock: waiting for another thread in a single-threaded program\n",
        );
        crate::trap()
    }
    let _ = crate::Sys::sleep(timeout_ns as u64);
    2
}

#[cfg(not(wasm_threads))]
unsafe fn __wasm_libc_futex_wake(_addr: *const AtomicI32, _count: u32) -> u32 {
    0
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
        // Spin briefly while the holder has no waiters, taking the lock
        // plainly (1) if it comes free...
        for _ in 0..64 {
            match self
                .0
                .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            {
                Ok(_) => return,
                Err(1) => core::hint::spin_loop(),
                Err(_) => break,
            }
        }
        // ...then only ever as 2 ("held, maybe waiters"): a thread that has
        // slept may not know whether others still sleep, so whoever takes
        // the lock after a wait must make its unlock wake the next one.
        // (Taking it as 1 after a wait lost that wake-up: a sleeper slept
        // forever, 4 of 40 runs of examples/threads hung.)
        while self.0.swap(2, Ordering::Acquire) != 0 {
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
