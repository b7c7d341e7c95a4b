//! Streams that are no descriptor: `fopencookie` (glibc), and through it
//! the memory streams (`fmemopen`, `open_memstream`, `open_wmemstream`).
//!
//! A `FILE` whose `cookie` is not null sends its reads, writes, seeks and
//! its close to the four functions of its [`Cookie`] instead of the host;
//! everything else (buffering, `ungetc`, printf, ...) is the same code as
//! for a descriptor. The `dev_*` methods are the one place that picks: a
//! null test in front of each host call, and the cookie side reached
//! through the [`Ops`] table that only `open_cookie` names, so a program
//! that never opens a cookie stream links none of it (printf hello grows by
//! the test and an indirect call).

use super::file::{_IO_FILE, FILE};
use crate::platform::{c_char, c_int, c_void, off_t, size_t, ssize_t};
use core::ffi::CStr;
use libc_core::errno::get_errno;
use libc_core::types::Whence;
use libc_core::{Errno, OrNullErrno, Pal, Sys};

/// `cookie_read_function_t`.
pub type cookie_read_function_t = unsafe extern "C" fn(*mut c_void, *mut c_char, size_t) -> ssize_t;
/// `cookie_write_function_t`.
pub type cookie_write_function_t =
    unsafe extern "C" fn(*mut c_void, *const c_char, size_t) -> ssize_t;
/// `cookie_seek_function_t` (the offset is `off64_t`, which is `off_t` here).
pub type cookie_seek_function_t = unsafe extern "C" fn(*mut c_void, *mut off_t, c_int) -> c_int;
/// `cookie_close_function_t`.
pub type cookie_close_function_t = unsafe extern "C" fn(*mut c_void) -> c_int;

/// `cookie_io_functions_t` (glibc's layout); any of them may be null.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct cookie_io_functions_t {
    pub read: Option<cookie_read_function_t>,
    pub write: Option<cookie_write_function_t>,
    pub seek: Option<cookie_seek_function_t>,
    pub close: Option<cookie_close_function_t>,
}

/// What a cookie stream's `FILE` points to (malloc'd, freed by `fclose`).
#[repr(C)]
pub(crate) struct Cookie {
    /// Always `cookie_write` (first, one load from the `FILE`'s pointer).
    write: unsafe fn(*mut Cookie, *const u8, usize) -> i32,
    /// Always [`OPS`]: through these the descriptor paths reach the
    /// cookie code without naming it.
    ops: &'static Ops,
    pub(crate) cookie: *mut c_void,
    pub(crate) io: cookie_io_functions_t,
}

/// The cookie side of the `dev_*` methods.
struct Ops {
    read: unsafe fn(*mut Cookie, &mut [u8]) -> Result<usize, Errno>,
    seek: unsafe fn(*mut Cookie, i64, Whence) -> Result<u64, Errno>,
    close: unsafe fn(*mut Cookie) -> Result<(), Errno>,
}

static OPS: Ops = Ops {
    read: cookie_read,
    seek: cookie_seek,
    close: cookie_close,
};

/// The error a cookie function reported through `errno` (EIO if none).
fn cookie_err() -> Errno {
    let e = get_errno();
    if e.0 == 0 { Errno::EIO } else { e }
}

impl _IO_FILE {
    /// Writes all of `data` to the descriptor or the cookie: 0 or an
    /// error number (one register for both paths; the backends never
    /// report an error number of 0, and `cookie_write` maps it to EIO).
    #[inline(always)]
    pub(crate) fn dev_write(&mut self, data: &[u8]) -> i32 {
        let c = self.cookie;
        if !c.is_null() {
            // SAFETY: a cookie stream's `cookie` is live until `fclose`.
            return unsafe { ((*c).write)(c, data.as_ptr(), data.len()) };
        }
        match Sys::write_all(self.fd, data) {
            Ok(()) => 0,
            Err(e) => e.0,
        }
    }

    /// Reads into `buf` from the descriptor or the cookie; 0 at end of file.
    #[inline(always)]
    pub(crate) fn dev_read(&mut self, buf: &mut [u8]) -> Result<usize, Errno> {
        if !self.cookie.is_null() {
            // SAFETY: as in `dev_write`.
            return unsafe { ((*self.cookie).ops.read)(self.cookie, buf) };
        }
        Sys::read(self.fd, buf)
    }

    /// Moves the descriptor's or the cookie's position; the new position.
    #[inline(always)]
    pub(crate) fn dev_seek(&mut self, off: i64, whence: Whence) -> Result<u64, Errno> {
        if !self.cookie.is_null() {
            // SAFETY: as in `dev_write`.
            return unsafe { ((*self.cookie).ops.seek)(self.cookie, off, whence) };
        }
        Sys::lseek(self.fd, off, whence)
    }

