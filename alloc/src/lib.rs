//! The malloc family of wasm-libc over the `dlmalloc` crate.
//!
//! These are Rust functions; the C symbols (`malloc`, ...) are thin wrappers
//! in `posix` (`stdlib.h`), which set errno. Failure here is a null pointer,
//! never a trap. Every block is aligned to 16 bytes, the
//! alignment of `max_align_t` on wasm32 (`long double` is 16 bytes), like
//! wasi-libc's malloc.
//!
//! # 16-byte alignment without `memalign`
//!
//! The `dlmalloc` crate aligns to two words, 8 bytes on wasm32, and its
//! `memalign` path (over-allocate, split off a leading and a trailing chunk)
//! costs about twice a plain `malloc`. The block a chunk holds starts 8 bytes
//! after the chunk, so a block is 16-aligned exactly when its chunk starts at
//! 8 mod 16. Two things keep every chunk there:
//!
//! - every request is padded so that its chunk size (the request plus the
//!   4-byte head, rounded up to 8 by dlmalloc) is a multiple of 16
//!   ([`request`]): chunks cut from the top or split off a free chunk then
//!   keep the phase of the chunk they came from, and coalesced free chunks
//!   are sums of multiples of 16;
//! - the memory dlmalloc gets from the system ([`Pages`]) starts at 8 mod 16:
//!   the first `memory.grow` of a run of contiguous ones is handed over 8
//!   bytes in (pages are 64 KiB-aligned); later contiguous ones extend the
//!   same segment, whose top chunk keeps its phase.
//!
//! Only a segment's bookkeeping (its record and fence posts, written when
//! someone else grew the memory in between) breaks the rule, so every result
//! is checked anyway: a misaligned block is given back and the request
//! retried through `memalign`, whose split re-aligns the top; `realloc` lets
//! dlmalloc resize only in place and moves blocks through `malloc` itself,
//! so it never returns an unchecked block either. The chunk sizes
//! are the ones wasi-libc's dlmalloc (configured for 16-byte alignment)
//! makes, so memory use is the same.
#![no_std]

use core::ptr;
use dlmalloc::Dlmalloc;

/// `alignof(max_align_t)` on wasm32.
pub const MALLOC_ALIGN: usize = 16;

/// dlmalloc's per-chunk overhead for an in-use chunk: its head word.
const CHUNK_OVERHEAD: usize = core::mem::size_of::<usize>();

/// The largest size accepted: room for the padding, never near overflow.
const MAX_SIZE: usize = isize::MAX as usize - 4 * MALLOC_ALIGN;

/// The request passed to dlmalloc for `size` bytes: chunk size
/// (`request + CHUNK_OVERHEAD`) a multiple of 16 and at least 16, usable size
/// at least `size`. `size` must be at most [`MAX_SIZE`].
#[inline(always)]
const fn request(size: usize) -> usize {
    ((size + CHUNK_OVERHEAD + (MALLOC_ALIGN - 1)) & !(MALLOC_ALIGN - 1)) - CHUNK_OVERHEAD
}

#[inline(always)]
fn aligned(p: *mut u8) -> bool {
    (p as usize).is_multiple_of(MALLOC_ALIGN)
}

#[cfg(target_family = "wasm")]
type Dl = Dlmalloc<Pages>;
#[cfg(not(target_family = "wasm"))]
type Dl = Dlmalloc;

#[cfg(target_family = "wasm")]
const fn new_dl() -> Dl {
    Dlmalloc::new_with_allocator(Pages::new())
}
#[cfg(not(target_family = "wasm"))]
const fn new_dl() -> Dl {
    Dlmalloc::new()
}

/// dlmalloc's system allocator: `memory.grow`, the first page of every run of
/// contiguous growths handed over 8 bytes in (see the crate docs). Memory is
/// never given back, like the `dlmalloc` crate's own wasm allocator.
#[cfg(target_family = "wasm")]
struct Pages {
    /// The end of the last growth (0: none yet).
    end: core::sync::atomic::AtomicUsize,
}

#[cfg(target_family = "wasm")]
impl Pages {
    const PAGE: usize = 64 * 1024;
    /// Where the first chunk of a new segment starts, mod 16.
    const PHASE: usize = MALLOC_ALIGN - 2 * CHUNK_OVERHEAD;

    const fn new() -> Pages {
        Pages {
            end: core::sync::atomic::AtomicUsize::new(0),
        }
    }
}

