//! `unistd.h`: files, directories, the working directory, `environ`.
//!
//! WASI has no users or groups: `chown`, `fchown`, `lchown` and `fchownat`
//! succeed when they ask for the owner `stat` reports (0, or -1 for "no
//! change"), else fail with `ENOSYS` (after reporting a missing path as
//! such; see docs/design.md); `fchdir`
//! fails with `ENOSYS` (a descriptor does not know its path).

use crate::header::fcntl::{AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_SYMLINK_NOFOLLOW, O_WRONLY};
use crate::header::sys_types::{gid_t, uid_t};
use crate::platform::{c_char, c_int, cpath, off_t, size_t, ssize_t};
use libc_core::path::{self, AT_FDCWD};
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno, Pal, PalFs, Sys};

pub const F_OK: c_int = 0;
pub const X_OK: c_int = 1;
pub const W_OK: c_int = 2;
pub const R_OK: c_int = 4;
const _: () = assert!(
    F_OK == libc_core::pal::fs::F_OK
        && X_OK == libc_core::pal::fs::X_OK
        && W_OK == libc_core::pal::fs::W_OK
        && R_OK == libc_core::pal::fs::R_OK
);

/// Runs `f` on the resolved `(dirfd, path)`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
unsafe fn at<T>(
    fd: c_int,
    path: *const c_char,
    f: impl FnOnce(i32, &[u8]) -> Result<T, Errno>,
) -> Result<T, Errno> {
    // SAFETY: caller contract.
    let p = unsafe { cpath(path) }?;
    let r = path::resolve_at(fd, p)?;
    f(r.fd(), r.rel())
}

/// Runs `f` on two resolved `(dirfd, path)` pairs.
///
/// # Safety
/// Both paths must be NULL or NUL-terminated strings.
unsafe fn at2<T>(
    fd1: c_int,
    path1: *const c_char,
    fd2: c_int,
    path2: *const c_char,
    f: impl FnOnce(i32, &[u8], i32, &[u8]) -> Result<T, Errno>,
) -> Result<T, Errno> {
    // SAFETY: caller contract.
    let (p1, p2) = unsafe { (cpath(path1)?, cpath(path2)?) };
    let (a, b) = (path::resolve_at(fd1, p1)?, path::resolve_at(fd2, p2)?);
    f(a.fd(), a.rel(), b.fd(), b.rel())
}

/// [unlinkat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unlinkat.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlinkat(fd: c_int, path: *const c_char, flag: c_int) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe {
        at(fd, path, |d, p| match flag {
            0 => Sys::unlinkat(d, p),
            AT_REMOVEDIR => Sys::rmdirat(d, p),
            _ => Err(Errno::EINVAL),
        })
    };
    r.or_minus_one_errno()
}

/// [unlink](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unlink.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { unlinkat(AT_FDCWD, path, 0) }
}

/// [rmdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rmdir.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rmdir(path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { unlinkat(AT_FDCWD, path, AT_REMOVEDIR) }
}

/// [renameat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/renameat.html)
///
/// (Declared by `stdio.h` in POSIX; also declared here.)
///
/// # Safety
/// Both paths must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn renameat(
    oldfd: c_int,
    old: *const c_char,
    newfd: c_int,
    new: *const c_char,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { at2(oldfd, old, newfd, new, Sys::renameat) }.or_minus_one_errno()
}

/// [rename](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rename.html)
///
/// (Declared by `stdio.h` in C; also declared here.)
///
/// # Safety
/// Both paths must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rename(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { renameat(AT_FDCWD, old, AT_FDCWD, new) }
}

/// [linkat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/linkat.html)
///
/// # Safety
/// Both paths must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn linkat(
    oldfd: c_int,
    old: *const c_char,
    newfd: c_int,
    new: *const c_char,
    flag: c_int,
) -> c_int {
    if flag & !AT_SYMLINK_FOLLOW != 0 {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    let follow = flag & AT_SYMLINK_FOLLOW != 0;
    // SAFETY: caller contract.
    let r = unsafe {
        at2(oldfd, old, newfd, new, |a, o, b, n| {
            Sys::linkat(a, o, b, n, follow)
        })
    };
    r.or_minus_one_errno()
}

/// [link](https://pubs.opengroup.org/onlinepubs/9799919799/functions/link.html)
///
/// # Safety
/// Both paths must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn link(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { linkat(AT_FDCWD, old, AT_FDCWD, new, 0) }
}

