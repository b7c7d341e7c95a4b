//! Ending the program: [`exit`], [`abort`], and what `main` may return
//! ([`Termination`]).
//!
//! ```no_run
//! if wasm_libc::env::args()?.len() > 3 {
//!     wasm_libc::eprintln!("too many arguments");
//!     wasm_libc::process::exit(2);
//! }
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::{Errno, Sys};
use libc_core::Pal;

/// Ends the program with `status` (0 is success).
///
/// On p2, WASI 0.2.0's `exit` carries only success or failure: every non-zero
/// status is reported as 1. Nothing is flushed (this crate buffers nothing)
/// and C `atexit` handlers do not run (a Rust program has none).
///
/// ```no_run
/// wasm_libc::process::exit(0);
/// ```
pub fn exit(status: i32) -> ! {
    Sys::exit(status)
}

/// Ends the program abnormally: traps the instance (wasm `unreachable`), the
/// closest WASI has to `SIGABRT`. The host reports a trap.
///
/// ```no_run
/// wasm_libc::process::abort();
/// ```
pub fn abort() -> ! {
    libc_core::trap()
}

/// What `main` may return under [`crate::main!`]: the value becomes the exit
/// status.
///
/// - `()`: 0;
/// - `i32`: itself;
/// - `Result<T, Errno>`: `T`'s status, or `Error: EBADF (Bad file
///   descriptor)` on stderr and 1;
/// - `Result<T, &str>`: `T`'s status, or `Error: <message>` on stderr and 1.
///
/// ```
/// use wasm_libc::{Errno, process::Termination};
///
/// assert_eq!(().report(), 0);
/// assert_eq!(3.report(), 3);
/// assert_eq!(Ok::<(), Errno>(()).report(), 0);
/// ```
pub trait Termination {
    /// The exit status; may print a message to stderr first.
    ///
    /// ```
    /// use wasm_libc::process::Termination;
    /// assert_eq!(Err::<(), &str>("no input").report(), 1); // prints "Error: no input"
    /// ```
    fn report(self) -> i32;
}

impl Termination for () {
    fn report(self) -> i32 {
        0
    }
}

impl Termination for i32 {
    fn report(self) -> i32 {
        self
    }
}

impl<T: Termination> Termination for Result<T, Errno> {
    fn report(self) -> i32 {
        match self {
            Ok(v) => v.report(),
            Err(e) => {
                match (e.name(), e.message().and_then(|m| m.to_str().ok())) {
                    (Some(name), Some(msg)) => crate::eprintln!("Error: {name} ({msg})"),
                    _ => crate::eprintln!("Error: errno {}", e.0),
                }
                1
            }
        }
    }
}

impl<T: Termination> Termination for Result<T, &str> {
    fn report(self) -> i32 {
        match self {
            Ok(v) => v.report(),
            Err(msg) => {
                crate::eprintln!("Error: {msg}");
                1
            }
        }
    }
}
