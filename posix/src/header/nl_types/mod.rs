//! `nl_types.h`: message catalogs.
//!
//! No catalog is ever found: `catopen` fails with `ENOENT`, as on a system
//! where none is installed, and `catgets` returns the caller's default
//! string, which is what programs print then. A WASI guest could read a
//! gencat file from a pre-opened directory, but no WASI toolchain ships
//! `gencat` or catalogs, and `NLSPATH`'s default places (`/usr/share/...`)
//! are outside any usual pre-open; programs that use catalogs all carry
//! their default texts.

use crate::platform::{c_char, c_int, c_void};
use libc_core::Errno;

/// `nl_item`: a message or `nl_langinfo` item number.
pub type nl_item = c_int;
/// A catalog descriptor (`(nl_catd)-1` on failure).
pub type nl_catd = *mut c_void;

/// The default set number.
pub const NL_SETD: c_int = 1;
/// `catopen`'s flag to use `LC_MESSAGES` rather than `LANG`.
pub const NL_CAT_LOCALE: c_int = 1;

/// [catopen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/catopen.html):
/// `(nl_catd)-1` with `ENOENT` (no catalogs exist here).
///
/// # Safety
/// `name` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn catopen(name: *const c_char, flag: c_int) -> nl_catd {
    let _ = (name, flag);
    crate::header::stdlib::set_errno(Errno::ENOENT);
    usize::MAX as nl_catd
}

/// [catgets](https://pubs.opengroup.org/onlinepubs/9799919799/functions/catgets.html):
/// the default string `s` (`EBADF`: no catalog is open).
///
/// # Safety
/// `s` NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn catgets(
    catd: nl_catd,
    set: c_int,
    msg: c_int,
    s: *const c_char,
) -> *mut c_char {
    let _ = (catd, set, msg);
    crate::header::stdlib::set_errno(Errno::EBADF);
    s as *mut c_char
}

/// [catclose](https://pubs.opengroup.org/onlinepubs/9799919799/functions/catclose.html):
/// -1 with `EBADF` (no descriptor is ever valid).
#[unsafe(no_mangle)]
pub extern "C" fn catclose(catd: nl_catd) -> c_int {
    let _ = catd;
    crate::header::stdlib::set_errno(Errno::EBADF);
    -1
}
