//! `wasm_libc.h`: this library's own extensions.

use libc_core::stats::Stats;

/// Counters of the caller-buffer slot's slow paths (allocations made for
/// import results, copies out of them).
pub type wasm_libc_stats = Stats;

/// Copies the slow-path counters into `*out`.
///
/// # Safety
/// `out` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wasm_libc_get_stats(out: *mut wasm_libc_stats) {
    if !out.is_null() {
        // SAFETY: non-null and valid (caller contract).
        unsafe { *out = libc_core::stats::get() };
    }
}

/// Resets the slow-path counters.
#[unsafe(no_mangle)]
pub extern "C" fn wasm_libc_reset_stats() {
    libc_core::stats::reset()
}

/// `"p1"` or `"p2"`: the backend this `libc.a` was built with.
#[unsafe(no_mangle)]
pub extern "C" fn wasm_libc_backend() -> *const core::ffi::c_char {
    if libc_core::BACKEND == "p1" {
        c"p1".as_ptr()
    } else {
        c"p2".as_ptr()
    }
}
