//! `wchar.h`: wide characters (`wchar_t` is a 32-bit Unicode code point,
//! as in wasi-libc), multibyte conversion, wide strings and wide stdio.
//!
//! The types shared by `wchar.h`, `wctype.h` and `uchar.h` are defined here
//! (the header's `after_includes` spells them out; layouts as wasi-libc's).
//! Wide stdio (`fwprintf`, `fgetwc`, ...) lives in [`wstdio`].

mod mb;
mod wcs;
mod wcsftime;
mod wcsto;
mod wcwidth;
mod wstdio;

pub use mb::*;
pub use wcs::*;
pub use wcsftime::*;
pub use wcsto::*;
pub use wcwidth::*;

use crate::platform::c_uint;

/// A wide character (`int` on wasm32; built into C++, `<stddef.h>` in C).
pub type wchar_t = i32;

/// A wide character or `WEOF` (`unsigned int`, like wasi-libc).
pub type wint_t = c_uint;

/// The state of a multibyte conversion (8 bytes, like wasi-libc's).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct mbstate_t {
    pub __opaque1: c_uint,
    pub __opaque2: c_uint,
}

impl mbstate_t {
    /// The initial state.
    pub const fn new() -> Self {
        mbstate_t {
            __opaque1: 0,
            __opaque2: 0,
        }
    }
}

/// End of file from the wide character functions.
pub const WEOF: wint_t = 0xffff_ffff;
