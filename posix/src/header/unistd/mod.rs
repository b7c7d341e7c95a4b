//! `unistd.h`

use crate::platform::{c_int, c_void, off_t, size_t, slice, slice_mut, ssize_t};
use libc_core::types::Whence;
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

pub const STDIN_FILENO: c_int = 0;
pub const STDOUT_FILENO: c_int = 1;
pub const STDERR_FILENO: c_int = 2;
pub const SEEK_SET: c_int = 0;
pub const SEEK_CUR: c_int = 1;
pub const SEEK_END: c_int = 2;
const _: () = assert!(
    SEEK_SET == libc_core::types::SEEK_SET
        && SEEK_CUR == libc_core::types::SEEK_CUR
        && SEEK_END == libc_core::types::SEEK_END
);

/// [read](https://pubs.opengroup.org/onlinepubs/9799919799/functions/read.html)
///
/// # Safety
/// `buf` must be valid for `count` bytes of writes (or `count == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, count: size_t) -> ssize_t {
    // The one fuel trick of this wrapper: one signed comparison sends both
    // a zero count and one over `isize::MAX` out of line, so the hot path
    // below knows `count` is a valid, non-empty slice length (and the
    // backend's zero-length check folds away). Measured with
    // `bench/run.py --ci` against the plain form (the NULL check, then
    // `slice_mut(buf, count.min(isize::MAX))` and one backend call): 3 fuel
    // per `read()` on p1 (57 instead of 60), 7 on p2 (129 instead of 136
    // from stdin, 147 instead of 154 from a file; measured before the
    // slot's three-word form).
    if buf.is_null() || count as isize <= 0 {
        // SAFETY: forwarded contract.
        return unsafe { read_odd(fd, buf, count) };
    }
    // SAFETY: caller contract (non-null, valid for `count` bytes), and
    // `0 < count <= isize::MAX`.
    let buf = unsafe { core::slice::from_raw_parts_mut(buf.cast(), count) };
    Sys::read(fd, buf).or_minus_one_errno()
}

/// `read` off its hot path, out of line so that path stays short: a NULL
/// buffer (`EFAULT`, or a zero-byte read, which still checks `fd`), a zero
/// count, a count over `isize::MAX` (limited to it: the longest slice).
///
/// # Safety
/// As [`read`].
#[cold]
#[inline(never)]
unsafe fn read_odd(fd: c_int, buf: *mut c_void, count: size_t) -> ssize_t {
    if buf.is_null() && count != 0 {
        return Err::<usize, Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: caller contract; `slice_mut` tolerates NULL for 0 bytes.
    let buf = unsafe { slice_mut(buf, count.min(isize::MAX as usize)) };
    Sys::read(fd, buf).or_minus_one_errno()
}

/// [pread](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pread.html)
///
/// # Safety
/// `buf` must be valid for `count` bytes of writes (or `count == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pread(
    fd: c_int,
    buf: *mut c_void,
    count: size_t,
    offset: off_t,
) -> ssize_t {
    if (buf.is_null() && count != 0) || offset < 0 {
        return Err::<usize, Errno>(if offset < 0 {
            Errno::EINVAL
        } else {
            Errno::EFAULT
        })
        .or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let buf = unsafe { slice_mut(buf, count.min(isize::MAX as usize)) };
    Sys::pread(fd, buf, offset as u64).or_minus_one_errno()
}

/// [write](https://pubs.opengroup.org/onlinepubs/9799919799/functions/write.html)
///
/// # Safety
/// `buf` must be valid for `count` bytes of reads (or `count == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, count: size_t) -> ssize_t {
    if buf.is_null() && count != 0 {
        return Err::<usize, Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let buf = unsafe { slice(buf, count.min(isize::MAX as usize)) };
    Sys::write(fd, buf).or_minus_one_errno()
}

/// [pwrite](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pwrite.html)
///
/// # Safety
/// `buf` must be valid for `count` bytes of reads (or `count == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwrite(
    fd: c_int,
    buf: *const c_void,
    count: size_t,
    offset: off_t,
) -> ssize_t {
    if (buf.is_null() && count != 0) || offset < 0 {
        return Err::<usize, Errno>(if offset < 0 {
            Errno::EINVAL
        } else {
            Errno::EFAULT
        })
        .or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let buf = unsafe { slice(buf, count.min(isize::MAX as usize)) };
    Sys::pwrite(fd, buf, offset as u64).or_minus_one_errno()
}

/// [close](https://pubs.opengroup.org/onlinepubs/9799919799/functions/close.html)
#[unsafe(no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    Sys::close(fd).or_minus_one_errno()
}

/// [lseek](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lseek.html)
#[unsafe(no_mangle)]
pub extern "C" fn lseek(fd: c_int, offset: off_t, whence: c_int) -> off_t {
    Whence::from_c(whence)
        .ok_or(Errno::EINVAL)
        .and_then(|w| Sys::lseek(fd, offset, w))
        .map(|pos| pos as off_t)
        .or_minus_one_errno()
}

/// [isatty](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isatty.html)
#[unsafe(no_mangle)]
pub extern "C" fn isatty(fd: c_int) -> c_int {
    match Sys::isatty(fd).or_minus_one_errno() {
        0 => 1,
        _ => 0,
    }
}

/// [_exit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/_exit.html)
#[unsafe(no_mangle)]
pub extern "C" fn _exit(status: c_int) -> ! {
    Sys::exit(status)
}

// Files, directories and the working directory (issue 5, fs area).
mod fs;
mod swab;
pub use fs::*;
pub use swab::*;
mod host;
mod sysconf;
pub(crate) use host::NODE_NAME;
pub use host::*;
pub use sysconf::*;
