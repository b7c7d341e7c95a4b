//! `limits.h`: the POSIX limits. The C ones (`CHAR_BIT`, `INT_MAX`, ...)
//! come from clang's `limits.h`, which includes this one.

use crate::platform::c_int;

/// Longest path (bytes, with the NUL) the library accepts.
pub const PATH_MAX: c_int = 4096;
/// Longest file name component.
pub const NAME_MAX: c_int = 255;
/// Most `iovec`s in one `readv`/`writev`.
pub const IOV_MAX: c_int = 1024;
/// Largest `ssize_t` (`long` on wasm32).
pub const SSIZE_MAX: isize = 2147483647;
const _: () = assert!(SSIZE_MAX == isize::MAX);
/// Bytes written atomically to a pipe.
pub const PIPE_BUF: c_int = 4096;
/// Longest `argv` plus `environ`.
pub const ARG_MAX: c_int = 131072;
/// Longest host name (`gethostname`).
pub const HOST_NAME_MAX: c_int = 255;
/// Longest login name.
pub const LOGIN_NAME_MAX: c_int = 256;
/// Longest time zone name.
pub const TZNAME_MAX: c_int = 6;
/// Longest text line for the utilities.
pub const LINE_MAX: c_int = 4096;
/// Most supplementary groups.
pub const NGROUPS_MAX: c_int = 32;
/// Symbolic links followed in one path.
pub const SYMLOOP_MAX: c_int = 40;
/// Largest `atexit` count (the library's table size).
pub const ATEXIT_MAX: c_int = 32;
const _: () = assert!(ATEXIT_MAX as usize == crate::header::stdlib::ATEXIT_MAX);
/// Bytes in a `nl_langinfo`-style multibyte character (UTF-8).
pub const MB_LEN_MAX: c_int = 4;
/// Bits needed to represent a file size (`off_t` is 64-bit).
pub const FILESIZEBITS: c_int = 64;
/// Most `struct iovec` elements (XSI name).
pub const UIO_MAXIOV: c_int = 1024;
/// Page size of wasm linear memory.
pub const PAGESIZE: c_int = 65536;
/// Same as [`PAGESIZE`].
pub const PAGE_SIZE: c_int = 65536;
/// Longest terminal name (WASI has no terminals; the POSIX minimum).
pub const TTY_NAME_MAX: c_int = 32;
/// `NZERO`: default nice value.
pub const NZERO: c_int = 20;
/// `_POSIX_PATH_MAX` etc.: POSIX's minimum values.
pub const _POSIX_PATH_MAX: c_int = 256;
pub const _POSIX_NAME_MAX: c_int = 14;
pub const _POSIX_ARG_MAX: c_int = 4096;
pub const _POSIX_SSIZE_MAX: c_int = 32767;
pub const _POSIX_OPEN_MAX: c_int = 20;
pub const _POSIX_PIPE_BUF: c_int = 512;
pub const _POSIX_HOST_NAME_MAX: c_int = 255;
pub const _XOPEN_IOV_MAX: c_int = 16;
pub const _POSIX2_LINE_MAX: c_int = 2048;
