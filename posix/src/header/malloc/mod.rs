//! `malloc.h` (glibc/musl): the non-standard allocator entry points.
//! `<stdlib.h>` is included for `malloc` and friends.

use crate::platform::{c_void, size_t};
use libc_core::{Errno, OrNullErrno};

/// The WebAssembly page (`valloc` alignment).
const PAGE: size_t = 65536;

/// `malloc_usable_size` (glibc): how many bytes the block at `p` can hold
/// (at least what was asked for); 0 for NULL.
///
/// # Safety
/// `p` must be NULL or a live block of this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> size_t {
    if p.is_null() {
        0
    } else {
        // SAFETY: a live block (caller contract).
        unsafe { wasm_libc_alloc::usable_size(p.cast()) }
    }
}

fn aligned(align: size_t, size: size_t) -> *mut c_void {
    let p = wasm_libc_alloc::alloc_aligned(size, align);
    let r = if !align.is_power_of_two() {
        Err(Errno::EINVAL)
    } else if p.is_null() {
        Err(Errno::ENOMEM)
    } else {
        Ok(p.cast())
    };
    r.or_null_errno()
}

/// `memalign` (obsolete): `size` bytes aligned to `align`, a power of two
/// (`EINVAL` otherwise); free with `free`.
#[unsafe(no_mangle)]
pub extern "C" fn memalign(align: size_t, size: size_t) -> *mut c_void {
    aligned(align, size)
}

/// `valloc` (obsolete): `size` bytes aligned to the 64 KiB page.
#[unsafe(no_mangle)]
pub extern "C" fn valloc(size: size_t) -> *mut c_void {
    aligned(PAGE, size)
}

/// `pvalloc` (glibc): like `valloc`, the size rounded up to whole pages.
#[unsafe(no_mangle)]
pub extern "C" fn pvalloc(size: size_t) -> *mut c_void {
    match size.checked_next_multiple_of(PAGE) {
        Some(n) => aligned(PAGE, n.max(PAGE)),
        None => Err::<*mut c_void, _>(Errno::ENOMEM).or_null_errno(),
    }
}
