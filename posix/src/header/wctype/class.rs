//! The classification and case mapping functions.

use crate::header::wchar::wint_t;
use crate::platform::{c_char, c_int};

/// The character `c` stands for, if it is a Unicode scalar value.
#[inline]
fn ch(c: wint_t) -> Option<char> {
    char::from_u32(c)
}

/// The first code point of each run of ten decimal digits (Unicode 14's
/// `Nd` outside ASCII; from Python's `unicodedata`). glibc counts them as
/// `alpha` (POSIX keeps `digit` to `0`..`9`).
const DIGIT_RUNS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

pub(crate) fn alpha(c: wint_t) -> bool {
    match ch(c) {
        None => false,
        Some(x) if x.is_ascii() => x.is_ascii_alphabetic(),
        Some(x) => x.is_alphabetic() || DIGIT_RUNS.iter().any(|&s| c.wrapping_sub(s) < 10),
    }
}

pub(crate) fn digit(c: wint_t) -> bool {
    c.wrapping_sub('0' as u32) < 10
}

pub(crate) fn xdigit(c: wint_t) -> bool {
    digit(c) || (c | 0x20).wrapping_sub('a' as u32) < 6
}

pub(crate) fn space(c: wint_t) -> bool {
    // White space without the no-break spaces (POSIX: they are not space).
    ch(c).is_some_and(|x| x.is_whitespace()) && !matches!(c, 0x85 | 0xa0 | 0x2007 | 0x202f)
}

pub(crate) fn blank(c: wint_t) -> bool {
    space(c) && !matches!(c, 0x0a..=0x0d | 0x2028 | 0x2029)
}

pub(crate) fn cntrl(c: wint_t) -> bool {
    c < 0x20 || (0x7f..0xa0).contains(&c) || c == 0x2028 || c == 0x2029
}

/// The title case letters (`Lt`) with a lower case mapping, which glibc
/// counts as upper case (Unicode gives them neither property).
fn title_upper(c: wint_t) -> bool {
    title_lower(c)
        || matches!(c, 0x1fbc | 0x1fcc | 0x1ffc)
        || ((0x1f88..0x1fb0).contains(&c) && c & 8 != 0)
}

/// The title case letters with an upper case mapping, which glibc counts
/// as lower case too.
fn title_lower(c: wint_t) -> bool {
    matches!(c, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2)
}

pub(crate) fn upper(c: wint_t) -> bool {
    ch(c).is_some_and(|x| x.is_uppercase()) || title_upper(c)
}

pub(crate) fn lower(c: wint_t) -> bool {
    ch(c).is_some_and(|x| x.is_lowercase()) || title_lower(c)
}

pub(crate) fn print(c: wint_t) -> bool {
    match ch(c) {
        None => false,
        Some(_) => !cntrl(c) && (c & 0xfffe) != 0xfffe,
    }
}

pub(crate) fn graph(c: wint_t) -> bool {
    print(c) && !space(c)
}

pub(crate) fn punct(c: wint_t) -> bool {
    graph(c) && !alpha(c) && !digit(c)
}

/// [towupper](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towupper.html):
/// the simple (one character) upper case mapping.
#[unsafe(no_mangle)]
pub extern "C" fn towupper(c: wint_t) -> wint_t {
    super::case::upper(c)
}

/// [towlower](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towlower.html):
/// the simple (one character) lower case mapping.
#[unsafe(no_mangle)]
pub extern "C" fn towlower(c: wint_t) -> wint_t {
    super::case::lower(c)
}

/// [iswalnum](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalnum.html):
/// letters and digits.
#[unsafe(no_mangle)]
pub extern "C" fn iswalnum(c: wint_t) -> c_int {
    alnum(c) as c_int
}

/// [iswalpha](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalpha.html):
/// letters: Unicode Alphabetic and the decimal digits of other scripts (as glibc), not `0`..`9`.
#[unsafe(no_mangle)]
pub extern "C" fn iswalpha(c: wint_t) -> c_int {
    alpha(c) as c_int
}

