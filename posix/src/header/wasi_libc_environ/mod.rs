//! `wasi/libc-environ.h`: wasi-libc's control of when the environment is
//! fetched from the host.
//!
//! The library fetches the environment lazily, the first time something
//! reads it (`getenv`, `environ`, ...); these functions make that happen
//! now, or hand out the array.

use crate::platform::c_char;

/// Fetches the environment from the host if that has not happened yet.
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_initialize_environ() {
    let _ = libc_core::env::array();
}

/// The same as [`__wasilibc_initialize_environ`].
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_ensure_environ() {
    let _ = libc_core::env::array();
}

/// Empties the environment (as `clearenv` does; wasi-libc's version also
/// forgets it).
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_deinitialize_environ() {
    libc_core::env::clear();
}

/// wasi-libc re-reads the environment here when it was read eagerly; this
/// library reads it once, on first use: nothing to do.
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_maybe_reinitialize_environ_eagerly() {}

/// The environment array (`NAME=value` strings, NULL-terminated), fetched
/// first if need be.
#[unsafe(no_mangle)]
pub extern "C" fn __wasilibc_get_environ() -> *mut *mut c_char {
    libc_core::env::array().cast()
}
