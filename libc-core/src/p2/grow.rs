//! A heap array that doubles when full: the overflow tier of the descriptor
//! table ([`super::fds`]) and of the socket table ([`super::net`]).
//!
//! Memory comes from the library's C heap ([`crate::heap_alloc`]). Growth
//! moves the array: a pointer from [`Grow::slot`] is valid only until the
//! next [`Grow::take`].

use crate::errno::Errno;
use crate::pal::Result;
use crate::single::Single;

/// Entries in the first heap block.
const FIRST: usize = 64;

#[derive(Copy, Clone)]
struct Block<T> {
    ptr: *mut T,
    cap: usize,
}

pub(super) struct Grow<T>(Single<Block<T>>);

impl<T: Copy> Grow<T> {
    pub(super) const fn new() -> Self {
        Grow(Single::new(Block {
            ptr: core::ptr::null_mut(),
            cap: 0,
        }))
    }

    /// The slot at index `i`, if it exists. Valid until the next `take`.
    #[inline]
    pub(super) fn slot(&self, i: usize) -> Option<*mut T> {
        let b = self.0.load();
        // SAFETY: i < cap, the block's length.
        (i < b.cap).then(|| unsafe { b.ptr.add(i) })
    }

    /// Stores `v` in the lowest slot that `is_free`, doubling the array
    /// (new slots filled with `free`) when there is none; at most `max`
    /// slots (`EMFILE` beyond), `ENOMEM` when the heap is exhausted.
    pub(super) fn take(
        &self,
        is_free: impl Fn(&T) -> bool,
        v: T,
        free: T,
        max: usize,
    ) -> Result<usize> {
        let b = self.0.load();
        for i in 0..b.cap {
            // SAFETY: i < cap.
            let p = unsafe { &mut *b.ptr.add(i) };
            if is_free(p) {
                *p = v;
                return Ok(i);
            }
        }
        let i = self.grow(free, max)?;
        // SAFETY: grow returned an index below the new capacity.
        unsafe { *self.0.load().ptr.add(i) = v };
        Ok(i)
    }

    /// Doubles the array, moving the old entries; returns the first new
    /// index.
    #[cold]
    #[inline(never)]
    fn grow(&self, free: T, max: usize) -> Result<usize> {
        let old = self.0.load();
        let cap = match old.cap {
            0 => FIRST,
            n => n.checked_mul(2).ok_or(Errno::EMFILE)?,
        }
        .min(max);
        if cap <= old.cap {
            return Err(Errno::EMFILE);
        }
        let bytes = cap
            .checked_mul(core::mem::size_of::<T>())
            .ok_or(Errno::ENOMEM)?;
        let new = crate::heap_alloc(bytes, core::mem::align_of::<T>()) as *mut T;
        if new.is_null() {
            return Err(Errno::ENOMEM);
        }
        // SAFETY: `new` has room for `cap` entries and does not overlap the
        // old block, which holds `old.cap` initialised entries (or is null).
        unsafe {
            if old.cap != 0 {
                core::ptr::copy_nonoverlapping(old.ptr, new, old.cap);
            }
            for i in old.cap..cap {
                new.add(i).write(free);
            }
            crate::heap_free(old.ptr as *mut u8);
        }
        self.0.store(Block { ptr: new, cap });
        Ok(old.cap)
    }
}
