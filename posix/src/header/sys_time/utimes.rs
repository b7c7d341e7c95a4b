//! `utimes` and `futimesat`: file times from `struct timeval`s.

use super::timeval;
use crate::header::sys_stat::utimensat;
use crate::header::time::timespec;
use crate::platform::{c_char, c_int, c_long};
use libc_core::{Errno, OrMinusOneErrno};

/// [utimes](https://pubs.opengroup.org/onlinepubs/9799919799/functions/utimes.html)
/// (legacy): access and modification times from `tv[0]`, `tv[1]`, or now
/// for a NULL `tv`; `EINVAL` for microseconds outside `0..1000000`.
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string; `tv` NULL or valid for
/// two reads.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utimes(path: *const c_char, tv: *const timeval) -> c_int {
    // SAFETY: caller contract.
    unsafe { futimesat(crate::header::fcntl::AT_FDCWD, path, tv) }
}

/// `futimesat` (glibc, wasi-libc): `utimes` relative to the directory
/// `dirfd` (or `AT_FDCWD`).
///
/// # Safety
/// As for [`utimes`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimesat(dirfd: c_int, path: *const c_char, tv: *const timeval) -> c_int {
    let ts: [timespec; 2];
    let p = if tv.is_null() {
        core::ptr::null()
    } else {
        // SAFETY: valid for two reads (caller contract).
        let t = unsafe { [*tv, *tv.add(1)] };
        if t.iter().any(|t| !(0..1_000_000).contains(&t.tv_usec)) {
            return Err::<(), _>(Errno::EINVAL).or_minus_one_errno();
        }
        ts = t.map(|t| timespec {
            tv_sec: t.tv_sec,
            tv_nsec: (t.tv_usec * 1000) as c_long,
        });
        ts.as_ptr()
    };
    // SAFETY: caller contract; `p` is NULL or two timespecs.
    unsafe { utimensat(dirfd, path, p, 0) }
}
