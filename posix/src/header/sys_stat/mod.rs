//! `sys/stat.h`
//!
//! WASI has no users, groups or permission bits: `st_mode` carries only the
//! file type (`S_IF*`), `st_uid`/`st_gid` are 0. `chmod`, `fchmod` and
//! `fchmodat` succeed for a mode without permission bits (the bits `stat`
//! reports: copying a file's mode works) and otherwise fail with `ENOSYS`;
//! `mkfifo` and `mknod` fail with `ENOSYS` (all after reporting
//! `ENOENT`/`ENOTDIR` for a path that does not exist, so those errors stay
//! accurate; docs/design.md says why). `umask` records the mask and has no other effect.

use crate::header::sys_types::{blkcnt_t, blksize_t, dev_t, gid_t, ino_t, nlink_t, uid_t};
use crate::header::time::timespec;
use crate::platform::{c_char, c_int, c_long, c_longlong, c_uint, cpath, mode_t, off_t, time_t};
use libc_core::pal::fs::{FileType, SetTime, Stat, Timestamp};
use libc_core::path;
use libc_core::shared::Shared;
use libc_core::{Errno, OrMinusOneErrno, PalFs, Sys};

/// `struct stat`, with wasi-libc's field layout (144 bytes on wasm32).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct stat {
    pub st_dev: dev_t,
    pub st_ino: ino_t,
    pub st_nlink: nlink_t,
    pub st_mode: mode_t,
    pub st_uid: uid_t,
    pub st_gid: gid_t,
    pub __pad0: c_uint,
    pub st_rdev: dev_t,
    pub st_size: off_t,
    pub st_blksize: blksize_t,
    pub st_blocks: blkcnt_t,
    pub st_atim: timespec,
    pub st_mtim: timespec,
    pub st_ctim: timespec,
    pub __reserved: [c_longlong; 3],
}
#[cfg(target_arch = "wasm32")]
const _: () =
    assert!(core::mem::size_of::<stat>() == 144 && core::mem::offset_of!(stat, st_atim) == 72);

pub const S_IFMT: mode_t = 0o170000;
pub const S_IFIFO: mode_t = 0o010000;
pub const S_IFCHR: mode_t = 0o020000;
pub const S_IFDIR: mode_t = 0o040000;
pub const S_IFBLK: mode_t = 0o060000;
pub const S_IFREG: mode_t = 0o100000;
pub const S_IFLNK: mode_t = 0o120000;
pub const S_IFSOCK: mode_t = 0o140000;
pub const S_ISUID: mode_t = 0o4000;
pub const S_ISGID: mode_t = 0o2000;
pub const S_ISVTX: mode_t = 0o1000;
pub const S_IRWXU: mode_t = 0o700;
pub const S_IRUSR: mode_t = 0o400;
pub const S_IWUSR: mode_t = 0o200;
pub const S_IXUSR: mode_t = 0o100;
pub const S_IRWXG: mode_t = 0o070;
pub const S_IRGRP: mode_t = 0o040;
pub const S_IWGRP: mode_t = 0o020;
pub const S_IXGRP: mode_t = 0o010;
pub const S_IRWXO: mode_t = 0o007;
pub const S_IROTH: mode_t = 0o004;
pub const S_IWOTH: mode_t = 0o002;
pub const S_IXOTH: mode_t = 0o001;

/// `tv_nsec` value of `utimensat`/`futimens`: set to the current time.
pub const UTIME_NOW: c_long = 0x3fff_ffff;
/// `tv_nsec` value of `utimensat`/`futimens`: leave unchanged.
pub const UTIME_OMIT: c_long = 0x3fff_fffe;

const AT_SYMLINK_NOFOLLOW: c_int = crate::header::fcntl::AT_SYMLINK_NOFOLLOW;

/// The `S_IF*` bits for a file type.
pub(crate) fn type_bits(kind: FileType) -> mode_t {
    match kind {
        FileType::Unknown => 0,
        FileType::BlockDevice => S_IFBLK,
        FileType::CharacterDevice => S_IFCHR,
        FileType::Directory => S_IFDIR,
        FileType::RegularFile => S_IFREG,
        FileType::SymbolicLink => S_IFLNK,
        FileType::Fifo => S_IFIFO,
        FileType::Socket => S_IFSOCK,
    }
}

