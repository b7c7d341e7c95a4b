//! `stdio.h`: `perror`, `remove`, temporary files and the process streams
//! this platform lacks (`tmpfile`, `tmpnam`, `popen`, `pclose`).

use super::*;

/// [perror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/perror.html)
///
/// # Safety
/// `s` is NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn perror(s: *const c_char) {
    let e = libc_core::errno::get_errno();
    let msg = e.message().map_or(&b"Unknown error"[..], |m| m.to_bytes());
    // SAFETY: stderr is a live static stream; `s` per caller contract.
    let fr = unsafe { file(stderr.0) };
    // One write for the whole line (stderr is unbuffered).
    let mut line = [0u8; 256];
    let mut n = 0;
    let mut push = |b: &[u8]| n += file::copy_into(&mut line, n, b);
    if !s.is_null() {
        // SAFETY: NUL-terminated (caller contract).
        let s = unsafe { cstr(s) };
        if !s.is_empty() {
            push(s);
            push(b": ");
        }
    }
    push(msg);
    push(b"\n");
    let _ = fr.write_bytes(line.get(..n).unwrap_or(&line));
}

/// [remove](https://pubs.opengroup.org/onlinepubs/9799919799/functions/remove.html)
///
/// A file is unlinked, an empty directory removed.
///
/// # Safety
/// `path` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    // SAFETY: caller contract.
    fs::remove(unsafe { cstr(path) }).or_minus_one_errno()
}

/// [tmpfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpfile.html)
///
/// A fresh file under `/tmp`, or in the working directory when `/tmp` is
/// not pre-opened, unlinked right away.
#[unsafe(no_mangle)]
pub extern "C" fn tmpfile() -> *mut FILE {
    fs::tmpfile_fd()
        .and_then(|fd| file::alloc_file(fd, 0))
        .or_null_errno()
}

/// [tmpnam](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tmpnam.html)
///
/// Always fails (NULL, `ENOSYS`): WASI has no shared temporary directory.
#[unsafe(no_mangle)]
pub extern "C" fn tmpnam(_s: *mut c_char) -> *mut c_char {
    Err::<*mut c_char, Errno>(Errno::ENOSYS).or_null_errno()
}

/// [popen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/popen.html)
///
/// Always fails (NULL, `ENOSYS`): WASI cannot start processes.
#[unsafe(no_mangle)]
pub extern "C" fn popen(_cmd: *const c_char, _mode: *const c_char) -> *mut FILE {
    Err::<*mut FILE, Errno>(Errno::ENOSYS).or_null_errno()
}

/// [pclose](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pclose.html)
///
/// Always fails (`ENOSYS`): WASI cannot start processes.
#[unsafe(no_mangle)]
pub extern "C" fn pclose(_f: *mut FILE) -> c_int {
    Err::<(), Errno>(Errno::ENOSYS).or_minus_one_errno()
}