/// [symlinkat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/symlinkat.html)
///
/// `target` is stored as given (hosts refuse absolute targets).
///
/// # Safety
/// Both strings must be NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlinkat(target: *const c_char, fd: c_int, path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(target) }
        // SAFETY: caller contract.
        .and_then(|t| unsafe { at(fd, path, |d, p| Sys::symlinkat(t, d, p)) });
    r.or_minus_one_errno()
}

/// [symlink](https://pubs.opengroup.org/onlinepubs/9799919799/functions/symlink.html)
///
/// # Safety
/// Both strings must be NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlink(target: *const c_char, path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { symlinkat(target, AT_FDCWD, path) }
}

/// [readlinkat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readlinkat.html)
///
/// The contents are truncated to `size` bytes, without a NUL.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `buf` valid for `size`
/// bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlinkat(
    fd: c_int,
    path: *const c_char,
    buf: *mut c_char,
    size: size_t,
) -> ssize_t {
    let r = if size == 0 {
        Err(Errno::EINVAL)
    } else if buf.is_null() {
        Err(Errno::EFAULT)
    } else {
        // SAFETY: caller contract.
        let b =
            unsafe { core::slice::from_raw_parts_mut(buf.cast(), size.min(isize::MAX as usize)) };
        // SAFETY: caller contract.
        unsafe { at(fd, path, |d, p| Sys::readlinkat(d, p, b)) }
    };
    r.or_minus_one_errno()
}

/// [readlink](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readlink.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `buf` valid for `size`
/// bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlink(path: *const c_char, buf: *mut c_char, size: size_t) -> ssize_t {
    // SAFETY: caller contract.
    unsafe { readlinkat(AT_FDCWD, path, buf, size) }
}

/// [faccessat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/faccessat.html)
///
/// Existence, plus for `R_OK`/`W_OK` what the directory's WASI capabilities
/// allow (there are no permission bits); `X_OK` is granted to any existing
/// file. `flag` may hold `AT_EACCESS` (no effect) and `AT_SYMLINK_NOFOLLOW`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn faccessat(
    fd: c_int,
    path: *const c_char,
    amode: c_int,
    flag: c_int,
) -> c_int {
    if amode & !(R_OK | W_OK | X_OK) != 0 || flag & !AT_SYMLINK_NOFOLLOW != 0 {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    let follow = flag & AT_SYMLINK_NOFOLLOW == 0;
    // SAFETY: caller contract.
    unsafe { at(fd, path, |d, p| Sys::accessat(d, p, amode, follow)) }.or_minus_one_errno()
}

/// [access](https://pubs.opengroup.org/onlinepubs/9799919799/functions/access.html)
///
/// See `faccessat`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn access(path: *const c_char, amode: c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { faccessat(AT_FDCWD, path, amode, 0) }
}