    /// Closes the descriptor, or calls the cookie's close and frees it.
    #[inline(always)]
    pub(crate) fn dev_close(&mut self) -> Result<(), Errno> {
        let c = self.cookie;
        if !c.is_null() {
            self.cookie = core::ptr::null_mut();
            // SAFETY: as in `dev_write`; not used again.
            return unsafe { ((*c).ops.close)(c) };
        }
        Sys::close(self.fd)
    }
}

/// # Safety
/// `c` is a live cookie.
#[cold]
unsafe fn cookie_write(c: *mut Cookie, p: *const u8, len: usize) -> i32 {
    // SAFETY: caller contract.
    let (c, mut data) = unsafe { (&*c, core::slice::from_raw_parts(p, len)) };
    // No write function: the output is discarded (glibc).
    let Some(w) = c.io.write else { return 0 };
    while !data.is_empty() {
        // SAFETY: the C contract of the cookie function.
        let n = unsafe { w(c.cookie, data.as_ptr().cast(), data.len()) };
        if n <= 0 {
            return cookie_err().0;
        }
        data = data.get(n as usize..).unwrap_or(&[]);
    }
    0
}

/// # Safety
/// `c` is a live cookie.
#[cold]
unsafe fn cookie_read(c: *mut Cookie, buf: &mut [u8]) -> Result<usize, Errno> {
    // SAFETY: caller contract.
    let c = unsafe { &*c };
    // No read function: always end of file (glibc).
    let Some(r) = c.io.read else { return Ok(0) };
    // SAFETY: the C contract of the cookie function.
    let n = unsafe { r(c.cookie, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(cookie_err())
    } else {
        Ok((n as usize).min(buf.len()))
    }
}

/// # Safety
/// `c` is a live cookie.
#[cold]
unsafe fn cookie_seek(c: *mut Cookie, off: i64, whence: Whence) -> Result<u64, Errno> {
    // SAFETY: caller contract.
    let c = unsafe { &*c };
    let Some(s) = c.io.seek else {
        return Err(Errno::ESPIPE);
    };
    let w = match whence {
        Whence::Set => super::SEEK_SET,
        Whence::Cur => super::SEEK_CUR,
        Whence::End => super::SEEK_END,
    };
    let mut pos: off_t = off;
    // SAFETY: the C contract of the cookie function.
    if unsafe { s(c.cookie, &mut pos, w) } < 0 {
        return Err(cookie_err());
    }
    Ok(pos as u64)
}

/// # Safety
/// `c` is a live cookie; it is freed.
#[cold]
unsafe fn cookie_close(c: *mut Cookie) -> Result<(), Errno> {
    // SAFETY: caller contract.
    let (cookie, close) = unsafe { ((*c).cookie, (*c).io.close) };
    // SAFETY: malloc'd by `open_cookie`; not used again.
    unsafe { wasm_libc_alloc::free(c.cast()) };
    match close {
        // SAFETY: the C contract of the cookie function.
        Some(f) if unsafe { f(cookie) } < 0 => Err(cookie_err()),
        _ => Ok(()),
    }
}

/// Opens a stream over `io` with stream flags from `mode`.
pub(crate) fn open_cookie(
    cookie: *mut c_void,
    mode: &[u8],
    io: cookie_io_functions_t,
) -> Result<*mut FILE, Errno> {
    let (_, flags) = super::file::parse_mode(mode).ok_or(Errno::EINVAL)?;
    let c = wasm_libc_alloc::malloc(core::mem::size_of::<Cookie>()).cast::<Cookie>();
    if c.is_null() {
        return Err(Errno::ENOMEM);
    }
    // SAFETY: c is a fresh block large enough for a Cookie.
    unsafe {
        c.write(Cookie {
            write: cookie_write,
            ops: &OPS,
            cookie,
            io,
        })
    };
    match super::file::alloc_file(-1, flags) {
        Ok(f) => {
            // SAFETY: a fresh stream.
            unsafe { (*f).cookie = c };
            Ok(f)
        }
        Err(e) => {
            // SAFETY: ours, unused.
            unsafe { wasm_libc_alloc::free(c.cast()) };
            Err(e)
        }
    }
}

/// [fopencookie](https://man7.org/linux/man-pages/man3/fopencookie.3.html) (glibc)
///
/// A stream whose I/O calls the four functions of `io` with `cookie`;
/// fully buffered. A null `read` reads end of file, a null `write`
/// discards output, a null `seek` makes seeking fail (`ESPIPE`). Mode `a`
/// does not seek: appending is the cookie's business. (C passes `io` by
/// value, which the wasm32 C ABI does as a pointer to a copy.)
///
/// # Safety
/// `mode` is NUL-terminated; `io` points to the functions (C: by value).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopencookie(
    cookie: *mut c_void,
    mode: *const c_char,
    io: *const cookie_io_functions_t,
) -> *mut FILE {
    // SAFETY: caller contract.
    let (mode, io) = unsafe { (CStr::from_ptr(mode).to_bytes(), *io) };
    open_cookie(cookie, mode, io).or_null_errno()
}
