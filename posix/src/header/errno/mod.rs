//! `errno.h`

use crate::platform::c_int;

/// Address of the calling thread's `errno` (the `errno` macro).
#[unsafe(no_mangle)]
pub extern "C" fn __errno_location() -> *mut c_int {
    libc_core::errno::errno_location()
}
