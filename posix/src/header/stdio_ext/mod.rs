//! `stdio_ext.h` (glibc, Solaris; also in musl and wasi-libc): looking
//! into a stream's buffer and state.

use super::stdio::FILE;
use super::stdio::file::{F_ERR, F_LBF, F_NORD, F_NOWR, Mode, UNGET};
use crate::platform::{c_char, c_int, size_t};

/// `__fsetlocking` types (glibc's values).
pub const FSETLOCKING_QUERY: c_int = 0;
pub const FSETLOCKING_INTERNAL: c_int = 1;
pub const FSETLOCKING_BYCALLER: c_int = 2;

/// # Safety
/// `f` is a live stream (C contract).
unsafe fn file<'a>(f: *mut FILE) -> &'a mut FILE {
    // SAFETY: caller contract; single-threaded.
    unsafe { &mut *f }
}

/// [__fbufsize](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// the size of the stream's buffer.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fbufsize(f: *mut FILE) -> size_t {
    // SAFETY: caller contract.
    unsafe { file(f) }.cap
}

/// [__fpending](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// bytes of output in the buffer.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpending(f: *mut FILE) -> size_t {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    if fr.mode == Mode::Write { fr.wpos } else { 0 }
}

/// [__flbf](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// nonzero when the stream is line-buffered (stdout decides at its first
/// write, by `isatty`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __flbf(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_LBF != 0) as c_int
}

/// [__freadable](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// nonzero when the stream was opened for reading.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadable(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_NORD == 0) as c_int
}

/// [__fwritable](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// nonzero when the stream was opened for writing.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwritable(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_NOWR == 0) as c_int
}

/// [__freading](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// nonzero when the stream is read-only or its last operation was a read.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freading(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    (fr.flags & F_NOWR != 0 || fr.mode == Mode::Read) as c_int
}

/// [__fwriting](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// nonzero when the stream is write-only or its last operation was a write.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwriting(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    (fr.flags & F_NORD != 0 || fr.mode == Mode::Write) as c_int
}

/// [__fsetlocking](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// always `FSETLOCKING_INTERNAL` (one thread per instance: nothing to lock).
#[unsafe(no_mangle)]
pub extern "C" fn __fsetlocking(_f: *mut FILE, _type: c_int) -> c_int {
    FSETLOCKING_INTERNAL
}

/// [_flushlbf](https://man7.org/linux/man-pages/man3/stdio_ext.3.html):
/// flushes every line-buffered stream.
#[unsafe(no_mangle)]
pub extern "C" fn _flushlbf() {
    super::stdio::file::flush_line_buffered();
}

/// Drops buffered input and output.
fn purge(fr: &mut FILE) {
    fr.wpos = 0;
    fr.rpos = UNGET;
    fr.rend = UNGET;
    fr.mode = Mode::Idle;
}

/// [__fpurge](https://man7.org/linux/man-pages/man3/fpurge.3.html):
/// discards the buffer's contents (unwritten output, unread input).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpurge(f: *mut FILE) {
    // SAFETY: caller contract.
    purge(unsafe { file(f) });
}

/// [fpurge](https://man.freebsd.org/cgi/man.cgi?query=fpurge) (BSD):
/// [`__fpurge`], returning 0.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fpurge(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    purge(unsafe { file(f) });
    0
}

/// `__freadahead` (gnulib, musl): bytes of unread input in the buffer.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadahead(f: *mut FILE) -> size_t {
    // SAFETY: caller contract.
    unsafe { file(f) }.unread().len()
}

/// `__freadptr` (gnulib, musl): the unread input in the buffer and its
/// size, or NULL when there is none.
///
/// # Safety
/// `f` is a live stream; `size` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadptr(f: *mut FILE, size: *mut size_t) -> *const c_char {
    // SAFETY: caller contract.
    let u = unsafe { file(f) }.unread();
    if u.is_empty() {
        return core::ptr::null();
    }
    // SAFETY: caller contract.
    unsafe { *size = u.len() };
    u.as_ptr().cast()
}

/// `__freadptrinc` (gnulib, musl): consumes `inc` bytes of the input
/// [`__freadptr`] showed.
///
/// # Safety
/// `f` is a live stream; `inc` is at most what `__freadahead` reports.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadptrinc(f: *mut FILE, inc: size_t) {
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    fr.rpos += inc.min(fr.unread().len());
}

/// `__fseterr` (gnulib, musl): sets the stream's error indicator.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fseterr(f: *mut FILE) {
    // SAFETY: caller contract.
    unsafe { file(f) }.flags |= F_ERR;
}
