//! lfind, lsearch, insque, remque.

use super::Cmp;
use crate::header::string::memcpy;
use crate::platform::{c_void, size_t};

/// [lfind](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lfind.html)
///
/// # Safety
/// `base` holds `*nelp` elements of `width` bytes; `cmp` returns 0 for equal.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lfind(
    key: *const c_void,
    base: *const c_void,
    nelp: *mut size_t,
    width: size_t,
    cmp: Cmp,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return core::ptr::null_mut();
    };
    // SAFETY: caller contract.
    unsafe {
        for i in 0..*nelp {
            let e = base.cast::<u8>().add(i * width).cast::<c_void>();
            if cmp(key, e) == 0 {
                return e.cast_mut();
            }
        }
    }
    core::ptr::null_mut()
}

/// [lsearch](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lsearch.html):
/// as [`lfind`], appending `key` (and counting it in `*nelp`) if absent.
///
/// # Safety
/// As [`lfind`], with room for one more element.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lsearch(
    key: *const c_void,
    base: *mut c_void,
    nelp: *mut size_t,
    width: size_t,
    cmp: Cmp,
) -> *mut c_void {
    // SAFETY: caller contract.
    unsafe {
        let found = lfind(key, base, nelp, width, cmp);
        if !found.is_null() || cmp.is_none() {
            return found;
        }
        let end = base.cast::<u8>().add(*nelp * width).cast::<c_void>();
        memcpy(end, key, width);
        *nelp += 1;
        end
    }
}

/// `struct qelem`'s links.
#[repr(C)]
struct Link {
    next: *mut Link,
    prev: *mut Link,
}

/// [insque](https://pubs.opengroup.org/onlinepubs/9799919799/functions/insque.html):
/// inserts `element` after `pred` (NULL: `element` starts a new list).
///
/// # Safety
/// Both begin with the two link pointers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn insque(element: *mut c_void, pred: *mut c_void) {
    let (e, p) = (element as *mut Link, pred as *mut Link);
    // SAFETY: caller contract.
    unsafe {
        if p.is_null() {
            (*e).next = core::ptr::null_mut();
            (*e).prev = core::ptr::null_mut();
            return;
        }
        (*e).next = (*p).next;
        (*e).prev = p;
        (*p).next = e;
        if !(*e).next.is_null() {
            (*(*e).next).prev = e;
        }
    }
}

/// [remque](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remque.html)
///
/// # Safety
/// `element` is in a list built by [`insque`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remque(element: *mut c_void) {
    let e = element as *mut Link;
    // SAFETY: caller contract.
    unsafe {
        if !(*e).next.is_null() {
            (*(*e).next).prev = (*e).prev;
        }
        if !(*e).prev.is_null() {
            (*(*e).prev).next = (*e).next;
        }
    }
}
