//! The safe Rust API of wasm-libc, for `#![no_std]` programs.
//!
//! Same backends as the C library (WASI preview1 or WASI 0.2, chosen by the
//! target), same zero-copy reads, no C toolchain: a `no_std`
//! binary that depends on this crate with the `global-allocator` and
//! `panic-handler` features needs nothing else.
//!
//! ```no_run
//! #![no_std]
//! #![no_main]
//! # #[panic_handler]
//! # fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
//!
//! wasm_libc::main!(main);
//!
//! fn main() -> wasm_libc::Result<()> {
//!     let mut buf = [0u8; 4096];
//!     let n = wasm_libc::io::read(wasm_libc::io::STDIN, &mut buf)?;
//!     wasm_libc::println!("read {n} bytes");
//!     Ok(())
//! }
//! ```
//!
//! Build it with `cargo build --target wasm32-wasip1` or
//! `--target wasm32-wasip2` (the output is a component). See
//! [`main!`] for how the program is started, and `examples/wc` and
//! `examples/tcp-echo` (a server on [`net`]) in the repository for complete
//! programs.
//!
//! # What it wraps, and why `Pal` rather than the C functions
//!
//! Every function here is one call into libc-core's backend
//! ([`libc_core::Pal`], the trait the C ABI layer `posix` is written on), with the C layer's calling
//! convention removed: slices instead of pointer and length, `Result` instead
//! of `-1` and `errno`. It is a wrapper over the same code the C functions
//! run, not a second implementation: `read(fd, buf)` here and `read(fd, buf,
//! n)` in C both end in `Sys::read(fd, buf)`, and on p2 that call parks the
//! caller's buffer in the caller-buffer slot, so the host writes the bytes
//! straight into the slice you passed. Calling libc-core directly rather than
//! the `posix` crate's `extern "C"` functions is deliberate:
//!
//! - The C functions are exactly `Sys::f(...).or_minus_one_errno()` plus
//!   checks that only raw pointers need (NULL, `count > isize::MAX`). Going
//!   through them would turn a `Result` into `-1`, store it in the global
//!   `errno` and read it back: more code, and a global side channel the Rust
//!   API has no use for.
//! - The `posix` crate is the C library: linking it into a Rust binary drags
//!   in its `#[panic_handler]` (so this crate's would clash, and so would the
//!   user's own) and every C symbol it defines (`memcpy`, `malloc`,
//!   `printf`...).
//! - Where the C layer does more than one backend call (`exit` runs the
//!   `atexit` handlers and flushes stdio), the Rust function says so and does
//!   what a Rust program needs ([`process::exit`] ends the program; a Rust
//!   program has no C `atexit` handlers).
//!
//! So the rule for new wrappers (files, directories, sockets, as their
//! backend traits land in libc-core's `pal/`): one module per area here,
//! each function one call to the backend trait, no logic that the C function
//! over the same trait method does not also rely on. (The constructors that
//! stand for several C calls say which: [`net::TcpListener::bind`] is
//! `socket`, `setsockopt(SO_REUSEADDR)`, `bind` and `listen`.)
//!
//! # Errors
//!
//! Every call that reaches the host returns [`Result<T>`](Result), whose
//! error is libc-core's [`Errno`]: the same numbers the C library puts in
//! `errno` (WASI's numbering).
//!
//! ```
//! use wasm_libc::{Errno, io};
//!
//! // fd 99 was never opened.
//! assert_eq!(io::write(99, b"x"), Err(Errno::EBADF));
//! assert_eq!(Errno::EBADF.name(), Some("EBADF"));
//! ```
//!
//! # Features
//!
//! | feature | what it does |
//! | --- | --- |
//! | `c-symbols` (default) | defines the C functions that `std` programs get from wasi-libc: on WASI targets `memcpy`, `memmove`, `memset`, `memcmp`, `bcmp`, `strlen` (compiled Rust calls them); turn it off when another C library is linked too (`std`'s wasi-libc, or this project's `libc.a`) |
//! | `global-allocator` | installs [`heap::Heap`] as the `#[global_allocator]` (the `alloc` crate then works) |
//! | `panic-handler` | installs a `#[panic_handler]` that prints the message to stderr and traps |
//!
//! # Not here yet
//!
//! The rest of the file system (`stat`, directories) and UDP sockets, name
//! resolution and `poll` (whose backends exist: they will be more of [`fs`]
//! and [`net`]).
//!
//! # Threads
//!
//! Like the C library, this crate assumes one thread per instance (wasm32
//! without shared memory); see libc-core's `single` module.
#![no_std]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

pub mod env;
pub mod fs;
pub mod heap;
pub mod io;
pub mod net;
pub mod print;
pub mod process;
pub mod random;
pub mod rt;
pub mod sync;
pub mod thread;
pub mod time;

#[cfg(all(feature = "c-symbols", target_os = "wasi"))]
mod cmem;
// Not in the crate's own host unit tests, whose harness has std's handler.
#[cfg(all(feature = "panic-handler", not(test)))]
mod panic;

#[doc(no_inline)]
pub use libc_core::Errno;

/// The result of every call that reaches the host.
///
/// ```
/// fn first_byte() -> wasm_libc::Result<Option<u8>> {
///     let mut b = [0u8; 1];
///     let n = wasm_libc::io::read(wasm_libc::io::STDIN, &mut b)?;
///     Ok((n == 1).then_some(b[0]))
/// }
/// # let _ = first_byte;
/// ```
pub type Result<T> = core::result::Result<T, Errno>;

/// The compiled-in backend: `"p1"` or `"p2"`.
///
/// ```
/// assert!(wasm_libc::BACKEND == "p1" || wasm_libc::BACKEND == "p2");
/// ```
pub const BACKEND: &str = libc_core::BACKEND;

/// The backend implementation every wrapper calls.
pub(crate) use libc_core::Sys;

/// Counters of the p2 caller-buffer slot's slow paths.
///
/// On the zero-copy path (every read whose result the host wrote straight
/// into the caller's slice) they stay zero; a program or test can check that.
/// On p1 they are always zero (preview1 writes into the caller's buffer
/// itself).
///
/// ```
/// wasm_libc::stats::reset();
/// let s = wasm_libc::stats::get();
/// assert_eq!(s.guest_copies, 0);
/// ```
pub mod stats {
    pub use libc_core::stats::{Stats, get, reset};
}
