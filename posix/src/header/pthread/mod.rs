//! `pthread.h`: POSIX threads for a single-threaded program, as wasi-libc's
//! `wasm32-wasip1` build has them.
//!
//! Every object behaves as POSIX says for the one thread there is: locks
//! count and check their owner, keys hold values and destructors, `once`
//! runs once. Creating a thread fails with `EAGAIN`. A wait that no other
//! thread could ever end goes through [`block`], the only place that knows
//! there is one thread: with a deadline it sleeps until then and reports
//! `ETIMEDOUT`; without one it traps (as wasi-libc does), since the program
//! would hang forever. The object layouts have wasi-libc's sizes, so a
//! threads flavour can later put real futex-based code behind the same ABI
//! by replacing `block.rs` and `thread.rs` (see docs/threads.md).

// On p1-threads each blocking function starts by handing over to `mt.rs`;
// the single-thread code after it is then unreachable there (and its
// helpers unused), though still compiled.
#![cfg_attr(wasm_threads, allow(unreachable_code, dead_code, unused_imports))]

use crate::platform::{c_int, c_uint, c_void};

mod attr;
mod barrier;
pub(crate) mod block;
mod cond;
mod key;
#[cfg(wasm_threads)]
pub(crate) mod mt;
pub(crate) mod mutex;
mod once;
mod rwlock;
mod spin;
mod thread;

pub use attr::*;
pub use barrier::*;
pub use cond::*;
pub use key::*;
pub use mutex::*;
pub use once::*;
pub use rwlock::*;
pub use spin::*;
pub use thread::*;

/// `pthread_t`: declared in the header as `struct __pthread *` (opaque).
pub type pthread_t = *mut c_void;
/// `pthread_once_t`
pub type pthread_once_t = c_int;
/// `pthread_key_t`
pub type pthread_key_t = c_uint;
/// `pthread_spinlock_t`
pub type pthread_spinlock_t = c_int;

/// `pthread_attr_t` (36 bytes, like wasi-libc's).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_attr {
    pub __i: [c_int; 9],
}
/// `pthread_attr_t`
pub type pthread_attr_t = __wasm_libc_pthread_attr;

/// `pthread_mutex_t` (24 bytes, like wasi-libc's; all-zero is an unlocked
/// default mutex).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_mutex {
    pub __i: [c_int; 6],
}
/// `pthread_mutex_t`
pub type pthread_mutex_t = __wasm_libc_pthread_mutex;

/// `pthread_cond_t` (48 bytes, like wasi-libc's).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_cond {
    pub __i: [c_int; 12],
}
/// `pthread_cond_t`
pub type pthread_cond_t = __wasm_libc_pthread_cond;

/// `pthread_rwlock_t` (32 bytes, like wasi-libc's).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_rwlock {
    pub __i: [c_int; 8],
}
/// `pthread_rwlock_t`
pub type pthread_rwlock_t = __wasm_libc_pthread_rwlock;

/// `pthread_barrier_t` (20 bytes, like wasi-libc's).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_barrier {
    pub __i: [c_int; 5],
}
/// `pthread_barrier_t`
pub type pthread_barrier_t = __wasm_libc_pthread_barrier;

/// `pthread_mutexattr_t`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_mutexattr {
    pub __attr: c_uint,
}
/// `pthread_mutexattr_t`
pub type pthread_mutexattr_t = __wasm_libc_pthread_mutexattr;

/// `pthread_condattr_t`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_condattr {
    pub __attr: c_uint,
}
/// `pthread_condattr_t`
pub type pthread_condattr_t = __wasm_libc_pthread_condattr;

/// `pthread_barrierattr_t`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_barrierattr {
    pub __attr: c_uint,
}
/// `pthread_barrierattr_t`
pub type pthread_barrierattr_t = __wasm_libc_pthread_barrierattr;

/// `pthread_rwlockattr_t`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct __wasm_libc_pthread_rwlockattr {
    pub __attr: [c_uint; 2],
}
/// `pthread_rwlockattr_t`
pub type pthread_rwlockattr_t = __wasm_libc_pthread_rwlockattr;

pub const PTHREAD_CREATE_JOINABLE: c_int = 0;
pub const PTHREAD_CREATE_DETACHED: c_int = 1;
pub const PTHREAD_MUTEX_NORMAL: c_int = 0;
pub const PTHREAD_MUTEX_DEFAULT: c_int = 0;
pub const PTHREAD_MUTEX_RECURSIVE: c_int = 1;
pub const PTHREAD_MUTEX_ERRORCHECK: c_int = 2;
pub const PTHREAD_MUTEX_STALLED: c_int = 0;
pub const PTHREAD_MUTEX_ROBUST: c_int = 1;
pub const PTHREAD_PRIO_NONE: c_int = 0;
pub const PTHREAD_PRIO_INHERIT: c_int = 1;
pub const PTHREAD_PRIO_PROTECT: c_int = 2;
pub const PTHREAD_INHERIT_SCHED: c_int = 0;
pub const PTHREAD_EXPLICIT_SCHED: c_int = 1;
pub const PTHREAD_SCOPE_SYSTEM: c_int = 0;
pub const PTHREAD_SCOPE_PROCESS: c_int = 1;
pub const PTHREAD_PROCESS_PRIVATE: c_int = 0;
pub const PTHREAD_PROCESS_SHARED: c_int = 1;
pub const PTHREAD_ONCE_INIT: c_int = 0;
pub const PTHREAD_CANCEL_ENABLE: c_int = 0;
pub const PTHREAD_CANCEL_DISABLE: c_int = 1;
pub const PTHREAD_CANCEL_MASKED: c_int = 2;
pub const PTHREAD_CANCEL_DEFERRED: c_int = 0;
pub const PTHREAD_CANCEL_ASYNCHRONOUS: c_int = 1;
/// Written in the header with parentheses.
pub const PTHREAD_BARRIER_SERIAL_THREAD: c_int = -1;
/// `PTHREAD_KEYS_MAX` (as wasi-libc/musl).
pub const PTHREAD_KEYS_MAX: c_int = 128;
/// `PTHREAD_DESTRUCTOR_ITERATIONS`
pub const PTHREAD_DESTRUCTOR_ITERATIONS: c_int = 4;
/// `PTHREAD_STACK_MIN` (as wasi-libc/musl).
pub const PTHREAD_STACK_MIN: c_int = 2048;
