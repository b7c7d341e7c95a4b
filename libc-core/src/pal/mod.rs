//! The backend contract.
//!
//! [`Pal`] ("platform abstraction layer") is everything the C ABI layer needs
//! from a host. Exactly one implementation is compiled in, chosen by the
//! `p1`/`p2` feature. Each method documents its semantics once, here; the
//! backends only say how they meet them.
//!
//! The contract is split by area so that each can grow on its own: [`Pal`]
//! (descriptors, clocks, process) here; further areas get their own trait in
//! their own file under `pal/` (files and directories, sockets), each
//! implemented by both backends in `p1/<area>.rs` and `p2/<area>.rs`, and
//! re-exported from the crate root.
//!
//! Conventions: file descriptors are C `int`s; errors are [`Errno`]s with
//! POSIX meaning; lengths are never checked against the host again by the C
//! layer, so every method validates its own arguments (bad fd: `EBADF`).

use crate::errno::Errno;
use crate::types::{Clock, Whence};

pub mod env;
pub mod fs;
pub use env::PalEnv;
pub use fs::PalFs;
pub mod net;

pub type Result<T> = core::result::Result<T, Errno>;

pub trait Pal {
    /// Reads up to `buf.len()` bytes from `fd` into `buf`; `Ok(0)` at end of
    /// file (or a closed stream). Blocks until at least one byte or EOF.
    /// An empty `buf` returns `Ok(0)` without touching the host, after
    /// checking `fd`. On p2 the bytes are received through the caller-buffer
    /// slot: no allocation, no copy, when the host honours the request.
    fn read(fd: i32, buf: &mut [u8]) -> Result<usize>;

    /// Like `read` but at `offset`, without moving the file position.
    fn pread(fd: i32, buf: &mut [u8], offset: u64) -> Result<usize>;

    /// Writes `buf` to `fd`; returns the number of bytes written (all of
    /// them unless an error occurs after a partial write).
    fn write(fd: i32, buf: &[u8]) -> Result<usize>;

    /// Writes all of `buf` to `fd`, writing again after a short write;
    /// `EIO` when the host takes no bytes. After an error an unknown prefix
    /// of `buf` may have been written (stdio's write path).
    fn write_all(fd: i32, buf: &[u8]) -> Result<()> {
        let mut rest = buf;
        while !rest.is_empty() {
            match Self::write(fd, rest)? {
                0 => return Err(Errno::EIO),
                n => rest = rest.get(n..).unwrap_or(&[]),
            }
        }
        Ok(())
    }

    /// Like `write` but at `offset`, without moving the file position.
    fn pwrite(fd: i32, buf: &[u8], offset: u64) -> Result<usize>;

    /// Closes `fd`. The descriptor is released even if the host reports an
    /// error.
    fn close(fd: i32) -> Result<()>;

    /// Moves the file position; `ESPIPE` on streams.
    fn lseek(fd: i32, offset: i64, whence: Whence) -> Result<u64>;

    /// Whether `fd` refers to a terminal (`ENOTTY` if not, `EBADF` if closed).
    fn isatty(fd: i32) -> Result<()>;

    /// Current time of `clock` in nanoseconds (since the epoch for
    /// `Realtime`, since an arbitrary point for `Monotonic`).
    fn clock_time(clock: Clock) -> Result<u64>;

    /// [`Pal::clock_time`] written to `*out`: `clock_gettime`'s hot path.
    /// A backend whose import takes an out-pointer hands `out` to the host
    /// as is (no stack frame, no intermediate result); the caller passes
    /// the first field of its own `timespec`. On error `*out` may have been
    /// written.
    ///
    /// # Safety
    /// `out` must be valid for an aligned 8-byte write.
    #[inline(always)]
    unsafe fn clock_time_to(clock: Clock, out: *mut u64) -> Result<()> {
        let t = Self::clock_time(clock)?;
        // SAFETY: valid for the write (caller contract).
        unsafe { *out = t };
        Ok(())
    }

    /// Resolution of `clock` in nanoseconds.
    fn clock_res(clock: Clock) -> Result<u64>;

    /// Blocks the caller for `nanos` nanoseconds of monotonic time.
    fn sleep(nanos: u64) -> Result<()>;

    /// Fills `buf` with cryptographically secure random bytes.
    fn random(buf: &mut [u8]) -> Result<()>;

    /// The program arguments as `(argc, argv)`: NUL-terminated strings in a
    /// null-terminated array that stays valid for the program's life.
    fn args() -> Result<(i32, *mut *mut u8)>;

    /// Ends the program with `status` (only 0 / non-zero reach a p2 host).
    fn exit(status: i32) -> !;
}
