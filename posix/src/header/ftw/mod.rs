//! `ftw.h`: `ftw` and `nftw` (file tree walks), as wasi-libc walks:
//! directories in `readdir` order, a directory's own entry before its
//! contents (after them with `FTW_DEPTH`), directories already on the
//! current path not entered again, `FTW_CHDIR` ignored (no working
//! directory changes), at most `fd_limit` levels entered. `FTW_MOUNT`
//! compares `st_dev`, which on p2 comes from each file's metadata hash
//! (WASI 0.2 has no device numbers): there it stops below the start.

use crate::header::dirent::{closedir, fdopendir, readdir};
use crate::header::fcntl::{O_RDONLY, open};
use crate::header::sys_stat::{S_IFDIR, S_IFLNK, S_IFMT, lstat, stat};
use crate::header::unistd::close;
use crate::platform::{c_char, c_int};
use libc_core::{Errno, OrMinusOneErrno};

/// A file that is not a directory or symbolic link.
pub const FTW_F: c_int = 1;
/// A directory (before its contents).
pub const FTW_D: c_int = 2;
/// A directory that cannot be read.
pub const FTW_DNR: c_int = 3;
/// A file whose `stat` failed.
pub const FTW_NS: c_int = 4;
/// A symbolic link (with `FTW_PHYS`).
pub const FTW_SL: c_int = 5;
/// A directory, after its contents (`FTW_DEPTH`).
pub const FTW_DP: c_int = 6;
/// A symbolic link to nothing.
pub const FTW_SLN: c_int = 7;

/// Do not follow symbolic links.
pub const FTW_PHYS: c_int = 1;
/// Stay on the starting file system.
pub const FTW_MOUNT: c_int = 2;
/// Change into each directory (ignored).
pub const FTW_CHDIR: c_int = 4;
/// Report directories after their contents.
pub const FTW_DEPTH: c_int = 8;

/// Where the name starts in the path, and the depth below the start.
#[repr(C)]
pub struct FTW {
    /// Offset of the file name in the path.
    pub base: c_int,
    /// Depth (0 for the starting path).
    pub level: c_int,
}

/// `nftw`'s callback.
pub type nftw_fn =
    Option<unsafe extern "C" fn(*const c_char, *const stat, c_int, *mut FTW) -> c_int>;
/// `ftw`'s callback.
pub type ftw_fn = Option<unsafe extern "C" fn(*const c_char, *const stat, c_int) -> c_int>;

const PATH_MAX: usize = 4096;

/// An entry on the current path (loop detection, `FTW_MOUNT`).
struct Hist<'a> {
    up: Option<&'a Hist<'a>>,
    dev: u64,
    ino: u64,
    level: c_int,
    base: c_int,
}

/// One walk's callback and flags.
struct Walk<'f> {
    call: &'f mut dyn FnMut(*const c_char, &stat, c_int, &mut FTW) -> c_int,
    flags: c_int,
}

fn errno() -> Errno {
    libc_core::errno::get_errno()
}

