//! `utime.h`

use crate::header::sys_stat::utimensat;
use crate::header::time::timespec;
use crate::platform::{c_char, c_int, time_t};

/// `struct utimbuf`: access and modification times in seconds.
#[repr(C)]
pub struct utimbuf {
    pub actime: time_t,
    pub modtime: time_t,
}

/// [utime](https://pubs.opengroup.org/onlinepubs/9799919799/functions/utime.html)
/// (obsolescent): `utimensat` with whole seconds, or the current time for
/// a NULL `times`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `times` NULL or valid
/// for a read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utime(path: *const c_char, times: *const utimbuf) -> c_int {
    let ts;
    let p = if times.is_null() {
        core::ptr::null()
    } else {
        // SAFETY: non-null and valid (caller contract).
        let t = unsafe { &*times };
        ts = [
            timespec {
                tv_sec: t.actime,
                tv_nsec: 0,
            },
            timespec {
                tv_sec: t.modtime,
                tv_nsec: 0,
            },
        ];
        ts.as_ptr()
    };
    // SAFETY: caller contract; `p` is NULL or two timespecs.
    unsafe { utimensat(crate::header::fcntl::AT_FDCWD, path, p, 0) }
}
