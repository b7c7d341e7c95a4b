//! `wcwidth`, `wcswidth`: terminal column widths of the `unicode-width`
//! crate (East Asian Width and zero-width characters of its Unicode
//! version; the narrow, non-CJK widths), as run tables that `build.rs`
//! derives from it.

use super::wchar_t;
use crate::platform::{c_int, size_t};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/width_tables.rs"));
}

/// Whether a run of `table` (`start | (len - 1) << 21`, sorted) holds `c`.
fn in_runs(table: &[u32], c: u32) -> bool {
    let i = table.partition_point(|&w| w & 0x1f_ffff <= c);
    i.checked_sub(1)
        .and_then(|i| table.get(i))
        .is_some_and(|&w| c - (w & 0x1f_ffff) <= w >> 21)
}

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
    let c = c as u32;
    if c < 0x300 {
        // Latin: everything printable is one column except U+00AD.
        return (c != 0xad) as c_int;
    }
    if in_runs(&tables::ZERO, c) {
        0
    } else if in_runs(&tables::WIDE, c) {
        2
    } else {
        1
    }
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
