//! File descriptors: `read`, `write`, `pread`, `pwrite`, `seek`, `close`.
//!
//! Descriptors are C `int`s ([`RawFd`]), shared with the C library's table:
//! `0`, `1`, `2` are stdin, stdout and stderr; [`crate::fs::open`] hands out
//! [`OwnedFd`]s that close themselves, and the sockets of [`crate::net`] own
//! one each. [`read()`] and [`write()`] work on sockets too.
//!
//! On p2, [`read()`] and [`pread`] receive the bytes through libc-core's
//! caller-buffer slot: the host writes them straight into `buf`, with no
//! allocation and no copy (see [`crate::stats`] to check).
//!
//! ```
//! use wasm_libc::io::{self, STDOUT};
//!
//! io::write_all(STDOUT, b"hello\n")?;
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::{Errno, Result, Sys};
use core::fmt;
use libc_core::Pal;
use libc_core::types::Whence;

/// A file descriptor number, as in C.
///
/// ```
/// let fd: wasm_libc::io::RawFd = wasm_libc::io::STDERR;
/// assert_eq!(fd, 2);
/// ```
pub type RawFd = i32;

/// Standard input.
///
/// ```
/// let mut buf = [0u8; 16];
/// let n = wasm_libc::io::read(wasm_libc::io::STDIN, &mut buf)?;
/// assert!(n <= 16);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub const STDIN: RawFd = 0;

/// Standard output.
///
/// ```
/// wasm_libc::io::write_all(wasm_libc::io::STDOUT, b"out\n")?;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub const STDOUT: RawFd = 1;

/// Standard error.
///
/// ```
/// wasm_libc::io::write_all(wasm_libc::io::STDERR, b"err\n")?;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub const STDERR: RawFd = 2;

/// Reads up to `buf.len()` bytes from `fd` into `buf`.
///
/// Returns the number of bytes read; `Ok(0)` means end of file (or an empty
/// `buf`). Blocks until at least one byte is available. Like C `read`. On p2
/// the host writes into `buf` directly (the caller-buffer slot).
///
/// ```
/// use wasm_libc::io::{read, STDIN};
///
/// let mut buf = [0u8; 4096];
/// let mut total = 0;
/// loop {
///     match read(STDIN, &mut buf)? {
///         0 => break,
///         n => total += n,
///     }
/// }
/// # let _ = total;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[inline]
pub fn read(fd: RawFd, buf: &mut [u8]) -> Result<usize> {
    Sys::read(fd, buf)
}

/// Reads up to `buf.len()` bytes at `offset`, without moving the file
/// position. `ESPIPE` on streams. Like C `pread`.
///
/// ```
/// use wasm_libc::{Errno, io};
///
/// // stdin is a stream: it has no offsets.
/// let mut buf = [0u8; 8];
/// assert_eq!(io::pread(io::STDIN, &mut buf, 0), Err(Errno::ESPIPE));
/// ```
#[inline]
pub fn pread(fd: RawFd, buf: &mut [u8], offset: u64) -> Result<usize> {
    Sys::pread(fd, buf, offset)
}

/// Writes `buf` to `fd`; returns how many bytes were written (all of them
/// unless an error came after a partial write). Like C `write`.
///
/// ```
/// let n = wasm_libc::io::write(wasm_libc::io::STDOUT, b"hi\n")?;
/// assert_eq!(n, 3);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[inline]
pub fn write(fd: RawFd, buf: &[u8]) -> Result<usize> {
    Sys::write(fd, buf)
}

/// Writes all of `buf`, calling [`write()`] until done. A write that makes no
/// progress is `EIO`.
///
/// ```
/// wasm_libc::io::write_all(wasm_libc::io::STDOUT, b"all of it\n")?;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn write_all(fd: RawFd, mut buf: &[u8]) -> Result<()> {
    while !buf.is_empty() {
        match write(fd, buf)? {
            0 => return Err(Errno::EIO),
            n => buf = &buf[n..],
        }
    }
    Ok(())
}