/// [iswblank](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswblank.html):
/// space, tab and the other horizontal spaces (not the no-break ones).
#[unsafe(no_mangle)]
pub extern "C" fn iswblank(c: wint_t) -> c_int {
    blank(c) as c_int
}

/// [iswcntrl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswcntrl.html):
/// C0 and C1 controls, U+2028, U+2029.
#[unsafe(no_mangle)]
pub extern "C" fn iswcntrl(c: wint_t) -> c_int {
    cntrl(c) as c_int
}

/// [iswdigit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswdigit.html):
/// `0`..`9` only.
#[unsafe(no_mangle)]
pub extern "C" fn iswdigit(c: wint_t) -> c_int {
    digit(c) as c_int
}

/// [iswgraph](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswgraph.html):
/// printable and not space.
#[unsafe(no_mangle)]
pub extern "C" fn iswgraph(c: wint_t) -> c_int {
    graph(c) as c_int
}

/// [iswlower](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswlower.html):
/// Unicode Lowercase, and the title case letters.
#[unsafe(no_mangle)]
pub extern "C" fn iswlower(c: wint_t) -> c_int {
    lower(c) as c_int
}

/// [iswprint](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswprint.html):
/// everything but controls, surrogates and noncharacters (unassigned code points too, like musl).
#[unsafe(no_mangle)]
pub extern "C" fn iswprint(c: wint_t) -> c_int {
    print(c) as c_int
}

/// [iswpunct](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswpunct.html):
/// graphic characters that are not letters or digits.
#[unsafe(no_mangle)]
pub extern "C" fn iswpunct(c: wint_t) -> c_int {
    punct(c) as c_int
}

/// [iswspace](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswspace.html):
/// Unicode White_Space without the no-break spaces and U+0085 (as glibc).
#[unsafe(no_mangle)]
pub extern "C" fn iswspace(c: wint_t) -> c_int {
    space(c) as c_int
}

/// [iswupper](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswupper.html):
/// Unicode Uppercase, and the title case letters.
#[unsafe(no_mangle)]
pub extern "C" fn iswupper(c: wint_t) -> c_int {
    upper(c) as c_int
}

/// [iswxdigit](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswxdigit.html):
/// `0`..`9`, `a`..`f`, `A`..`F`.
#[unsafe(no_mangle)]
pub extern "C" fn iswxdigit(c: wint_t) -> c_int {
    xdigit(c) as c_int
}

pub(crate) fn alnum(c: wint_t) -> bool {
    alpha(c) || digit(c)
}

/// The class names `wctype` knows, in the order of their numbers (1..=12).
const NAMES: [&[u8]; 12] = [
    b"alnum", b"alpha", b"blank", b"cntrl", b"digit", b"graph", b"lower", b"print", b"punct",
    b"space", b"upper", b"xdigit",
];

/// [wctype](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctype.html):
/// 0 for an unknown name.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype(name: *const c_char) -> super::wctype_t {
    // SAFETY: caller contract.
    let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    NAMES
        .iter()
        .position(|&x| x == n)
        .map_or(0, |i| i as super::wctype_t + 1)
}

/// [iswctype](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswctype.html)
#[unsafe(no_mangle)]
pub extern "C" fn iswctype(c: wint_t, t: super::wctype_t) -> c_int {
    let f = match t {
        1 => alnum,
        2 => alpha,
        3 => blank,
        4 => cntrl,
        5 => digit,
        6 => graph,
        7 => lower,
        8 => print,
        9 => punct,
        10 => space,
        11 => upper,
        12 => xdigit,
        _ => return 0,
    };
    f(c) as c_int
}

/// [wctrans](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctrans.html):
/// `"toupper"`, `"tolower"`, else null.
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> super::wctrans_t {
    // SAFETY: caller contract.
    let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    match n {
        b"toupper" => 1 as super::wctrans_t,
        b"tolower" => 2 as super::wctrans_t,
        _ => core::ptr::null(),
    }
}

/// [towctrans](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towctrans.html)
#[unsafe(no_mangle)]
pub extern "C" fn towctrans(c: wint_t, t: super::wctrans_t) -> wint_t {
    match t as usize {
        1 => towupper(c),
        2 => towlower(c),
        _ => c,
    }
}
