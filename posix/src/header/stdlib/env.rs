//! `stdlib.h`: the environment (`getenv`, `setenv`, `unsetenv`, `putenv`,
//! `clearenv`) over `libc_core::env`.
//!
//! Initialization is lazy: the host's environment is fetched by the first of
//! these calls. A program that names the C variable `environ` links the
//! sysroot's `environ.o`, whose constructor fetches it before `main`, so
//! `environ` is valid from the start; `environ` follows every change made
//! here, and an array the program assigns to `environ` is used from then on.

use crate::platform::{c_char, c_int};
use libc_core::{Errno, OrMinusOneErrno, env};

/// A C string as bytes (NULL → `None`).
///
/// # Safety
/// `s` must be NULL or a NUL-terminated string that outlives `'a`.
unsafe fn bytes<'a>(s: *const c_char) -> Option<&'a [u8]> {
    // SAFETY: caller contract.
    (!s.is_null()).then(|| unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes())
}

/// A variable name `setenv`/`unsetenv` accept: non-empty, without `=`.
fn valid_name(name: Option<&[u8]>) -> Result<&[u8], Errno> {
    match name {
        Some(n) if !n.is_empty() && !n.contains(&b'=') => Ok(n),
        _ => Err(Errno::EINVAL),
    }
}

/// [getenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getenv.html)
///
/// # Safety
/// `name` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    match unsafe { bytes(name) } {
        Some(n) if !n.is_empty() && !n.contains(&b'=') => {
            env::get(n).map_or(core::ptr::null_mut(), |v| v.cast())
        }
        _ => core::ptr::null_mut(),
    }
}

/// `secure_getenv` (glibc): the same as `getenv` (a WASI program has no
/// set-user-id mode).
///
/// # Safety
/// `name` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn secure_getenv(name: *const c_char) -> *mut c_char {
    // SAFETY: caller contract.
    unsafe { getenv(name) }
}

/// [setenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setenv.html)
///
/// # Safety
/// `name` and `value` must be NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setenv(
    name: *const c_char,
    value: *const c_char,
    overwrite: c_int,
) -> c_int {
    // SAFETY: caller contract.
    let (n, v) = unsafe { (bytes(name), bytes(value)) };
    valid_name(n)
        .and_then(|n| env::set(n, v.unwrap_or(b""), overwrite != 0))
        .or_minus_one_errno()
}

/// [unsetenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/unsetenv.html)
///
/// # Safety
/// `name` must be NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    // SAFETY: caller contract.
    valid_name(unsafe { bytes(name) })
        .and_then(env::unset)
        .or_minus_one_errno()
}

/// [putenv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/putenv.html)
///
/// `s` itself becomes part of the environment (it is not copied). A string
/// without `=` removes that variable (glibc and musl do the same).
///
/// # Safety
/// `s` must be a NUL-terminated string that stays valid while it is in the
/// environment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putenv(s: *mut c_char) -> c_int {
    if s.is_null() {
        return Err::<(), Errno>(Errno::EINVAL).or_minus_one_errno();
    }
    // SAFETY: caller contract.
    unsafe { env::put(s.cast()) }.or_minus_one_errno()
}

/// `clearenv` (glibc, musl): empties the environment.
#[unsafe(no_mangle)]
pub extern "C" fn clearenv() -> c_int {
    env::clear();
    0
}

/// Called by `environ.o`'s constructor with the address of the C variable
/// `environ`, before `main`.
///
/// # Safety
/// `var` must be valid for the program's life.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_environ_init(var: *mut *mut *mut c_char) {
    // SAFETY: caller contract.
    unsafe { env::register_c_environ(var.cast()) }
}
