//! The `*_unlocked` forms (POSIX and glibc) and glibc's `_IO_*` names.
//!
//! One thread per instance: the plain functions take no lock, so each
//! `_unlocked` form is its plain function. The seam for a threads flavour:
//! the plain functions would then take the stream's lock (`flockfile`)
//! around the same code, and these names would keep calling that code
//! without the lock.

use super::{FILE, c_char, c_int, c_void, size_t};

/// [clearerr_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr_unlocked(f: *mut FILE) {
    // SAFETY: caller contract.
    unsafe { super::clearerr(f) }
}

/// [feof_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::feof(f) }
}

/// [ferror_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::ferror(f) }
}

/// [fflush_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is NULL or a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fflush(f) }
}

/// [fgetc_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fgetc(f) }
}

/// [fgets_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `s` is valid for `n` bytes; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets_unlocked(s: *mut c_char, n: c_int, f: *mut FILE) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe { super::fgets(s, n, f) }
}

/// [fileno_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fileno(f) }
}

/// [fputc_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fputc(c, f) }
}

/// [fputs_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// `s` is NUL-terminated; `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs_unlocked(s: *const c_char, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fputs(s, f) }
}

/// [fread_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// As for `fread`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread_unlocked(
    ptr: *mut c_void,
    size: size_t,
    n: size_t,
    f: *mut FILE,
) -> size_t {
    // SAFETY: caller contract.
    unsafe { super::fread(ptr, size, n, f) }
}

/// [fwrite_unlocked](https://man7.org/linux/man-pages/man3/unlocked_stdio.3.html)
///
/// # Safety
/// As for `fwrite`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite_unlocked(
    ptr: *const c_void,
    size: size_t,
    n: size_t,
    f: *mut FILE,
) -> size_t {
    // SAFETY: caller contract.
    unsafe { super::fwrite(ptr, size, n, f) }
}

/// `_IO_getc` (glibc's name of `getc`, for old binaries and headers).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_getc(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fgetc(f) }
}

/// `_IO_putc` (glibc's name of `putc`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_putc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fputc(c, f) }
}

/// `_IO_getc_unlocked` (glibc's name of `getc_unlocked`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_getc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fgetc(f) }
}

/// `_IO_putc_unlocked` (glibc's name of `putc_unlocked`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_putc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::fputc(c, f) }
}

/// `_IO_feof_unlocked` (glibc's name of `feof_unlocked`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_feof_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::feof(f) }
}

/// `_IO_ferror_unlocked` (glibc's name of `ferror_unlocked`).
///
/// # Safety
/// `f` is a live stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_ferror_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: caller contract.
    unsafe { super::ferror(f) }
}