fn ts(t: Timestamp) -> timespec {
    timespec {
        tv_sec: t.sec as time_t,
        tv_nsec: t.nsec as c_long,
    }
}

fn to_c(s: &Stat) -> stat {
    stat {
        st_dev: s.dev,
        st_ino: s.ino,
        st_nlink: s.nlink,
        st_mode: type_bits(s.kind),
        st_uid: 0,
        st_gid: 0,
        __pad0: 0,
        st_rdev: 0,
        st_size: s.size as off_t,
        st_blksize: 4096,
        st_blocks: s.size.div_ceil(512) as blkcnt_t,
        st_atim: ts(s.atim),
        st_mtim: ts(s.mtim),
        st_ctim: ts(s.ctim),
        __reserved: [0; 3],
    }
}

/// Stores `r` into `*buf`.
///
/// # Safety
/// `buf` must be NULL or valid for a write.
unsafe fn put(r: Result<Stat, Errno>, buf: *mut stat) -> c_int {
    r.and_then(|s| {
        if buf.is_null() {
            return Err(Errno::EFAULT);
        }
        // SAFETY: non-null and valid (caller contract).
        unsafe { buf.write(to_c(&s)) };
        Ok(())
    })
    .or_minus_one_errno()
}

/// [fstatat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstatat.html)
///
/// `flag` may hold `AT_SYMLINK_NOFOLLOW` (anything else: `EINVAL`).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `buf` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatat(
    fd: c_int,
    path: *const c_char,
    buf: *mut stat,
    flag: c_int,
) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        if flag & !AT_SYMLINK_NOFOLLOW != 0 {
            return Err(Errno::EINVAL);
        }
        let at = path::resolve_at(fd, p)?;
        Sys::statat(at.fd(), at.rel(), flag & AT_SYMLINK_NOFOLLOW == 0)
    });
    // SAFETY: caller contract.
    unsafe { put(r, buf) }
}

/// [stat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/stat.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `buf` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stat(path: *const c_char, buf: *mut stat) -> c_int {
    // SAFETY: caller contract.
    unsafe { fstatat(path::AT_FDCWD, path, buf, 0) }
}

/// [lstat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/lstat.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `buf` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lstat(path: *const c_char, buf: *mut stat) -> c_int {
    // SAFETY: caller contract.
    unsafe { fstatat(path::AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW) }
}

/// [fstat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fstat.html)
///
/// # Safety
/// `buf` must be NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstat(fd: c_int, buf: *mut stat) -> c_int {
    // SAFETY: caller contract.
    unsafe { put(Sys::fstat(fd), buf) }
}

/// [mkdirat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdirat.html)
///
/// `mode` is ignored (WASI has no permission bits).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdirat(fd: c_int, path: *const c_char, _mode: mode_t) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        let at = path::resolve_at(fd, p)?;
        Sys::mkdirat(at.fd(), at.rel())
    });
    r.or_minus_one_errno()
}

/// [mkdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkdir.html)
///
/// `mode` is ignored (WASI has no permission bits).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { mkdirat(path::AT_FDCWD, path, mode) }
}

fn set_time(t: &timespec) -> Result<SetTime, Errno> {
    match t.tv_nsec {
        UTIME_NOW => Ok(SetTime::Now),
        UTIME_OMIT => Ok(SetTime::Omit),
        n if (0..1_000_000_000).contains(&n) => Ok(SetTime::At(Timestamp {
            sec: t.tv_sec,
            nsec: n as u32,
        })),
        _ => Err(Errno::EINVAL),
    }
}

/// The two times of `utimensat`/`futimens`; NULL means "now" for both.
///
/// # Safety
/// `times` must be NULL or valid for two reads.
unsafe fn set_times(times: *const timespec) -> Result<(SetTime, SetTime), Errno> {
    if times.is_null() {
        return Ok((SetTime::Now, SetTime::Now));
    }
    // SAFETY: caller contract.
    let (a, m) = unsafe { (&*times, &*times.add(1)) };
    Ok((set_time(a)?, set_time(m)?))
}

