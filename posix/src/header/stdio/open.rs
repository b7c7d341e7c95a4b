//! `stdio.h`: opening and closing streams (`fopen`, `fdopen`, `freopen`,
//! `fclose`), `fflush`, `fileno`.

use super::*;

/// [fopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fopen.html)
///
/// Modes `r w a` with `+`, `b` (ignored), `x` (exclusive) and `e`
/// (ignored: no exec). Fully buffered (line-buffered on a terminal).
///
/// # Safety
/// `path` and `mode` are NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: NUL-terminated (caller contract).
    let (path, mode) = unsafe { (cstr(path), cstr(mode)) };
    open_file(path, mode).or_null_errno()
}

pub(super) fn open_file(path: &[u8], mode: &[u8]) -> Result<*mut FILE, Errno> {
    let (oflags, flags) = file::parse_mode(mode).ok_or(Errno::EINVAL)?;
    if path.is_empty() {
        return Err(Errno::ENOENT);
    }
    let fd = fs::open(path, oflags)?;
    file::alloc_file(fd, flags | F_TTYCHK).inspect_err(|_| {
        let _ = Sys::close(fd);
    })
}

/// [fdopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fdopen.html)
///
/// # Safety
/// `mode` is NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut FILE {
    // SAFETY: NUL-terminated (caller contract).
    let mode = unsafe { cstr(mode) };
    let r = match file::parse_mode(mode) {
        None => Err(Errno::EINVAL),
        Some(_) if fd < 0 => Err(Errno::EBADF),
        Some((_, flags)) => file::alloc_file(fd, flags | F_TTYCHK),
    };
    r.or_null_errno()
}

/// [freopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freopen.html)
///
/// With a path, the old descriptor is closed and the new file gets the
/// lowest free descriptor (WASI has no `dup2`, so `fileno` may change).
/// With a NULL path the descriptor is kept and only the stream's mode
/// changes (WASI cannot change a descriptor's access rights).
///
/// # Safety
/// `path` is NULL or NUL-terminated; `mode` NUL-terminated; `f` a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen(
    path: *const c_char,
    mode: *const c_char,
    f: *mut FILE,
) -> *mut FILE {
    // SAFETY: a live stream (caller contract), until the block's end (the
    // lock is given back before `close_stream` may free the stream).
    let g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let (fr, mode) = unsafe { (file(f), cstr(mode)) };
    let _ = fr.flush();
    let r = (|| {
        let (oflags, flags) = file::parse_mode(mode).ok_or(Errno::EINVAL)?;
        if !path.is_null() {
            let _ = fr.dev_close();
            // SAFETY: NUL-terminated (caller contract).
            let p = unsafe { cstr(path) };
            if p.is_empty() {
                return Err(Errno::ENOENT);
            }
            fr.fd = fs::open(p, oflags)?;
        }
        let keep = fr.flags & (file::F_STATIC | file::F_LISTED | F_USERBUF);
        fr.flags = keep | flags | F_TTYCHK;
        fr.mode = Mode::Idle;
        fr.wpos = 0;
        fr.rpos = UNGET;
        fr.rend = UNGET;
        Ok(f)
    })();
    drop(g);
    if r.is_err() {
        // The stream is closed on failure (ISO C).
        // SAFETY: f is live; after this it is gone.
        let _ = unsafe { close_stream(f) };
    }
    r.or_null_errno()
}

/// Flushes, unlists, closes and frees `f`.
///
/// # Safety
/// `f` is a live stream; it is dangling afterwards (unless static).
pub(super) unsafe fn close_stream(f: *mut FILE) -> Result<(), Errno> {
    let (r, c) = {
        // SAFETY: a live stream (caller contract); the lock is given back
        // before the stream is freed.
        let _g = unsafe { file::guard(f) };
        // SAFETY: caller contract.
        let fr = unsafe { file(f) };
        let r = fr.flush();
        let c = fr.dev_close();
        fr.mode = Mode::Idle;
        (r, c)
    };
    file::unlist(f);
    // SAFETY: off the list; not used again.
    unsafe { file::free_file(f) };
    r.and(c)
}

/// [fclose](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fclose.html)
///
/// # Safety
/// `f` is a live stream; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fclose(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { close_stream(f) }.or_minus_one_errno()
}

/// [fflush](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fflush.html)
///
/// `fflush(NULL)` flushes every stream. On an input stream, unread
/// buffered input is dropped and the descriptor moved back over it.
///
/// # Safety
/// `f` is NULL or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush(f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = (!f.is_null()).then(|| unsafe { file::guard(f) });
    if f.is_null() {
        return file::flush_all().map_err(Errno::from).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    unsafe { file(f) }.flush().or_minus_one_errno()
}

/// [fileno](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fileno.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno(f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { file(f) }.fd
}
