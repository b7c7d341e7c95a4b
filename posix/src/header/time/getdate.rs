//! `getdate`: the input against each `strptime` format in the file named
//! by `DATEMSK`, one per line.

use super::conv::tm;
use super::strptime::strptime;
use crate::header::stdio::{fclose, ferror, fgets, fopen};
use crate::header::stdlib::getenv;
use crate::platform::{c_char, c_int};

/// Why the last `getdate` failed: 1 `DATEMSK` unset, 2 the file cannot be
/// opened, 5 a read error, 6 no memory, 7 no format matched.
#[unsafe(no_mangle)]
pub static mut getdate_err: c_int = 0;

/// `getdate`'s result.
static mut GETDATE_TM: tm = tm {
    tm_sec: 0,
    tm_min: 0,
    tm_hour: 0,
    tm_mday: 0,
    tm_mon: 0,
    tm_year: 0,
    tm_wday: 0,
    tm_yday: 0,
    tm_isdst: 0,
    tm_gmtoff: 0,
    tm_zone: core::ptr::null(),
};

/// [getdate](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getdate.html):
/// the first format of the `DATEMSK` file that `strptime` matches against
/// the whole of `s` (as wasi-libc: fields no format sets keep the values
/// of earlier attempts and calls; no defaults from the current time), in
/// a static `struct tm`; NULL with `getdate_err` set otherwise.
///
/// # Safety
/// `s` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdate(s: *const c_char) -> *mut tm {
    // SAFETY: single-threaded statics; the C strings are NUL-terminated.
    unsafe {
        let mask = getenv(c"DATEMSK".as_ptr());
        if mask.is_null() {
            getdate_err = 1;
            return core::ptr::null_mut();
        }
        let f = fopen(mask, c"r".as_ptr());
        if f.is_null() {
            getdate_err = if libc_core::errno::get_errno() == libc_core::Errno::ENOMEM {
                6
            } else {
                2
            };
            return core::ptr::null_mut();
        }
        let mut line = [0 as c_char; 100];
        let t = &raw mut GETDATE_TM;
        let mut ret = core::ptr::null_mut();
        while !fgets(line.as_mut_ptr(), line.len() as c_int, f).is_null() {
            let end = strptime(s, line.as_ptr(), t);
            if !end.is_null() && *end == 0 {
                ret = t;
                break;
            }
        }
        if ret.is_null() {
            getdate_err = if ferror(f) != 0 { 5 } else { 7 };
        }
        fclose(f);
        ret
    }
}
