//! A growable array of `Copy` items on the C heap (the library has no
//! global allocator). Growth failure is reported, never a trap.

use core::ops::{Deref, DerefMut};

pub(crate) struct Buf<T: Copy> {
    ptr: *mut T,
    len: usize,
    cap: usize,
}

/// Out of memory (the caller maps it to its own error code).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NoMem;

impl<T: Copy> Buf<T> {
    pub(crate) const fn new() -> Self {
        Buf {
            ptr: core::ptr::null_mut(),
            len: 0,
            cap: 0,
        }
    }

    /// A buffer of `n` copies of `v`.
    pub(crate) fn filled(n: usize, v: T) -> Result<Self, NoMem> {
        let mut b = Self::new();
        b.reserve(n)?;
        for _ in 0..n {
            b.push(v)?;
        }
        Ok(b)
    }

    pub(crate) fn reserve(&mut self, extra: usize) -> Result<(), NoMem> {
        let need = self.len.checked_add(extra).ok_or(NoMem)?;
        if need <= self.cap {
            return Ok(());
        }
        let cap = need.max(self.cap * 2).max(8);
        let bytes = cap
            .checked_mul(core::mem::size_of::<T>())
            .ok_or(NoMem)?
            .max(1);
        // SAFETY: ptr is null or a block of ours; realloc keeps its contents.
        let p = unsafe { wasm_libc_alloc::realloc(self.ptr.cast(), bytes) } as *mut T;
        if p.is_null() {
            return Err(NoMem);
        }
        self.ptr = p;
        self.cap = cap;
        Ok(())
    }

    pub(crate) fn push(&mut self, v: T) -> Result<(), NoMem> {
        self.reserve(1)?;
        // SAFETY: len < cap after reserve.
        unsafe { self.ptr.add(self.len).write(v) };
        self.len += 1;
        Ok(())
    }

    pub(crate) fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: index len was initialised.
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    pub(crate) fn truncate(&mut self, n: usize) {
        if n < self.len {
            self.len = n;
        }
    }
}

impl<T: Copy> Drop for Buf<T> {
    fn drop(&mut self) {
        // SAFETY: null or our block.
        unsafe { wasm_libc_alloc::free(self.ptr.cast()) }
    }
}

impl<T: Copy> Deref for Buf<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        if self.ptr.is_null() {
            &[]
        } else {
            // SAFETY: len initialised items.
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }
}

impl<T: Copy> DerefMut for Buf<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        if self.ptr.is_null() {
            &mut []
        } else {
            // SAFETY: len initialised items, uniquely borrowed.
            unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
        }
    }
}
