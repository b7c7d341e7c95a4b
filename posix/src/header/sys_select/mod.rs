//! `sys/select.h`: `select` on top of `poll`.

use crate::platform::c_int;
use libc_core::pal::net::{POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, PollFd};
use libc_core::{Errno, OrMinusOneErrno, PalNet, Sys};

/// Most descriptors an `fd_set` holds.
pub const FD_SETSIZE: c_int = 1024;

/// `fd_set`: one bit per descriptor (use the `FD_*` macros).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct fd_set {
    pub __bits: [u32; 32],
}

const _: () = assert!(FD_SETSIZE as usize == 32 * 32);

/// `struct timeval` lives in `sys/time.h`, which this header includes.
pub use crate::header::sys_time::timeval;

fn isset(s: *const fd_set, fd: usize) -> bool {
    // SAFETY: `s` non-null and valid (checked by the caller); fd < 1024.
    !s.is_null() && unsafe { (*s).__bits[fd / 32] } & (1 << (fd % 32)) != 0
}

fn set(s: *mut fd_set, fd: usize) {
    if !s.is_null() {
        // SAFETY: as in `isset`.
        unsafe { (*s).__bits[fd / 32] |= 1 << (fd % 32) };
    }
}

/// [select](https://pubs.opengroup.org/onlinepubs/9799919799/functions/select.html)
///
/// Implemented with `poll`: readable = `POLLIN`/`POLLHUP`/`POLLERR`,
/// writable = `POLLOUT`/`POLLERR`; the exception set is never reported
/// (no out-of-band data) and is cleared.
///
/// # Safety
/// Each set NULL or valid; `timeout` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn select(
    nfds: c_int,
    readfds: *mut fd_set,
    writefds: *mut fd_set,
    exceptfds: *mut fd_set,
    timeout: *mut timeval,
) -> c_int {
    let r = (|| {
        if !(0..=FD_SETSIZE).contains(&nfds) {
            return Err(Errno::EINVAL);
        }
        let t = if timeout.is_null() {
            None
        } else {
            // SAFETY: caller contract.
            let tv = unsafe { *timeout };
            if tv.tv_sec < 0 || !(0..1_000_000).contains(&tv.tv_usec) {
                return Err(Errno::EINVAL);
            }
            Some(
                (tv.tv_sec as u64)
                    .saturating_mul(1_000_000_000)
                    .saturating_add(tv.tv_usec as u64 * 1000),
            )
        };
        let mut list = [PollFd::default(); FD_SETSIZE as usize];
        let mut n = 0;
        for fd in 0..nfds as usize {
            let mut ev = 0;
            if isset(readfds, fd) {
                ev |= POLLIN;
            }
            if isset(writefds, fd) {
                ev |= POLLOUT;
            }
            if ev != 0 {
                list[n] = PollFd {
                    fd: fd as i32,
                    events: ev,
                    revents: 0,
                };
                n += 1;
            }
        }
        Sys::poll(&mut list[..n], t)?;
        if list[..n].iter().any(|p| p.revents & POLLNVAL != 0) {
            return Err(Errno::EBADF);
        }
        for s in [readfds, writefds, exceptfds] {
            if !s.is_null() {
                // SAFETY: caller contract.
                unsafe { (*s).__bits = [0; 32] };
            }
        }
        let mut count = 0;
        for p in &list[..n] {
            let fd = p.fd as usize;
            if p.events & POLLIN != 0 && p.revents & (POLLIN | POLLHUP | POLLERR) != 0 {
                set(readfds, fd);
                count += 1;
            }
            if p.events & POLLOUT != 0 && p.revents & (POLLOUT | POLLERR) != 0 {
                set(writefds, fd);
                count += 1;
            }
        }
        Ok(count)
    })();
    r.or_minus_one_errno()
}
mod pselect;
pub use pselect::*;
