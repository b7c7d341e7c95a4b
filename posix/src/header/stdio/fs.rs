//! The file-system calls of stdio: opening by path, `remove`, `tmpfile`.
//! (`rename` lives with `unlinkat`/`renameat` in `unistd/fs.rs`; stdio.h
//! only declares it.)

use libc_core::path;
use libc_core::{Errno, Pal, PalFs, Sys};

/// `open(path, oflags)`, resolved like `open` (working directory, pre-opens).
pub(crate) fn open(p: &[u8], oflags: i32) -> Result<i32, Errno> {
    let r = path::resolve(p)?;
    Sys::openat(r.fd(), r.rel(), oflags)
}

/// `remove(path)`: unlink a file, or else remove an empty directory (like
/// wasi-libc, which also tries the directory on `ENOTCAPABLE`).
pub(crate) fn remove(p: &[u8]) -> Result<(), Errno> {
    let r = path::resolve(p)?;
    match Sys::unlinkat(r.fd(), r.rel()) {
        Err(e @ (Errno::EISDIR | Errno::EPERM | Errno::ENOTCAPABLE)) => {
            match Sys::rmdirat(r.fd(), r.rel()) {
                Err(Errno::ENOTDIR) => Err(e),
                x => x,
            }
        }
        x => x,
    }
}

/// A descriptor for an anonymous read/write file: a fresh name, created
/// exclusively, then unlinked. Tried under `/tmp`, then in the working
/// directory (WASI hosts often pre-open only that).
pub(crate) fn tmpfile_fd() -> Result<i32, Errno> {
    use libc_core::types::{O_CREAT, O_EXCL, O_RDWR};
    let mut name = *b"/tmp/tmpf-XXXXXXXXXXXX";
    let mut last = Errno::EEXIST;
    for attempt in 0..8 {
        let mut rnd = [0u8; 12];
        Sys::random(&mut rnd)?;
        for (c, r) in name[10..].iter_mut().zip(rnd) {
            *c = b"abcdefghijklmnopqrstuvwxyz012345"[(r & 31) as usize];
        }
        // Even attempts under /tmp, odd ones in the working directory.
        let p: &[u8] = if attempt % 2 == 0 { &name } else { &name[5..] };
        match open(p, O_CREAT | O_EXCL | O_RDWR) {
            Ok(fd) => {
                let _ = remove(p);
                return Ok(fd);
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}
