//! `stdio.h`: buffered streams, the printf family and the scanf family.
//!
//! The C functions sit in one file per section of the header: `open`,
//! `input`, `output`, `seek`, `status`, `buffering`, `files`, `print` (the
//! printf family's entry points), `scan` (the scanf family's); this file
//! holds the types, constants and standard streams.
//!
//! `FILE` and its buffering live in [`file`], the printf engine in
//! [`printf`] (floats in [`float`] over the exact decimal arithmetic of
//! [`big`]), the scanf engine in [`scanf`]. Variadic functions take the
//! wasm32 va-buffer pointer as an explicit last parameter (see
//! `docs/design.md`); the header declares their real `...` prototypes, and
//! the `v` forms take the `va_list` (that same pointer).

mod big;
pub(crate) mod cookie;
mod ext;
pub(crate) mod file;
mod float;
mod fs;
pub(crate) mod memstream;
pub(crate) mod printf;
pub(crate) mod scanf;
mod strtod;
mod unlocked;
pub(crate) mod va;

// The C functions, one file per group (the sections of the header).
mod buffering;
mod files;
mod input;
mod open;
mod output;
mod print;
mod scan;
mod seek;
mod status;

pub use buffering::*;
pub use files::*;
pub use input::*;
pub use open::*;
pub use output::*;
pub use print::*;
pub use scan::*;
pub use seek::*;
pub use status::*;

pub use file::{_IO_FILE, FILE, FilePtr};

use crate::platform::{c_char, c_int, c_long, c_void, off_t, size_t, ssize_t};
use core::ffi::CStr;
use file::{F_EOF, F_ERR, F_LBF, F_NBF, F_TTYCHK, F_USERBUF, IoErr, Mode, UNGET};
use libc_core::types::Whence;
use libc_core::{Errno, OrMinusOneErrno, OrNullErrno, Pal, Sys};
use printf::{FloatConv, Sink, float_conv, no_float};
use va::{Args, VaList};

/// `va_list` on wasm32: a pointer into the caller's argument buffer.
pub type va_list = *mut c_char;

/// Size of the buffer `setbuf` expects.
pub const BUFSIZ: c_int = 1024;
/// `setvbuf` modes.
pub const _IOFBF: c_int = 0;
pub const _IOLBF: c_int = 1;
pub const _IONBF: c_int = 2;
pub const SEEK_SET: c_int = 0;
pub const SEEK_CUR: c_int = 1;
pub const SEEK_END: c_int = 2;
/// Longest path `fopen` accepts.
pub const FILENAME_MAX: c_int = 4096;
/// Streams that can be open at once (bounded by the descriptor table).
pub const FOPEN_MAX: c_int = 1000;
/// Size of a `tmpnam` buffer.
#[allow(non_upper_case_globals)]
pub const L_tmpnam: c_int = 20;
/// Distinct names `tmpnam` can produce.
pub const TMP_MAX: c_int = 10000;
/// Size of a `ctermid` buffer.
#[allow(non_upper_case_globals)]
pub const L_ctermid: c_int = 20;
const _: () = assert!(
    SEEK_SET == libc_core::types::SEEK_SET
        && SEEK_CUR == libc_core::types::SEEK_CUR
        && SEEK_END == libc_core::types::SEEK_END
);

/// The standard streams (C: `extern FILE *const stdin;` ...).
#[unsafe(no_mangle)]
pub static stdin: FilePtr = FilePtr(file::STDIN_FILE.as_ptr());
#[unsafe(no_mangle)]
pub static stdout: FilePtr = FilePtr(file::STDOUT_FILE.as_ptr());
#[unsafe(no_mangle)]
pub static stderr: FilePtr = FilePtr(file::STDERR_FILE.as_ptr());

/// File position for `fgetpos`/`fsetpos`.
#[repr(C)]
pub struct fpos_t {
    pub __pos: off_t,
}

const EOF: c_int = -1;

/// The stream behind a C `FILE *`.
///
/// # Safety
/// `f` is a live stream (C contract).
#[inline]
unsafe fn file<'a>(f: *mut FILE) -> &'a mut FILE {
    // SAFETY: caller contract; single-threaded.
    unsafe { &mut *f }
}

/// # Safety
/// `s` is NUL-terminated.
unsafe fn cstr<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe { CStr::from_ptr(s) }.to_bytes()
}
