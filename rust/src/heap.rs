//! The heap: wasm-libc-alloc (dlmalloc, 16-byte aligned blocks), the same
//! allocator as the C library's `malloc`.
//!
//! [`Heap`] is a [`GlobalAlloc`]; the `global-allocator` feature installs it
//! as the `#[global_allocator]`, so `alloc::vec::Vec` and friends work in a
//! `no_std` program. libc-core allocates from the same heap directly (the
//! program arguments; on p2, a list the caller-buffer slot could not take).
//!
//! ```
//! use core::alloc::{GlobalAlloc, Layout};
//! use wasm_libc::heap::Heap;
//!
//! let layout = Layout::from_size_align(100, 16).unwrap();
//! // SAFETY: non-zero size; freed below with the same layout.
//! unsafe {
//!     let p = Heap.alloc(layout);
//!     assert!(!p.is_null() && p as usize % 16 == 0);
//!     Heap.dealloc(p, layout);
//! }
//! ```

use core::alloc::{GlobalAlloc, Layout};
use core::ptr;

/// The alignment dlmalloc keeps when it resizes a block in place.
const REALLOC_ALIGN: usize = 8;

/// wasm-libc-alloc as a [`GlobalAlloc`]. Never traps: out of memory is a
/// null pointer, which `alloc` turns into `handle_alloc_error`.
///
/// Installed as the global allocator by the `global-allocator` feature; or
/// install it yourself:
///
/// ```ignore
/// #[global_allocator]
/// static HEAP: wasm_libc::heap::Heap = wasm_libc::heap::Heap;
/// ```
///
/// (`ignore`d here only because a doctest program already has `std`'s
/// allocator.)
#[derive(Copy, Clone, Debug, Default)]
pub struct Heap;

// SAFETY: every block comes from wasm-libc-alloc with at least the layout's
// size and alignment, and is returned to it exactly once.
unsafe impl GlobalAlloc for Heap {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        wasm_libc_alloc::alloc_aligned(layout.size(), layout.align())
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        // SAFETY: p came from `alloc` / `realloc` (GlobalAlloc contract).
        unsafe { wasm_libc_alloc::free(p) }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= REALLOC_ALIGN {
            // SAFETY: p is a live block of this heap (GlobalAlloc contract);
            // on failure it returns null and p stays valid.
            return unsafe { wasm_libc_alloc::realloc(p, new_size) };
        }
        // Larger alignments: a fresh block, so the alignment is kept.
        let q = wasm_libc_alloc::alloc_aligned(new_size, layout.align());
        if !q.is_null() {
            // SAFETY: both blocks hold at least min(old, new) bytes; p is
            // live and freed once.
            unsafe {
                ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                wasm_libc_alloc::free(p);
            }
        }
        q
    }
}

#[cfg(feature = "global-allocator")]
#[global_allocator]
static GLOBAL: Heap = Heap;
