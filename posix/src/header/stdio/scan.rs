//! `stdio.h`: the scanf family's entry points (over [`super::scanf`]).

use super::*;

/// [vfscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vfscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfscanf(f: *mut FILE, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { scanf::scan_file(file(f), fmt.cast(), VaList(ap.cast())) }
}

/// [vscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vscanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and `ap` matches it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(stdin.0) };
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { scanf::scan_file(file(stdin.0), fmt.cast(), VaList(ap.cast())) }
}

/// [vsscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/vsscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and `ap` matches `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: va_list) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_str(s.cast(), fmt.cast(), VaList(ap.cast())) }
}

/// [scanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/scanf.html)
///
/// # Safety
/// `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scanf(fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(stdin.0) };
    // SAFETY: caller contract; stdin is a live static stream.
    unsafe { scanf::scan_file(file(stdin.0), fmt.cast(), VaList(args)) }
}

/// [fscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/fscanf.html)
///
/// # Safety
/// `f` is a live stream; `fmt` is NUL-terminated and the arguments match it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fscanf(f: *mut FILE, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: a live stream (caller contract), for this call.
    let _g = unsafe { file::guard(f) };
    // SAFETY: caller contract.
    unsafe { scanf::scan_file(file(f), fmt.cast(), VaList(args)) }
}

/// [sscanf](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sscanf.html)
///
/// # Safety
/// `s` and `fmt` are NUL-terminated and the arguments match `fmt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sscanf(s: *const c_char, fmt: *const c_char, args: *const u8) -> c_int {
    // SAFETY: caller contract.
    unsafe { scanf::scan_str(s.cast(), fmt.cast(), VaList(args)) }
}
