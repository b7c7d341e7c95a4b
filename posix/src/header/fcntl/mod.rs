//! `fcntl.h`

use crate::platform::{c_char, c_int, cpath, mode_t};
use libc_core::path::{self, AT_FDCWD as CORE_AT_FDCWD};
use libc_core::{Errno, OrMinusOneErrno, PalFs, PalNet, Sys};

pub const O_APPEND: c_int = 1;
pub const O_DSYNC: c_int = 2;
pub const O_NONBLOCK: c_int = 4;
pub const O_RSYNC: c_int = 8;
pub const O_SYNC: c_int = 16;
pub const O_CREAT: c_int = 1 << 12;
pub const O_DIRECTORY: c_int = 2 << 12;
pub const O_EXCL: c_int = 4 << 12;
pub const O_TRUNC: c_int = 8 << 12;
pub const O_NOFOLLOW: c_int = 0x0100_0000;
pub const O_EXEC: c_int = 0x0200_0000;
pub const O_RDONLY: c_int = 0x0400_0000;
pub const O_SEARCH: c_int = 0x0800_0000;
pub const O_WRONLY: c_int = 0x1000_0000;
pub const O_RDWR: c_int = O_RDONLY | O_WRONLY;
pub const O_ACCMODE: c_int = O_RDWR | 0x0200_0000 | 0x0800_0000;
pub const O_CLOEXEC: c_int = 0;
pub const O_NOCTTY: c_int = 0;

/// `*at` functions: relative to the working directory.
pub const AT_FDCWD: c_int = -2;
/// `*at` flag: do not follow a symbolic link in the last component.
pub const AT_SYMLINK_NOFOLLOW: c_int = 0x1;
/// `linkat` flag: follow a symbolic link in the last component.
pub const AT_SYMLINK_FOLLOW: c_int = 0x2;
/// `unlinkat` flag: remove a directory.
pub const AT_REMOVEDIR: c_int = 0x4;
/// `faccessat` flag: accepted; WASI has no real and effective ids.
pub const AT_EACCESS: c_int = 0x0;

pub const F_GETFD: c_int = 1;
pub const F_SETFD: c_int = 2;
pub const F_GETFL: c_int = 3;
pub const F_SETFL: c_int = 4;
pub const FD_CLOEXEC: c_int = 1;

/// [fcntl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fcntl.html)
///
/// Declared in C as `int fcntl(int, int, ...)`; `varargs` points at the
/// spilled variadic arguments (the `int` of `F_SETFL`/`F_SETFD`).
/// `F_GETFL` reports the access mode, `O_APPEND` and `O_NONBLOCK`;
/// `F_SETFL` changes `O_NONBLOCK` (sockets on p2; any descriptor on p1).
///
/// # Safety
/// For `F_SETFL`/`F_SETFD` the caller must pass an `int` argument.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fcntl(fd: c_int, cmd: c_int, varargs: *const u8) -> c_int {
    let arg = || {
        if varargs.is_null() {
            Err(Errno::EFAULT)
        } else {
            // SAFETY: the caller passed an int (C ABI: spilled, 4-aligned).
            Ok(unsafe { core::ptr::read_unaligned(varargs as *const c_int) })
        }
    };
    let r = match cmd {
        F_GETFL => Sys::get_status_flags(fd),
        F_SETFL => arg().and_then(|v| Sys::set_status_flags(fd, v)).map(|()| 0),
        F_GETFD => Sys::get_status_flags(fd).map(|_| 0),
        F_SETFD => arg().and_then(|_| Sys::get_status_flags(fd)).map(|_| 0),
        // SAFETY: the lock commands take a `struct flock *` (caller contract).
        F_GETLK | F_SETLK | F_SETLKW => unsafe { extra::lock(fd, cmd, varargs) },
        _ => Err(Errno::EINVAL),
    };
    r.or_minus_one_errno()
}

const _: () = assert!(O_NONBLOCK == libc_core::types::O_NONBLOCK);

/// [open](https://pubs.opengroup.org/onlinepubs/9799919799/functions/open.html)
///
/// Declared in C as `int open(const char *, int, ...)`. On wasm32 the C ABI
/// passes variadic arguments as one pointer to a buffer in linear memory, so
/// the third parameter here is that pointer; the optional `mode_t` in it is
/// not read (WASI has no permission bits).
///
/// The path is resolved against the working directory and the host's
/// pre-opened directories like wasi-libc does (see `libc_core::path`).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open(path: *const c_char, oflag: c_int, _varargs: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { openat(AT_FDCWD, path, oflag, _varargs) }
}

/// [openat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/openat.html)
///
/// Declared in C as `int openat(int, const char *, int, ...)`; see `open`.
/// An absolute `path` or `AT_FDCWD` resolves like `open`; otherwise `path`
/// is looked up under the directory `fd`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openat(
    fd: c_int,
    path: *const c_char,
    oflag: c_int,
    _varargs: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        let at = path::resolve_at(fd, p)?;
        Sys::openat(at.fd(), at.rel(), oflag)
    });
    r.or_minus_one_errno()
}

/// [creat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creat.html)
///
/// `open(path, O_WRONLY | O_CREAT | O_TRUNC)`; `mode` is ignored.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, _mode: mode_t) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        openat(
            AT_FDCWD,
            path,
            O_WRONLY | O_CREAT | O_TRUNC,
            core::ptr::null(),
        )
    }
}

// The values are spelled out for cbindgen; they must equal libc-core's.
const _: () = assert!(
    O_APPEND == libc_core::types::O_APPEND
        && O_CREAT == libc_core::types::O_CREAT
        && O_DIRECTORY == libc_core::types::O_DIRECTORY
        && O_EXCL == libc_core::types::O_EXCL
        && O_TRUNC == libc_core::types::O_TRUNC
        && O_NOFOLLOW == libc_core::types::O_NOFOLLOW
        && O_RDONLY == libc_core::types::O_RDONLY
        && O_WRONLY == libc_core::types::O_WRONLY
        && O_ACCMODE == libc_core::types::O_ACCMODE
        && AT_FDCWD == CORE_AT_FDCWD
);

mod extra;
pub use extra::*;
