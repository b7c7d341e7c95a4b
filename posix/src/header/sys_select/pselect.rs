//! `pselect`.

use super::{fd_set, select};
use crate::header::signal::{SIG_SETMASK, sigprocmask, sigset_t};
use crate::header::sys_time::timeval;
use crate::header::time::timespec;
use crate::platform::c_int;
use libc_core::{Errno, OrMinusOneErrno};

/// [pselect](https://pubs.opengroup.org/onlinepubs/9799919799/functions/pselect.html)
///
/// `select` with a `timespec` timeout (rounded up to microseconds) and,
/// when `sigmask` is not NULL, that signal mask in force during the call
/// (signals are only ever raised by the program itself, so none arrives
/// while it waits; signals the mask unblocks that were pending run first,
/// as they would on entry).
///
/// # Safety
/// Each set NULL or valid; `timeout` and `sigmask` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pselect(
    nfds: c_int,
    readfds: *mut fd_set,
    writefds: *mut fd_set,
    exceptfds: *mut fd_set,
    timeout: *const timespec,
    sigmask: *const sigset_t,
) -> c_int {
    let mut tv = timeval::default();
    let tvp = if timeout.is_null() {
        core::ptr::null_mut()
    } else {
        // SAFETY: valid for a read (caller contract).
        let t = unsafe { *timeout };
        if t.tv_sec < 0 || !(0..1_000_000_000).contains(&t.tv_nsec) {
            return Err::<(), _>(Errno::EINVAL).or_minus_one_errno();
        }
        tv.tv_sec = t.tv_sec;
        tv.tv_usec = (t.tv_nsec as u64).div_ceil(1000) as i64;
        if tv.tv_usec == 1_000_000 {
            tv.tv_sec += 1;
            tv.tv_usec = 0;
        }
        &mut tv
    };
    let mut old: sigset_t = 0;
    if !sigmask.is_null() {
        // SAFETY: valid (caller contract); `old` is ours.
        unsafe { sigprocmask(SIG_SETMASK, sigmask, &mut old) };
    }
    // SAFETY: caller contract.
    let r = unsafe { select(nfds, readfds, writefds, exceptfds, tvp) };
    if !sigmask.is_null() {
        // SAFETY: our own set.
        unsafe { sigprocmask(SIG_SETMASK, &old, core::ptr::null_mut()) };
    }
    r
}
