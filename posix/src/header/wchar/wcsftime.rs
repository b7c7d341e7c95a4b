//! `wcsftime`, `wcsftime_l`: `strftime` on the format in UTF-8, the result
//! decoded back (the C locale's output is ASCII plus the format's own
//! characters and `tm_zone`, so nothing is lost either way).

use super::wchar_t;
use crate::header::locale::locale_t;
use crate::header::stdlib::{free, malloc};
use crate::header::time::{strftime, tm};
use crate::platform::size_t;

/// [wcsftime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsftime.html):
/// 0 if the result and its NUL do not fit in `max` wide characters (or
/// the format holds a value that is no character).
///
/// # Safety
/// `s` valid for `max` wide characters; `fmt` NUL-terminated; `t` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsftime(
    s: *mut wchar_t,
    max: size_t,
    fmt: *const wchar_t,
    t: *const tm,
) -> size_t {
    if max == 0 {
        return 0;
    }
    // SAFETY: caller contract.
    let n = unsafe { super::wcslen(fmt) };
    let Some(flen) = n.checked_mul(4).and_then(|x| x.checked_add(1)) else {
        return 0;
    };
    // UTF-8 needs at most 4 bytes a character; results beyond 1 MiB fail.
    let olen = max.saturating_mul(4).min(1 << 20);
    let f = malloc(flen).cast::<u8>();
    let o = malloc(olen).cast::<u8>();
    let mut r = 0;
    if !f.is_null() && !o.is_null() {
        // SAFETY: f holds 4 bytes per character plus the NUL; o holds olen.
        unsafe {
            let mut k = 0;
            let mut ok = true;
            for i in 0..n {
                match char::from_u32(*fmt.add(i) as u32) {
                    Some(c) => {
                        k += c
                            .encode_utf8(core::slice::from_raw_parts_mut(f.add(k), 4))
                            .len()
                    }
                    None => ok = false,
                }
            }
            *f.add(k) = 0;
            let len = if ok {
                strftime(o.cast(), olen, f.cast(), t)
            } else {
                0
            };
            if ok {
                let text = core::slice::from_raw_parts(o, len);
                let mut w = 0;
                let mut fits = true;
                for c in core::str::from_utf8(text).unwrap_or("").chars() {
                    if w + 1 >= max {
                        fits = false;
                        break;
                    }
                    *s.add(w) = c as wchar_t;
                    w += 1;
                }
                if fits {
                    *s.add(w) = 0;
                    r = w;
                }
            }
        }
    }
    // SAFETY: from malloc (or null).
    unsafe {
        free(f.cast());
        free(o.cast());
    }
    r
}

/// [wcsftime_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wcsftime.html)
/// (POSIX 2024): `wcsftime`.
///
/// # Safety
/// As [`wcsftime`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsftime_l(
    s: *mut wchar_t,
    max: size_t,
    fmt: *const wchar_t,
    t: *const tm,
    l: locale_t,
) -> size_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { wcsftime(s, max, fmt, t) }
}
