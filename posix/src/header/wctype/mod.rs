//! `wctype.h`: classes and case of wide characters (Unicode code points),
//! the same in every locale (as in wasi-libc's musl). The data are Rust
//! core's `char` tables (its Unicode version; see `docs/locale.md` for how
//! they were chosen against glibc's C.UTF-8). Each `_l` form ignores the
//! locale.

mod case;
mod class;
mod locale_forms;

pub use class::*;
pub use locale_forms::*;

/// `wctype_t`: a class number from `wctype` (0: none).
pub type wctype_t = crate::platform::c_ulong;

/// `wctrans_t`: a mapping from `wctrans` (null: none; else 1 = toupper,
/// 2 = tolower, as musl's values cast to a pointer).
pub type wctrans_t = *const crate::platform::c_int;
