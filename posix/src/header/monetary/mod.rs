//! `monetary.h`: `strfmon` in the C locale, where the currency symbols,
//! the monetary decimal point and grouping are all empty (`localeconv`),
//! so an amount is printed as `printf("%*.*f")` would: `%n`/`%i` take a
//! `double`; the flags `=f ^ ( + !` are accepted and change nothing there
//! (as in wasi-libc); the left precision `#n` (digits before the point,
//! padded with spaces), the right precision `.p` (default 2) and the
//! field width apply, `-` pads on the right (POSIX; wasi-libc drops the
//! width instead). The result is NUL-terminated; `E2BIG` if it and its
//! NUL do not fit, `EINVAL` for an unknown conversion.

use crate::header::locale::locale_t;
use crate::platform::{c_char, size_t, ssize_t};
use libc_core::Errno;

/// The arguments of `printf("%*.*f", width, prec, x)` as a va-buffer.
#[repr(C)]
struct FixedArgs {
    width: i32,
    prec: i32,
    x: f64,
}

/// The formatter over the va-buffer `args` (each `double` 8-aligned).
///
/// # Safety
/// `s` valid for `max` bytes; `fmt` NUL-terminated; `args` holds a
/// `double` for each conversion.
unsafe fn format(
    s: *mut c_char,
    max: size_t,
    fmt: *const c_char,
    mut args: *const u8,
) -> Result<usize, Errno> {
    // SAFETY: caller contract.
    let f = unsafe { core::ffi::CStr::from_ptr(fmt) }.to_bytes();
    let mut out = 0usize;
    let mut i = 0;
    let put = |out: &mut usize, b: u8| -> Result<(), Errno> {
        if *out + 1 >= max {
            return Err(Errno::E2BIG);
        }
        // SAFETY: out + 1 < max.
        unsafe { *s.add(*out) = b as c_char };
        *out += 1;
        Ok(())
    };
    while i < f.len() {
        if f[i] != b'%' {
            put(&mut out, f[i])?;
            i += 1;
            continue;
        }
        i += 1;
        if f.get(i) == Some(&b'%') {
            put(&mut out, b'%')?;
            i += 1;
            continue;
        }
        let mut left = false;
        while let Some(&c) = f.get(i) {
            match c {
                b'=' => i += 1,
                b'^' | b'(' | b'+' | b'!' => {}
                b'-' => left = true,
                _ => break,
            }
            i += 1;
        }
        let num = |i: &mut usize| {
            let mut n: i32 = 0;
            while let Some(d) = f.get(*i).filter(|d| d.is_ascii_digit()) {
                n = n.saturating_mul(10).saturating_add((d - b'0') as i32);
                *i += 1;
            }
            n
        };
        let fw = num(&mut i);
        let lp = if f.get(i) == Some(&b'#') {
            i += 1;
            num(&mut i)
        } else {
            0
        };
        let rp = if f.get(i) == Some(&b'.') {
            i += 1;
            num(&mut i)
        } else {
            2
        };
        if !matches!(f.get(i), Some(b'i' | b'n')) {
            return Err(Errno::EINVAL);
        }
        i += 1;
        args = args.wrapping_add(args.align_offset(8));
        // SAFETY: caller contract: a double for each conversion.
        let x = unsafe { args.cast::<f64>().read() };
        args = args.wrapping_add(8);
        let mut w = lp.saturating_add(1).saturating_add(rp);
        if !left && fw > w {
            w = fw;
        }
        let a = FixedArgs {
            width: w,
            prec: rp,
            x,
        };
        let room = max - out;
        // SAFETY: room bytes at s + out; the va-buffer matches "%*.*f".
        let n = unsafe {
            crate::header::stdio::snprintf(
                s.add(out),
                room,
                c"%*.*f".as_ptr(),
                (&raw const a).cast(),
            )
        };
        if n < 0 || n as usize >= room {
            return Err(Errno::E2BIG);
        }
        out += n as usize;
        if left {
            let mut len = n;
            while len < fw {
                put(&mut out, b' ')?;
                len += 1;
            }
        }
    }
    if max == 0 {
        return Err(Errno::E2BIG);
    }
    // SAFETY: out < max (put keeps room for the NUL).
    unsafe { *s.add(out) = 0 };
    Ok(out)
}

fn finish(r: Result<usize, Errno>) -> ssize_t {
    match r {
        Ok(n) => n as ssize_t,
        Err(e) => {
            crate::header::stdlib::set_errno(e);
            -1
        }
    }
}

/// [strfmon](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strfmon.html)
///
/// # Safety
/// `s` valid for `max` bytes; `fmt` NUL-terminated; a `double` argument
/// for each conversion (the va-buffer `args`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strfmon(
    s: *mut c_char,
    max: size_t,
    fmt: *const c_char,
    args: *const u8,
) -> ssize_t {
    // SAFETY: caller contract.
    finish(unsafe { format(s, max, fmt, args) })
}

/// [strfmon_l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/strfmon.html)
///
/// # Safety
/// As [`strfmon`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strfmon_l(
    s: *mut c_char,
    max: size_t,
    l: locale_t,
    fmt: *const c_char,
    args: *const u8,
) -> ssize_t {
    let _ = l;
    // SAFETY: caller contract.
    finish(unsafe { format(s, max, fmt, args) })
}
