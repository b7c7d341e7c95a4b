//! The `_l` forms of `ctype.h` (POSIX.1-2008): the same answers in every
//! locale here (the byte classes of "C" and "C.UTF-8" are ASCII's).

use crate::header::locale::locale_t;
use crate::platform::c_int;

/// [isalnum_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalnum.html): `isalnum`
#[unsafe(no_mangle)]
pub extern "C" fn isalnum_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isalnum(c)
}

/// [isalpha_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isalpha.html): `isalpha`
#[unsafe(no_mangle)]
pub extern "C" fn isalpha_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isalpha(c)
}

/// [isblank_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isblank.html): `isblank`
#[unsafe(no_mangle)]
pub extern "C" fn isblank_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isblank(c)
}

/// [iscntrl_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iscntrl.html): `iscntrl`
#[unsafe(no_mangle)]
pub extern "C" fn iscntrl_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::iscntrl(c)
}

/// [isdigit_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isdigit.html): `isdigit`
#[unsafe(no_mangle)]
pub extern "C" fn isdigit_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isdigit(c)
}

/// [isgraph_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isgraph.html): `isgraph`
#[unsafe(no_mangle)]
pub extern "C" fn isgraph_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isgraph(c)
}

/// [islower_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/islower.html): `islower`
#[unsafe(no_mangle)]
pub extern "C" fn islower_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::islower(c)
}

/// [isprint_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isprint.html): `isprint`
#[unsafe(no_mangle)]
pub extern "C" fn isprint_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isprint(c)
}

/// [ispunct_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ispunct.html): `ispunct`
#[unsafe(no_mangle)]
pub extern "C" fn ispunct_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::ispunct(c)
}

/// [isspace_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isspace.html): `isspace`
#[unsafe(no_mangle)]
pub extern "C" fn isspace_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isspace(c)
}

/// [isupper_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isupper.html): `isupper`
#[unsafe(no_mangle)]
pub extern "C" fn isupper_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isupper(c)
}

/// [isxdigit_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/isxdigit.html): `isxdigit`
#[unsafe(no_mangle)]
pub extern "C" fn isxdigit_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::isxdigit(c)
}

/// [tolower_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/tolower.html): `tolower`
#[unsafe(no_mangle)]
pub extern "C" fn tolower_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::tolower(c)
}

/// [toupper_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/toupper.html): `toupper`
#[unsafe(no_mangle)]
pub extern "C" fn toupper_l(c: c_int, l: locale_t) -> c_int {
    let _ = l;
    super::toupper(c)
}
