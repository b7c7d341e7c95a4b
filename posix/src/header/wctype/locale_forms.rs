//! The `_l` forms of `wctype.h` (the locale does not change the answers).

use super::{wctrans_t, wctype_t};
use crate::header::locale::locale_t;
use crate::header::wchar::wint_t;
use crate::platform::{c_char, c_int};

macro_rules! l_fn {
    ($($name:ident => $f:ident;)*) => {$(
        #[doc = concat!("[", stringify!($name), "](https://pubs.opengroup.org/onlinepubs/9799919799/functions/", stringify!($name), ".html): `", stringify!($f), "`")]
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: wint_t, l: locale_t) -> c_int {
            let _ = l;
            super::$f(c)
        }
    )*};
}

l_fn! {
    iswalnum_l => iswalnum;
    iswalpha_l => iswalpha;
    iswblank_l => iswblank;
    iswcntrl_l => iswcntrl;
    iswdigit_l => iswdigit;
    iswgraph_l => iswgraph;
    iswlower_l => iswlower;
    iswprint_l => iswprint;
    iswpunct_l => iswpunct;
    iswspace_l => iswspace;
    iswupper_l => iswupper;
    iswxdigit_l => iswxdigit;
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
