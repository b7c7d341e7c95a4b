//! `sys/file.h` (BSD): `flock`.
//!
//! Like `fcntl`'s record locks (see `fcntl.h`), locks are granted without
//! doing anything: WASI has no locking, and an instance is one process,
//! so none of its locks can conflict with another of its own.

use crate::platform::c_int;
use libc_core::{Errno, OrMinusOneErrno, PalNet, Sys};

pub const LOCK_SH: c_int = 1;
pub const LOCK_EX: c_int = 2;
pub const LOCK_NB: c_int = 4;
pub const LOCK_UN: c_int = 8;

/// [flock](https://man7.org/linux/man-pages/man2/flock.2.html)
///
/// `EBADF` for a bad descriptor, `EINVAL` unless `op` is one of
/// `LOCK_SH`, `LOCK_EX`, `LOCK_UN` (optionally with `LOCK_NB`); otherwise
/// succeeds (see the module documentation).
#[unsafe(no_mangle)]
pub extern "C" fn flock(fd: c_int, op: c_int) -> c_int {
    let r = Sys::get_status_flags(fd).and(match op & !LOCK_NB {
        LOCK_SH | LOCK_EX | LOCK_UN => Ok(()),
        _ => Err(Errno::EINVAL),
    });
    r.or_minus_one_errno()
}
