//! `wasi/libc.h`: wasi-libc's extensions, for code written against it.
//!
//! Each one is the POSIX call it abbreviates (`__wasilibc_unlinkat(fd, p)`
//! is `unlinkat(fd, p, 0)`, `__wasilibc_tell(fd)` is
//! `lseek(fd, 0, SEEK_CUR)`, ...). The pre-opens are the host's: a program
//! cannot add one (`__wasilibc_register_preopened_fd` fails with `ENOTSUP`),
//! and descriptors are not renumbered (`__wasilibc_fd_renumber`: `ENOTSUP`;
//! WASI 0.2 has no such operation and the library's fd table relies on
//! stable numbers).

use crate::header::fcntl::{AT_FDCWD, AT_REMOVEDIR, openat};
use crate::header::sys_stat::{fstatat, stat, utimensat};
use crate::header::time::timespec;
use crate::header::unistd::{faccessat, linkat, lseek, renameat, unlinkat};
use crate::platform::{c_char, c_int, off_t};
use libc_core::{Errno, OrMinusOneErrno};

/// Registers `fd` as a pre-opened directory named `prefix`. The pre-opens
/// are the host's: `ENOTSUP`.
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_register_preopened_fd(_fd: c_int, _prefix: *const c_char) -> c_int {
    Err::<c_int, Errno>(Errno::ENOTSUP).or_minus_one_errno()
}

/// Moves descriptor `fd` to number `newfd`: `ENOTSUP` (see the module docs).
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_fd_renumber(_fd: c_int, _newfd: c_int) -> c_int {
    Err::<c_int, Errno>(Errno::ENOTSUP).or_minus_one_errno()
}

/// `unlinkat(fd, path, 0)`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_unlinkat(fd: c_int, path: *const c_char) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { unlinkat(fd, path, 0) }
}

/// `unlinkat(fd, path, AT_REMOVEDIR)`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_rmdirat(fd: c_int, path: *const c_char) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { unlinkat(fd, path, AT_REMOVEDIR) }
}

/// `open(path, oflag)` without a mode argument.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_open_nomode(path: *const c_char, oflag: c_int) -> c_int {
    // SAFETY: forwarded contract; openat reads no variadic argument.
    unsafe { openat(AT_FDCWD, path, oflag, core::ptr::null()) }
}

/// `openat(fd, path, oflag)` without a mode argument.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_openat_nomode(
    fd: c_int,
    path: *const c_char,
    oflag: c_int,
) -> c_int {
    // SAFETY: forwarded contract; openat reads no variadic argument.
    unsafe { openat(fd, path, oflag, core::ptr::null()) }
}

/// `lseek(fd, 0, SEEK_CUR)`: the current offset.
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_tell(fd: c_int) -> off_t {
    lseek(fd, 0, 1)
}

/// `faccessat(AT_FDCWD, path, mode, flags)`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_access(
    path: *const c_char,
    mode: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { faccessat(AT_FDCWD, path, mode, flags) }
}

/// `fstatat(AT_FDCWD, path, st, flags)`.
///
/// # Safety
/// `path` NULL or NUL-terminated; `st` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_stat(
    path: *const c_char,
    st: *mut stat,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fstatat(AT_FDCWD, path, st, flags) }
}

/// `utimensat(AT_FDCWD, path, times, flags)`.
///
/// # Safety
/// `path` NULL or NUL-terminated; `times` NULL or two readable timespecs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_utimens(
    path: *const c_char,
    times: *const timespec,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { utimensat(AT_FDCWD, path, times, flags) }
}

/// `linkat(AT_FDCWD, old, AT_FDCWD, new, flags)`.
///
/// # Safety
/// Both paths NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_link(
    old: *const c_char,
    new: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { linkat(AT_FDCWD, old, AT_FDCWD, new, flags) }
}

/// `linkat(olddirfd, old, AT_FDCWD, new, flags)`.
///
/// # Safety
/// Both paths NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_link_oldat(
    olddirfd: c_int,
    old: *const c_char,
    new: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { linkat(olddirfd, old, AT_FDCWD, new, flags) }
}

/// `linkat(AT_FDCWD, old, newdirfd, new, flags)`.
///
/// # Safety
/// Both paths NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_link_newat(
    old: *const c_char,
    newdirfd: c_int,
    new: *const c_char,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { linkat(AT_FDCWD, old, newdirfd, new, flags) }
}

/// `renameat(olddirfd, old, AT_FDCWD, new)`.
///
/// # Safety
/// Both paths NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_rename_oldat(
    olddirfd: c_int,
    old: *const c_char,
    new: *const c_char,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { renameat(olddirfd, old, AT_FDCWD, new) }
}

/// `renameat(AT_FDCWD, old, newdirfd, new)`.
///
/// # Safety
/// Both paths NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_rename_newat(
    old: *const c_char,
    newdirfd: c_int,
    new: *const c_char,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { renameat(AT_FDCWD, old, newdirfd, new) }
}