/// [ftruncate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftruncate.html)
#[unsafe(no_mangle)]
pub extern "C" fn ftruncate(fd: c_int, length: off_t) -> c_int {
    if length < 0 {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    Sys::ftruncate(fd, length as u64).or_minus_one_errno()
}

/// [truncate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/truncate.html)
///
/// Opens the file for writing, sets its size, closes it.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn truncate(path: *const c_char, length: off_t) -> c_int {
    if length < 0 {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let r = unsafe {
        at(AT_FDCWD, path, |d, p| {
            let fd = Sys::openat(d, p, O_WRONLY)?;
            let r = Sys::ftruncate(fd, length as u64);
            let _ = Sys::close(fd);
            r
        })
    };
    r.or_minus_one_errno()
}

/// [fsync](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fsync.html)
#[unsafe(no_mangle)]
pub extern "C" fn fsync(fd: c_int) -> c_int {
    Sys::fsync(fd).or_minus_one_errno()
}

/// [fdatasync](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdatasync.html)
#[unsafe(no_mangle)]
pub extern "C" fn fdatasync(fd: c_int) -> c_int {
    Sys::fdatasync(fd).or_minus_one_errno()
}

/// [getcwd](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getcwd.html)
///
/// The emulated working directory (`/` until `chdir`). A NULL `buf` gets a
/// `malloc`ed string of `size` bytes, or just big enough when `size` is 0
/// (glibc and wasi-libc do the same).
///
/// # Safety
/// `buf` must be NULL or valid for `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, size: size_t) -> *mut c_char {
    let cwd = path::cwd();
    let r = (|| {
        let (dst, cap) = if buf.is_null() {
            let cap = if size == 0 { cwd.len() + 1 } else { size };
            if cap < cwd.len() + 1 {
                return Err(Errno::ERANGE);
            }
            let p = wasm_libc_alloc::malloc(cap);
            if p.is_null() {
                return Err(Errno::ENOMEM);
            }
            (p, cap)
        } else if size == 0 {
            return Err(Errno::EINVAL);
        } else {
            (buf.cast::<u8>(), size)
        };
        if cap < cwd.len() + 1 {
            return Err(Errno::ERANGE);
        }
        // SAFETY: dst holds cap > cwd.len() bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(cwd.as_ptr(), dst, cwd.len());
            *dst.add(cwd.len()) = 0;
        }
        Ok(dst.cast::<c_char>())
    })();
    r.or_null_errno()
}

/// [chdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chdir.html)
///
/// Emulated: checks that `path` is a directory and remembers its absolute
/// path (normalized) for resolving relative paths later.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chdir(path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    unsafe { cpath(path) }
        .and_then(path::chdir)
        .or_minus_one_errno()
}

/// [fchdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchdir.html)
///
/// Not possible: a WASI descriptor does not know its path. `EBADF` for a
/// closed fd, else `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn fchdir(fd: c_int) -> c_int {
    Sys::fstat(fd)
        .and(Err::<(), Errno>(Errno::ENOSYS))
        .or_minus_one_errno()
}

/// [fchownat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchownat.html)
///
/// WASI has no users or groups: after the path's own errors, 0 when
/// `owner` and `group` are each 0 (what `stat` reports) or -1 (no change),
/// else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchownat(
    fd: c_int,
    path: *const c_char,
    owner: uid_t,
    group: gid_t,
    flag: c_int,
) -> c_int {
    let follow = flag & AT_SYMLINK_NOFOLLOW == 0;
    // SAFETY: caller contract.
    let r = unsafe { at(fd, path, |d, p| Sys::statat(d, p, follow)) };
    r.and_then(|_| unchanged_owner(owner, group))
        .or_minus_one_errno()
}

/// A `chown` family request succeeds when it changes nothing `stat`
/// reports (ids 0, or -1 for "leave alone"); any other is `ENOSYS`.
fn unchanged_owner(owner: uid_t, group: gid_t) -> Result<(), Errno> {
    if matches!(owner, 0 | uid_t::MAX) && matches!(group, 0 | gid_t::MAX) {
        Ok(())
    } else {
        Err(Errno::ENOSYS)
    }
}

/// [chown](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chown.html)
///
/// As `fchownat`: 0 for ids 0 or -1, else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chown(path: *const c_char, owner: uid_t, group: gid_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { fchownat(AT_FDCWD, path, owner, group, 0) }
}

/// [lchown](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lchown.html)
///
/// As `fchownat` (the link itself): 0 for ids 0 or -1, else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lchown(path: *const c_char, owner: uid_t, group: gid_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW) }
}

/// [fchown](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchown.html)
///
/// WASI has no users or groups: `EBADF` for a closed fd, 0 when `owner`
/// and `group` are each 0 (what `fstat` reports) or -1, else `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn fchown(fd: c_int, owner: uid_t, group: gid_t) -> c_int {
    Sys::fstat(fd)
        .and_then(|_| unchanged_owner(owner, group))
        .or_minus_one_errno()
}
