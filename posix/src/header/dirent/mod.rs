//! `dirent.h`
//!
//! `.` and `..` are listed first on both backends. `d_ino` is the host's
//! inode number on p1 and the low half of the entry's `metadata-hash` on p2
//! (the same number `stat` gives as `st_ino`). The order of the other
//! entries is the host's.

use crate::header::sys_types::ino_t;
use crate::platform::{c_char, c_int, c_long, cpath};
use libc_core::pal::fs::FileType;
use libc_core::{Errno, OrMinusOneErrno, Pal, PalFs, Sys, path};

/// `struct dirent`. Names longer than `d_name` are returned in a larger
/// block (read them with `strlen`, not `sizeof`).
#[repr(C)]
pub struct dirent {
    pub d_ino: ino_t,
    pub d_type: u8,
    pub d_name: [c_char; 256],
}

pub const DT_UNKNOWN: u8 = 0;
pub const DT_FIFO: u8 = 1;
pub const DT_CHR: u8 = 2;
pub const DT_DIR: u8 = 4;
pub const DT_BLK: u8 = 6;
pub const DT_REG: u8 = 8;
pub const DT_LNK: u8 = 10;
pub const DT_SOCK: u8 = 12;

/// An open directory stream (opaque to C).
pub struct DIR {
    fd: c_int,
    stream: <Sys as PalFs>::Dir,
    /// The entry `readdir` returns (a heap block of `ent_cap` bytes).
    ent: *mut dirent,
    ent_cap: usize,
}

fn d_type(kind: FileType) -> u8 {
    match kind {
        FileType::Unknown => DT_UNKNOWN,
        FileType::BlockDevice => DT_BLK,
        FileType::CharacterDevice => DT_CHR,
        FileType::Directory => DT_DIR,
        FileType::RegularFile => DT_REG,
        FileType::SymbolicLink => DT_LNK,
        FileType::Fifo => DT_FIFO,
        FileType::Socket => DT_SOCK,
    }
}

const D_NAME: usize = core::mem::offset_of!(dirent, d_name);

/// [fdopendir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdopendir.html)
///
/// The stream takes `fd` over: `closedir` closes it.
#[unsafe(no_mangle)]
pub extern "C" fn fdopendir(fd: c_int) -> *mut DIR {
    let r = Sys::dir_open(fd).and_then(|stream| {
        let d = wasm_libc_alloc::malloc(core::mem::size_of::<DIR>()) as *mut DIR;
        if d.is_null() {
            Sys::dir_close(stream);
            return Err(Errno::ENOMEM);
        }
        // SAFETY: d is a fresh block large and aligned enough for a DIR.
        unsafe {
            d.write(DIR {
                fd,
                stream,
                ent: core::ptr::null_mut(),
                ent_cap: 0,
            })
        };
        Ok(d)
    });
    r.or_minus_one_errno()
}

/// [opendir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/opendir.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut DIR {
    use crate::header::fcntl::{O_DIRECTORY, O_RDONLY};
    // SAFETY: caller contract.
    let r = unsafe { cpath(path) }.and_then(|p| {
        let at = path::resolve(p)?;
        let fd = Sys::openat(at.fd(), at.rel(), O_RDONLY | O_DIRECTORY)?;
        let d = fdopendir(fd);
        if d.is_null() {
            let e = libc_core::errno::get_errno();
            let _ = Sys::close(fd);
            return Err(e);
        }
        Ok(d)
    });
    r.or_minus_one_errno()
}

/// [readdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/readdir.html)
///
/// NULL at the end (errno untouched) or on error (errno set). The entry
/// stays valid until the next call on the same stream.
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir(d: *mut DIR) -> *mut dirent {
    if d.is_null() {
        return Err::<*mut dirent, Errno>(Errno::EBADF).or_minus_one_errno();
    }
    // SAFETY: a live stream (caller contract); the borrow ends here.
    let d = unsafe { &mut *d };
    let e = match Sys::dir_read(&mut d.stream) {
        Ok(Some(e)) => e,
        Ok(None) => return core::ptr::null_mut(),
        Err(err) => return Err::<*mut dirent, Errno>(err).or_minus_one_errno(),
    };
    let need = (D_NAME + e.name.len() + 1).max(core::mem::size_of::<dirent>());
    if need > d.ent_cap {
        let p = wasm_libc_alloc::malloc(need) as *mut dirent;
        if p.is_null() {
            return Err::<*mut dirent, Errno>(Errno::ENOMEM).or_minus_one_errno();
        }
        // SAFETY: the old block is ours (or null).
        unsafe { wasm_libc_alloc::free(d.ent.cast()) };
        d.ent = p;
        d.ent_cap = need;
    }
    // SAFETY: ent holds need bytes: the header, the name and its NUL.
    unsafe {
        (*d.ent).d_ino = e.ino;
        (*d.ent).d_type = d_type(e.kind);
        let name = (d.ent as *mut u8).add(D_NAME);
        core::ptr::copy_nonoverlapping(e.name.as_ptr(), name, e.name.len());
        *name.add(e.name.len()) = 0;
    }
    d.ent
}

/// `fdclosedir` (BSD, wasi-libc): frees the stream and returns its fd,
/// which stays open.
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fdclosedir(d: *mut DIR) -> c_int {
    if d.is_null() {
        return Err::<c_int, Errno>(Errno::EBADF).or_minus_one_errno();
    }
    // SAFETY: a live stream, read out once and then freed.
    let dir = unsafe { d.read() };
    Sys::dir_close(dir.stream);
    // SAFETY: our blocks.
    unsafe {
        wasm_libc_alloc::free(dir.ent.cast());
        wasm_libc_alloc::free(d.cast());
    }
    dir.fd
}

/// [closedir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/closedir.html)
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn closedir(d: *mut DIR) -> c_int {
    // SAFETY: caller contract.
    let fd = unsafe { fdclosedir(d) };
    if fd < 0 {
        return fd;
    }
    Sys::close(fd).or_minus_one_errno()
}

/// [rewinddir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rewinddir.html)
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewinddir(d: *mut DIR) {
    if !d.is_null() {
        // SAFETY: a live stream (caller contract).
        let _ = Sys::dir_seek(unsafe { &mut (*d).stream }, 0);
    }
}

/// [telldir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/telldir.html)
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn telldir(d: *mut DIR) -> c_long {
    if d.is_null() {
        return Err::<c_int, Errno>(Errno::EBADF).or_minus_one_errno() as c_long;
    }
    // SAFETY: a live stream (caller contract).
    Sys::dir_tell(unsafe { &(*d).stream }) as c_long
}

/// [seekdir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/seekdir.html)
///
/// `loc` must come from `telldir` on the same stream.
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seekdir(d: *mut DIR, loc: c_long) {
    if !d.is_null() {
        // SAFETY: a live stream (caller contract).
        let _ = Sys::dir_seek(unsafe { &mut (*d).stream }, loc as u64);
    }
}

/// [dirfd](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dirfd.html)
///
/// # Safety
/// `d` must be a stream from `opendir`/`fdopendir`, not yet closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dirfd(d: *mut DIR) -> c_int {
    if d.is_null() {
        return Err::<c_int, Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: a live stream (caller contract).
    unsafe { (*d).fd }
}
