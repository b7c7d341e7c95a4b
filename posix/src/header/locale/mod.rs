//! `locale.h`: the "C" (= "POSIX") and "C.UTF-8" locales.
//!
//! Only `LC_CTYPE` tells the two apart: in "C.UTF-8" multibyte strings are
//! UTF-8 and `MB_CUR_MAX` is 4; in "C" every byte is one character (bytes
//! 0x80..=0xFF are the wide characters 0xDF80..=0xDFFF, as in wasi-libc's
//! musl) and `MB_CUR_MAX` is 1. Every other category is the C locale's
//! whatever name is given (musl reports it as "C"). Names other than "C",
//! "POSIX", "C.UTF-8" (also "C.utf8") fail, as on glibc without that locale
//! installed (musl accepts any name). `""` reads `LC_ALL`, then `LC_<CAT>`,
//! then `LANG`, and defaults to "C.UTF-8" like musl.
//!
//! A locale object is one of two immutable statics, so `newlocale` and
//! `duplocale` never allocate and `freelocale` has nothing to free.

mod names;

use crate::platform::{c_char, c_int};
use libc_core::Errno;
use libc_core::single::Single;

pub const LC_CTYPE: c_int = 0;
pub const LC_NUMERIC: c_int = 1;
pub const LC_TIME: c_int = 2;
pub const LC_COLLATE: c_int = 3;
pub const LC_MONETARY: c_int = 4;
pub const LC_MESSAGES: c_int = 5;
pub const LC_ALL: c_int = 6;

pub const LC_CTYPE_MASK: c_int = 1 << 0;
pub const LC_NUMERIC_MASK: c_int = 1 << 1;
pub const LC_TIME_MASK: c_int = 1 << 2;
pub const LC_COLLATE_MASK: c_int = 1 << 3;
pub const LC_MONETARY_MASK: c_int = 1 << 4;
pub const LC_MESSAGES_MASK: c_int = 1 << 5;
pub const LC_ALL_MASK: c_int = 0x7fff_ffff;

/// A locale object. Opaque to C (`locale_t` is a pointer to it).
#[repr(C)]
pub struct __locale_struct {
    /// Whether `LC_CTYPE` is "C.UTF-8".
    utf8: bool,
}

/// `locale_t`: a pointer to a locale object, or `LC_GLOBAL_LOCALE` (-1).
pub type locale_t = *mut __locale_struct;

/// `LC_GLOBAL_LOCALE`.
pub const LC_GLOBAL_LOCALE: locale_t = usize::MAX as locale_t;

static C_LOCALE: __locale_struct = __locale_struct { utf8: false };
static UTF8_LOCALE: __locale_struct = __locale_struct { utf8: true };

/// The locale object for a `LC_CTYPE` setting.
pub(crate) fn object(utf8: bool) -> locale_t {
    let p = if utf8 { &UTF8_LOCALE } else { &C_LOCALE };
    // Never written through: the objects are immutable.
    p as *const __locale_struct as locale_t
}

/// Whether the global locale's `LC_CTYPE` is UTF-8.
static GLOBAL_UTF8: libc_core::shared::Shared<bool> = libc_core::shared::Shared::new(false);
/// The thread's locale from `uselocale` (null: the global one).
static THREAD: Single<locale_t> = Single::new(core::ptr::null_mut());

/// Whether `LC_CTYPE` of `l` is UTF-8 (`LC_GLOBAL_LOCALE` or null: the
/// global locale's).
pub(crate) fn is_utf8(l: locale_t) -> bool {
    if l.is_null() || l == LC_GLOBAL_LOCALE {
        GLOBAL_UTF8.load()
    } else {
        // SAFETY: a locale object from newlocale/duplocale (C contract).
        unsafe { (*l).utf8 }
    }
}

/// Whether the current locale's (`uselocale`, else the global one's)
/// `LC_CTYPE` is UTF-8: what the multibyte functions convert.
pub(crate) fn utf8() -> bool {
    is_utf8(THREAD.load())
}

/// `MB_CUR_MAX` of the current locale.
pub(crate) fn mb_cur_max() -> usize {
    if utf8() { 4 } else { 1 }
}

/// [setlocale](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setlocale.html)
///
/// `LC_ALL` reports "C" when `LC_CTYPE` is "C", otherwise
/// `"C.UTF-8;C;C;C;C;C"` (musl's form for mixed categories, one name per
/// category in the order of the `LC_*` numbers), which `setlocale(LC_ALL,
/// ...)` accepts back. NULL for an unknown name or category.
///
/// # Safety
/// `name` NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlocale(cat: c_int, name: *const c_char) -> *mut c_char {
    if !(0..=LC_ALL).contains(&cat) {
        return core::ptr::null_mut();
    }
    if !name.is_null() {
        // SAFETY: NUL-terminated (caller contract).
        let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
        let Some(u) = names::resolve(cat, n) else {
            return core::ptr::null_mut();
        };
        if let Some(u) = u {
            GLOBAL_UTF8.store(u);
        }
    }
    let utf8 = GLOBAL_UTF8.load();
    let s: &'static core::ffi::CStr = match (cat, utf8) {
        (LC_ALL, true) => c"C.UTF-8;C;C;C;C;C",
        (LC_CTYPE, true) => c"C.UTF-8",
        _ => c"C",
    };
    s.as_ptr() as *mut c_char
}

