//! `assert.h`: the `assert` macro (written in this header's `cbindgen.toml`)
//! calls [`__assert_fail`].

use crate::header::string::strlen;
use crate::platform::{c_char, c_uint};
use libc_core::{Pal, Sys};

/// Writes the C string `s` to stderr (errors ignored: we are about to abort).
///
/// # Safety
/// `s` NULL or NUL-terminated.
unsafe fn put(s: *const c_char) {
    if !s.is_null() {
        // SAFETY: caller contract.
        let b = unsafe { core::slice::from_raw_parts(s.cast::<u8>(), strlen(s)) };
        let _ = Sys::write(2, b);
    }
}

/// Reports a failed `assert` on stderr, glibc's way without the program
/// name (`file:line: func: Assertion `expr' failed.`), then `abort()`s.
/// stdio buffers are not flushed (as with `abort`).
///
/// # Safety
/// The strings NULL or NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __assert_fail(
    expr: *const c_char,
    file: *const c_char,
    line: c_uint,
    func: *const c_char,
) -> ! {
    let mut num = [0u8; 11];
    let mut i = num.len() - 1;
    let mut n = line;
    loop {
        i -= 1;
        num[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: caller contract; `num` is NUL-terminated.
    unsafe {
        put(file);
        put(c":".as_ptr());
        put(num[i..].as_ptr().cast());
        put(c": ".as_ptr());
        if !func.is_null() {
            put(func);
            put(c": ".as_ptr());
        }
        put(c"Assertion `".as_ptr());
        put(expr);
        put(c"' failed.\n".as_ptr());
    }
    crate::header::stdlib::abort()
}
