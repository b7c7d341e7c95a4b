//! `sys/uio.h`

use crate::platform::{c_int, c_void, size_t, ssize_t};
use libc_core::{Errno, OrMinusOneErrno};

/// `struct iovec`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct iovec {
    pub iov_base: *mut c_void,
    pub iov_len: size_t,
}

/// The most buffers one call takes (`IOV_MAX`).
pub const IOV_MAX: c_int = 1024;

/// Validates an iovec array; `Ok(total length)`.
///
/// # Safety
/// `iov` must be valid for `iovcnt` elements when `iovcnt > 0`.
unsafe fn iovecs<'a>(iov: *const iovec, iovcnt: c_int) -> Result<&'a [iovec], Errno> {
    if !(0..=IOV_MAX).contains(&iovcnt) {
        return Err(Errno::EINVAL);
    }
    if iovcnt == 0 {
        return Ok(&[]);
    }
    if iov.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: caller contract.
    let v = unsafe { core::slice::from_raw_parts(iov, iovcnt as usize) };
    let mut total: usize = 0;
    for e in v {
        if e.iov_base.is_null() && e.iov_len != 0 {
            return Err(Errno::EFAULT);
        }
        total = total
            .checked_add(e.iov_len)
            .filter(|t| *t <= isize::MAX as usize)
            .ok_or(Errno::EINVAL)?;
    }
    Ok(v)
}

/// [readv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readv.html)
///
/// Reads into each buffer in turn (each one through the backend's `read`, so
/// each is received in place on p2), stopping at a short read.
///
/// # Safety
/// `iov` must be valid for `iovcnt` elements, each buffer for its length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: caller contract.
    let r = unsafe { iovecs(iov, iovcnt) }.and_then(|v| {
        let mut done = 0usize;
        for e in v.iter().filter(|e| e.iov_len > 0) {
            // SAFETY: caller contract.
            let n = match unsafe { libc_core_read(fd, e.iov_base, e.iov_len) } {
                Ok(n) => n,
                Err(err) if done == 0 => return Err(err),
                Err(_) => break,
            };
            done += n;
            if n < e.iov_len {
                break;
            }
        }
        if v.iter().all(|e| e.iov_len == 0) {
            // Still check the descriptor.
            libc_core_read_empty(fd)?;
        }
        Ok(done)
    });
    r.or_minus_one_errno()
}

/// [writev](https://pubs.opengroup.org/onlinepubs/9799919799/functions/writev.html)
///
/// # Safety
/// `iov` must be valid for `iovcnt` elements, each buffer for its length.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: caller contract.
    let r = unsafe { iovecs(iov, iovcnt) }.and_then(|v| {
        let mut done = 0usize;
        for e in v.iter().filter(|e| e.iov_len > 0) {
            // SAFETY: caller contract.
            let buf = unsafe { crate::platform::slice(e.iov_base, e.iov_len) };
            let n = match libc_core_write(fd, buf) {
                Ok(n) => n,
                Err(err) if done == 0 => return Err(err),
                Err(_) => break,
            };
            done += n;
            if n < e.iov_len {
                break;
            }
        }
        if v.iter().all(|e| e.iov_len == 0) {
            libc_core_write(fd, &[])?;
        }
        Ok(done)
    });
    r.or_minus_one_errno()
}

use libc_core::{Pal, Sys};

unsafe fn libc_core_read(fd: c_int, base: *mut c_void, len: usize) -> Result<usize, Errno> {
    // SAFETY: caller contract.
    Sys::read(fd, unsafe { crate::platform::slice_mut(base, len) })
}

fn libc_core_read_empty(fd: c_int) -> Result<usize, Errno> {
    Sys::read(fd, &mut [])
}

fn libc_core_write(fd: c_int, buf: &[u8]) -> Result<usize, Errno> {
    Sys::write(fd, buf)
}
mod positioned;
pub use positioned::*;
