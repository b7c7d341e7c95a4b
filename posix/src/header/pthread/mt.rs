//! The blocking cores of the synchronisation objects on `p1-threads`:
//! atomic operations on the objects' own words and futex waits
//! (`libc_core::futex`, `memory.atomic.wait32`/`notify`). The object
//! layouts are those of the single-thread build (wasi-libc's sizes); the
//! words each object uses here:
//!
//! - mutex `__i`: `[0]` attribute bits, `[1]` the lock word (owner id,
//!   [`WAITERS`] set once a thread may sleep on it), `[2]` the lock count
//!   (only its owner touches it);
//! - condition `__i`: `[0]` the clock id, `[1]` a sequence number bumped by
//!   every signal/broadcast (a waiter sleeps while it is unchanged);
//! - rwlock `__i`: `[0]` the state (-1 a writer, n > 0 readers, 0 free),
//!   `[1]` the writer's id, `[3]` the number of sleepers;
//! - barrier `__i`: `[0]` count, `[1]` arrived, `[2]` generation;
//! - semaphore `__val`: `[0]` value, `[1]` sleepers;
//! - once: 0 not run, 1 running, 2 done, 3 running with sleepers;
//! - spinlock: the owner's id.

use super::block::{self, Deadline};
use super::{PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_RECURSIVE, pthread_mutex_t};
use crate::platform::c_int;
use core::sync::atomic::{AtomicI32, Ordering::*};
use libc_core::futex::{self, Woke};
use libc_core::{Errno, Pal, Sys};

/// Set in a mutex's lock word when a thread may be asleep on it.
const WAITERS: i32 = 0x4000_0000;

/// An `int` of a C object as an atomic.
///
/// # Safety
/// `p` valid and aligned for the object's life.
#[inline(always)]
pub(crate) unsafe fn atomic<'a>(p: *mut c_int) -> &'a AtomicI32 {
    // SAFETY: caller contract; `AtomicI32` has `int`'s layout.
    unsafe { AtomicI32::from_ptr(p) }
}

/// Sleeps on `w` while it holds `v`, until `deadline`: `Err(ETIMEDOUT)`
/// once the deadline has passed.
pub(crate) fn sleep(w: &AtomicI32, v: i32, deadline: Deadline) -> Result<(), c_int> {
    let timeout = match deadline {
        Deadline::Never => None,
        Deadline::At(clock, at) => {
            let now = Sys::clock_time(clock).map_err(|e| e.0)?;
            if now >= at {
                return Err(Errno::ETIMEDOUT.0);
            }
            Some(at - now)
        }
    };
    match futex::wait(w, v, timeout) {
        // The deadline is checked again by the caller's next round (a wait
        // may end early: a spurious wake-up or a clock step).
        Woke::Woken | Woke::Changed | Woke::TimedOut => Ok(()),
    }
}

// ---- mutexes ---------------------------------------------------------------

/// `pthread_mutex_lock`/`timedlock`/`trylock` (`deadline` None: try once).
///
/// # Safety
/// `m` valid.
pub(crate) unsafe fn mutex_lock(m: *mut pthread_mutex_t, deadline: Option<Deadline>) -> c_int {
    let me = block::self_id();
    // SAFETY: caller contract.
    let (kind, w, count) = unsafe {
        let i = &raw mut (*m).__i;
        ((*i)[0] & 3, atomic(&raw mut (*i)[1]), &raw mut (*i)[2])
    };
    if w.compare_exchange(0, me, Acquire, Relaxed).is_ok() {
        // SAFETY: the lock is ours: so is the count.
        unsafe { *count = 1 };
        return 0;
    }
    let cur = w.load(Relaxed);
    if cur & !WAITERS == me {
        return match kind {
            PTHREAD_MUTEX_RECURSIVE => {
                // SAFETY: ours.
                unsafe {
                    if *count == c_int::MAX {
                        return Errno::EAGAIN.0;
                    }
                    *count += 1;
                }
                0
            }
            PTHREAD_MUTEX_ERRORCHECK if deadline.is_some() => Errno::EDEADLK.0,
            _ => match deadline {
                None => Errno::EBUSY.0,
                // A normal mutex relocked by its owner would wait forever:
                // `EDEADLK` (as the single-thread build); with a deadline
                // it waits until then (`ETIMEDOUT`, as glibc).
                Some(Deadline::Never) => Errno::EDEADLK.0,
                Some(d @ Deadline::At(..)) => loop {
                    if let Err(e) = sleep(w, cur, d) {
                        return e;
                    }
                },
            },
        };
    }
    let Some(deadline) = deadline else {
        return Errno::EBUSY.0;
    };
    // A little spinning first: critical sections are usually short.
    for _ in 0..100 {
        core::hint::spin_loop();
        if w.load(Relaxed) == 0 && w.compare_exchange(0, me, Acquire, Relaxed).is_ok() {
            // SAFETY: ours.
            unsafe { *count = 1 };
            return 0;
        }
    }
    loop {
        let cur = w.load(Relaxed);
        if cur == 0 {
            // Taken with the waiters bit: others may still sleep.
            if w.compare_exchange(0, me | WAITERS, Acquire, Relaxed)
                .is_ok()
            {
                // SAFETY: ours.
                unsafe { *count = 1 };
                return 0;
            }
            continue;
        }
        if cur & WAITERS == 0
            && w.compare_exchange(cur, cur | WAITERS, Relaxed, Relaxed)
                .is_err()
        {
            continue;
        }
        if let Err(e) = sleep(w, cur | WAITERS, deadline) {
            return e;
        }
    }
}

