//! `print!`-style macros over stdout and stderr.
//!
//! [`crate::print!`], [`crate::println!`], [`crate::eprint!`] and
//! [`crate::eprintln!`] format into a 256-byte buffer on the stack and write
//! it out when full and at the end, so a short line is one host call and
//! nothing is allocated. Write errors are ignored, as a closed stdout should
//! not end a `no_std` program (write with [`crate::io::write_all`] to see
//! them).
//!
//! ```
//! wasm_libc::println!("{} lines, {} bytes", 3, 42);
//! wasm_libc::eprintln!("warning: {}", "disk almost full");
//! ```

use crate::io::{RawFd, write_all};
use core::fmt;

/// Formats into a stack buffer, writing it to a descriptor when full and on
/// [`LineWriter::finish`]. Used by the print macros; usable on its own for
/// any descriptor.
///
/// ```
/// use core::fmt::Write;
/// use wasm_libc::print::LineWriter;
///
/// let mut w = LineWriter::new(wasm_libc::io::STDOUT);
/// write!(w, "{}-{}", "a", 1).unwrap();
/// w.finish()?;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub struct LineWriter {
    fd: RawFd,
    len: usize,
    buf: [u8; 256],
    error: Option<crate::Errno>,
}

impl LineWriter {
    /// An empty buffer in front of `fd`.
    ///
    /// ```
    /// let w = wasm_libc::print::LineWriter::new(wasm_libc::io::STDERR);
    /// # let _ = w;
    /// ```
    pub const fn new(fd: RawFd) -> LineWriter {
        LineWriter {
            fd,
            len: 0,
            buf: [0; 256],
            error: None,
        }
    }

    fn flush(&mut self) {
        if self.len > 0
            && self.error.is_none()
            && let Err(e) = write_all(self.fd, &self.buf[..self.len])
        {
            self.error = Some(e);
        }
        self.len = 0;
    }

    /// Writes what is buffered; returns the first write error, if any.
    ///
    /// ```
    /// use core::fmt::Write;
    /// let mut w = wasm_libc::print::LineWriter::new(wasm_libc::io::STDOUT);
    /// w.write_str("done\n").unwrap();
    /// w.finish()?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn finish(mut self) -> crate::Result<()> {
        self.flush();
        self.error.map_or(Ok(()), Err)
    }
}

impl fmt::Write for LineWriter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut s = s.as_bytes();
        while !s.is_empty() {
            if self.len == self.buf.len() {
                self.flush();
            }
            let n = s.len().min(self.buf.len() - self.len);
            self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
            self.len += n;
            s = &s[n..];
        }
        Ok(())
    }
}

#[doc(hidden)]
pub fn _print(fd: RawFd, args: fmt::Arguments<'_>) {
    let mut w = LineWriter::new(fd);
    let _ = fmt::write(&mut w, args);
    let _ = w.finish();
}

/// Prints to stdout (like `std::print!`).
///
/// ```
/// wasm_libc::print!("no newline, ");
/// wasm_libc::print!("{}\n", "then one");
/// ```
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::print::_print($crate::io::STDOUT, ::core::format_args!($($arg)*))
    };
}

/// Prints a line to stdout (like `std::println!`).
///
/// ```
/// wasm_libc::println!();
/// wasm_libc::println!("{:>5}", 42);
/// ```
#[macro_export]
macro_rules! println {
    () => {
        $crate::print::_print($crate::io::STDOUT, ::core::format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::print::_print(
            $crate::io::STDOUT,
            ::core::format_args!("{}\n", ::core::format_args!($($arg)*)),
        )
    };
}

/// Prints to stderr (like `std::eprint!`).
///
/// ```
/// wasm_libc::eprint!("progress: {}%\r", 50);
/// ```
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {
        $crate::print::_print($crate::io::STDERR, ::core::format_args!($($arg)*))
    };
}

/// Prints a line to stderr (like `std::eprintln!`).
///
/// ```
/// wasm_libc::eprintln!("error: {}", "file not found");
/// ```
#[macro_export]
macro_rules! eprintln {
    () => {
        $crate::print::_print($crate::io::STDERR, ::core::format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::print::_print(
            $crate::io::STDERR,
            ::core::format_args!("{}\n", ::core::format_args!($($arg)*)),
        )
    };
}
