//! The program's arguments.
//!
//! ```
//! for arg in wasm_libc::env::args()? {
//!     let _bytes: &[u8] = arg.to_bytes();
//! }
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::{Result, Sys};
use core::ffi::{CStr, c_char};
use libc_core::Pal;
use libc_core::single::Single;

/// `argv` as fetched once from the host: `(argc, argv)`.
static ARGV: Single<Option<(usize, *const *const c_char)>> = Single::new(None);

/// The program's arguments, the program name first (when the host gives
/// one). Fetched from the host on the first call and kept for the program's
/// life; later calls cost nothing.
///
/// ```
/// let args = wasm_libc::env::args()?;
/// let verbose = args.clone().skip(1).any(|a| a == c"-v");
/// # let _ = verbose;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn args() -> Result<Args> {
    let (argc, argv) = match ARGV.load() {
        Some(v) => v,
        None => {
            let (argc, argv) = Sys::args()?;
            let v = (argc.max(0) as usize, argv as *const *const c_char);
            ARGV.store(Some(v));
            v
        }
    };
    Ok(Args {
        argv,
        front: 0,
        back: argc,
    })
}

/// Iterator over the arguments as C strings (WASI arguments are UTF-8 on
/// every host we know, but nothing guarantees it: use
/// [`CStr::to_str`] to check).
///
/// ```
/// let mut args = wasm_libc::env::args()?;
/// let n = args.len();
/// let last = args.next_back();
/// assert_eq!(last.is_some(), n > 0);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Clone, Debug)]
pub struct Args {
    argv: *const *const c_char,
    front: usize,
    back: usize,
}

impl Args {
    fn at(&self, i: usize) -> &'static CStr {
        // SAFETY: i < argc; the backend's argv holds argc NUL-terminated
        // strings that stay allocated for the program's life (never freed).
        // Not `CStr::from_ptr` nor a plain loop: both end in a call to C
        // `strlen` (LLVM recognises the loop), which a `no_std` program on a
        // WASI target has no definition of. A volatile read keeps the loop.
        unsafe {
            let s = *self.argv.add(i) as *const u8;
            let mut len = 0;
            while s.add(len).read_volatile() != 0 {
                len += 1;
            }
            CStr::from_bytes_with_nul_unchecked(core::slice::from_raw_parts(s, len + 1))
        }
    }
}

impl Iterator for Args {
    type Item = &'static CStr;
    fn next(&mut self) -> Option<&'static CStr> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.at(self.front - 1)
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Args {
    fn next_back(&mut self) -> Option<&'static CStr> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.at(self.back)
        })
    }
}

impl ExactSizeIterator for Args {}
