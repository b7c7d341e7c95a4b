//! `libgen.h`: POSIX `basename` and `dirname` (they may modify their
//! argument: trailing slashes are cut off in place), and glibc's name for
//! the POSIX `basename`, `__xpg_basename`.

use crate::platform::c_char;

/// `"."` for NULL or empty arguments (a writable static: callers may not
/// modify it, but the return type is `char *`).
static mut DOT: [c_char; 2] = [b'.' as c_char, 0];
/// `"/"` for the root.
static mut SLASH: [c_char; 2] = [b'/' as c_char, 0];

/// Byte `i` of `s`.
///
/// # Safety
/// `s + i` readable.
#[inline]
unsafe fn at(s: *const c_char, i: usize) -> u8 {
    // SAFETY: caller contract.
    unsafe { *s.add(i) as u8 }
}

/// [basename](https://pubs.opengroup.org/onlinepubs/9799919799/functions/basename.html):
/// the last component of `path`, trailing slashes removed (`"/"` for a
/// path of slashes only, `"."` for NULL or `""`).
///
/// # Safety
/// `path` NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn basename(path: *mut c_char) -> *mut c_char {
    // SAFETY: caller contract; indices stay below strlen(path).
    unsafe {
        if path.is_null() || *path == 0 {
            return (&raw mut DOT).cast();
        }
        let mut i = core::ffi::CStr::from_ptr(path).to_bytes().len() - 1;
        while i > 0 && at(path, i) == b'/' {
            *path.add(i) = 0;
            i -= 1;
        }
        while i > 0 && at(path, i - 1) != b'/' {
            i -= 1;
        }
        path.add(i)
    }
}

/// `__xpg_basename`: glibc's symbol for the POSIX [`basename`] (its
/// `<libgen.h>` renames `basename` to it).
///
/// # Safety
/// As [`basename`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __xpg_basename(path: *mut c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { basename(path) }
}

/// [dirname](https://pubs.opengroup.org/onlinepubs/9799919799/functions/dirname.html):
/// `path` without its last component and the slashes before it (`"/"`
/// when only the root remains, `"."` when no slash is left).
///
/// # Safety
/// `path` NULL or a writable NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dirname(path: *mut c_char) -> *mut c_char {
    // SAFETY: caller contract; indices stay below strlen(path).
    unsafe {
        if path.is_null() || *path == 0 {
            return (&raw mut DOT).cast();
        }
        let mut i = core::ffi::CStr::from_ptr(path).to_bytes().len() - 1;
        // Trailing slashes, then the last component, then the slashes
        // before it.
        while at(path, i) == b'/' {
            if i == 0 {
                return (&raw mut SLASH).cast();
            }
            i -= 1;
        }
        while at(path, i) != b'/' {
            if i == 0 {
                return (&raw mut DOT).cast();
            }
            i -= 1;
        }
        while at(path, i) == b'/' {
            if i == 0 {
                return (&raw mut SLASH).cast();
            }
            i -= 1;
        }
        *path.add(i + 1) = 0;
        path
    }
}