// SAFETY: `alloc` hands out only fresh pages from `memory.grow` (never
// overlapping anything handed out before), with the length it reports; the
// other methods release nothing.
#[cfg(target_family = "wasm")]
unsafe impl dlmalloc::Allocator for Pages {
    fn alloc(&self, size: usize) -> (*mut u8, usize, u32) {
        use core::sync::atomic::Ordering::Relaxed;
        let pages = size.div_ceil(Self::PAGE);
        let prev = core::arch::wasm32::memory_grow(0, pages);
        if prev == usize::MAX {
            return (ptr::null_mut(), 0, 0);
        }
        let base = prev * Self::PAGE;
        let mut len = pages * Self::PAGE;
        if base.wrapping_add(len) == 0 {
            // The last page of a 4 GiB memory: keep the end below 2^32 so
            // that no pointer wraps to 0.
            len -= MALLOC_ALIGN;
        }
        let skip = if base == self.end.load(Relaxed) {
            0
        } else {
            Self::PHASE
        };
        self.end.store(base.wrapping_add(len), Relaxed);
        (
            ptr::without_provenance_mut::<u8>(base).wrapping_add(skip),
            len - skip,
            0,
        )
    }

    fn remap(&self, _ptr: *mut u8, _old: usize, _new: usize, _can_move: bool) -> *mut u8 {
        ptr::null_mut()
    }

    fn free_part(&self, _ptr: *mut u8, _old: usize, _new: usize) -> bool {
        false
    }

    fn free(&self, _ptr: *mut u8, _size: usize) -> bool {
        false
    }

    fn can_release_part(&self, _flags: u32) -> bool {
        false
    }

    fn allocates_zeros(&self) -> bool {
        true
    }

    fn page_size(&self) -> usize {
        Self::PAGE
    }
}

#[cfg(all(target_family = "wasm", not(wasm_threads)))]
mod heap {
    use core::cell::UnsafeCell;

    /// The C heap on a target without threads: no lock. A lock would cost a
    /// compare-and-swap and a store per call for nothing (nothing can run
    /// between them: wasm has no signals, and dlmalloc never calls back).
    pub struct Heap(UnsafeCell<super::Dl>);

    // SAFETY: without `wasm_threads` the target has no shared memory, so only
    // one thread ever exists; `with` never nests (dlmalloc does not re-enter
    // the heap).
    unsafe impl Sync for Heap {}

    impl Heap {
        pub const fn new() -> Heap {
            Heap(UnsafeCell::new(super::new_dl()))
        }

        #[inline(always)]
        pub fn with<R>(&self, f: impl FnOnce(&mut super::Dl) -> R) -> R {
            // SAFETY: single thread and no nesting (see `Sync` above): this is
            // the only reference to the heap while `f` runs.
            f(unsafe { &mut *self.0.get() })
        }
    }
}

/// The threads flavour: a futex lock (see the file).
#[cfg(all(target_family = "wasm", wasm_threads))]
#[path = "futex_lock.rs"]
mod heap;

#[cfg(not(target_family = "wasm"))]
mod heap {
    use spin::Mutex;

    /// The C heap where threads can exist: behind a spin lock.
    pub struct Heap(Mutex<super::Dl>);

    impl Heap {
        pub const fn new() -> Heap {
            Heap(Mutex::new(super::new_dl()))
        }

        #[inline(always)]
        pub fn with<R>(&self, f: impl FnOnce(&mut super::Dl) -> R) -> R {
            f(&mut self.0.lock())
        }
    }
}

/// The C heap.
static HEAP: heap::Heap = heap::Heap::new();

/// Allocates `size` bytes aligned to `align` (a power of two); null on failure.
pub fn alloc_aligned(size: usize, align: usize) -> *mut u8 {
    if align <= MALLOC_ALIGN {
        return malloc(size);
    }
    if !align.is_power_of_two() || size > MAX_SIZE - align {
        return ptr::null_mut();
    }
    // SAFETY: align is a power of two above dlmalloc's own; any size is valid.
    HEAP.with(|h| unsafe { h.c_memalign(align, request(size)) })
}

