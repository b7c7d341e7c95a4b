//! `stdio.h`: positioning (`fseek`/`fseeko`, `ftell`/`ftello`, `rewind`,
//! `fgetpos`/`fsetpos`).

use super::*;

/// [fseeko](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseeko.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko(f: *mut FILE, off: off_t, whence: c_int) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    Whence::from_c(whence)
        .ok_or(Errno::EINVAL)
        .and_then(|w| fr.seek(off, w))
        .or_minus_one_errno()
}

/// [fseek](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fseek.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseek(f: *mut FILE, off: c_long, whence: c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { fseeko(f, off as off_t, whence) }
}

/// [ftello](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftello.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello(f: *mut FILE) -> off_t {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { file(f) }.tell().or_minus_one_errno()
}

/// [ftell](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ftell.html)
///
/// `EOVERFLOW` past 2 GiB (`long` is 32-bit on wasm32): use `ftello`.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftell(f: *mut FILE) -> c_long {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let r = unsafe { file(f) }
        .tell()
        .and_then(|p| c_long::try_from(p).map_err(|_| Errno::EOVERFLOW));
    r.or_minus_one_errno()
}

/// [rewind](https://pubs.opengroup.org/onlinepubs/9799919799/functions/rewind.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewind(f: *mut FILE) {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let fr = unsafe { file(f) };
    let _ = fr.seek(0, Whence::Set);
    fr.flags &= !F_ERR;
}

/// [fgetpos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fgetpos.html)
///
/// # Safety
/// `f` is a live stream; `pos` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos(f: *mut FILE, pos: *mut fpos_t) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    let r = unsafe { file(f) }.tell().map(|p| {
        // SAFETY: caller contract.
        unsafe { (*pos).__pos = p };
    });
    r.or_minus_one_errno()
}

/// [fsetpos](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fsetpos.html)
///
/// # Safety
/// `f` is a live stream; `pos` is from `fgetpos`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos(f: *mut FILE, pos: *const fpos_t) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { file(f).seek((*pos).__pos, Whence::Set) }.or_minus_one_errno()
}