/// `pthread_mutex_unlock`: `EPERM` unless the caller holds `m`.
///
/// # Safety
/// `m` valid.
pub(crate) unsafe fn mutex_unlock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: caller contract.
    let (kind, w, count) = unsafe {
        let i = &raw mut (*m).__i;
        ((*i)[0] & 3, atomic(&raw mut (*i)[1]), &raw mut (*i)[2])
    };
    // A normal mutex skips the owner check: POSIX leaves its unlock by
    // another thread undefined (glibc does not check either), and the
    // check costs the thread-id call on every unlock. Errorcheck and
    // recursive mutexes check (`EPERM`); so does a normal mutex that is
    // not locked at all.
    let held = w.load(Relaxed) & !WAITERS;
    if held == 0 || (kind != 0 && held != block::self_id()) {
        return Errno::EPERM.0;
    }
    // SAFETY: ours.
    unsafe {
        if *count > 1 {
            *count -= 1;
            return 0;
        }
        *count = 0;
    }
    if w.swap(0, Release) & WAITERS != 0 {
        futex::wake(w, 1);
    }
    0
}

/// Releases `m` completely for a condition wait: its lock count, to be
/// given back to [`mutex_relock`]; `Err(EPERM)` unless the caller holds it.
///
/// # Safety
/// `m` valid.
pub(crate) unsafe fn mutex_release_all(m: *mut pthread_mutex_t) -> Result<c_int, c_int> {
    // SAFETY: caller contract.
    let n = unsafe { (*m).__i[2] };
    // SAFETY: caller contract.
    unsafe {
        if atomic(&raw mut (*m).__i[1]).load(Relaxed) & !WAITERS != block::self_id() {
            return Err(Errno::EPERM.0);
        }
        (*m).__i[2] = 1;
        mutex_unlock(m);
    }
    Ok(n)
}

/// Takes `m` back after a condition wait, with its former lock count.
///
/// # Safety
/// `m` valid; the caller released it with [`mutex_release_all`].
pub(crate) unsafe fn mutex_relock(m: *mut pthread_mutex_t, n: c_int) {
    // SAFETY: caller contract.
    unsafe {
        mutex_lock(m, Some(Deadline::Never));
        (*m).__i[2] = n;
    }
}

// ---- condition variables ---------------------------------------------------

/// `pthread_cond_wait`/`timedwait`.
///
/// # Safety
/// `c`, `m` valid.
pub(crate) unsafe fn cond_wait(
    c: *mut super::pthread_cond_t,
    m: *mut pthread_mutex_t,
    deadline: Deadline,
) -> c_int {
    // SAFETY: caller contract.
    let seq = unsafe { atomic(&raw mut (*c).__i[1]) };
    let v = seq.load(Acquire);
    // SAFETY: caller contract.
    let n = match unsafe { mutex_release_all(m) } {
        Ok(n) => n,
        Err(e) => return e,
    };
    let mut r = 0;
    // One sleep: a signal, a broadcast, a spurious wake-up (allowed) or
    // the deadline ends it.
    if seq.load(Acquire) == v {
        if let Err(e) = sleep(seq, v, deadline) {
            r = e;
        } else if let Deadline::At(clock, at) = deadline
            && seq.load(Acquire) == v
            && Sys::clock_time(clock).is_ok_and(|now| now >= at)
        {
            r = Errno::ETIMEDOUT.0;
        }
    }
    // SAFETY: released above.
    unsafe { mutex_relock(m, n) };
    r
}

