//! `netinet/in.h`: IP address structures, protocol numbers and byte order.

use crate::header::sys_socket::sa_family_t;
use crate::platform::c_int;

pub type in_port_t = u16;
pub type in_addr_t = u32;

/// `struct in_addr` (network byte order).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct in_addr {
    pub s_addr: in_addr_t,
}

/// `struct in6_addr` (network byte order).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct in6_addr {
    pub s6_addr: [u8; 16],
}

/// `struct sockaddr_in`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sockaddr_in {
    pub sin_family: sa_family_t,
    pub sin_port: in_port_t,
    pub sin_addr: in_addr,
    pub sin_zero: [u8; 8],
}

/// `struct sockaddr_in6`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sockaddr_in6 {
    pub sin6_family: sa_family_t,
    pub sin6_port: in_port_t,
    pub sin6_flowinfo: u32,
    pub sin6_addr: in6_addr,
    pub sin6_scope_id: u32,
}

/// `struct ipv6_mreq` (declared for source compatibility).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct ipv6_mreq {
    pub ipv6mr_multiaddr: in6_addr,
    pub ipv6mr_interface: core::ffi::c_uint,
}

pub const IPPROTO_IP: c_int = 0;
pub const IPPROTO_ICMP: c_int = 1;
pub const IPPROTO_TCP: c_int = 6;
pub const IPPROTO_UDP: c_int = 17;
pub const IPPROTO_IPV6: c_int = 41;
pub const IPPROTO_RAW: c_int = 255;

pub const IP_TTL: c_int = 2;
pub const IPV6_UNICAST_HOPS: c_int = 16;
pub const IPV6_V6ONLY: c_int = 26;

pub const INADDR_ANY: in_addr_t = 0;
pub const INADDR_BROADCAST: in_addr_t = 0xffff_ffff;
pub const INADDR_NONE: in_addr_t = 0xffff_ffff;
pub const INADDR_LOOPBACK: in_addr_t = 0x7f00_0001;

pub const INET_ADDRSTRLEN: c_int = 16;
pub const INET6_ADDRSTRLEN: c_int = 46;

/// `in6addr_any` (`::`).
#[unsafe(no_mangle)]
pub static in6addr_any: in6_addr = in6_addr { s6_addr: [0; 16] };

/// `in6addr_loopback` (`::1`).
#[unsafe(no_mangle)]
pub static in6addr_loopback: in6_addr = in6_addr {
    s6_addr: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
};

/// [htonl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/htonl.html)
#[unsafe(no_mangle)]
pub extern "C" fn htonl(v: u32) -> u32 {
    v.to_be()
}

/// [htons](https://pubs.opengroup.org/onlinepubs/9799919799/functions/htons.html)
#[unsafe(no_mangle)]
pub extern "C" fn htons(v: u16) -> u16 {
    v.to_be()
}

/// [ntohl](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ntohl.html)
#[unsafe(no_mangle)]
pub extern "C" fn ntohl(v: u32) -> u32 {
    u32::from_be(v)
}

/// [ntohs](https://pubs.opengroup.org/onlinepubs/9799919799/functions/ntohs.html)
#[unsafe(no_mangle)]
pub extern "C" fn ntohs(v: u16) -> u16 {
    u16::from_be(v)
}

/// Backs the `IN6_IS_ADDR_*` macros: `what` 0 = unspecified, 1 = loopback,
/// 2 = IPv4-mapped.
///
/// # Safety
/// `a` must point to a valid `in6_addr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_in6_is(a: *const in6_addr, what: c_int) -> c_int {
    // SAFETY: caller contract.
    let b = unsafe { (*a).s6_addr };
    let r = match what {
        0 => b == [0; 16],
        1 => b == in6addr_loopback.s6_addr,
        _ => b[..10] == [0; 10] && b[10] == 0xff && b[11] == 0xff,
    };
    r as c_int
}
