//! Cryptographically secure random bytes from the host (C `getentropy`).
//!
//! On p2 the bytes land in the caller's buffer through the caller-buffer
//! slot, like [`crate::io::read`].
//!
//! ```
//! let mut key = [0u8; 32];
//! wasm_libc::random::fill(&mut key)?;
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::{Result, Sys};
use libc_core::Pal;

/// Fills `buf` with random bytes (any length; an empty `buf` asks nothing).
///
/// ```
/// let mut a = [0u8; 16];
/// let mut b = [0u8; 16];
/// wasm_libc::random::fill(&mut a)?;
/// wasm_libc::random::fill(&mut b)?;
/// assert_ne!(a, b);
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn fill(buf: &mut [u8]) -> Result<()> {
    if buf.is_empty() {
        return Ok(());
    }
    Sys::random(buf)
}

/// A random `u64`.
///
/// ```
/// let seed = wasm_libc::random::u64()?;
/// # let _ = seed;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
pub fn u64() -> Result<u64> {
    let mut b = [0u8; 8];
    fill(&mut b)?;
    Ok(u64::from_le_bytes(b))
}
