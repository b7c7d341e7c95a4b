//! `stdio.h`: buffering (`setvbuf`, `setbuf`, `setbuffer`, `setlinebuf`) and
//! the stream locks (no-ops: one thread).

use super::*;

/// [setvbuf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setvbuf.html)
///
/// A user buffer of more than 8 bytes is used (8 bytes of it are reserved
/// for `ungetc`); otherwise the stream keeps its own. Pending output is
/// written first if the stream was already used.
///
/// # Safety
/// `f` is a live stream; `buf` is NULL or valid for `size` bytes for the
/// stream's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setvbuf(
    f: *mut FILE,
    buf: *mut c_char,
    mode: c_int,
    size: size_t,
) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let flag = match mode {
        _IOFBF => 0,
        _IOLBF => F_LBF,
        _IONBF => F_NBF,
        _ => return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno(),
    };
    if fr.flush().is_err() {
        return EOF;
    }
    fr.mode = Mode::Idle;
    fr.flags = (fr.flags & !(F_LBF | F_NBF | F_TTYCHK)) | flag;
    if !buf.is_null() && size > UNGET && mode != _IONBF {
        fr.buf = buf.cast();
        fr.cap = size - UNGET;
        fr.flags |= F_USERBUF;
    } else if fr.flags & F_USERBUF != 0 {
        // A later call without a buffer: stop using the user's (which the
        // program may free) and take the stream's own back.
        (fr.buf, fr.cap) = file::own_buffer(f);
        fr.flags &= !F_USERBUF;
    }
    0
}

/// [setbuf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setbuf.html)
///
/// # Safety
/// `f` is a live stream; `buf` is NULL or `BUFSIZ` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuf(f: *mut FILE, buf: *mut c_char) {
    let mode = if buf.is_null() { _IONBF } else { _IOFBF };
    // SAFETY: caller contract.
    unsafe { setvbuf(f, buf, mode, BUFSIZ as size_t) };
}

/// `setbuffer` (BSD): `setvbuf` with an explicit size.
///
/// # Safety
/// As for [`setvbuf`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuffer(f: *mut FILE, buf: *mut c_char, size: size_t) {
    let mode = if buf.is_null() { _IONBF } else { _IOFBF };
    // SAFETY: caller contract.
    unsafe { setvbuf(f, buf, mode, size) };
}

/// `setlinebuf` (BSD): makes `f` line-buffered.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlinebuf(f: *mut FILE) {
    // SAFETY: caller contract.
    unsafe { setvbuf(f, core::ptr::null_mut(), _IOLBF, 0) };
}

/// [flockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/flockfile.html)
///
/// Without threads a no-op (one thread per instance). On p1-threads takes
/// the stream's recursive lock, the one every stdio function holds for its
/// call.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn flockfile(f: *mut FILE) {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    unsafe {
        (*f).lock.lock()
    };
    let _ = f;
}

/// [funlockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/funlockfile.html)
///
/// Without threads a no-op. On p1-threads gives one level of the stream's
/// lock back (nothing when the caller does not hold it).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn funlockfile(f: *mut FILE) {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    unsafe {
        (*f).lock.unlock();
    }
    let _ = f;
}

/// [ftrylockfile](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftrylockfile.html)
///
/// Without threads always 0. On p1-threads 0 when the lock was taken (free
/// or already the caller's), non-zero when another thread holds it.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftrylockfile(f: *mut FILE) -> c_int {
    #[cfg(wasm_threads)]
    // SAFETY: caller contract.
    return unsafe { !(*f).lock.try_lock() } as c_int;
    #[cfg(not(wasm_threads))]
    {
        let _ = f;
        0
    }
}
