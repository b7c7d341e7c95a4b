//! `poll.h`

use crate::platform::c_int;
use libc_core::pal::net::{self, PollFd};
use libc_core::{Errno, OrMinusOneErrno, PalNet, Sys};

/// `struct pollfd`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct pollfd {
    pub fd: c_int,
    pub events: core::ffi::c_short,
    pub revents: core::ffi::c_short,
}

pub type nfds_t = core::ffi::c_ulong;

pub const POLLIN: core::ffi::c_short = 0x1;
pub const POLLOUT: core::ffi::c_short = 0x2;
pub const POLLRDNORM: core::ffi::c_short = POLLIN;
pub const POLLWRNORM: core::ffi::c_short = POLLOUT;
/// Never reported (WASI has no out-of-band data).
pub const POLLPRI: core::ffi::c_short = 0x200;
pub const POLLERR: core::ffi::c_short = 0x1000;
pub const POLLHUP: core::ffi::c_short = 0x2000;
pub const POLLNVAL: core::ffi::c_short = 0x4000;

const _: () = assert!(
    POLLIN == net::POLLIN
        && POLLOUT == net::POLLOUT
        && POLLPRI == net::POLLPRI
        && POLLERR == net::POLLERR
        && POLLHUP == net::POLLHUP
        && POLLNVAL == net::POLLNVAL
        && core::mem::size_of::<pollfd>() == core::mem::size_of::<PollFd>()
);

/// Most descriptors one `poll` call takes.
const POLL_MAX: nfds_t = 1024;

/// [poll](https://pubs.opengroup.org/onlinepubs/9799919799/functions/poll.html)
///
/// Works on sockets, stdio streams and files (always ready). `timeout` in
/// milliseconds; negative waits forever.
///
/// # Safety
/// `fds` must be valid for `nfds` elements.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn poll(fds: *mut pollfd, nfds: nfds_t, timeout: c_int) -> c_int {
    let r = (|| {
        if nfds > POLL_MAX {
            return Err(Errno::EINVAL);
        }
        if nfds > 0 && fds.is_null() {
            return Err(Errno::EFAULT);
        }
        let list: &mut [PollFd] = if nfds == 0 {
            &mut []
        } else {
            // SAFETY: caller contract; pollfd and PollFd share a layout.
            unsafe { core::slice::from_raw_parts_mut(fds as *mut PollFd, nfds as usize) }
        };
        let t = (timeout >= 0).then(|| timeout as u64 * 1_000_000);
        Sys::poll(list, t).map(|n| n as c_int)
    })();
    r.or_minus_one_errno()
}
