//! `sys/random.h`
//!
//! Both functions read the host's secure random source (p1 `random_get`;
//! p2 `get-random-bytes`, received in place through the caller-buffer slot).
//! The source never blocks and has no "insecure" variant, so the `GRND_*`
//! flags are accepted and change nothing.

use crate::platform::{c_int, c_uint, c_void, size_t, slice_mut, ssize_t};
use libc_core::{Errno, OrMinusOneErrno, Pal, Sys};

pub const GRND_NONBLOCK: c_uint = 0x0001;
pub const GRND_RANDOM: c_uint = 0x0002;
pub const GRND_INSECURE: c_uint = 0x0004;

/// `getrandom` (Linux, glibc): fills `buf` with `len` random bytes and
/// returns `len`; `EINVAL` for unknown flags.
///
/// # Safety
/// `buf` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrandom(buf: *mut c_void, len: size_t, flags: c_uint) -> ssize_t {
    let r = if flags & !(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) != 0 {
        Err(Errno::EINVAL)
    } else if buf.is_null() && len != 0 {
        Err(Errno::EFAULT)
    } else {
        let len = len.min(isize::MAX as usize);
        // SAFETY: caller contract.
        Sys::random(unsafe { slice_mut(buf, len) }).map(|()| len)
    };
    r.or_minus_one_errno()
}

/// [getentropy](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getentropy.html)
///
/// At most 256 bytes (`GETENTROPY_MAX`); beyond that `EIO`, like glibc,
/// OpenBSD and wasi-libc (POSIX.1-2024 says `EINVAL`; existing programs
/// were written against the former).
///
/// # Safety
/// `buf` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, len: size_t) -> c_int {
    let r = if len > 256 {
        Err(Errno::EIO)
    } else if buf.is_null() && len != 0 {
        Err(Errno::EFAULT)
    } else {
        // SAFETY: caller contract.
        Sys::random(unsafe { slice_mut(buf, len) })
    };
    r.or_minus_one_errno()
}
