//! `stdio.h`: stream status (`feof`, `ferror`, `clearerr`).

use super::*;

/// [feof](https://pubs.opengroup.org/onlinepubs/9799919799/functions/feof.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof(f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_EOF != 0) as c_int
}

/// [ferror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ferror.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror(f: *mut FILE) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    (unsafe { file(f) }.flags & F_ERR != 0) as c_int
}

/// [clearerr](https://pubs.opengroup.org/onlinepubs/9799919799/functions/clearerr.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr(f: *mut FILE) {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { file(f) }.flags &= !(F_EOF | F_ERR);
}
