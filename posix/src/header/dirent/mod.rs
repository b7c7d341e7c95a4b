//! `dirent.h`
//!
//! `.` and `..` are listed first on both backends. `d_ino` is the host's
//! inode number on p1 and the low half of the entry's `metadata-hash` on p2
//! (the same number `stat` gives as `st_ino`). The order of the other
//! entries is the host's.

use crate::header::sys_types::ino_t;
use crate::platform::{c_char, c_int, c_long};
use libc_core::pal::fs::FileType;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno, Pal, PalFs, Sys};

mod at;
mod versionsort;
pub use at::*;
pub use versionsort::*;

/// `struct dirent`. Names longer than `d_name` are returned in a larger
/// block (read them with `strlen`, not `sizeof`).
#[repr(C)]
pub struct dirent {
    pub d_ino: ino_t,
    pub d_type: u8,
    pub d_name: [c_char; 256],
}

// The values are wasi-libc's, WASI's own file-type numbers (DT_FIFO is
// its socket-stream type, DT_SOCK outside WASI's range), not glibc's:
// code compiled against wasi-libc's ABI hard-codes them, such as Rust's
// precompiled `std` (the `libc` crate's wasi module), whose `read_dir`
// and `remove_dir_all` would otherwise take directories for files.
pub const DT_UNKNOWN: u8 = 0;
pub const DT_BLK: u8 = 1;
pub const DT_CHR: u8 = 2;
pub const DT_DIR: u8 = 3;
pub const DT_REG: u8 = 4;
pub const DT_FIFO: u8 = 6;
pub const DT_LNK: u8 = 7;
pub const DT_SOCK: u8 = 20;

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
    r.or_null_errno()
}

