//! `versionsort` and the `64` names of the sort helpers (`dirent64` is
//! `dirent` here).

use super::{alphasort, dirent};
use crate::header::string::strverscmp;
use crate::platform::c_int;

/// [versionsort](https://man7.org/linux/man-pages/man3/scandir.3.html) (GNU):
/// `scandir` order by [`strverscmp`] of the names.
///
/// # Safety
/// Both point to entries with NUL-terminated names.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn versionsort(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: caller contract.
    unsafe { strverscmp((**a).d_name.as_ptr(), (**b).d_name.as_ptr()) }
}

/// `versionsort64`: [`versionsort`] (the same `dirent`).
///
/// # Safety
/// As [`versionsort`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn versionsort64(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { versionsort(a, b) }
}

/// `alphasort64`: [`alphasort`] (the same `dirent`).
///
/// # Safety
/// As [`alphasort`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn alphasort64(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { alphasort(a, b) }
}