/// `pthread_cond_signal` (`all`: broadcast).
///
/// # Safety
/// `c` valid.
pub(crate) unsafe fn cond_wake(c: *mut super::pthread_cond_t, all: bool) -> c_int {
    // SAFETY: caller contract.
    let seq = unsafe { atomic(&raw mut (*c).__i[1]) };
    seq.fetch_add(1, Release);
    futex::wake(seq, if all { u32::MAX } else { 1 });
    0
}

// ---- once ------------------------------------------------------------------

/// `pthread_once`.
///
/// # Safety
/// `once` valid; `init` callable.
pub(crate) unsafe fn once(once: *mut c_int, init: unsafe extern "C" fn()) -> c_int {
    // SAFETY: caller contract.
    let w = unsafe { atomic(once) };
    loop {
        match w.compare_exchange(0, 1, Acquire, Acquire) {
            Ok(_) => {
                // SAFETY: caller contract.
                unsafe { init() };
                if w.swap(2, Release) == 3 {
                    futex::wake(w, u32::MAX);
                }
                return 0;
            }
            Err(2) => return 0,
            Err(1) => {
                let _ = w.compare_exchange(1, 3, Relaxed, Relaxed);
            }
            Err(_) => {}
        }
        if w.load(Acquire) == 3 {
            futex::wait(w, 3, None);
        }
    }
}

// ---- spin locks ------------------------------------------------------------

/// `pthread_spin_lock` (`spin` false: trylock).
///
/// # Safety
/// `s` valid.
pub(crate) unsafe fn spin_lock(s: *mut c_int, spin: bool) -> c_int {
    let me = block::self_id();
    // SAFETY: caller contract.
    let w = unsafe { atomic(s) };
    loop {
        match w.compare_exchange_weak(0, me, Acquire, Relaxed) {
            Ok(_) => return 0,
            Err(o) if o == me => {
                return if spin {
                    Errno::EDEADLK.0
                } else {
                    Errno::EBUSY.0
                };
            }
            Err(0) => continue,
            Err(_) if !spin => return Errno::EBUSY.0,
            Err(_) => core::hint::spin_loop(),
        }
    }
}

/// `pthread_spin_unlock`.
///
/// # Safety
/// `s` valid.
pub(crate) unsafe fn spin_unlock(s: *mut c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { atomic(s) }.store(0, Release);
    0
}

// ---- read-write locks ------------------------------------------------------

/// `pthread_rwlock_{rd,wr}lock` and their `try`/`timed` forms (`deadline`
/// None: try once).
///
/// # Safety
/// `l` valid.
pub(crate) unsafe fn rw_lock(
    l: *mut super::pthread_rwlock_t,
    write: bool,
    deadline: Option<Deadline>,
) -> c_int {
    let me = block::self_id();
    // SAFETY: caller contract.
    let (st, writer, sleepers) = unsafe {
        let i = &raw mut (*l).__i;
        (
            atomic(&raw mut (*i)[0]),
            atomic(&raw mut (*i)[1]),
            atomic(&raw mut (*i)[3]),
        )
    };
    loop {
        let s = st.load(Relaxed);
        if write && s == 0 {
            if st.compare_exchange(0, -1, Acquire, Relaxed).is_ok() {
                writer.store(me, Relaxed);
                return 0;
            }
            continue;
        }
        if !write && s >= 0 {
            if s == c_int::MAX {
                return Errno::EAGAIN.0;
            }
            if st.compare_exchange(s, s + 1, Acquire, Relaxed).is_ok() {
                return 0;
            }
            continue;
        }
        if s == -1 && writer.load(Relaxed) == me {
            return if deadline.is_none() {
                Errno::EBUSY.0
            } else {
                Errno::EDEADLK.0
            };
        }
        let Some(deadline) = deadline else {
            return Errno::EBUSY.0;
        };
        sleepers.fetch_add(1, SeqCst);
        let r = if st.load(SeqCst) == s {
            sleep(st, s, deadline)
        } else {
            Ok(())
        };
        sleepers.fetch_sub(1, SeqCst);
        if let Err(e) = r {
            return e;
        }
    }
}

