//! The C memory functions that compiled Rust calls (`memcmp` for slice
//! comparisons, `strlen` for `CStr::from_ptr`, `memcpy` and friends when bulk
//! memory is off). On WASI targets rustc expects them from wasi-libc, which
//! only `std` links; `compiler_builtins` has them only on `wasm32v1-none` /
//! `wasm32-unknown-unknown`. So with the `c-symbols` feature, this module
//! defines them on WASI targets.
//!
//! With bulk memory (the default of `wasm32-wasip1`/`-wasip2`) the copies are
//! `memory.copy`/`memory.fill`. Without it, `copy_nonoverlapping` would lower
//! to a call to `memcpy`, i.e. to itself, so they are byte loops, which LLVM
//! does not turn back into calls inside functions named `memcpy`, `memmove`
//! and `memset` (the same approach as the C library's `string.h`).

/// C `memcpy`.
///
/// # Safety
/// Both ranges valid for `n` bytes and not overlapping.
#[unsafe(no_mangle)]
unsafe extern "C" fn memcpy(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract (memory.copy).
    unsafe {
        core::ptr::copy_nonoverlapping(s, d, n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        unsafe { *d.add(i) = *s.add(i) };
    }
    d
}

/// C `memmove`.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
unsafe extern "C" fn memmove(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract (memory.copy handles overlap).
    unsafe {
        core::ptr::copy(s, d, n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    if (d as usize) <= (s as usize) {
        for i in 0..n {
            // SAFETY: i < n; caller contract; forward is safe when d <= s.
            unsafe { *d.add(i) = *s.add(i) };
        }
    } else {
        for i in (0..n).rev() {
            // SAFETY: i < n; caller contract; backward is safe when d > s.
            unsafe { *d.add(i) = *s.add(i) };
        }
    }
    d
}

/// C `memset`.
///
/// # Safety
/// `d` valid for `n` bytes.
#[unsafe(no_mangle)]
unsafe extern "C" fn memset(d: *mut u8, c: i32, n: usize) -> *mut u8 {
    #[cfg(target_feature = "bulk-memory")]
    // SAFETY: caller contract (memory.fill).
    unsafe {
        core::ptr::write_bytes(d, c as u8, n)
    };
    #[cfg(not(target_feature = "bulk-memory"))]
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        unsafe { *d.add(i) = c as u8 };
    }
    d
}

/// C `memcmp`.
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        // SAFETY: i < n; caller contract.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return x as i32 - y as i32;
        }
    }
    0
}

/// `bcmp`: zero when equal (LLVM emits it for equality tests).
///
/// # Safety
/// Both ranges valid for `n` bytes.
#[unsafe(no_mangle)]
unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { memcmp(a, b, n) }
}

/// C `strlen`. The volatile read keeps LLVM from recognising the loop as a
/// `strlen` idiom, that is, a call to itself.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
unsafe extern "C" fn strlen(s: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: caller contract: reads stop at the NUL.
    while unsafe { s.add(n).read_volatile() } != 0 {
        n += 1;
    }
    n
}
