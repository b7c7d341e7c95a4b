//! `fcntl.h` additions: `creat64`, `posix_fadvise`, `posix_fallocate` and
//! record locks (`struct flock`, `F_GETLK`/`F_SETLK`/`F_SETLKW`).
//!
//! Locks: WASI has no locking primitive, and an instance is one process
//! with one thread, so no lock this program takes can conflict with
//! another of its own. `F_SETLK`/`F_SETLKW` (and `flock`) check the
//! descriptor and the request and succeed without doing anything;
//! `F_GETLK` reports `F_UNLCK` (nothing in the way). Programs that lock
//! their files (databases, editors, mail tools) then run as they do on a
//! single-user system; failing with an errno instead makes most of them
//! refuse to work at all. What this cannot give is exclusion against other
//! programs (other instances, the host) using the same files.

use super::{AT_FDCWD, O_CREAT, O_TRUNC, O_WRONLY, openat};
use crate::header::sys_types::pid_t;
use crate::platform::{c_char, c_int, c_short, mode_t, off_t};
use libc_core::{Errno, PalFs, PalNet, Sys};

/// [creat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/creat.html)
/// under its large-file name (`off_t` is always 64-bit).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat64(path: *const c_char, _mode: mode_t) -> c_int {
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

pub const POSIX_FADV_NORMAL: c_int = 0;
pub const POSIX_FADV_SEQUENTIAL: c_int = 1;
pub const POSIX_FADV_RANDOM: c_int = 2;
pub const POSIX_FADV_NOREUSE: c_int = 3;
pub const POSIX_FADV_WILLNEED: c_int = 4;
pub const POSIX_FADV_DONTNEED: c_int = 5;

/// [posix_fadvise](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_fadvise.html)
///
/// Checks `fd` (`EBADF`; `ESPIPE` for a stream), `len` and `advice`
/// (`EINVAL`) and returns 0: advice may be ignored, and hosts ignore it.
/// Returns the error number; errno is left alone.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fadvise(fd: c_int, _offset: off_t, len: off_t, advice: c_int) -> c_int {
    let r = if !(POSIX_FADV_NORMAL..=POSIX_FADV_DONTNEED).contains(&advice) || len < 0 {
        Err(Errno::EINVAL)
    } else {
        regular_file(fd).map(|_| ())
    };
    libc_core::errno::as_return_code(r)
}

/// The size of `fd` if it is a regular file (`ESPIPE` otherwise).
fn regular_file(fd: c_int) -> Result<u64, Errno> {
    let st = Sys::fstat(fd)?;
    if st.kind == libc_core::pal::fs::FileType::RegularFile {
        Ok(st.size)
    } else if st.kind == libc_core::pal::fs::FileType::Directory {
        Err(Errno::EBADF)
    } else {
        Err(Errno::ESPIPE)
    }
}

/// [posix_fallocate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/posix_fallocate.html)
///
/// WASI cannot reserve storage (wasmtime answers `fd_allocate` with
/// `ENOTSUP`, and WASI 0.2 dropped it), so this does what POSIX asks of
/// the file's size: a file shorter than `offset + len` is extended to it
/// (with `ftruncate`: the new bytes read as zeros). `EINVAL` for a negative
/// `offset` or a `len` not above 0, `EBADF`, `ESPIPE` for a stream,
/// `EFBIG` past `off_t`. Returns the error number; errno is left alone.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fallocate(fd: c_int, offset: off_t, len: off_t) -> c_int {
    let r = if offset < 0 || len <= 0 {
        Err(Errno::EINVAL)
    } else {
        match offset.checked_add(len) {
            None => Err(Errno::EFBIG),
            Some(end) => regular_file(fd).and_then(|size| {
                if size < end as u64 {
                    Sys::ftruncate(fd, end as u64)
                } else {
                    Ok(())
                }
            }),
        }
    };
    libc_core::errno::as_return_code(r)
}

pub const F_GETLK: c_int = 5;
pub const F_SETLK: c_int = 6;
pub const F_SETLKW: c_int = 7;
pub const F_RDLCK: c_int = 0;
pub const F_WRLCK: c_int = 1;
pub const F_UNLCK: c_int = 2;

/// `struct flock`: a record lock (wasi-libc's layout).
#[repr(C)]
pub struct flock {
    pub l_type: c_short,
    pub l_whence: c_short,
    pub l_start: off_t,
    pub l_len: off_t,
    pub l_pid: pid_t,
}

/// `fcntl`'s lock commands (see the module documentation): `fd` must be
/// open, `l_type` and `l_whence` valid; for `F_SETLK`/`F_SETLKW` the
/// descriptor must be open for reading (`F_RDLCK`) or writing (`F_WRLCK`).
///
/// # Safety
/// `varargs` holds a `struct flock *` (the C ABI's spilled argument).
pub(super) unsafe fn lock(fd: c_int, cmd: c_int, varargs: *const u8) -> Result<c_int, Errno> {
    if varargs.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: the caller passed a pointer (C ABI: spilled, 4-aligned).
    let fl = unsafe { core::ptr::read_unaligned(varargs as *const *mut flock) };
    if fl.is_null() {
        return Err(Errno::EFAULT);
    }
    let flags = Sys::get_status_flags(fd)?;
    // SAFETY: a valid `struct flock` (caller contract).
    let l = unsafe { &mut *fl };
    if !(0..=2).contains(&(l.l_whence as c_int)) {
        return Err(Errno::EINVAL);
    }
    let readable = flags & super::O_RDONLY != 0;
    let writable = flags & super::O_WRONLY != 0;
    match (cmd, l.l_type as c_int) {
        (F_GETLK, F_RDLCK | F_WRLCK) => l.l_type = F_UNLCK as c_short,
        (F_GETLK, _) => return Err(Errno::EINVAL),
        (_, F_UNLCK) => {}
        (_, F_RDLCK) if readable => {}
        (_, F_WRLCK) if writable => {}
        (_, F_RDLCK | F_WRLCK) => return Err(Errno::EBADF),
        _ => return Err(Errno::EINVAL),
    }
    Ok(0)
}

const _: () = assert!(F_GETLK > super::F_SETFL);
