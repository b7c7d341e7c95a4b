//! `preadv` and `pwritev` (POSIX 2024): `readv`/`writev` at an offset.

use super::{iovec, iovecs};
use crate::platform::{c_int, off_t, ssize_t};
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

/// [preadv](https://man7.org/linux/man-pages/man2/preadv.2.html)
///
/// Reads into each buffer in turn from `offset` on (each through the
/// backend's `pread`: received in place on p2), stopping at a short read;
/// the file position does not move. `EINVAL` for a negative offset.
///
/// # Safety
/// `iov` must be valid for `iovcnt` elements, each buffer for its length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn preadv(
    fd: c_int,
    iov: *const iovec,
    iovcnt: c_int,
    offset: off_t,
) -> ssize_t {
    if offset < 0 {
        return Err::<usize, _>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let r = unsafe { iovecs(iov, iovcnt) }.and_then(|v| {
        let mut done = 0usize;
        for e in v.iter() {
            // SAFETY: caller contract.
            let buf = unsafe { crate::platform::slice_mut(e.iov_base, e.iov_len) };
            let n = match Sys::pread(fd, buf, offset as u64 + done as u64) {
                Ok(n) => n,
                Err(err) if done == 0 => return Err(err),
                Err(_) => break,
            };
            done += n;
            if n < e.iov_len {
                break;
            }
        }
        Ok(done)
    });
    r.or_minus_one_errno()
}

/// [pwritev](https://man7.org/linux/man-pages/man2/pwritev.2.html)
///
/// Writes each buffer in turn from `offset` on (the backend's `pwrite`),
/// stopping at a short write; the file position does not move.
///
/// # Safety
/// `iov` must be valid for `iovcnt` elements, each buffer for its length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwritev(
    fd: c_int,
    iov: *const iovec,
    iovcnt: c_int,
    offset: off_t,
) -> ssize_t {
    if offset < 0 {
        return Err::<usize, _>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let r = unsafe { iovecs(iov, iovcnt) }.and_then(|v| {
        let mut done = 0usize;
        for e in v.iter() {
            // SAFETY: caller contract.
            let buf = unsafe { crate::platform::slice(e.iov_base, e.iov_len) };
            let n = match Sys::pwrite(fd, buf, offset as u64 + done as u64) {
                Ok(n) => n,
                Err(err) if done == 0 => return Err(err),
                Err(_) => break,
            };
            done += n;
            if n < e.iov_len {
                break;
            }
        }
        Ok(done)
    });
    r.or_minus_one_errno()
}