/// `pthread_rwlock_unlock`: `EPERM` when the caller holds nothing.
///
/// # Safety
/// `l` valid.
pub(crate) unsafe fn rw_unlock(l: *mut super::pthread_rwlock_t) -> c_int {
    let me = block::self_id();
    // SAFETY: caller contract.
    let (st, writer, sleepers) = unsafe {
        let i = &raw mut (*l).__i;
        (
            atomic(&raw mut (*i)[0]),
            atomic(&raw mut (*i)[1]),
            atomic(&raw mut (*i)[3]),
        )
    };
    loop {
        let s = st.load(Relaxed);
        let new = match s {
            -1 if writer.load(Relaxed) == me => {
                writer.store(0, Relaxed);
                0
            }
            n if n > 0 => n - 1,
            _ => return Errno::EPERM.0,
        };
        if st.compare_exchange(s, new, Release, Relaxed).is_ok() {
            if new == 0 && sleepers.load(SeqCst) != 0 {
                futex::wake(st, u32::MAX);
            }
            return 0;
        }
    }
}

// ---- barriers --------------------------------------------------------------

/// `pthread_barrier_wait`.
///
/// # Safety
/// `b` valid and initialised.
pub(crate) unsafe fn barrier_wait(b: *mut super::pthread_barrier_t) -> c_int {
    // SAFETY: caller contract.
    let (count, arrived, generation) = unsafe {
        let i = &raw mut (*b).__i;
        ((*i)[0], atomic(&raw mut (*i)[1]), atomic(&raw mut (*i)[2]))
    };
    let g = generation.load(SeqCst);
    if arrived.fetch_add(1, SeqCst) + 1 >= count {
        arrived.store(0, SeqCst);
        generation.fetch_add(1, SeqCst);
        futex::wake(generation, u32::MAX);
        return super::PTHREAD_BARRIER_SERIAL_THREAD;
    }
    while generation.load(SeqCst) == g {
        futex::wait(generation, g, None);
    }
    0
}

// ---- semaphores ------------------------------------------------------------

/// `sem_wait`/`sem_timedwait`/`sem_trywait` (`deadline` None: try once):
/// the error number on failure.
///
/// # Safety
/// `val` points at a `sem_t`'s `__val`.
pub(crate) unsafe fn sem_wait(
    val: *mut [c_int; 4],
    deadline: Option<Deadline>,
) -> Result<(), c_int> {
    // SAFETY: caller contract.
    let (v, sleepers) = unsafe { (atomic(&raw mut (*val)[0]), atomic(&raw mut (*val)[1])) };
    loop {
        let n = v.load(Relaxed);
        if n > 0 {
            if v.compare_exchange(n, n - 1, Acquire, Relaxed).is_ok() {
                return Ok(());
            }
            continue;
        }
        let Some(deadline) = deadline else {
            return Err(Errno::EAGAIN.0);
        };
        sleepers.fetch_add(1, SeqCst);
        let r = if v.load(SeqCst) <= 0 {
            sleep(v, n, deadline)
        } else {
            Ok(())
        };
        sleepers.fetch_sub(1, SeqCst);
        r?;
    }
}

/// `sem_post`: `Err(EOVERFLOW)` at `SEM_VALUE_MAX`.
///
/// # Safety
/// `val` points at a `sem_t`'s `__val`.
pub(crate) unsafe fn sem_post(val: *mut [c_int; 4]) -> Result<(), c_int> {
    // SAFETY: caller contract.
    let (v, sleepers) = unsafe { (atomic(&raw mut (*val)[0]), atomic(&raw mut (*val)[1])) };
    let mut n = v.load(Relaxed);
    loop {
        if n == c_int::MAX {
            return Err(Errno::EOVERFLOW.0);
        }
        match v.compare_exchange_weak(n, n + 1, Release, Relaxed) {
            Ok(_) => break,
            Err(o) => n = o,
        }
    }
    if sleepers.load(SeqCst) != 0 {
        futex::wake(v, 1);
    }
    Ok(())
}
