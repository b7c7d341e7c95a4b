//! `wcwidth`, `wcswidth`: terminal column widths from the `unicode-width`
//! crate (East Asian Width and zero-width characters of its Unicode
//! version; the narrow, non-CJK widths).

use super::wchar_t;
use crate::platform::{c_int, size_t};
use unicode_width::UnicodeWidthChar;

/// The width of one character: 0 for NUL, -1 where `iswprint` is false
/// (controls, U+2028/U+2029, surrogates, noncharacters, values above
/// U+10FFFF).
fn width(c: wchar_t) -> c_int {
    if c == 0 {
        return 0;
    }
    if crate::header::wctype::iswprint(c as u32) == 0 {
        return -1;
    }
    char::from_u32(c as u32)
        .and_then(|ch| ch.width())
        .map_or(-1, |w| w as c_int)
}

/// [wcwidth](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcwidth.html)
#[unsafe(no_mangle)]
pub extern "C" fn wcwidth(c: wchar_t) -> c_int {
    width(c)
}

/// [wcswidth](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcswidth.html):
/// the sum over at most `n` characters up to the NUL, -1 if any has none.
///
/// # Safety
/// `s` valid up to its NUL or `n` characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcswidth(s: *const wchar_t, n: size_t) -> c_int {
    let mut sum: c_int = 0;
    for i in 0..n {
        // SAFETY: up to the NUL or n.
        let c = unsafe { *s.add(i) };
        if c == 0 {
            break;
        }
        let w = width(c);
        if w < 0 {
            return -1;
        }
        sum += w;
    }
    sum
}
