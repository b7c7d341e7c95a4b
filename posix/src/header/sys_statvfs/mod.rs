//! `sys/statvfs.h`
//!
//! WASI tells nothing about file systems (no capacity, free space, block
//! size or flags; neither preview1 nor WASI 0.2 has such a call), and
//! inventing numbers would mislead: zeros read as "disk full", made-up
//! sizes as room that may not exist. So, like wasi-libc, both functions
//! fail with `ENOSYS`, after checking their argument, so that a missing
//! file (`ENOENT`, ...) or a bad descriptor (`EBADF`) is reported as such.

use crate::header::sys_types::{fsblkcnt_t, fsfilcnt_t};
use crate::platform::{c_char, c_int, c_ulong, cpath};
use libc_core::{Errno, OrMinusOneErrno, PalFs, Sys, path};

/// `struct statvfs` (wasi-libc's layout).
#[repr(C)]
pub struct statvfs {
    pub f_bsize: c_ulong,
    pub f_frsize: c_ulong,
    pub f_blocks: fsblkcnt_t,
    pub f_bfree: fsblkcnt_t,
    pub f_bavail: fsblkcnt_t,
    pub f_files: fsfilcnt_t,
    pub f_ffree: fsfilcnt_t,
    pub f_favail: fsfilcnt_t,
    pub f_fsid: c_ulong,
    pub __f_unused: c_int,
    pub f_flag: c_ulong,
    pub f_namemax: c_ulong,
    pub __reserved: [c_int; 6],
}

/// `f_flag`: mounted read-only.
pub const ST_RDONLY: c_ulong = 1;
/// `f_flag`: set-user-id bits ignored.
pub const ST_NOSUID: c_ulong = 2;

/// [statvfs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/statvfs.html)
///
/// The path's own errors (`ENOENT`, `ENOTDIR`, ...), else `ENOSYS` (see
/// the module documentation).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statvfs(p: *const c_char, _buf: *mut statvfs) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(p) }.and_then(|p| {
        let at = path::resolve(p)?;
        Sys::statat(at.fd(), at.rel(), true)?;
        Err::<(), _>(Errno::ENOSYS)
    });
    r.or_minus_one_errno()
}

/// [fstatvfs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstatvfs.html)
///
/// `EBADF` for a bad descriptor, else `ENOSYS` (see the module
/// documentation).
#[unsafe(no_mangle)]
pub extern "C" fn fstatvfs(fd: c_int, _buf: *mut statvfs) -> c_int {
    Sys::fstat(fd)
        .and(Err::<(), _>(Errno::ENOSYS))
        .or_minus_one_errno()
}

const _: () = assert!(core::mem::size_of::<statvfs>() == 96 || cfg!(not(target_arch = "wasm32")));
