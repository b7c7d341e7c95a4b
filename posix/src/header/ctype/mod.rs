//! `ctype.h`: character classes of the C locale (ASCII; bytes 128..255
//! belong to no class). Functions only, no macros, so the header is the
//! same for C and C++. Arguments outside `EOF` and `0..=255` are undefined
//! behaviour in C; here they belong to no class and convert to themselves.

use crate::platform::c_int;

mod locale;
pub use locale::*;

/// The byte `c` stands for, if it is one of `0..=127`.
fn ascii(c: c_int) -> Option<u8> {
    if (0..128).contains(&c) {
        Some(c as u8)
    } else {
        None
    }
}

/// [isalnum](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalnum.html)
#[unsafe(no_mangle)]
pub extern "C" fn isalnum(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_alphanumeric()) as c_int
}

/// [isalpha](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalpha.html)
#[unsafe(no_mangle)]
pub extern "C" fn isalpha(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_alphabetic()) as c_int
}

/// [isblank](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isblank.html)
#[unsafe(no_mangle)]
pub extern "C" fn isblank(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b == b' ' || b == b'\t') as c_int
}

/// [iscntrl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iscntrl.html)
#[unsafe(no_mangle)]
pub extern "C" fn iscntrl(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_control()) as c_int
}

/// [isdigit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isdigit.html)
#[unsafe(no_mangle)]
pub extern "C" fn isdigit(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_digit()) as c_int
}

/// [isgraph](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isgraph.html)
#[unsafe(no_mangle)]
pub extern "C" fn isgraph(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_graphic()) as c_int
}

/// [islower](https://pubs.opengroup.org/onlinepubs/9799919799/functions/islower.html)
#[unsafe(no_mangle)]
pub extern "C" fn islower(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_lowercase()) as c_int
}

/// [isprint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isprint.html)
#[unsafe(no_mangle)]
pub extern "C" fn isprint(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| (0x20..0x7f).contains(&b)) as c_int
}

/// [ispunct](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ispunct.html)
#[unsafe(no_mangle)]
pub extern "C" fn ispunct(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_punctuation()) as c_int
}

/// [isspace](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isspace.html):
/// space, `\t \n \v \f \r`.
#[unsafe(no_mangle)]
pub extern "C" fn isspace(c: c_int) -> c_int {
    ascii(c).is_some_and(is_space) as c_int
}

/// [isupper](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn isupper(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_uppercase()) as c_int
}

/// [isxdigit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isxdigit.html)
#[unsafe(no_mangle)]
pub extern "C" fn isxdigit(c: c_int) -> c_int {
    ascii(c).is_some_and(|b| b.is_ascii_hexdigit()) as c_int
}

/// [isascii](https://man7.org/linux/man-pages/man3/isalpha.3.html) (XSI, obsolescent)
#[unsafe(no_mangle)]
pub extern "C" fn isascii(c: c_int) -> c_int {
    (c & !0x7f == 0) as c_int
}

/// [toascii](https://man7.org/linux/man-pages/man3/toascii.3.html) (XSI, obsolescent)
#[unsafe(no_mangle)]
pub extern "C" fn toascii(c: c_int) -> c_int {
    c & 0x7f
}

/// [tolower](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tolower.html)
#[unsafe(no_mangle)]
pub extern "C" fn tolower(c: c_int) -> c_int {
    match ascii(c) {
        Some(b) => b.to_ascii_lowercase() as c_int,
        None => c,
    }
}

/// [toupper](https://pubs.opengroup.org/onlinepubs/9799919799/functions/toupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn toupper(c: c_int) -> c_int {
    match ascii(c) {
        Some(b) => b.to_ascii_uppercase() as c_int,
        None => c,
    }
}

/// `isspace` for Rust callers (the number parsers).
pub(crate) fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}
