//! XSI odds: `a64l`/`l64a` (radix-64 ASCII) and `getsubopt`.

use crate::platform::{c_char, c_int, c_long};

/// The radix-64 digits, value 0 first.
const DIGITS: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// [a64l](https://pubs.opengroup.org/onlinepubs/9799919799/functions/a64l.html):
/// up to 6 radix-64 digits, least significant first, as a 32-bit value
/// (stops at the first byte that is not a digit).
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a64l(s: *const c_char) -> c_long {
    let mut x: u32 = 0;
    for k in 0..6 {
        // SAFETY: we stop at the NUL (caller contract).
        let c = unsafe { *s.add(k) } as u8;
        let Some(d) = DIGITS.iter().position(|&b| b == c) else {
            break;
        };
        x |= (d as u32) << (6 * k);
    }
    x as i32 as c_long
}

/// `l64a`'s result.
static mut L64A: [c_char; 7] = [0; 7];

/// [l64a](https://pubs.opengroup.org/onlinepubs/9799919799/functions/l64a.html):
/// the low 32 bits of `value` in radix 64 (`""` for 0), in a static buffer.
#[unsafe(no_mangle)]
pub extern "C" fn l64a(value: c_long) -> *mut c_char {
    let mut x = value as u32;
    // SAFETY: single-threaded use of the static buffer (7 bytes: at most 6
    // digits and the NUL).
    unsafe {
        let p = &raw mut L64A as *mut c_char;
        let mut i = 0;
        while x != 0 {
            *p.add(i) = DIGITS[(x & 63) as usize] as c_char;
            x >>= 6;
            i += 1;
        }
        *p.add(i) = 0;
        p
    }
}

/// [getsubopt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsubopt.html):
/// the index in `keys` of the first `name[=value]` of the comma-separated
/// list at `*optionp` (-1 if none matches; `*valuep` then NULL, as in
/// wasi-libc), which is cut off in place; `*optionp` moves past it.
///
/// # Safety
/// `*optionp` a writable NUL-terminated string; `keys` NULL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsubopt(
    optionp: *mut *mut c_char,
    keys: *const *mut c_char,
    valuep: *mut *mut c_char,
) -> c_int {
    // SAFETY: caller contract.
    unsafe {
        let s = *optionp;
        *valuep = core::ptr::null_mut();
        let mut end = s;
        while *end != 0 && *end as u8 != b',' {
            end = end.add(1);
        }
        if *end != 0 {
            *end = 0;
            *optionp = end.add(1);
        } else {
            *optionp = end;
        }
        let tok = core::ffi::CStr::from_ptr(s).to_bytes();
        let mut i = 0;
        while !(*keys.add(i)).is_null() {
            let k = core::ffi::CStr::from_ptr(*keys.add(i)).to_bytes();
            if tok.starts_with(k) {
                match tok.get(k.len()) {
                    None => return i as c_int,
                    Some(b'=') => {
                        *valuep = s.add(k.len() + 1);
                        return i as c_int;
                    }
                    Some(_) => {}
                }
            }
            i += 1;
        }
        -1
    }
}