/// Writes `buf` at `offset`, without moving the file position. `ESPIPE` on
/// streams. Like C `pwrite`.
///
/// ```
/// use wasm_libc::{Errno, io};
///
/// assert_eq!(io::pwrite(io::STDOUT, b"x", 0), Err(Errno::ESPIPE));
/// ```
#[inline]
pub fn pwrite(fd: RawFd, buf: &[u8], offset: u64) -> Result<usize> {
    Sys::pwrite(fd, buf, offset)
}

/// Closes `fd`. The descriptor is released even when the host reports an
/// error. Prefer [`OwnedFd`], which closes on drop.
///
/// ```
/// use wasm_libc::{Errno, io};
///
/// assert_eq!(io::close(42), Err(Errno::EBADF));
/// ```
#[inline]
pub fn close(fd: RawFd) -> Result<()> {
    Sys::close(fd)
}

/// Where [`seek`] counts from.
///
/// ```
/// use wasm_libc::io::SeekFrom;
///
/// let rewind = SeekFrom::Start(0);
/// let append = SeekFrom::End(0);
/// # let _ = (rewind, append);
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SeekFrom {
    /// From the start of the file (`SEEK_SET`).
    Start(u64),
    /// From the current position (`SEEK_CUR`).
    Current(i64),
    /// From the end of the file (`SEEK_END`).
    End(i64),
}

/// Moves the file position of `fd`; returns the new position from the start.
/// `ESPIPE` on streams, `EINVAL` for a negative result. Like C `lseek`.
///
/// ```
/// use wasm_libc::{Errno, io::{self, SeekFrom}};
///
/// assert_eq!(io::seek(io::STDIN, SeekFrom::Current(0)), Err(Errno::ESPIPE));
/// ```
pub fn seek(fd: RawFd, pos: SeekFrom) -> Result<u64> {
    let (offset, whence) = match pos {
        SeekFrom::Start(n) => (i64::try_from(n).map_err(|_| Errno::EINVAL)?, Whence::Set),
        SeekFrom::Current(n) => (n, Whence::Cur),
        SeekFrom::End(n) => (n, Whence::End),
    };
    Sys::lseek(fd, offset, whence)
}

/// Whether `fd` is a terminal: `Ok(())` if so, `Err(ENOTTY)` if not,
/// `Err(EBADF)` if it is not open. Like C `isatty`.
///
/// ```
/// let colour = wasm_libc::io::isatty(wasm_libc::io::STDOUT).is_ok();
/// # let _ = colour;
/// ```
#[inline]
pub fn isatty(fd: RawFd) -> Result<()> {
    Sys::isatty(fd)
}

/// A descriptor this program owns: closed when dropped.
///
/// Returned by [`crate::fs::open`]; inside each socket of [`crate::net`].
///
/// ```no_run
/// use wasm_libc::fs::{self, OpenFlags};
///
/// let f = fs::open("data.txt", OpenFlags::READ)?;
/// let mut buf = [0u8; 64];
/// let n = f.read(&mut buf)?;
/// # let _ = n;
/// // closed here
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Debug)]
pub struct OwnedFd(RawFd);

impl OwnedFd {
    /// Takes ownership of `fd`: it will be closed when the result is dropped.
    ///
    /// # Safety
    /// `fd` must be open and owned by nothing else (nothing else will close
    /// or use it), or the drop closes a descriptor someone still uses.
    ///
    /// ```
    /// use wasm_libc::io::{OwnedFd, STDOUT};
    ///
    /// // SAFETY: nothing else uses stdout until it is handed back below.
    /// let out = unsafe { OwnedFd::from_raw(STDOUT) };
    /// out.write(b"borrowed stdout\n")?;
    /// let _ = out.into_raw(); // hand it back: not closed
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub unsafe fn from_raw(fd: RawFd) -> OwnedFd {
        OwnedFd(fd)
    }

