//! `inttypes.h`: `intmax_t` helpers and the `PRI*`/`SCN*` format macros
//! (written in this header's `cbindgen.toml`).

use crate::platform::{c_char, c_int};

mod wcstoimax;
pub use wcstoimax::*;

/// `intmax_t` (from `stdint.h`)
pub type intmax_t = i64;
/// `uintmax_t` (from `stdint.h`)
pub type uintmax_t = u64;

/// The result of [`imaxdiv`].
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct __wasm_libc_imaxdiv {
    pub quot: intmax_t,
    pub rem: intmax_t,
}

/// `imaxdiv_t`
pub type imaxdiv_t = __wasm_libc_imaxdiv;

/// [imaxabs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/imaxabs.html)
/// (`INTMAX_MIN` is undefined in C; it stays `INTMAX_MIN` here).
#[unsafe(no_mangle)]
pub extern "C" fn imaxabs(j: intmax_t) -> intmax_t {
    j.wrapping_abs()
}

/// [imaxdiv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/imaxdiv.html)
///
/// Division by zero is undefined in C; here it traps.
#[unsafe(no_mangle)]
pub extern "C" fn imaxdiv(n: intmax_t, d: intmax_t) -> imaxdiv_t {
    imaxdiv_t {
        quot: n.wrapping_div(d),
        rem: n.wrapping_rem(d),
    }
}

/// [strtoimax](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoimax.html):
/// `strtoll` (`intmax_t` is `long long`).
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoimax(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> intmax_t {
    // SAFETY: caller contract.
    unsafe { crate::header::stdlib::strtoll(s, end, base) }
}

/// [strtoumax](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strtoumax.html):
/// `strtoull` (`uintmax_t` is `unsigned long long`).
///
/// # Safety
/// `s` NUL-terminated; `end` NULL or valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoumax(
    s: *const c_char,
    end: *mut *mut c_char,
    base: c_int,
) -> uintmax_t {
    // SAFETY: caller contract.
    unsafe { crate::header::stdlib::strtoull(s, end, base) }
}
