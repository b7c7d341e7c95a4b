//! `ecvt`, `fcvt`, `gcvt` (legacy, removed from POSIX in 2008): digits from
//! the exact printf formatter, with wasi-libc's limits (at most 16 digits
//! for `ecvt`, 1400 decimals for `fcvt`).

use crate::header::stdio::snprintf;
use crate::platform::{c_char, c_int};

/// printf's va-buffer for `(int precision, double value)`.
#[repr(C)]
struct Args {
    prec: c_int,
    _pad: c_int,
    x: f64,
}

/// `snprintf(buf, len, fmt, prec, x)`; the length written.
fn format(buf: &mut [u8], fmt: &core::ffi::CStr, prec: c_int, x: f64) -> usize {
    let a = Args { prec, _pad: 0, x };
    // SAFETY: buf is writable for its length; the format takes an int and
    // a double, laid out in `a` as the wasm32 va-buffer expects.
    let n = unsafe {
        snprintf(
            buf.as_mut_ptr().cast(),
            buf.len(),
            fmt.as_ptr(),
            (&raw const a).cast(),
        )
    };
    (n.max(0) as usize).min(buf.len().saturating_sub(1))
}

/// `ecvt`'s and `fcvt`'s result.
static mut ECVT: [u8; 17] = [0; 17];

/// [ecvt](https://pubs.opengroup.org/onlinepubs/009695399/functions/ecvt.html):
/// the first `n` significant digits of `x`, rounded (static buffer);
/// `*decpt` the decimal point's position, `*sign` nonzero if negative.
///
/// # Safety
/// `decpt` and `sign` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ecvt(
    x: f64,
    n: c_int,
    decpt: *mut c_int,
    sign: *mut c_int,
) -> *mut c_char {
    let n = if (n as u32).wrapping_sub(1) > 15 {
        15
    } else {
        n
    };
    let mut tmp = [0u8; 32];
    let len = format(&mut tmp, c"%.*e", n - 1, x);
    let t = &tmp[..len];
    let neg = t.first() == Some(&b'-');
    // SAFETY: single-threaded use of the static buffer; the pointers per
    // caller contract.
    unsafe {
        let buf = (&raw mut ECVT).cast::<u8>();
        let mut j = 0;
        let mut i = neg as usize;
        while i < t.len() && t[i] != b'e' {
            if t[i] != b'.' && j < 16 {
                *buf.add(j) = t[i];
                j += 1;
            }
            i += 1;
        }
        *buf.add(j) = 0;
        let mut e: c_int = 0;
        let mut k = i + 1;
        let eneg = t.get(k) == Some(&b'-');
        if matches!(t.get(k), Some(b'-' | b'+')) {
            k += 1;
        }
        while let Some(&d) = t.get(k).filter(|d| d.is_ascii_digit()) {
            e = e * 10 + (d - b'0') as c_int;
            k += 1;
        }
        *decpt = if eneg { -e } else { e } + 1;
        *sign = neg as c_int;
        buf.cast()
    }
}

/// `fcvt`'s run of zeros for results without significant digits.
static ZEROS: [u8; 16] = *b"000000000000000\0";

/// [fcvt](https://pubs.opengroup.org/onlinepubs/009695399/functions/fcvt.html):
/// like [`ecvt`] with `n` digits after the decimal point.
///
/// # Safety
/// `decpt` and `sign` writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fcvt(
    x: f64,
    n: c_int,
    decpt: *mut c_int,
    sign: *mut c_int,
) -> *mut c_char {
    let n = if n as u32 > 1400 { 1400 } else { n };
    let mut tmp = [0u8; 1500];
    let len = format(&mut tmp, c"%.*f", n, x);
    let t = &tmp[..len];
    let i = (t.first() == Some(&b'-')) as usize;
    let lz: c_int = if t.get(i) == Some(&b'0') {
        t.get(i + 2..)
            .map_or(0, |r| r.iter().take_while(|&&b| b == b'0').count()) as c_int
    } else {
        -(t[i..].iter().take_while(|&&b| b != b'.').count() as c_int)
    };
    if n <= lz {
        // SAFETY: caller contract.
        unsafe {
            *sign = i as c_int;
            *decpt = 1;
        }
        let k = if n as u32 > 14 { 14 } else { n as usize };
        return ZEROS[14 - k..].as_ptr().cast_mut().cast();
    }
    // SAFETY: forwarded contract.
    unsafe { ecvt(x, n - lz, decpt, sign) }
}

/// [gcvt](https://pubs.opengroup.org/onlinepubs/009695399/functions/gcvt.html):
/// `sprintf(buf, "%.*g", ndigit, x)`.
///
/// # Safety
/// `buf` large enough for the result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gcvt(x: f64, ndigit: c_int, buf: *mut c_char) -> *mut c_char {
    let a = Args {
        prec: ndigit,
        _pad: 0,
        x,
    };
    // SAFETY: caller contract (room for the result); va-buffer as above.
    unsafe {
        snprintf(
            buf,
            i32::MAX as usize,
            c"%.*g".as_ptr(),
            (&raw const a).cast(),
        )
    };
    buf
}
