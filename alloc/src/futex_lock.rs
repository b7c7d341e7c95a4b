//! The heap's lock on the threads flavour (`cfg(wasm_threads)`): a
//! three-state futex lock (0 free, 1 held, 2 held with sleepers) that spins
//! briefly and then sleeps in `memory.atomic.wait32`, instead of `spin`'s
//! lock, which only spins: with more threads than cores a spinning waiter
//! burns the time slice the holder needs (bench/threads/run.py: 4 threads
//! doing malloc/free pairs, 707 ns per pair with `spin`, see the commit).
//! The wait and notify instructions are reached through libc.a's
//! `crt/threads.c` (`core::arch::wasm32::memory_atomic_wait32` is unstable).

use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicI32, Ordering};

unsafe extern "C" {
    fn __wasm_libc_futex_wait(addr: *const AtomicI32, expected: i32, timeout_ns: i64) -> i32;
    fn __wasm_libc_futex_wake(addr: *const AtomicI32, count: u32) -> u32;
}

pub struct Heap {
    state: AtomicI32,
    dl: UnsafeCell<super::Dl>,
}

// SAFETY: `dl` is only reached in `with`, with `state` held.
unsafe impl Sync for Heap {}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            state: AtomicI32::new(0),
            dl: UnsafeCell::new(super::new_dl()),
        }
    }

    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&mut super::Dl) -> R) -> R {
        if self
            .state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            self.lock_slow();
        }
        // SAFETY: the lock is held: this is the only reference (dlmalloc
        // never re-enters the heap).
        let r = f(unsafe { &mut *self.dl.get() });
        if self.state.swap(0, Ordering::Release) == 2 {
            // SAFETY: the address of our own word.
            unsafe { __wasm_libc_futex_wake(&self.state, 1) };
        }
        r
    }

    #[cold]
    fn lock_slow(&self) {
        for _ in 0..64 {
            core::hint::spin_loop();
            if self.state.load(Ordering::Relaxed) == 0
                && self
                    .state
                    .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                return;
            }
        }
        while self.state.swap(2, Ordering::Acquire) != 0 {
            // SAFETY: the address of our own word; no timeout.
            unsafe { __wasm_libc_futex_wait(&self.state, 2, -1) };
        }
    }
}
