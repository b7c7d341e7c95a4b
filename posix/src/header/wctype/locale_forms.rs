//! The `_l` forms of `wctype.h` (the locale does not change the answers).

use super::{wctrans_t, wctype_t};
use crate::header::locale::locale_t;
use crate::header::wchar::wint_t;
use crate::platform::{c_char, c_int};

/// [iswalnum_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalnum.html): `iswalnum`
#[unsafe(no_mangle)]
pub extern "C" fn iswalnum_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswalnum(c)
}

/// [iswalpha_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswalpha.html): `iswalpha`
#[unsafe(no_mangle)]
pub extern "C" fn iswalpha_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswalpha(c)
}

/// [iswblank_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswblank.html): `iswblank`
#[unsafe(no_mangle)]
pub extern "C" fn iswblank_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswblank(c)
}

/// [iswcntrl_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswcntrl.html): `iswcntrl`
#[unsafe(no_mangle)]
pub extern "C" fn iswcntrl_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswcntrl(c)
}

/// [iswdigit_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswdigit.html): `iswdigit`
#[unsafe(no_mangle)]
pub extern "C" fn iswdigit_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswdigit(c)
}

/// [iswgraph_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswgraph.html): `iswgraph`
#[unsafe(no_mangle)]
pub extern "C" fn iswgraph_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswgraph(c)
}

/// [iswlower_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswlower.html): `iswlower`
#[unsafe(no_mangle)]
pub extern "C" fn iswlower_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswlower(c)
}

/// [iswprint_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswprint.html): `iswprint`
#[unsafe(no_mangle)]
pub extern "C" fn iswprint_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswprint(c)
}

/// [iswpunct_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswpunct.html): `iswpunct`
#[unsafe(no_mangle)]
pub extern "C" fn iswpunct_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswpunct(c)
}

/// [iswspace_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswspace.html): `iswspace`
#[unsafe(no_mangle)]
pub extern "C" fn iswspace_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswspace(c)
}

/// [iswupper_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswupper.html): `iswupper`
#[unsafe(no_mangle)]
pub extern "C" fn iswupper_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswupper(c)
}

/// [iswxdigit_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswxdigit.html): `iswxdigit`
#[unsafe(no_mangle)]
pub extern "C" fn iswxdigit_l(c: wint_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswxdigit(c)
}

/// [towupper_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towupper.html)
#[unsafe(no_mangle)]
pub extern "C" fn towupper_l(c: wint_t, l: locale_t) -> wint_t {
    let _ = l;
    super::towupper(c)
}

/// [towlower_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towlower.html)
#[unsafe(no_mangle)]
pub extern "C" fn towlower_l(c: wint_t, l: locale_t) -> wint_t {
    let _ = l;
    super::towlower(c)
}

/// [iswctype_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/iswctype.html)
#[unsafe(no_mangle)]
pub extern "C" fn iswctype_l(c: wint_t, t: wctype_t, l: locale_t) -> c_int {
    let _ = l;
    super::iswctype(c, t)
}

/// [towctrans_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/towctrans.html)
#[unsafe(no_mangle)]
pub extern "C" fn towctrans_l(c: wint_t, t: wctrans_t, l: locale_t) -> wint_t {
    let _ = l;
    super::towctrans(c, t)
}

/// [wctype_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctype.html)
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype_l(name: *const c_char, l: locale_t) -> wctype_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::wctype(name) }
}

/// [wctrans_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/wctrans.html)
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans_l(name: *const c_char, l: locale_t) -> wctrans_t {
    let _ = l;
    // SAFETY: forwarded contract.
    unsafe { super::wctrans(name) }
}