/// [utimensat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/utimensat.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `times` NULL or valid
/// for two elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utimensat(
    fd: c_int,
    path: *const c_char,
    times: *const timespec,
    flag: c_int,
) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        if flag & !AT_SYMLINK_NOFOLLOW != 0 {
            return Err(Errno::EINVAL);
        }
        // SAFETY: caller contract.
        let (a, m) = unsafe { set_times(times) }?;
        let at = path::resolve_at(fd, p)?;
        Sys::utimensat(at.fd(), at.rel(), a, m, flag & AT_SYMLINK_NOFOLLOW == 0)
    });
    r.or_minus_one_errno()
}

/// [futimens](https://pubs.opengroup.org/onlinepubs/9799919799/functions/futimens.html)
///
/// # Safety
/// `times` must be NULL or valid for two elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimens(fd: c_int, times: *const timespec) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { set_times(times) }.and_then(|(a, m)| Sys::futimens(fd, a, m));
    r.or_minus_one_errno()
}

/// `ENOENT`/`ENOTDIR`... if `path` does not exist, else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
unsafe fn unsupported_at(fd: c_int, path: *const c_char, follow: bool, mode: mode_t) -> c_int {
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        let at = path::resolve_at(fd, p)?;
        Sys::statat(at.fd(), at.rel(), follow)?;
        unchanged_mode(mode)
    });
    r.or_minus_one_errno()
}

/// A `chmod` family request succeeds when it asks for the permission bits
/// `stat` already reports, none (so copying a file's `st_mode` to another
/// works); any other is `ENOSYS`. See docs/design.md.
fn unchanged_mode(mode: mode_t) -> Result<(), Errno> {
    if mode & 0o7777 == 0 {
        Ok(())
    } else {
        Err(Errno::ENOSYS)
    }
}

/// [chmod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/chmod.html)
///
/// WASI has no permission bits: after the path's own errors, 0 for a
/// `mode` without permission bits (what `stat` reports), else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chmod(path: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { unsupported_at(path::AT_FDCWD, path, true, mode) }
}

/// [fchmodat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchmodat.html)
///
/// As `chmod`: 0 for a `mode` without permission bits, else `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchmodat(
    fd: c_int,
    path: *const c_char,
    mode: mode_t,
    flag: c_int,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { unsupported_at(fd, path, flag & AT_SYMLINK_NOFOLLOW == 0, mode) }
}

/// [fchmod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fchmod.html)
///
/// WASI has no permission bits: `EBADF` for a closed fd, 0 for a `mode`
/// without permission bits (what `fstat` reports: a program that copies
/// one file's `st_mode` to another, as compressors do, succeeds), else
/// `ENOSYS`.
#[unsafe(no_mangle)]
pub extern "C" fn fchmod(fd: c_int, mode: mode_t) -> c_int {
    Sys::fstat(fd)
        .and_then(|_| unchanged_mode(mode))
        .or_minus_one_errno()
}

/// [mkfifo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkfifo.html)
///
/// Not possible under WASI: `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifo(_path: *const c_char, _mode: mode_t) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [mkfifoat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mkfifoat.html)
///
/// Not possible under WASI: `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifoat(_fd: c_int, _path: *const c_char, _mode: mode_t) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [mknod](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mknod.html)
///
/// Not possible under WASI: `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknod(_path: *const c_char, _mode: mode_t, _dev: dev_t) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [mknodat](https://pubs.opengroup.org/onlinepubs/9799919799/functions/mknodat.html)
///
/// Not possible under WASI: `ENOSYS`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknodat(
    _fd: c_int,
    _path: *const c_char,
    _mode: mode_t,
    _dev: dev_t,
) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}

static UMASK: Shared<mode_t> = Shared::new(0o022);

/// [umask](https://pubs.opengroup.org/onlinepubs/9799919799/functions/umask.html)
///
/// Records the mask and returns the previous one (initially `022`); it
/// affects nothing, since WASI has no permission bits.
#[unsafe(no_mangle)]
pub extern "C" fn umask(mask: mode_t) -> mode_t {
    let old = UMASK.load();
    UMASK.store(mask & 0o777);
    old
}
