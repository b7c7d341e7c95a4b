//! `err.h`: the BSD `err`/`warn` family (not in wasi-libc; glibc's and
//! musl's format): `NAME: message: strerror(errno)\n` on stderr.

pub(crate) mod progname;

use crate::header::stdio::{fputs, stderr, vfprintf};
use crate::platform::{c_char, c_int};

/// Writes the message; `with_errno` appends `": "` and errno's text.
///
/// # Safety
/// `fmt` NULL or a format that `ap` matches.
unsafe fn report(fmt: *const c_char, ap: *const u8, with_errno: bool) {
    let e = libc_core::errno::get_errno();
    let f = stderr.0;
    // SAFETY: stderr is a live stream; the strings are NUL-terminated;
    // `fmt`/`ap` per caller contract.
    unsafe {
        fputs(progname::short(), f);
        fputs(c": ".as_ptr(), f);
        if !fmt.is_null() {
            vfprintf(f, fmt, ap as *mut c_char);
            if with_errno {
                fputs(c": ".as_ptr(), f);
            }
        }
        if with_errno {
            let msg = e.message().unwrap_or(c"Unknown error");
            fputs(msg.as_ptr(), f);
        }
        fputs(c"\n".as_ptr(), f);
    }
}

/// [vwarn](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that `ap` matches.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarn(fmt: *const c_char, ap: *const u8) {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, ap, true) }
}

/// [vwarnx](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that `ap` matches.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarnx(fmt: *const c_char, ap: *const u8) {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, ap, false) }
}

/// [warn](https://man7.org/linux/man-pages/man3/err.3.html) (variadic: `args` is the va-buffer)
///
/// # Safety
/// `fmt` NULL or a format that the arguments match.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn warn(fmt: *const c_char, args: *const u8) {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, args, true) }
}

/// [warnx](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that the arguments match.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn warnx(fmt: *const c_char, args: *const u8) {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, args, false) }
}

/// [verr](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that `ap` matches.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verr(status: c_int, fmt: *const c_char, ap: *const u8) -> ! {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, ap, true) };
    crate::header::stdlib::exit(status)
}

/// [verrx](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that `ap` matches.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verrx(status: c_int, fmt: *const c_char, ap: *const u8) -> ! {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, ap, false) };
    crate::header::stdlib::exit(status)
}

/// [err](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that the arguments match.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn err(status: c_int, fmt: *const c_char, args: *const u8) -> ! {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, args, true) };
    crate::header::stdlib::exit(status)
}

/// [errx](https://man7.org/linux/man-pages/man3/err.3.html)
///
/// # Safety
/// `fmt` NULL or a format that the arguments match.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn errx(status: c_int, fmt: *const c_char, args: *const u8) -> ! {
    // SAFETY: forwarded contract.
    unsafe { report(fmt, args, false) };
    crate::header::stdlib::exit(status)
}
