//! `sys/eventfd.h`: event counters as file descriptors.
//!
//! WASI has no event descriptors: `eventfd` fails with `ENOSYS`.
//! `eventfd_read`/`eventfd_write` are the 8-byte `read`/`write` they are
//! defined as, so they work on whatever descriptor they are given.

use crate::header::unistd::{read, write};
use crate::platform::{c_int, c_uint};
use libc_core::{Errno, OrMinusOneErrno};

/// The counter of an event descriptor.
pub type eventfd_t = u64;

/// Flags of `eventfd` (Linux's values).
pub const EFD_SEMAPHORE: c_int = 1;
pub const EFD_CLOEXEC: c_int = 0o2000000;
pub const EFD_NONBLOCK: c_int = 0o4000;

/// [eventfd](https://man7.org/linux/man-pages/man2/eventfd.2.html)
///
/// Not available under WASI: `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn eventfd(_initval: c_uint, _flags: c_int) -> c_int {
    Err::<c_int, Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [eventfd_read](https://man7.org/linux/man-pages/man3/eventfd_read.3.html):
/// reads the 8-byte counter; 0, or -1 with `errno` (`EIO` on a short read).
///
/// # Safety
/// `value` must be valid for writing 8 bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn eventfd_read(fd: c_int, value: *mut eventfd_t) -> c_int {
    // SAFETY: caller contract: `value` holds 8 writable bytes.
    let n = unsafe { read(fd, value.cast(), 8) };
    match n {
        8 => 0,
        n if n < 0 => -1,
        _ => Err::<c_int, Errno>(Errno::EIO).or_minus_one_errno(),
    }
}

/// [eventfd_write](https://man7.org/linux/man-pages/man3/eventfd_write.3.html):
/// writes the 8-byte value; 0, or -1 with `errno` (`EIO` on a short write).
#[unsafe(no_mangle)]
pub extern "C" fn eventfd_write(fd: c_int, value: eventfd_t) -> c_int {
    let bytes = value.to_ne_bytes();
    // SAFETY: `bytes` is 8 readable bytes.
    let n = unsafe { write(fd, bytes.as_ptr().cast(), 8) };
    match n {
        8 => 0,
        n if n < 0 => -1,
        _ => Err::<c_int, Errno>(Errno::EIO).or_minus_one_errno(),
    }
}
