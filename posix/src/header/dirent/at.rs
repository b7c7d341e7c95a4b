//! `opendirat` (wasi-libc's) and `scandirat` (GNU): directories relative
//! to a directory descriptor.

use super::{DIR, dirent, fdopendir, scan_stream, scandir_compar, scandir_filter};
use crate::platform::{c_char, c_int, cpath};
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno, Pal, PalFs, Sys, path};

/// `opendirat`: `opendir` of `path` relative to `dirfd` (or `AT_FDCWD`).
///
/// # Safety
/// `path` NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn opendirat(dirfd: c_int, path: *const c_char) -> *mut DIR {
    use crate::header::fcntl::{O_DIRECTORY, O_RDONLY};
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        let at = path::resolve_at(dirfd, p)?;
        let fd = Sys::openat(at.fd(), at.rel(), O_RDONLY | O_DIRECTORY)?;
        let d = fdopendir(fd);
        if d.is_null() {
            let e = libc_core::errno::get_errno();
            let _ = Sys::close(fd);
            return Err(e);
        }
        Ok(d)
    });
    r.or_null_errno()
}

/// [scandirat](https://man7.org/linux/man-pages/man3/scandir.3.html):
/// `scandir` of `path` relative to `dirfd`.
///
/// # Safety
/// As `scandir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scandirat(
    dirfd: c_int,
    path: *const c_char,
    namelist: *mut *mut *mut dirent,
    filter: scandir_filter,
    compar: scandir_compar,
) -> c_int {
    if namelist.is_null() {
        return Err::<c_int, Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let d = unsafe { opendirat(dirfd, path) };
    if d.is_null() {
        return -1;
    }
    // SAFETY: a fresh stream; forwarded contract.
    unsafe { scan_stream(d, namelist, filter, compar) }
}
