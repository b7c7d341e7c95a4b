//! The syscall layer of wasm-libc.
//!
//! Everything that talks to the host lives here: the two WASI backends
//! ([`Sys`] implements [`pal::Pal`]), errno storage, the caller-buffer slot
//! ([`slot`]) and, on the p2 backend, `cabi_realloc` / `cabi_import_realloc`.
//!
//! The backend is chosen at compile time by the target (`build.rs` sets
//! `cfg(backend)`): `p1` (direct `wasi_snapshot_preview1` imports) on
//! `wasm32-wasip1` and `wasm32v1-none`, `p2` (WASI 0.2 component model
//! imports) on `wasm32-wasip2`. The `p1`/`p2` features only pick the backend
//! of host unit tests. No other crate of the workspace has a backend `cfg`.
//!
//! Threading assumption (written once, relied on everywhere): the wasm32
//! targets we build for have no shared-memory threads, so a `static` is
//! per-instance and therefore per-thread. The "thread-local" slot and errno
//! are plain statics behind [`single::Single`], which documents that rule.
#![cfg_attr(not(test), no_std)]
#![deny(unsafe_op_in_unsafe_fn)]
// Host unit tests: `usize` is 64 bits there, so import declarations that
// agree on wasm32 (`*mut usize` in one file, `*mut u32` in another) differ.
#![cfg_attr(not(target_arch = "wasm32"), allow(clashing_extern_declarations))]

pub mod env;
pub mod errno;
pub mod futex;
pub mod pal;
pub mod path;
pub mod preopen;
pub mod preview1;
pub mod shared;
pub mod single;
pub mod slot;
pub mod stats;
// Without threads: the same API, where creating a thread fails (`EAGAIN`).
#[cfg_attr(not(wasm_threads), path = "thread_none.rs")]
pub mod thread;
pub mod tls;
pub mod types;

#[cfg_attr(backend = "p1", path = "p1/mod.rs")]
#[cfg_attr(backend = "p2", path = "p2/mod.rs")]
mod backend;

pub use backend::{Sys, exit_result};
pub use errno::{Errno, OrMinusOneErrno, OrNullErrno};
pub use pal::Pal;
pub use pal::net::PalNet;
pub use pal::{PalEnv, PalFs};

/// Whether this build has shared-memory threads (the `p1-threads`
/// flavour): a constant, so code that tests it costs nothing elsewhere.
pub const THREADS: bool = cfg!(wasm_threads);

/// Name of the compiled-in backend (`"p1"` or `"p2"`), for diagnostics.
pub const BACKEND: &str = if cfg!(backend = "p1") { "p1" } else { "p2" };

/// Traps the instance (wasm `unreachable`); panics in host unit tests.
#[inline(always)]
pub fn trap() -> ! {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::unreachable()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        panic!("trap")
    }
}

/// Allocates from the C heap (wasm-libc-alloc, the allocator behind the C
/// library's `malloc`); null on failure.
pub(crate) fn heap_alloc(size: usize, align: usize) -> *mut u8 {
    wasm_libc_alloc::alloc_aligned(size, align)
}

/// Returns a block from [`heap_alloc`] (or null) to the C heap.
///
/// # Safety
/// `p` is null or a live block of the C heap.
pub(crate) unsafe fn heap_free(p: *mut u8) {
    // SAFETY: caller contract.
    unsafe { wasm_libc_alloc::free(p) }
}

/// Frees every block of `blocks` ([`heap_free`] each).
///
/// # Safety
/// Each entry is null or a live block of the C heap, listed once.
pub(crate) unsafe fn heap_free_all(blocks: &[*mut u8]) {
    for &b in blocks {
        // SAFETY: caller contract.
        unsafe { heap_free(b) };
    }
}
