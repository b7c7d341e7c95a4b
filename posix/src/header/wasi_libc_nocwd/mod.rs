//! `wasi/libc-nocwd.h`: the `*at` functions without the emulated working
//! directory: `dirfd` must be a real directory descriptor (`AT_FDCWD` fails
//! with `EBADF`), and the path is looked up under it as given.

use crate::header::dirent::{DIR, opendirat};
use crate::header::fcntl::{AT_FDCWD, AT_REMOVEDIR, openat};
use crate::header::sys_stat::{fstatat, mkdirat, stat, utimensat};
use crate::header::time::timespec;
use crate::header::unistd::{faccessat, linkat, readlinkat, renameat, symlinkat, unlinkat};
use crate::platform::{c_char, c_int, size_t, ssize_t};
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno};

/// `Err(EBADF)` for `AT_FDCWD`, which these functions do not accept.
fn real(fd: c_int) -> Result<(), Errno> {
    if fd == AT_FDCWD {
        Err(Errno::EBADF)
    } else {
        Ok(())
    }
}

macro_rules! nocwd {
    ($(#[$doc:meta])* fn $name:ident($($a:ident: $t:ty),*) -> $r:ty = $call:expr; dirs($($d:ident),*)) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// As for the function it forwards to.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            if let Err(e) = Ok(())$(.and_then(|()| real($d)))* {
                return Err::<$r, Errno>(e).or_minus_one_errno();
            }
            // SAFETY: forwarded contract.
            unsafe { $call }
        }
    };
}

nocwd!(/// `unlinkat(fd, path, 0)` under a real directory.
    fn __wasilibc_nocwd___wasilibc_unlinkat(fd: c_int, path: *const c_char) -> c_int = unlinkat(fd, path, 0); dirs(fd));
nocwd!(/// `unlinkat(fd, path, AT_REMOVEDIR)` under a real directory.
    fn __wasilibc_nocwd___wasilibc_rmdirat(fd: c_int, path: *const c_char) -> c_int = unlinkat(fd, path, AT_REMOVEDIR); dirs(fd));
nocwd!(/// `linkat` between real directories.
    fn __wasilibc_nocwd_linkat(oldfd: c_int, old: *const c_char, newfd: c_int, new: *const c_char, flags: c_int) -> c_int
    = linkat(oldfd, old, newfd, new, flags); dirs(oldfd, newfd));
nocwd!(/// `symlinkat` under a real directory.
    fn __wasilibc_nocwd_symlinkat(target: *const c_char, fd: c_int, path: *const c_char) -> c_int = symlinkat(target, fd, path); dirs(fd));
nocwd!(/// `readlinkat` under a real directory.
    fn __wasilibc_nocwd_readlinkat(fd: c_int, path: *const c_char, buf: *mut c_char, size: size_t) -> ssize_t
    = readlinkat(fd, path, buf, size); dirs(fd));
nocwd!(/// `faccessat` under a real directory.
    fn __wasilibc_nocwd_faccessat(fd: c_int, path: *const c_char, mode: c_int, flags: c_int) -> c_int
    = faccessat(fd, path, mode, flags); dirs(fd));
nocwd!(/// `renameat` between real directories.
    fn __wasilibc_nocwd_renameat(oldfd: c_int, old: *const c_char, newfd: c_int, new: *const c_char) -> c_int
    = renameat(oldfd, old, newfd, new); dirs(oldfd, newfd));
nocwd!(/// `openat(fd, path, oflag)` (no mode) under a real directory.
    fn __wasilibc_nocwd_openat_nomode(fd: c_int, path: *const c_char, oflag: c_int) -> c_int
    = openat(fd, path, oflag, core::ptr::null()); dirs(fd));
nocwd!(/// `fstatat` under a real directory.
    fn __wasilibc_nocwd_fstatat(fd: c_int, path: *const c_char, st: *mut stat, flags: c_int) -> c_int
    = fstatat(fd, path, st, flags); dirs(fd));
nocwd!(/// `mkdirat(fd, path)` (no mode) under a real directory.
    fn __wasilibc_nocwd_mkdirat_nomode(fd: c_int, path: *const c_char) -> c_int = mkdirat(fd, path, 0o777); dirs(fd));
nocwd!(/// `utimensat` under a real directory.
    fn __wasilibc_nocwd_utimensat(fd: c_int, path: *const c_char, times: *const timespec, flags: c_int) -> c_int
    = utimensat(fd, path, times, flags); dirs(fd));

/// Opens the directory `path` under the real directory `fd` as a stream.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasilibc_nocwd_opendirat(fd: c_int, path: *const c_char) -> *mut DIR {
    if let Err(e) = real(fd) {
        return Err::<*mut DIR, Errno>(e).or_null_errno();
    }
    // SAFETY: forwarded contract.
    unsafe { opendirat(fd, path) }
}