    /// The descriptor number, still owned by `self`.
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("a.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// assert!(f.as_raw() > 2);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn as_raw(&self) -> RawFd {
        self.0
    }

    /// Gives up ownership: the descriptor is no longer closed on drop.
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("a.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// let fd = f.into_raw();
    /// wasm_libc::io::close(fd)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn into_raw(self) -> RawFd {
        let fd = self.0;
        core::mem::forget(self);
        fd
    }

    /// [`read()`] on this descriptor.
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("a.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// let mut buf = [0u8; 512];
    /// let n = f.read(&mut buf)?;
    /// # let _ = n;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn read(&self, buf: &mut [u8]) -> Result<usize> {
        read(self.0, buf)
    }

    /// [`write()`] on this descriptor.
    ///
    /// ```no_run
    /// use wasm_libc::fs::{self, OpenFlags};
    ///
    /// let f = fs::open("log.txt", OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::APPEND)?;
    /// f.write(b"one line\n")?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn write(&self, buf: &[u8]) -> Result<usize> {
        write(self.0, buf)
    }

    /// [`write_all`] on this descriptor.
    ///
    /// ```no_run
    /// use wasm_libc::fs::{self, OpenFlags};
    ///
    /// let f = fs::open("out.bin", OpenFlags::WRITE | OpenFlags::CREATE | OpenFlags::TRUNCATE)?;
    /// f.write_all(&[0u8; 10_000])?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn write_all(&self, buf: &[u8]) -> Result<()> {
        write_all(self.0, buf)
    }

    /// [`pread`] on this descriptor.
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("a.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// let mut header = [0u8; 4];
    /// f.pread(&mut header, 0)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn pread(&self, buf: &mut [u8], offset: u64) -> Result<usize> {
        pread(self.0, buf, offset)
    }

    /// [`pwrite`] on this descriptor.
    ///
    /// ```no_run
    /// use wasm_libc::fs::{self, OpenFlags};
    ///
    /// let f = fs::open("a.bin", OpenFlags::READ | OpenFlags::WRITE)?;
    /// f.pwrite(b"\x7fELF", 0)?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn pwrite(&self, buf: &[u8], offset: u64) -> Result<usize> {
        pwrite(self.0, buf, offset)
    }

    /// [`seek`] on this descriptor.
    ///
    /// ```no_run
    /// use wasm_libc::{fs, io::SeekFrom};
    ///
    /// let f = fs::open("a.txt", fs::OpenFlags::READ)?;
    /// let size = f.seek(SeekFrom::End(0))?;
    /// # let _ = size;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn seek(&self, pos: SeekFrom) -> Result<u64> {
        seek(self.0, pos)
    }

    /// Closes the descriptor and reports the host's answer (dropping it
    /// closes too, but ignores errors).
    ///
    /// ```no_run
    /// let f = wasm_libc::fs::open("a.txt", wasm_libc::fs::OpenFlags::READ)?;
    /// f.close()?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn close(self) -> Result<()> {
        close(self.into_raw())
    }
}

impl Drop for OwnedFd {
    fn drop(&mut self) {
        let _ = close(self.0);
    }
}

/// Standard output as a [`core::fmt::Write`] sink (unbuffered: each piece of
/// a `write!` is one host call; [`crate::println!`] batches a line).
///
/// ```
/// use core::fmt::Write;
///
/// writeln!(wasm_libc::io::Stdout, "{} + {} = {}", 1, 2, 1 + 2).unwrap();
/// ```
#[derive(Copy, Clone, Debug, Default)]
pub struct Stdout;

/// Standard error as a [`core::fmt::Write`] sink.
///
/// ```
/// use core::fmt::Write;
///
/// writeln!(wasm_libc::io::Stderr, "warning: {}", "careful").unwrap();
/// ```
#[derive(Copy, Clone, Debug, Default)]
pub struct Stderr;

impl fmt::Write for Stdout {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_all(STDOUT, s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_all(STDERR, s.as_bytes()).map_err(|_| fmt::Error)
    }
}
