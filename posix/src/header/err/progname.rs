//! The program's name from `argv[0]`, for err.h's messages and for
//! `program_invocation_name` / `program_invocation_short_name` (`__progname_full`
//! / `__progname`), which live in the `libc.a` member `progname.o`
//! (crt/progname.ll) so that only programs naming them fetch the arguments
//! at start-up.

use crate::platform::c_char;
use libc_core::{Pal, Sys};

/// argv[0], fetched on first use (NULL until then).
static mut FULL: *mut c_char = core::ptr::null_mut();

/// `argv[0]` as the host passed it, or `""` without arguments.
pub(crate) fn full() -> *mut c_char {
    // SAFETY: single-threaded; FULL is only written here.
    unsafe {
        if FULL.is_null() {
            FULL = match Sys::args() {
                Ok((argc, argv)) if argc > 0 && !(*argv).is_null() => (*argv).cast(),
                _ => c"".as_ptr().cast_mut(),
            };
        }
        FULL
    }
}

/// `argv[0]` after its last `/`.
pub(crate) fn short() -> *mut c_char {
    let f = full();
    // SAFETY: `full` returns a NUL-terminated string.
    let s = unsafe { core::ffi::CStr::from_ptr(f) }.to_bytes();
    let cut = s.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    f.wrapping_add(cut)
}

/// Fills in `__progname_full` and `__progname` (called by progname.o's
/// constructor).
///
/// # Safety
/// Both pointers writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_progname_init(
    full_out: *mut *mut c_char,
    short_out: *mut *mut c_char,
) {
    // SAFETY: caller contract.
    unsafe {
        *full_out = full();
        *short_out = short();
    }
}
