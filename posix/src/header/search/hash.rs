//! hcreate, hsearch, hdestroy and their reentrant `_r` forms: open
//! addressing with linear probing in a power-of-two table that doubles
//! when three quarters full (so `ENTER` fails only without memory).

use crate::header::stdlib::{calloc, free};
use crate::platform::{c_char, c_int, c_uint, c_void, size_t};
use libc_core::{Errno, OrMinusOneErrno};

/// `ACTION` (typedef'd in the header): `FIND` or `ENTER`.
pub type ACTION = c_int;
const ENTER: ACTION = 1;

/// A table entry (`ENTRY` in the header).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ENTRY {
    /// NUL-terminated key (NULL: free slot).
    pub key: *mut c_char,
    /// The caller's data.
    pub data: *mut c_void,
}

/// The table behind a `struct hsearch_data`.
#[repr(C)]
struct Tab {
    entries: *mut ENTRY,
    mask: usize,
    used: usize,
}

/// `struct hsearch_data` (layout in the header).
#[repr(C)]
pub struct hsearch_data {
    tab: *mut Tab,
    unused1: c_uint,
    unused2: c_uint,
}

/// The table of the non-reentrant functions.
static mut GLOBAL: hsearch_data = hsearch_data {
    tab: core::ptr::null_mut(),
    unused1: 0,
    unused2: 0,
};

/// FNV-1a over the key's bytes.
fn hash(key: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h as usize
}

/// The key's slot: its entry, or the free slot where it belongs.
///
/// # Safety
/// `t` a live table with at least one free slot; `key` NUL-terminated.
unsafe fn lookup(t: *const Tab, key: &[u8]) -> *mut ENTRY {
    // SAFETY: caller contract; indices are masked.
    unsafe {
        let mut i = hash(key) & (*t).mask;
        loop {
            let e = (*t).entries.add(i);
            if (*e).key.is_null() || core::ffi::CStr::from_ptr((*e).key).to_bytes() == key {
                return e;
            }
            i = (i + 1) & (*t).mask;
        }
    }
}

/// Allocates `n` (a power of two) empty slots.
fn slots(n: usize) -> *mut ENTRY {
    calloc(n, core::mem::size_of::<ENTRY>()).cast()
}

/// Moves the table into `n` slots; false without memory (table unchanged).
///
/// # Safety
/// `t` a live table; `n` a power of two above its entry count.
unsafe fn resize(t: *mut Tab, n: usize) -> bool {
    let new = slots(n);
    if new.is_null() {
        return false;
    }
    // SAFETY: caller contract; each old entry lands in a free new slot.
    unsafe {
        let old = (*t).entries;
        let old_n = (*t).mask + 1;
        (*t).entries = new;
        (*t).mask = n - 1;
        for i in 0..old_n {
            let e = *old.add(i);
            if !e.key.is_null() {
                *lookup(t, core::ffi::CStr::from_ptr(e.key).to_bytes()) = e;
            }
        }
        free(old.cast());
    }
    true
}

/// [hcreate_r](https://man7.org/linux/man-pages/man3/hcreate.3.html) (GNU):
/// nonzero on success, 0 with `ENOMEM`.
///
/// # Safety
/// `htab` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hcreate_r(nel: size_t, htab: *mut hsearch_data) -> c_int {
    if nel > usize::MAX / 64 {
        return Err::<c_int, _>(Errno::ENOMEM).or_minus_one_errno() + 1;
    }
    let mut n = 8;
    while n - n / 4 <= nel {
        n *= 2;
    }
    let t: *mut Tab = calloc(1, core::mem::size_of::<Tab>()).cast();
    let e = slots(n);
    if t.is_null() || e.is_null() {
        // SAFETY: our own allocations (free tolerates NULL).
        unsafe {
            free(t.cast());
            free(e.cast());
        }
        return Err::<c_int, _>(Errno::ENOMEM).or_minus_one_errno() + 1;
    }
    // SAFETY: fresh allocation; `htab` per caller contract.
    unsafe {
        t.write(Tab {
            entries: e,
            mask: n - 1,
            used: 0,
        });
        (*htab).tab = t;
    }
    1
}

/// [hdestroy_r](https://man7.org/linux/man-pages/man3/hcreate.3.html) (GNU):
/// frees the table (not the keys or data).
///
/// # Safety
/// `htab` NULL or a table made by [`hcreate_r`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hdestroy_r(htab: *mut hsearch_data) {
    if htab.is_null() {
        return;
    }
    // SAFETY: caller contract.
    unsafe {
        let t = (*htab).tab;
        if !t.is_null() {
            free((*t).entries.cast());
            free(t.cast());
        }
        (*htab).tab = core::ptr::null_mut();
    }
}

/// [hsearch_r](https://man7.org/linux/man-pages/man3/hcreate.3.html) (GNU):
/// 1 with `*retval` the entry; 0 with `*retval` NULL when `FIND` finds
/// nothing or `ENTER` has no memory (`ENOMEM`).
///
/// # Safety
/// `htab` made by [`hcreate_r`]; `item.key` NUL-terminated (and alive as
/// long as the table for `ENTER`); `retval` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hsearch_r(
    item: ENTRY,
    action: ACTION,
    retval: *mut *mut ENTRY,
    htab: *mut hsearch_data,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        let t = (*htab).tab;
        let key = core::ffi::CStr::from_ptr(item.key).to_bytes();
        let mut e = lookup(t, key);
        if !(*e).key.is_null() {
            *retval = e;
            return 1;
        }
        if action != ENTER {
            *retval = core::ptr::null_mut();
            return 0;
        }
        let n = (*t).mask + 1;
        if (*t).used + 1 > n - n / 4 {
            if !resize(t, n * 2) {
                *retval = core::ptr::null_mut();
                return Err::<c_int, _>(Errno::ENOMEM).or_minus_one_errno() + 1;
            }
            e = lookup(t, key);
        }
        *e = item;
        (*t).used += 1;
        *retval = e;
        1
    }
}

/// [hcreate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hcreate.html)
#[unsafe(no_mangle)]
pub extern "C" fn hcreate(nel: size_t) -> c_int {
    // SAFETY: the single global table.
    unsafe { hcreate_r(nel, &raw mut GLOBAL) }
}

/// [hdestroy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hdestroy.html)
#[unsafe(no_mangle)]
pub extern "C" fn hdestroy() {
    // SAFETY: the single global table.
    unsafe { hdestroy_r(&raw mut GLOBAL) }
}

/// [hsearch](https://pubs.opengroup.org/onlinepubs/9799919799/functions/hsearch.html)
///
/// # Safety
/// After [`hcreate`]; `item.key` NUL-terminated (alive while in the table).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hsearch(item: ENTRY, action: ACTION) -> *mut ENTRY {
    let mut r = core::ptr::null_mut();
    // SAFETY: the single global table; forwarded contract.
    unsafe { hsearch_r(item, action, &mut r, &raw mut GLOBAL) };
    r
}
