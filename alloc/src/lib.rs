//! The malloc family of wasm-libc over the `dlmalloc` crate.
//!
//! These are Rust functions; the C symbols (`malloc`, ...) are thin wrappers
//! in `posix` (`stdlib.h`), which set errno. Failure here is a null pointer,
//! never a trap. Every block is aligned to 16 bytes, the
//! alignment of `max_align_t` on wasm32 (`long double` is 16 bytes), like
//! wasi-libc's malloc.
#![no_std]

use core::ptr;
use dlmalloc::Dlmalloc;
use spin::Mutex;

/// The C heap. A spin lock costs one uncontended compare per call on
/// single-threaded wasm and keeps the code sound if threads ever arrive.
static HEAP: Mutex<Dlmalloc> = Mutex::new(Dlmalloc::new());

/// `alignof(max_align_t)` on wasm32.
pub const MALLOC_ALIGN: usize = 16;

/// Allocates `size` bytes aligned to `align` (a power of two); null on failure.
pub fn alloc_aligned(size: usize, align: usize) -> *mut u8 {
    if !align.is_power_of_two() || size > isize::MAX as usize - align {
        return ptr::null_mut();
    }
    // SAFETY: align is a power of two; any size is valid.
    unsafe { HEAP.lock().c_memalign(align.max(MALLOC_ALIGN), size) }
}

/// `malloc`: `size` bytes aligned to [`MALLOC_ALIGN`]; null on failure.
pub fn malloc(size: usize) -> *mut u8 {
    alloc_aligned(size, MALLOC_ALIGN)
}

/// `calloc`: zeroed `n * size` bytes; null on failure or overflow.
pub fn calloc(n: usize, size: usize) -> *mut u8 {
    let Some(total) = n.checked_mul(size) else {
        return ptr::null_mut();
    };
    let p = malloc(total);
    if !p.is_null() {
        // SAFETY: p holds total bytes.
        unsafe { ptr::write_bytes(p, 0, total) };
    }
    p
}

/// Frees a block from this heap (null is ignored).
///
/// # Safety
/// `p` must be null or a live block of this heap.
pub unsafe fn free(p: *mut u8) {
    // SAFETY: caller contract.
    unsafe { HEAP.lock().c_free(p) }
}

/// `realloc`: null `p` allocates; on failure returns null and `p` stays valid.
/// `realloc(p, 0)` frees `p` and returns a fresh minimal block, like musl and
/// wasi-libc.
///
/// # Safety
/// `p` must be null or a live block of this heap.
pub unsafe fn realloc(p: *mut u8, size: usize) -> *mut u8 {
    if p.is_null() {
        return malloc(size);
    }
    if size > isize::MAX as usize - MALLOC_ALIGN {
        return ptr::null_mut();
    }
    // dlmalloc's realloc keeps only its natural 8-byte alignment. Grow or
    // shrink in place when that stays 16-aligned; otherwise move the block.
    // SAFETY: p is a live block (caller contract).
    let q = unsafe { HEAP.lock().c_realloc(p, size) };
    if q.is_null() || (q as usize).is_multiple_of(MALLOC_ALIGN) {
        return q;
    }
    let r = malloc(size);
    if r.is_null() {
        // q holds the data now and p is gone: give back q rather than lose
        // the data (it is 8-aligned, enough for every C type but long double).
        return q;
    }
    // SAFETY: both blocks hold at least size bytes; q is ours to free.
    unsafe {
        ptr::copy_nonoverlapping(q, r, size);
        free(q);
    }
    r
}

/// The usable size of a live block: at least what was asked for
/// (`malloc_usable_size`). Reads dlmalloc's chunk header, the word before
/// the block: the chunk size (low 3 bits are flags) less the header's own
/// word, or two words for a chunk taken directly from the system (both
/// in-use bits clear).
///
/// # Safety
/// `p` must be a live block of this heap.
pub unsafe fn usable_size(p: *mut u8) -> usize {
    let w = core::mem::size_of::<usize>();
    // SAFETY: every dlmalloc block is preceded by its chunk's head word.
    let head = unsafe { *(p as *const usize).sub(1) };
    let overhead = if head & 3 == 0 { 2 * w } else { w };
    (head & !7).saturating_sub(overhead)
}