impl Walk<'_> {
    /// Walks `path[..]` (NUL-terminated in `buf`).
    fn walk(&mut self, buf: &mut [u8; PATH_MAX + 1], fd_limit: c_int, h: Option<&Hist>) -> c_int {
        let l = buf.iter().position(|&b| b == 0).unwrap_or(PATH_MAX);
        let j = if l > 0 && buf[l - 1] == b'/' {
            l - 1
        } else {
            l
        };
        let p = buf.as_ptr() as *const c_char;
        // SAFETY: an all-zero `stat` is valid.
        let mut st: stat = unsafe { core::mem::zeroed() };
        let phys = self.flags & FTW_PHYS != 0;
        // SAFETY: p is NUL-terminated; st writable.
        let failed = unsafe {
            if phys {
                lstat(p, &mut st)
            } else {
                stat(p, &mut st)
            }
        } < 0;
        let mut kind = if failed {
            // SAFETY: as above.
            if !phys && errno() == Errno::ENOENT && unsafe { lstat(p, &mut st) } == 0 {
                FTW_SLN
            } else if errno() != Errno::EACCES {
                return -1;
            } else {
                FTW_NS
            }
        } else if st.st_mode & S_IFMT == S_IFDIR {
            if self.flags & FTW_DEPTH != 0 {
                FTW_DP
            } else {
                FTW_D
            }
        } else if st.st_mode & S_IFMT == S_IFLNK {
            if phys { FTW_SL } else { FTW_SLN }
        } else {
            FTW_F
        };
        if self.flags & FTW_MOUNT != 0 && kind != FTW_NS && h.is_some_and(|h| h.dev != st.st_dev) {
            return 0;
        }
        let level = h.map_or(0, |h| h.level + 1);
        let base = match h {
            Some(h) => h.base,
            None => {
                let mut k = j;
                while k > 0 && buf[k] == b'/' {
                    k -= 1;
                }
                while k > 0 && buf[k - 1] != b'/' {
                    k -= 1;
                }
                k as c_int
            }
        };
        let mut lev = FTW { base, level };
        let is_dir = kind == FTW_D || kind == FTW_DP;
        let (mut dfd, mut err) = (-1, Errno(0));
        if is_dir {
            // SAFETY: p NUL-terminated; no variadic arguments for O_RDONLY.
            dfd = unsafe { open(p, O_RDONLY, core::ptr::null()) };
            err = errno();
            if dfd < 0 && err == Errno::EACCES {
                kind = FTW_DNR;
            }
            if fd_limit == 0 && dfd >= 0 {
                close(dfd);
            }
        }
        if self.flags & FTW_DEPTH == 0 {
            let r = (self.call)(p, &st, kind, &mut lev);
            if r != 0 {
                return r;
            }
        }
        let mut up = h;
        while let Some(x) = up {
            if x.dev == st.st_dev && x.ino == st.st_ino {
                if dfd >= 0 && fd_limit != 0 {
                    close(dfd);
                }
                return 0;
            }
            up = x.up;
        }
        if is_dir && fd_limit != 0 {
            if dfd < 0 {
                return Err::<c_int, _>(err).or_minus_one_errno();
            }
            let d = fdopendir(dfd);
            if d.is_null() {
                close(dfd);
                return -1;
            }
            let me = Hist {
                up: h,
                dev: st.st_dev,
                ino: st.st_ino,
                level,
                base: j as c_int + 1,
            };
            loop {
                // SAFETY: d is a live stream.
                let e = unsafe { readdir(d) };
                if e.is_null() {
                    break;
                }
                // SAFETY: a live entry with a NUL-terminated name.
                let name = unsafe { core::ffi::CStr::from_ptr((*e).d_name.as_ptr()) }.to_bytes();
                if name == b"." || name == b".." {
                    continue;
                }
                if name.len() >= PATH_MAX - l {
                    // SAFETY: d is live; closed once.
                    unsafe { closedir(d) };
                    return Err::<c_int, _>(Errno::ENAMETOOLONG).or_minus_one_errno();
                }
                buf[j] = b'/';
                buf[j + 1..j + 1 + name.len()].copy_from_slice(name);
                buf[j + 1 + name.len()] = 0;
                let r = self.walk(buf, fd_limit - 1, Some(&me));
                if r != 0 {
                    // SAFETY: as above.
                    unsafe { closedir(d) };
                    return r;
                }
            }
            // SAFETY: as above.
            unsafe { closedir(d) };
        }
        buf[l] = 0;
        if self.flags & FTW_DEPTH != 0 {
            let r = (self.call)(p, &st, kind, &mut lev);
            if r != 0 {
                return r;
            }
        }
        0
    }
}

/// Copies `path` and starts the walk.
///
/// # Safety
/// `path` NUL-terminated.
unsafe fn start(path: *const c_char, fd_limit: c_int, w: &mut Walk) -> c_int {
    if fd_limit <= 0 {
        return 0;
    }
    // SAFETY: caller contract.
    let p = unsafe { core::ffi::CStr::from_ptr(path) }.to_bytes();
    if p.len() > PATH_MAX {
        return Err::<c_int, _>(Errno::ENAMETOOLONG).or_minus_one_errno();
    }
    let mut buf = [0u8; PATH_MAX + 1];
    buf[..p.len()].copy_from_slice(p);
    w.walk(&mut buf, fd_limit, None)
}

/// [nftw](https://pubs.opengroup.org/onlinepubs/9799919799/functions/nftw.html):
/// calls `f` for `path` and everything below it; stops at the first
/// nonzero return of `f` and returns it; -1 with errno on an error.
///
/// # Safety
/// `path` NUL-terminated; `f` callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nftw(
    path: *const c_char,
    f: nftw_fn,
    fd_limit: c_int,
    flags: c_int,
) -> c_int {
    let Some(f) = f else {
        return Err::<c_int, _>(Errno::EINVAL).or_minus_one_errno();
    };
    // SAFETY: the callback gets the live path, stat and FTW (caller contract).
    let mut call =
        |p: *const c_char, st: &stat, k: c_int, lev: &mut FTW| unsafe { f(p, st, k, lev) };
    let mut w = Walk {
        call: &mut call,
        flags,
    };
    // SAFETY: forwarded contract.
    unsafe { start(path, fd_limit, &mut w) }
}

/// `nftw64`: [`nftw`] (the same `stat`).
///
/// # Safety
/// As [`nftw`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nftw64(
    path: *const c_char,
    f: nftw_fn,
    fd_limit: c_int,
    flags: c_int,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { nftw(path, f, fd_limit, flags) }
}

/// [ftw](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftw.html):
/// [`nftw`] with `FTW_PHYS` and a three-argument callback.
///
/// # Safety
/// `path` NUL-terminated; `f` callable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftw(path: *const c_char, f: ftw_fn, fd_limit: c_int) -> c_int {
    let Some(f) = f else {
        return Err::<c_int, _>(Errno::EINVAL).or_minus_one_errno();
    };
    // SAFETY: as in nftw.
    let mut call = |p: *const c_char, st: &stat, k: c_int, _: &mut FTW| unsafe { f(p, st, k) };
    let mut w = Walk {
        call: &mut call,
        flags: FTW_PHYS,
    };
    // SAFETY: forwarded contract.
    unsafe { start(path, fd_limit, &mut w) }
}
