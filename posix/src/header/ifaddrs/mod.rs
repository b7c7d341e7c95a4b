//! `ifaddrs.h`: the network interfaces of the system.
//!
//! Neither WASI preview1 nor WASI 0.2 lets a guest enumerate the host's
//! interfaces, so `getifaddrs` fails with `ENOSYS` and never hands out a
//! list; `freeifaddrs` has nothing to free.

use crate::header::sys_socket::sockaddr;
use crate::platform::{c_char, c_int, c_uint, c_void};
use libc_core::{Errno, OrMinusOneErrno};

/// One interface address (a linked list).
#[repr(C)]
pub struct ifaddrs {
    pub ifa_next: *mut ifaddrs,
    pub ifa_name: *mut c_char,
    pub ifa_flags: c_uint,
    pub ifa_addr: *mut sockaddr,
    pub ifa_netmask: *mut sockaddr,
    /// `ifa_broadaddr` or `ifa_dstaddr`, as `IFF_BROADCAST`/`IFF_POINTOPOINT` say.
    pub ifa_ifu: *mut sockaddr,
    pub ifa_data: *mut c_void,
}

/// [getifaddrs](https://man7.org/linux/man-pages/man3/getifaddrs.3.html)
///
/// WASI cannot enumerate interfaces: `ENOSYS`, `*ifap` untouched.
#[unsafe(no_mangle)]
pub extern "C" fn getifaddrs(_ifap: *mut *mut ifaddrs) -> c_int {
    Err::<c_int, Errno>(Errno::ENOSYS).or_minus_one_errno()
}

/// [freeifaddrs](https://man7.org/linux/man-pages/man3/freeifaddrs.3.html)
///
/// `getifaddrs` never succeeds, so no list exists to free: does nothing.
#[unsafe(no_mangle)]
pub extern "C" fn freeifaddrs(_ifa: *mut ifaddrs) {}
