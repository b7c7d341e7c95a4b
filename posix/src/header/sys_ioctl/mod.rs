//! `sys/ioctl.h`: the two requests WASI programs can use, numbered as in
//! wasi-libc.

use crate::platform::c_int;
use libc_core::pal::fs::FileType;
use libc_core::pal::net::{POLLIN, PollFd};
use libc_core::types::{O_NONBLOCK, Whence};
use libc_core::{Errno, OrMinusOneErrno, Pal, PalFs, PalNet, Sys};

/// `ioctl(fd, FIONREAD, int *n)`: bytes ready to read.
pub const FIONREAD: c_int = 1;
/// `ioctl(fd, FIONBIO, const int *on)`: non-blocking mode on or off.
pub const FIONBIO: c_int = 2;

/// [ioctl](https://man7.org/linux/man-pages/man2/ioctl.2.html)
///
/// Declared in C as `int ioctl(int fd, int request, ...)`; `varargs`
/// points at the spilled argument, a pointer to an `int`.
/// - `FIONREAD`: for a regular file the bytes between the file position
///   and the end; for other descriptors (streams, sockets) WASI does not
///   tell a count: 0 when a read would block, 1 when it would not (a lower
///   bound: a read returns at least one byte, or end of file).
/// - `FIONBIO`: `*on` non-zero sets `O_NONBLOCK`, zero clears it, like
///   `fcntl(F_SETFL)`.
///
/// Other requests fail with `EINVAL` (as in wasi-libc); a bad descriptor
/// with `EBADF`.
///
/// # Safety
/// The argument must be a valid `int *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ioctl(fd: c_int, request: c_int, varargs: *const u8) -> c_int {
    let arg = || -> Result<*mut c_int, Errno> {
        if varargs.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: the caller passed a pointer (C ABI: spilled, 4-aligned).
        let p = unsafe { core::ptr::read_unaligned(varargs as *const *mut c_int) };
        if p.is_null() {
            Err(Errno::EFAULT)
        } else {
            Ok(p)
        }
    };
    let r = match request {
        FIONREAD => arg().and_then(|p| {
            let n = readable_bytes(fd)?;
            // SAFETY: a valid `int *` (caller contract).
            unsafe { *p = n };
            Ok(())
        }),
        FIONBIO => arg().and_then(|p| {
            // SAFETY: a valid `int *` (caller contract).
            let on = unsafe { *p } != 0;
            let fl = Sys::get_status_flags(fd)?;
            let fl = if on {
                fl | O_NONBLOCK
            } else {
                fl & !O_NONBLOCK
            };
            Sys::set_status_flags(fd, fl)
        }),
        _ => Sys::get_status_flags(fd).and(Err(Errno::EINVAL)),
    };
    r.or_minus_one_errno()
}

/// `FIONREAD`'s count (see [`ioctl`]).
fn readable_bytes(fd: c_int) -> Result<c_int, Errno> {
    let st = Sys::fstat(fd)?;
    if st.kind == FileType::RegularFile {
        let pos = Sys::lseek(fd, 0, Whence::Cur)?;
        return Ok(st.size.saturating_sub(pos).min(c_int::MAX as u64) as c_int);
    }
    let mut p = [PollFd {
        fd,
        events: POLLIN,
        revents: 0,
    }];
    Sys::poll(&mut p, Some(0))?;
    Ok((p[0].revents & POLLIN != 0) as c_int)
}