/// `struct lconv`: numeric and monetary formatting of a locale.
#[repr(C)]
pub struct lconv {
    pub decimal_point: *mut c_char,
    pub thousands_sep: *mut c_char,
    pub grouping: *mut c_char,
    pub int_curr_symbol: *mut c_char,
    pub currency_symbol: *mut c_char,
    pub mon_decimal_point: *mut c_char,
    pub mon_thousands_sep: *mut c_char,
    pub mon_grouping: *mut c_char,
    pub positive_sign: *mut c_char,
    pub negative_sign: *mut c_char,
    pub int_frac_digits: c_char,
    pub frac_digits: c_char,
    pub p_cs_precedes: c_char,
    pub p_sep_by_space: c_char,
    pub n_cs_precedes: c_char,
    pub n_sep_by_space: c_char,
    pub p_sign_posn: c_char,
    pub n_sign_posn: c_char,
    pub int_p_cs_precedes: c_char,
    pub int_p_sep_by_space: c_char,
    pub int_n_cs_precedes: c_char,
    pub int_n_sep_by_space: c_char,
    pub int_p_sign_posn: c_char,
    pub int_n_sign_posn: c_char,
}

const EMPTY: *mut c_char = c"".as_ptr() as *mut c_char;
const MAX: c_char = c_char::MAX;

/// The C locale's `lconv` (the program may write to it; each call restores it).
static LCONV: Single<lconv> = Single::new(C_LCONV);

const C_LCONV: lconv = lconv {
    decimal_point: c".".as_ptr() as *mut c_char,
    thousands_sep: EMPTY,
    grouping: EMPTY,
    int_curr_symbol: EMPTY,
    currency_symbol: EMPTY,
    mon_decimal_point: EMPTY,
    mon_thousands_sep: EMPTY,
    mon_grouping: EMPTY,
    positive_sign: EMPTY,
    negative_sign: EMPTY,
    int_frac_digits: MAX,
    frac_digits: MAX,
    p_cs_precedes: MAX,
    p_sep_by_space: MAX,
    n_cs_precedes: MAX,
    n_sep_by_space: MAX,
    p_sign_posn: MAX,
    n_sign_posn: MAX,
    int_p_cs_precedes: MAX,
    int_p_sep_by_space: MAX,
    int_n_cs_precedes: MAX,
    int_n_sep_by_space: MAX,
    int_p_sign_posn: MAX,
    int_n_sign_posn: MAX,
};

/// [localeconv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/localeconv.html):
/// the C locale's values (`"."` and empty strings, `CHAR_MAX` for the
/// numbers) in every locale here.
#[unsafe(no_mangle)]
pub extern "C" fn localeconv() -> *mut lconv {
    let p = LCONV.get();
    // SAFETY: single-threaded; no reference to the static is live.
    unsafe { p.write(C_LCONV) };
    p
}

/// [newlocale](https://pubs.opengroup.org/onlinepubs/9799919799/functions/newlocale.html)
///
/// `EINVAL` for a NULL name or bits outside `LC_ALL_MASK`, `ENOENT` for an
/// unknown name. `base` is never modified (the result is a static object).
///
/// # Safety
/// `name` NULL or NUL-terminated; `base` null or a locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newlocale(mask: c_int, name: *const c_char, base: locale_t) -> locale_t {
    let r = (|| {
        if name.is_null() || mask < 0 {
            return Err(Errno::EINVAL);
        }
        // SAFETY: NUL-terminated (caller contract).
        let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
        let mut utf8 = !base.is_null() && is_utf8(base);
        for cat in 0..LC_ALL {
            if mask & (1 << cat) != 0 {
                match names::resolve(cat, n) {
                    None => return Err(Errno::ENOENT),
                    Some(Some(u)) => utf8 = u,
                    Some(None) => {}
                }
            }
        }
        Ok(object(utf8))
    })();
    r.unwrap_or_else(|e| {
        crate::header::stdlib::set_errno(e);
        core::ptr::null_mut()
    })
}

/// [duplocale](https://pubs.opengroup.org/onlinepubs/9799919799/functions/duplocale.html):
/// the same (immutable) object; `LC_GLOBAL_LOCALE` gives a copy of the
/// global locale as it is now.
///
/// # Safety
/// `l` a locale object or `LC_GLOBAL_LOCALE`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn duplocale(l: locale_t) -> locale_t {
    if l.is_null() {
        crate::header::stdlib::set_errno(Errno::EINVAL);
        return l;
    }
    object(is_utf8(l))
}

/// [freelocale](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freelocale.html):
/// nothing to free (locale objects are static).
///
/// # Safety
/// `l` a locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freelocale(l: locale_t) {
    let _ = l;
}

/// [uselocale](https://pubs.opengroup.org/onlinepubs/9799919799/functions/uselocale.html):
/// sets the thread's locale unless `l` is null; returns the previous one
/// (`LC_GLOBAL_LOCALE` when none was set).
///
/// # Safety
/// `l` null, `LC_GLOBAL_LOCALE` or a locale object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uselocale(l: locale_t) -> locale_t {
    let old = THREAD.load();
    if !l.is_null() {
        THREAD.store(if l == LC_GLOBAL_LOCALE {
            core::ptr::null_mut()
        } else {
            l
        });
    }
    if old.is_null() { LC_GLOBAL_LOCALE } else { old }
}
