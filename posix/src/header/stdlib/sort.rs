//! `qsort`, `qsort_r`, `bsearch`.

use crate::platform::{c_int, c_void, size_t};

/// The elements of a C array being sorted, with its comparison.
struct Array<F: FnMut(*const u8, *const u8) -> c_int> {
    base: *mut u8,
    size: usize,
    cmp: F,
}

impl<F: FnMut(*const u8, *const u8) -> c_int> Array<F> {
    fn at(&self, i: usize) -> *mut u8 {
        // SAFETY (of the callers' use): `i` is an index inside the array the
        // caller of qsort passed; `wrapping_add` itself is safe.
        self.base.wrapping_add(i * self.size)
    }

    fn less(&mut self, i: usize, j: usize) -> bool {
        let (a, b) = (self.at(i), self.at(j));
        (self.cmp)(a, b) < 0
    }

    fn swap(&mut self, i: usize, j: usize) {
        if i != j {
            // SAFETY: distinct elements of the array (qsort's contract), so
            // the two ranges of `size` bytes do not overlap.
            unsafe { core::ptr::swap_nonoverlapping(self.at(i), self.at(j), self.size) };
        }
    }

    fn insertion(&mut self, lo: usize, hi: usize) {
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo && self.less(j, j - 1) {
                self.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    /// Heapsort of `[lo, hi)`: the fallback that bounds the worst case.
    fn heapsort(&mut self, lo: usize, hi: usize) {
        let n = hi - lo;
        let sift = |a: &mut Self, mut root: usize, end: usize| loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && a.less(lo + child, lo + child + 1) {
                child += 1;
            }
            if !a.less(lo + root, lo + child) {
                break;
            }
            a.swap(lo + root, lo + child);
            root = child;
        };
        for root in (0..n / 2).rev() {
            sift(self, root, n);
        }
        for end in (1..n).rev() {
            self.swap(lo, lo + end);
            sift(self, 0, end);
        }
    }

    /// Index of the median of three elements.
    fn median3(&mut self, a: usize, b: usize, c: usize) -> usize {
        if self.less(a, b) {
            if self.less(b, c) {
                b
            } else if self.less(a, c) {
                c
            } else {
                a
            }
        } else if self.less(a, c) {
            a
        } else if self.less(b, c) {
            c
        } else {
            b
        }
    }

    /// Introsort of `[lo, hi)`: quicksort (median-of-three or ninther
    /// pivot, partitions that split runs of equal keys evenly), insertion
    /// sort for short ranges, heapsort when recursion gets too deep.
    fn sort(&mut self, mut lo: usize, mut hi: usize, mut depth: u32) {
        loop {
            let n = hi - lo;
            if n <= 12 {
                self.insertion(lo, hi);
                return;
            }
            if depth == 0 {
                self.heapsort(lo, hi);
                return;
            }
            depth -= 1;
            let mid = lo + n / 2;
            let p = if n > 64 {
                let s = n / 8;
                let a = self.median3(lo, lo + s, lo + 2 * s);
                let b = self.median3(mid - s, mid, mid + s);
                let c = self.median3(hi - 1 - 2 * s, hi - 1 - s, hi - 1);
                self.median3(a, b, c)
            } else {
                self.median3(lo, mid, hi - 1)
            };
            self.swap(lo, p);
            // Hoare partition around the pivot at `lo`.
            let (mut i, mut j) = (lo + 1, hi - 1);
            loop {
                while i <= j && self.less(i, lo) {
                    i += 1;
                }
                while i <= j && self.less(lo, j) {
                    j -= 1;
                }
                if i >= j {
                    break;
                }
                self.swap(i, j);
                i += 1;
                j -= 1;
            }
            self.swap(lo, j);
            // Recurse into the smaller side, loop on the larger.
            if j - lo < hi - (j + 1) {
                self.sort(lo, j, depth);
                lo = j + 1;
            } else {
                self.sort(j + 1, hi, depth);
                hi = j;
            }
        }
    }
}

fn sort_with(
    base: *mut c_void,
    n: usize,
    size: usize,
    cmp: impl FnMut(*const u8, *const u8) -> c_int,
) {
    if n < 2 || size == 0 {
        return;
    }
    let mut a = Array {
        base: base.cast(),
        size,
        cmp,
    };
    let depth = 2 * (usize::BITS - n.leading_zeros());
    a.sort(0, n, depth);
}

/// [qsort](https://pubs.opengroup.org/onlinepubs/9799919799/functions/qsort.html)
///
/// Introsort: O(n log n) comparisons in the worst case (sorted, reversed
/// and all-equal input included); not stable; no allocation.
///
/// # Safety
/// `base` valid for `n * size` bytes; `cmp` a consistent ordering.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort(
    base: *mut c_void,
    n: size_t,
    size: size_t,
    cmp: extern "C" fn(*const c_void, *const c_void) -> c_int,
) {
    sort_with(base, n, size, |a, b| cmp(a.cast(), b.cast()));
}

/// [qsort_r](https://pubs.opengroup.org/onlinepubs/9799919799/functions/qsort_r.html)
/// (POSIX 2024 and glibc argument order): `arg` is passed to `cmp`.
///
/// # Safety
/// As [`qsort`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort_r(
    base: *mut c_void,
    n: size_t,
    size: size_t,
    cmp: extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int,
    arg: *mut c_void,
) {
    sort_with(base, n, size, |a, b| cmp(a.cast(), b.cast(), arg));
}

/// [bsearch](https://pubs.opengroup.org/onlinepubs/9799919799/functions/bsearch.html)
///
/// # Safety
/// `base` valid for `n * size` bytes, sorted by `cmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    n: size_t,
    size: size_t,
    cmp: extern "C" fn(*const c_void, *const c_void) -> c_int,
) -> *mut c_void {
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = base.cast::<u8>().wrapping_add(mid * size).cast::<c_void>();
        match cmp(key, p) {
            0 => return p as *mut c_void,
            r if r < 0 => hi = mid,
            _ => lo = mid + 1,
        }
    }
    core::ptr::null_mut()
}
