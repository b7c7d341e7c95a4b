//! `stdlib.h`: process control and the malloc family (over the `alloc` crate)

use crate::platform::{c_int, c_void, size_t};
use libc_core::shared::Shared;
use libc_core::{Errno, OrNullErrno, Pal, Sys};

pub const EXIT_SUCCESS: c_int = 0;
pub const EXIT_FAILURE: c_int = 1;

/// Most `atexit` handlers (POSIX asks for at least 32).
pub const ATEXIT_MAX: usize = 32;

/// What `exit` runs: `list[1..=count]` are the `atexit` handlers in order
/// of registration, `list[0]` is stdio's flush (run after them; see
/// [`set_exit_flush`]). One table, one loop.
struct Handlers {
    count: usize,
    list: [Option<extern "C" fn()>; ATEXIT_MAX + 1],
}

/// Shared by all threads; registrations hold its lock (p1-threads).
static ATEXIT: Shared<Handlers> = Shared::new(Handlers {
    count: 0,
    list: [None; ATEXIT_MAX + 1],
});

/// [atexit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/atexit.html)
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: Option<extern "C" fn()>) -> c_int {
    let mut guard = ATEXIT.lock();
    let h = &mut *guard;
    match (f, h.list.get_mut(h.count + 1)) {
        (Some(f), Some(slot)) => {
            *slot = Some(f);
            h.count += 1;
            0
        }
        _ => -1,
    }
}

/// Runs the atexit handlers, last registered first, each once (a handler
/// runs after its slot is given up, so one that registers another or calls
/// `exit` does not run again), then stdio's flush.
#[inline(always)]
pub(crate) fn run_atexit() {
    loop {
        // SAFETY: single-threaded; the borrow ends before the handler runs
        // (a handler may register another one).
        let (i, f) = unsafe {
            let h = ATEXIT.as_ptr();
            // Volatile: read afresh at the top of every round instead of
            // once before the loop and again after each call (smaller).
            let i = core::ptr::read_volatile(&raw const (*h).count);
            let h = &mut *h;
            h.count = i.saturating_sub(1);
            // Not indexing: no panic path (whose formatting machinery would
            // cost ~3 KiB), and no bounds check either.
            // SAFETY: `count <= ATEXIT_MAX` (`atexit` stores only into a
            // slot that exists), so `i` is in bounds.
            (i, *h.list.get_unchecked(i))
        };
        if let Some(f) = f {
            f();
        }
        if i == 0 {
            break;
        }
    }
}

/// Registers the function `exit` calls after the atexit handlers (stdio's
/// flush).
pub fn set_exit_flush(f: extern "C" fn()) {
    ATEXIT.lock().list[0] = Some(f);
}

/// [exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    run_atexit();
    Sys::exit(status)
}

/// [_Exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_Exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    Sys::exit(status)
}

/// [abort](https://pubs.opengroup.org/onlinepubs/9799919799/functions/abort.html)
///
/// Traps the instance (the closest WASI has to `SIGABRT`): no atexit
/// handlers, no flushing; the host reports a trap / non-zero status.
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    libc_core::trap()
}

fn nonnull(p: *mut u8) -> Result<*mut c_void, Errno> {
    if p.is_null() {
        Err(Errno::ENOMEM)
    } else {
        Ok(p.cast())
    }
}

/// [malloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/malloc.html)
///
/// Blocks are aligned to 16 bytes (`alignof(max_align_t)`); `NULL` with
/// `ENOMEM` on failure.
#[unsafe(no_mangle)]
pub extern "C" fn malloc(size: size_t) -> *mut c_void {
    nonnull(wasm_libc_alloc::malloc(size)).or_null_errno()
}

/// [calloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/calloc.html)
#[unsafe(no_mangle)]
pub extern "C" fn calloc(n: size_t, size: size_t) -> *mut c_void {
    nonnull(wasm_libc_alloc::calloc(n, size)).or_null_errno()
}

/// [realloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/realloc.html)
///
/// # Safety
/// `p` must be NULL or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: size_t) -> *mut c_void {
    // SAFETY: caller contract.
    nonnull(unsafe { wasm_libc_alloc::realloc(p.cast(), size) }).or_null_errno()
}

/// [free](https://pubs.opengroup.org/onlinepubs/9799919799/functions/free.html)
///
/// # Safety
/// `p` must be NULL or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: caller contract.
    unsafe { wasm_libc_alloc::free(p.cast()) }
}

/// [aligned_alloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/aligned_alloc.html)
///
/// `EINVAL` when `align` is not a power of two.
#[unsafe(no_mangle)]
pub extern "C" fn aligned_alloc(align: size_t, size: size_t) -> *mut c_void {
    let r = if align.is_power_of_two() {
        nonnull(wasm_libc_alloc::alloc_aligned(size, align))
    } else {
        Err(Errno::EINVAL)
    };
    r.or_null_errno()
}

/// [posix_memalign](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_memalign.html)
///
/// Returns `EINVAL` (alignment not a power-of-two multiple of
/// `sizeof(void *)`) or `ENOMEM`; errno is left alone, as POSIX says.
///
/// # Safety
/// `out` must be valid for a pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_memalign(
    out: *mut *mut c_void,
    align: size_t,
    size: size_t,
) -> c_int {
    if out.is_null()
        || !align.is_power_of_two()
        || !align.is_multiple_of(core::mem::size_of::<usize>())
    {
        return Errno::EINVAL.0;
    }
    match nonnull(wasm_libc_alloc::alloc_aligned(size, align)) {
        Ok(p) => {
            // SAFETY: out is valid (caller contract).
            unsafe { *out = p };
            0
        }
        Err(e) => e.0,
    }
}

// The environment and arc4random (issue 5, fs/env area): separate files so
// the rest of stdlib.h can grow here without conflicts.
mod ecvt;
mod env;
mod legacy;
mod mktemp;
pub use ecvt::*;
mod realpath;
pub use legacy::*;
pub use realpath::*;
mod random;
pub use env::*;
pub use mktemp::*;
pub use random::*;
mod arith;
mod locale;
mod multibyte;
mod pow5;
mod sort;
mod strtod;
mod strtol;
pub use arith::*;
pub use locale::*;
pub use multibyte::*;
pub use sort::*;
pub use strtod::*;
pub use strtol::*;
mod cxa;
#[cfg(wasm_threads)]
pub(crate) use cxa::run_thread_dtors;
mod ssp;
pub use cxa::*;
pub use ssp::*;
mod quick;
pub use quick::*;
