//! Further stdio names: the large-file aliases (`off_t` is 64-bit
//! already), glibc's `__isoc99_*scanf` names, `getw`/`putw` (SVID) and
//! `fgetln` (BSD).

use super::va::VaList;
use super::{FILE, c_char, c_int, c_void, fpos_t, off_t, size_t, va_list};

/// `fopen64`: `fopen` (`off_t` is 64-bit).
///
/// # Safety
/// As for `fopen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen64(path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: caller contract.
    unsafe { super::fopen(path, mode) }
}

/// `freopen64`: `freopen`.
///
/// # Safety
/// As for `freopen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen64(
    path: *const c_char,
    mode: *const c_char,
    f: *mut FILE,
) -> *mut FILE {
    // SAFETY: caller contract.
    unsafe { super::freopen(path, mode, f) }
}

/// `fseeko64`: `fseeko`.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko64(f: *mut FILE, off: off_t, whence: c_int) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fseeko(f, off, whence) }
}

/// `ftello64`: `ftello`.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello64(f: *mut FILE) -> off_t {
    // SAFETY: caller contract.
    unsafe { super::ftello(f) }
}

/// `fgetpos64`: `fgetpos` (`fpos64_t` is `fpos_t`).
///
/// # Safety
/// As for `fgetpos`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos64(f: *mut FILE, pos: *mut fpos_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fgetpos(f, pos) }
}

/// `fsetpos64`: `fsetpos`.
///
/// # Safety
/// As for `fsetpos`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos64(f: *mut FILE, pos: *const fpos_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fsetpos(f, pos) }
}

// ---- glibc's C99 scanf names ------------------------------------------------
//
// glibc's headers send `scanf` & co. to these (its plain names keep the
// pre-C99 GNU `%a` = allocate meaning); here `scanf` is C99 already.

/// `__isoc99_scanf`: `scanf`.
///
/// # Safety
/// As for `scanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_scanf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::scanf(fmt, args) }
}

/// `__isoc99_fscanf`: `fscanf`.
///
/// # Safety
/// As for `fscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_fscanf(
    f: *mut FILE,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fscanf(f, fmt, args) }
}

/// `__isoc99_sscanf`: `sscanf`.
///
/// # Safety
/// As for `sscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_sscanf(
    s: *const c_char,
    fmt: *const c_char,
    args: *const u8,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::sscanf(s, fmt, args) }
}

/// `__isoc99_vscanf`: `vscanf`.
///
/// # Safety
/// As for `vscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vscanf(fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::vscanf(fmt, ap) }
}

/// `__isoc99_vfscanf`: `vfscanf`.
///
/// # Safety
/// As for `vfscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vfscanf(f: *mut FILE, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::vfscanf(f, fmt, ap) }
}

/// `__isoc99_vsscanf`: `vsscanf`.
///
/// # Safety
/// As for `vsscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vsscanf(
    s: *const c_char,
    fmt: *const c_char,
    ap: va_list,
) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::scanf::scan_str(s.cast(), fmt.cast(), VaList(ap.cast())) }
}

// ---- getw, putw, fgetln -------------------------------------------------------

/// [getw](https://man7.org/linux/man-pages/man3/getw.3.html) (SVID): reads
/// an `int` (its 4 bytes); `EOF` at end of file or on error.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getw(f: *mut FILE) -> c_int {
    let mut v: c_int = 0;
    // SAFETY: caller contract; `v` holds 4 bytes.
    let n = unsafe { super::fread((&raw mut v).cast::<c_void>(), 4, 1, f) };
    if n == 1 { v } else { super::EOF }
}

/// [putw](https://man7.org/linux/man-pages/man3/putw.3.html) (SVID):
/// writes an `int` (its 4 bytes); 0, or `EOF` on error.
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putw(w: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract; `w` holds 4 bytes.
    let n = unsafe { super::fwrite((&raw const w).cast::<c_void>(), 4, 1, f) };
    if n == 1 { 0 } else { super::EOF }
}

/// The line `fgetln` hands out: valid until its next call.
static LN: libc_core::single::Single<(*mut c_char, size_t)> =
    libc_core::single::Single::new((core::ptr::null_mut(), 0));

/// [fgetln](https://man.freebsd.org/cgi/man.cgi?query=fgetln) (BSD): the
/// next line, newline included (the last one may lack it), not
/// NUL-terminated; its length in `*len`. NULL at end of file or on error.
/// The line stays valid until the next `fgetln` call (on any stream).
///
/// # Safety
/// `f` is a live stream; `len` is valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetln(f: *mut FILE, len: *mut size_t) -> *mut c_char {
    // SAFETY: caller contract; single-threaded.
    unsafe {
        let fr = &mut *f;
        // A whole line in the buffer: hand it out in place.
        let avail = fr.unread();
        if let Some(i) = avail.iter().position(|&b| b == b'\n') {
            let p = avail.as_ptr() as *mut c_char;
            fr.rpos += i + 1;
            *len = i + 1;
            return p;
        }
        let ln = &mut *LN.get();
        let n = super::getdelim(&mut ln.0, &mut ln.1, b'\n' as c_int, f);
        if n <= 0 {
            return core::ptr::null_mut();
        }
        *len = n as size_t;
        ln.0
    }
}

/// `iprintf` (newlib, wasi-libc): `printf` without floating point (a
/// float or wide-string conversion fails with `EINVAL`), the public name of
/// `__iprintf`.
///
/// # Safety
/// As for `printf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iprintf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::__iprintf(fmt, args) }
}
