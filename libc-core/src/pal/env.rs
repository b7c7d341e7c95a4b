//! The backend contract for the process environment.
//!
//! Only the fetch from the host is backend-specific; the table `getenv`,
//! `setenv` and friends work on is [`crate::env`].

use super::Result;

pub trait PalEnv {
    /// The environment the host gives the program: `(count, array)` where
    /// `array` is a heap block of `count + 1` pointers (the last null) to
    /// NUL-terminated `NAME=value` strings. The strings live in heap blocks
    /// that are never freed (they stay valid for the program's life).
    fn environ() -> Result<(usize, *mut *mut u8)>;
}
