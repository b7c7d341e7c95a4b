//! `malloc`, `free`, `calloc`, `realloc`, `aligned_alloc`, `posix_memalign`
//! (and `memalign`, `malloc_usable_size`) over the `dlmalloc` crate.
//!
//! Failure is `NULL` with `errno = ENOMEM` (or the returned error number for
//! `posix_memalign`), never a trap. Every block is aligned to 16 bytes, the
//! alignment of `max_align_t` on wasm32 (`long double` is 16 bytes), like
//! wasi-libc's malloc.
#![no_std]

use core::ffi::c_void;
use core::ptr;
use dlmalloc::Dlmalloc;
use spin::Mutex;

/// The C heap. A spin lock costs one uncontended compare per call on
/// single-threaded wasm and keeps the code sound if threads ever arrive.
static HEAP: Mutex<Dlmalloc> = Mutex::new(Dlmalloc::new());

/// `alignof(max_align_t)` on wasm32.
pub const MALLOC_ALIGN: usize = 16;

/// errno values used here (WASI numbering, as in `libc-core`).
const ENOMEM: i32 = 48;
const EINVAL: i32 = 28;

unsafe extern "C" {
    fn __errno_location() -> *mut i32;
}

fn set_errno(e: i32) {
    // SAFETY: `__errno_location` (libc-core) returns a valid pointer.
    unsafe { *__errno_location() = e };
}

/// Allocates `size` bytes aligned to `align` (a power of two); null on failure.
pub fn alloc_aligned(size: usize, align: usize) -> *mut u8 {
    if size > isize::MAX as usize - align {
        return ptr::null_mut();
    }
    // SAFETY: align is a power of two (checked by callers); any size is valid.
    unsafe { HEAP.lock().c_memalign(align.max(MALLOC_ALIGN), size) }
}

/// Frees a block from this heap (null is ignored).
///
/// # Safety
/// `p` must be null or a live block of this heap.
pub unsafe fn dealloc(p: *mut u8) {
    // SAFETY: caller contract.
    unsafe { HEAP.lock().c_free(p) }
}

fn checked(p: *mut u8) -> *mut c_void {
    if p.is_null() {
        set_errno(ENOMEM);
    }
    p.cast()
}

/// [malloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/malloc.html)
#[unsafe(no_mangle)]
pub extern "C" fn malloc(size: usize) -> *mut c_void {
    checked(alloc_aligned(size, MALLOC_ALIGN))
}

/// [free](https://pubs.opengroup.org/onlinepubs/9799919799/functions/free.html)
///
/// # Safety
/// `p` must be null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: caller contract.
    unsafe { dealloc(p.cast()) }
}

/// [calloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/calloc.html)
#[unsafe(no_mangle)]
pub extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    let Some(total) = n.checked_mul(size) else {
        set_errno(ENOMEM);
        return ptr::null_mut();
    };
    let p = alloc_aligned(total, MALLOC_ALIGN);
    if !p.is_null() {
        // SAFETY: p holds total bytes. (dlmalloc may hand back fresh pages
        // that are already zero; clearing again is simple and always right.)
        unsafe { ptr::write_bytes(p, 0, total) };
    }
    checked(p)
}

/// [realloc](https://pubs.opengroup.org/onlinepubs/9799919799/functions/realloc.html)
///
/// `realloc(p, 0)` frees `p` and returns a fresh minimal block (a valid
/// pointer that must be freed), like musl and wasi-libc.
///
/// # Safety
/// `p` must be null or a live block from this allocator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        return malloc(size);
    }
    if size > isize::MAX as usize - MALLOC_ALIGN {
        set_errno(ENOMEM);
        return ptr::null_mut();
    }
    // SAFETY: p is a live block (caller contract).
    let q = unsafe { HEAP.lock().c_realloc(p.cast(), size) };
    if q.is_null() {
        return checked(q);
    }
    if q as usize % MALLOC_ALIGN == 0 {
        return q.cast();
    }
    // dlmalloc's realloc keeps only its natural 8-byte alignment: move the
    // block to a 16-byte aligned one (q holds `size` valid bytes).
    let r = alloc_aligned(size, MALLOC_ALIGN);
    if r.is_null() {
        // The data lives on at q, but the caller still holds p (now moved):
        // no way to report both; keep q's contents by returning it.
        return q.cast();
    }
    // SAFETY: both blocks hold at least size bytes; q is ours to free.
    unsafe {
        ptr::copy_nonoverlapping(q, r, size);
        dealloc(q);
    }
    r.cast()
}

/// [aligned_alloc](https://en.cppreference.com/w/c/memory/aligned_alloc)
#[unsafe(no_mangle)]
pub extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        set_errno(EINVAL);
        return ptr::null_mut();
    }
    checked(alloc_aligned(size, align))
}

/// `memalign` (legacy, same as `aligned_alloc`).
#[unsafe(no_mangle)]
pub extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    aligned_alloc(align, size)
}

/// [posix_memalign](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_memalign.html)
///
/// # Safety
/// `out` must be valid for a pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> i32 {
    if out.is_null() || !align.is_power_of_two() || align % core::mem::size_of::<usize>() != 0 {
        return EINVAL;
    }
    let p = alloc_aligned(size, align);
    if p.is_null() {
        return ENOMEM;
    }
    // SAFETY: out is valid (caller contract).
    unsafe { *out = p.cast() };
    0
}
