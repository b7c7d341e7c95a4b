//! `wasm_libc.h`: this library's own extensions.

/// Counters of the caller-buffer slot's slow paths: allocations made for
/// import results the slot could not take, and copies out of them. On the
/// zero-copy path all stay zero.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct wasm_libc_stats {
    /// Allocations `cabi_import_realloc` sent to the allocator.
    pub fallback_allocs: u32,
    /// Bytes those allocations asked for.
    pub fallback_bytes: u32,
    /// Times a received list had to be copied into the caller's buffer.
    pub guest_copies: u32,
    /// Bytes copied by those copies.
    pub guest_copy_bytes: u32,
}

/// Copies the slow-path counters into `*out`.
///
/// # Safety
/// `out` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wasm_libc_get_stats(out: *mut wasm_libc_stats) {
    if !out.is_null() {
        let s = libc_core::stats::get();
        let v = wasm_libc_stats {
            fallback_allocs: s.fallback_allocs,
            fallback_bytes: s.fallback_bytes,
            guest_copies: s.guest_copies,
            guest_copy_bytes: s.guest_copy_bytes,
        };
        // SAFETY: non-null and valid (caller contract).
        unsafe { *out = v };
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