/// `malloc`: `size` bytes aligned to [`MALLOC_ALIGN`]; null on failure.
#[inline]
pub fn malloc(size: usize) -> *mut u8 {
    if size > MAX_SIZE {
        return ptr::null_mut();
    }
    let req = request(size);
    HEAP.with(|h| {
        // SAFETY: any size is valid for dlmalloc's malloc.
        let p = unsafe { h.c_malloc(req) };
        if aligned(p) {
            return p; // null included
        }
        // SAFETY: p is a live block just allocated; 16 is a power of two.
        unsafe {
            h.c_free(p);
            h.c_memalign(MALLOC_ALIGN, req)
        }
    })
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
#[inline]
pub unsafe fn free(p: *mut u8) {
    // SAFETY: caller contract.
    HEAP.with(|h| unsafe { h.c_free(p) })
}

/// `realloc`: null `p` allocates; on failure returns null and `p` stays valid.
/// `realloc(p, 0)` returns a minimal block (`p` shrunk in place), like musl
/// and wasi-libc, not null. The result is 16-aligned like every block ([`MALLOC_ALIGN`]).
///
/// dlmalloc's own realloc resizes in place when it can and otherwise moves
/// the block through its malloc, whose result nothing would check: this one
/// asks dlmalloc only for resizes that stay in place ([`resizes_in_place`]),
/// where the block keeps its 16-aligned address, and moves the block itself
/// through [`malloc`], whose result is 16-aligned. So no path can hand back an
/// 8-aligned block, and on failure `p` is untouched.
///
/// # Safety
/// `p` must be null or a live block of this heap.
pub unsafe fn realloc(p: *mut u8, size: usize) -> *mut u8 {
    if p.is_null() {
        return malloc(size);
    }
    if size > MAX_SIZE {
        return ptr::null_mut();
    }
    let req = request(size);
    // SAFETY: p is a live block (caller contract).
    if unsafe { resizes_in_place(p, req) } {
        // SAFETY: p is a live block; dlmalloc resizes it in place (checked
        // just above by its own rules), so the result is p itself.
        let q = HEAP.with(|h| unsafe { h.c_realloc(p, req) });
        debug_assert!(q == p);
        return q;
    }
    let r = malloc(size);
    if !r.is_null() {
        // SAFETY: p holds usable_size(p) bytes and r at least size; both are
        // live, distinct blocks; p is ours to free once copied.
        unsafe {
            ptr::copy_nonoverlapping(p, r, usable_size(p).min(size));
            free(p);
        }
    }
    r
}

/// dlmalloc's chunk head bit saying the chunk itself is in use.
const CINUSE: usize = 2;

/// Whether dlmalloc's realloc of the live block `p` to `req` bytes (a
/// [`request`]) keeps the block where it is, by the rules of its
/// `try_realloc_chunk`: the chunk already holds `req` (a shrink, or growth
/// within the padding), or the next chunk is free (an ordinary free chunk,
/// the designated victim or the top chunk, none of which has its in-use bit
/// set) and the two together exceed the new chunk size. Strictly exceed: the
/// top chunk needs it, the others would accept equality, which only means
/// those rare exact fits move. Reads the two head words dlmalloc keeps
/// before each block (see [`usable_size`]); every chunk of a segment is
/// followed by another chunk, the top chunk or the segment's in-use record.
///
/// # Safety
/// `p` must be a live block of this heap.
unsafe fn resizes_in_place(p: *mut u8, req: usize) -> bool {
    let new = req + CHUNK_OVERHEAD; // dlmalloc's chunk size for req
    // SAFETY: every dlmalloc block is preceded by its chunk's head word, and
    // the chunk (head word included) is followed by the next chunk's head.
    unsafe {
        let head = p.cast::<usize>().sub(1);
        if *head & CINUSE == 0 {
            return false; // not a chunk dlmalloc resizes by these rules
        }
        let old = *head & !7;
        if old >= new {
            return true;
        }
        let next = *head.byte_add(old);
        next & CINUSE == 0 && old + (next & !7) > new
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_makes_16_byte_chunks() {
        for size in 0..1000 {
            let r = request(size);
            assert!(r >= size);
            let chunk = (r + CHUNK_OVERHEAD + 7) & !7; // dlmalloc's pad_request
            assert_eq!(chunk % 16, 0, "size {size}");
            assert!(chunk >= 16);
        }
    }

    /// On the host dlmalloc's system memory is page-aligned, so its own
    /// blocks are 8 mod 16: every result of dlmalloc's malloc is misaligned
    /// there, and realloc must still hand back only 16-aligned blocks.
    #[test]
    fn realloc_keeps_alignment_and_contents() {
        let mut p = malloc(1);
        let mut cur = 1;
        // SAFETY: p is always a live block of cur bytes from this heap.
        unsafe {
            *p = 0xA5;
            for n in (2..3000)
                .chain((1..3000).rev())
                .chain((3000..200_000).step_by(7919))
            {
                let q = realloc(p, n);
                assert!(!q.is_null() && aligned(q), "size {n}");
                for i in 0..cur.min(n) {
                    assert_eq!(
                        *q.add(i),
                        (i as u8).wrapping_mul(31) ^ 0xA5,
                        "size {n} byte {i}"
                    );
                }
                for i in cur.min(n)..n {
                    *q.add(i) = (i as u8).wrapping_mul(31) ^ 0xA5;
                }
                p = q;
                cur = n;
            }
            free(p);
        }
    }
}