/// [opendir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/opendir.html)
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut DIR {
    // SAFETY: forwarded contract; `AT_FDCWD` resolves `path` like `open`.
    unsafe { opendirat(crate::header::fcntl::AT_FDCWD, path) }
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
        return Err::<*mut dirent, Errno>(Errno::EBADF).or_null_errno();
    }
    // SAFETY: a live stream (caller contract); the borrow ends here.
    let d = unsafe { &mut *d };
    let e = match Sys::dir_read(&mut d.stream) {
        Ok(Some(e)) => e,
        Ok(None) => return core::ptr::null_mut(),
        Err(err) => return Err::<*mut dirent, Errno>(err).or_null_errno(),
    };
    let need = (D_NAME + e.name.len() + 1).max(core::mem::size_of::<dirent>());
    if need > d.ent_cap {
        let p = wasm_libc_alloc::malloc(need) as *mut dirent;
        if p.is_null() {
            return Err::<*mut dirent, Errno>(Errno::ENOMEM).or_null_errno();
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

/// `scandir`'s entry filter.
pub type scandir_filter = Option<unsafe extern "C" fn(*const dirent) -> c_int>;
/// `scandir`'s comparison (`alphasort`, or the program's own).
pub type scandir_compar =
    Option<unsafe extern "C" fn(*mut *const dirent, *mut *const dirent) -> c_int>;

/// [alphasort](https://pubs.opengroup.org/onlinepubs/9799919799/functions/alphasort.html)
///
/// Compares names byte by byte (`strcoll` in the C locale, the only one).
///
/// # Safety
/// Both must point at pointers to valid entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn alphasort(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: caller contract: entries with NUL-terminated names.
    let (x, y) = unsafe {
        (
            core::ffi::CStr::from_ptr((**a).d_name.as_ptr()),
            core::ffi::CStr::from_ptr((**b).d_name.as_ptr()),
        )
    };
    match x.cmp(y) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// [scandir](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scandir.html)
///
/// Reads the directory, keeps the entries `filter` accepts (all when NULL),
/// sorts them with `compar` (a stable merge sort; unsorted when NULL) and
/// returns their count; `*namelist` and each entry are `malloc`ed.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `namelist` valid for a
/// write; `filter` and `compar` callable as declared.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scandir(
    path: *const c_char,
    namelist: *mut *mut *mut dirent,
    filter: scandir_filter,
    compar: scandir_compar,
) -> c_int {
    if namelist.is_null() {
        return Err::<c_int, Errno>(Errno::EFAULT).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    let d = unsafe { opendir(path) };
    if d.is_null() {
        return -1;
    }
    // SAFETY: d is a fresh stream; forwarded contract.
    unsafe { scan_stream(d, namelist, filter, compar) }
}

/// `scandir`'s work on an open stream, which it closes.
///
/// # Safety
/// `d` a live stream; `namelist` writable; the callbacks callable.
pub(crate) unsafe fn scan_stream(
    d: *mut DIR,
    namelist: *mut *mut *mut dirent,
    filter: scandir_filter,
    compar: scandir_compar,
) -> c_int {
    use wasm_libc_alloc::{free, malloc};
    let mut list: *mut *mut dirent = core::ptr::null_mut();
    let (mut n, mut cap) = (0usize, 0usize);
    let result = loop {
        // readdir returns NULL at the end with errno untouched, or on an
        // error with errno set: tell them apart without losing errno.
        let errno = libc_core::errno::errno_location();
        // SAFETY: errno's address is valid; single-threaded.
        let saved = unsafe { errno.replace(0) };
        // SAFETY: d is a live stream.
        let e = unsafe { readdir(d) };
        // SAFETY: as above.
        let err = unsafe { errno.replace(saved) };
        if e.is_null() {
            break if err == 0 { Ok(()) } else { Err(Errno(err)) };
        }
        // SAFETY: e is a valid entry; filter is callable (caller contract).
        if let Some(f) = filter
            && unsafe { f(e) } == 0
        {
            continue;
        }
        // SAFETY: e's name is NUL-terminated.
        let len = unsafe { core::ffi::CStr::from_ptr((*e).d_name.as_ptr()) }
            .to_bytes()
            .len();
        let size = (D_NAME + len + 1).max(core::mem::size_of::<dirent>());
        let copy = malloc(size) as *mut dirent;
        if copy.is_null() {
            break Err(Errno::ENOMEM);
        }
        // SAFETY: copy holds size bytes; e holds at least D_NAME + len + 1.
        unsafe {
            core::ptr::copy_nonoverlapping(e as *const u8, copy as *mut u8, D_NAME + len + 1)
        };
        if n == cap {
            cap = (cap * 2).max(16);
            let new = malloc(cap * core::mem::size_of::<*mut dirent>()) as *mut *mut dirent;
            if new.is_null() {
                // SAFETY: ours.
                unsafe { free(copy.cast()) };
                break Err(Errno::ENOMEM);
            }
            // SAFETY: both hold n pointers; the old array is ours.
            unsafe {
                if n > 0 {
                    core::ptr::copy_nonoverlapping(list, new, n);
                }
                free(list.cast());
            }
            list = new;
        }
        // SAFETY: n < cap.
        unsafe { *list.add(n) = copy };
        n += 1;
    };
    // SAFETY: d is live; closed once.
    unsafe { closedir(d) };
    if let Err(e) = result {
        for i in 0..n {
            // SAFETY: our entries.
            unsafe { free((*list.add(i)).cast()) };
        }
        // SAFETY: ours.
        unsafe { free(list.cast()) };
        return Err::<c_int, Errno>(e).or_minus_one_errno();
    }
    if let Some(cmp) = compar {
        // SAFETY: list holds n entries; cmp is callable (caller contract).
        if unsafe { merge_sort(list, n, cmp) }.is_err() {
            for i in 0..n {
                // SAFETY: our entries.
                unsafe { free((*list.add(i)).cast()) };
            }
            // SAFETY: ours.
            unsafe { free(list.cast()) };
            return Err::<c_int, Errno>(Errno::ENOMEM).or_minus_one_errno();
        }
    }
    // SAFETY: namelist is valid (checked non-null; caller contract).
    unsafe { *namelist = list };
    n as c_int
}

/// Sorts `v[..n]` with `cmp`, stably, through a temporary array.
///
/// # Safety
/// `v` holds `n` valid entry pointers; `cmp` is callable on them.
unsafe fn merge_sort(
    v: *mut *mut dirent,
    n: usize,
    cmp: unsafe extern "C" fn(*mut *const dirent, *mut *const dirent) -> c_int,
) -> Result<(), Errno> {
    if n < 2 {
        return Ok(());
    }
    let tmp = wasm_libc_alloc::malloc(n * core::mem::size_of::<*mut dirent>()) as *mut *mut dirent;
    if tmp.is_null() {
        return Err(Errno::ENOMEM);
    }
    let (mut src, mut dst) = (v, tmp);
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            // SAFETY: all indices are below n in both arrays.
            unsafe {
                while i < mid && j < hi {
                    let (a, b) = (src.add(i), src.add(j));
                    if cmp(b.cast(), a.cast()) < 0 {
                        *dst.add(k) = *b;
                        j += 1;
                    } else {
                        *dst.add(k) = *a;
                        i += 1;
                    }
                    k += 1;
                }
                while i < mid {
                    *dst.add(k) = *src.add(i);
                    i += 1;
                    k += 1;
                }
                while j < hi {
                    *dst.add(k) = *src.add(j);
                    j += 1;
                    k += 1;
                }
            }
            lo = hi;
        }
        core::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    if src != v {
        // SAFETY: both hold n pointers.
        unsafe { core::ptr::copy_nonoverlapping(src, v, n) };
    }
    // SAFETY: ours.
    unsafe { wasm_libc_alloc::free(tmp.cast()) };
    Ok(())
}
