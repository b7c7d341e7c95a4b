//! `netdb.h`: `getaddrinfo`, `freeaddrinfo`, `gai_strerror`, `getnameinfo`.
//!
//! Numeric hosts and services, `localhost` and a NULL host are answered
//! here without asking the host; other names go to the backend's resolver
//! (p2: `wasi:sockets/ip-name-lookup`; p1: WAMR's `sock_addr_resolve`).
//! Service names: a few well-known ones (there is no `/etc/services`).

use crate::header::arpa_inet::{fmt_v4, fmt_v6, parse_aton, parse_v6};
use crate::header::sys_socket::{
    AF_INET, AF_INET6, AF_UNSPEC, SOCK_DGRAM, SOCK_STREAM, read_sockaddr, sockaddr, socklen_t, to_c,
};
use crate::platform::{c_char, c_int, c_void};
use libc_core::pal::net::{IpAddr, MAX_RESOLVED, SockAddr};
use libc_core::{Errno, OrMinusOneErrno, PalNet, Sys};

/// `struct addrinfo`
#[repr(C)]
pub struct addrinfo {
    pub ai_flags: c_int,
    pub ai_family: c_int,
    pub ai_socktype: c_int,
    pub ai_protocol: c_int,
    pub ai_addrlen: socklen_t,
    pub ai_addr: *mut sockaddr,
    pub ai_canonname: *mut c_char,
    pub ai_next: *mut addrinfo,
}

pub const AI_PASSIVE: c_int = 0x01;
pub const AI_CANONNAME: c_int = 0x02;
pub const AI_NUMERICHOST: c_int = 0x04;
pub const AI_V4MAPPED: c_int = 0x08;
pub const AI_ALL: c_int = 0x10;
pub const AI_ADDRCONFIG: c_int = 0x20;
pub const AI_NUMERICSERV: c_int = 0x400;

pub const NI_NUMERICHOST: c_int = 0x01;
pub const NI_NUMERICSERV: c_int = 0x02;
pub const NI_NOFQDN: c_int = 0x04;
pub const NI_NAMEREQD: c_int = 0x08;
pub const NI_DGRAM: c_int = 0x10;
pub const NI_MAXHOST: c_int = 255;
pub const NI_MAXSERV: c_int = 32;

pub const EAI_BADFLAGS: c_int = -1;
pub const EAI_NONAME: c_int = -2;
pub const EAI_AGAIN: c_int = -3;
pub const EAI_FAIL: c_int = -4;
pub const EAI_FAMILY: c_int = -6;
pub const EAI_SOCKTYPE: c_int = -7;
pub const EAI_SERVICE: c_int = -8;
pub const EAI_MEMORY: c_int = -10;
pub const EAI_SYSTEM: c_int = -11;
pub const EAI_OVERFLOW: c_int = -12;

const IPPROTO_TCP: c_int = 6;
const IPPROTO_UDP: c_int = 17;

unsafe extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

const SERVICES: &[(&[u8], u16)] = &[
    (b"echo", 7),
    (b"ftp", 21),
    (b"ssh", 22),
    (b"telnet", 23),
    (b"smtp", 25),
    (b"domain", 53),
    (b"http", 80),
    (b"pop3", 110),
    (b"imap", 143),
    (b"https", 443),
    (b"mqtt", 1883),
    (b"coap", 5683),
];

fn port_of(s: &[u8], numeric_only: bool) -> Result<u16, c_int> {
    if !s.is_empty() && s.iter().all(u8::is_ascii_digit) {
        let v = s.iter().try_fold(0u32, |a, &c| {
            let v = a * 10 + (c - b'0') as u32;
            (v <= 65535).then_some(v)
        });
        return v.map(|v| v as u16).ok_or(EAI_SERVICE);
    }
    if numeric_only {
        return Err(EAI_NONAME);
    }
    SERVICES
        .iter()
        .find(|(n, _)| *n == s)
        .map(|(_, p)| *p)
        .ok_or(EAI_SERVICE)
}

fn eai_of(e: Errno) -> c_int {
    match e {
        Errno::ENOENT | Errno::EINVAL => EAI_NONAME,
        Errno::EAGAIN => EAI_AGAIN,
        Errno::EIO => EAI_FAIL,
        Errno::ENOMEM => EAI_MEMORY,
        Errno::EAFNOSUPPORT => EAI_FAMILY,
        e => {
            // EAI_SYSTEM: the cause is in errno.
            Err::<i32, Errno>(e).or_minus_one_errno();
            EAI_SYSTEM
        }
    }
}

/// [getaddrinfo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getaddrinfo.html)
///
/// # Safety
/// `node`/`service` NULL or NUL-terminated; `hints` NULL or valid; `res` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getaddrinfo(
    node: *const c_char,
    service: *const c_char,
    hints: *const addrinfo,
    res: *mut *mut addrinfo,
) -> c_int {
    if res.is_null() {
        return EAI_SYSTEM;
    }
    // SAFETY: caller contract for each pointer.
    let (node, service) = unsafe {
        (
            (!node.is_null()).then(|| core::ffi::CStr::from_ptr(node).to_bytes()),
            (!service.is_null()).then(|| core::ffi::CStr::from_ptr(service).to_bytes()),
        )
    };
    // SAFETY: caller contract.
    let h = unsafe { hints.as_ref() };
    let (flags, family, socktype, protocol) = h.map_or((0, AF_UNSPEC, 0, 0), |h| {
        (h.ai_flags, h.ai_family, h.ai_socktype, h.ai_protocol)
    });
    if flags
        & !(AI_PASSIVE
            | AI_CANONNAME
            | AI_NUMERICHOST
            | AI_V4MAPPED
            | AI_ALL
            | AI_ADDRCONFIG
            | AI_NUMERICSERV)
        != 0
    {
        return EAI_BADFLAGS;
    }
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return EAI_FAMILY;
    }
    if ![0, SOCK_STREAM, SOCK_DGRAM].contains(&socktype) {
        return EAI_SOCKTYPE;
    }
    if node.is_none() && service.is_none() {
        return EAI_NONAME;
    }
    let port = match service {
        None => 0,
        Some(s) => match port_of(s, flags & AI_NUMERICSERV != 0) {
            Ok(p) => p,
            Err(e) => return e,
        },
    };
    let mut addrs = [IpAddr::V4([0; 4]); MAX_RESOLVED];
    let mut n = 0;
    let mut push = |a: IpAddr| {
        if n < MAX_RESOLVED {
            addrs[n] = a;
            n += 1;
        }
    };
    const LOOP6: [u16; 8] = [0, 0, 0, 0, 0, 0, 0, 1];
    match node {
        None => {
            let passive = flags & AI_PASSIVE != 0;
            push(IpAddr::V4(if passive { [0; 4] } else { [127, 0, 0, 1] }));
            push(IpAddr::V6(if passive { [0; 8] } else { LOOP6 }));
        }
        Some(name) => {
            if let Some(v) = parse_aton(name) {
                push(IpAddr::V4(v.to_be_bytes()));
            } else if let Some(g) = parse_v6(name) {
                push(IpAddr::V6(g));
            } else if flags & AI_NUMERICHOST != 0 {
                return EAI_NONAME;
            } else if name == b"localhost" {
                push(IpAddr::V4([127, 0, 0, 1]));
                push(IpAddr::V6(LOOP6));
            } else {
                let mut found = [IpAddr::V4([0; 4]); MAX_RESOLVED];
                match Sys::resolve(name, &mut found) {
                    Ok(k) => found[..k].iter().for_each(|a| push(*a)),
                    Err(e) => return eai_of(e),
                }
            }
        }
    }
    let wanted = |a: &IpAddr| match a {
        IpAddr::V4(_) => family != AF_INET6,
        IpAddr::V6(_) => family != AF_INET,
    };
    if !addrs[..n].iter().any(wanted) {
        return if node.is_some_and(|s| parse_aton(s).is_some() || parse_v6(s).is_some()) {
            EAI_FAMILY
        } else {
            EAI_NONAME
        };
    }
    let kinds: &[(c_int, c_int)] = match socktype {
        SOCK_STREAM => &[(SOCK_STREAM, IPPROTO_TCP)],
        SOCK_DGRAM => &[(SOCK_DGRAM, IPPROTO_UDP)],
        _ => &[(SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP)],
    };
    let mut head: *mut addrinfo = core::ptr::null_mut();
    let mut tail: *mut *mut addrinfo = &mut head;
    for a in addrs[..n].iter().filter(|a| wanted(a)) {
        for &(st, proto) in kinds {
            let sa = match *a {
                IpAddr::V4(addr) => SockAddr::V4 { addr, port },
                IpAddr::V6(addr) => SockAddr::V6 {
                    addr,
                    port,
                    flow_info: 0,
                    scope_id: 0,
                },
            };
            let (storage, len) = to_c(&sa);
            let canon = if head.is_null() && flags & AI_CANONNAME != 0 {
                node.unwrap_or(b"")
            } else {
                &[][..]
            };
            let want_canon = head.is_null() && flags & AI_CANONNAME != 0;
            let size = core::mem::size_of::<addrinfo>() + 128 + canon.len() + 1;
            // SAFETY: plain allocation; the node is fully initialised below.
            let p = unsafe { malloc(size) } as *mut addrinfo;
            if p.is_null() {
                // SAFETY: the list built so far came from this function.
                unsafe { freeaddrinfo(head) };
                return EAI_MEMORY;
            }
            // SAFETY: p has room for the node, 128 address bytes and the name.
            unsafe {
                let addr = (p as *mut u8).add(core::mem::size_of::<addrinfo>());
                core::ptr::copy_nonoverlapping(&storage as *const _ as *const u8, addr, 128);
                let name = addr.add(128);
                core::ptr::copy_nonoverlapping(canon.as_ptr(), name, canon.len());
                *name.add(canon.len()) = 0;
                p.write(addrinfo {
                    ai_flags: flags,
                    ai_family: if matches!(a, IpAddr::V4(_)) {
                        AF_INET
                    } else {
                        AF_INET6
                    },
                    ai_socktype: st,
                    ai_protocol: if protocol != 0 { protocol } else { proto },
                    ai_addrlen: len,
                    ai_addr: addr as *mut sockaddr,
                    ai_canonname: if want_canon {
                        name as *mut c_char
                    } else {
                        core::ptr::null_mut()
                    },
                    ai_next: core::ptr::null_mut(),
                });
                *tail = p;
                tail = &mut (*p).ai_next;
            }
        }
    }
    // SAFETY: res is valid (checked non-null; caller contract).
    unsafe { *res = head };
    0
}

/// [freeaddrinfo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/freeaddrinfo.html)
///
/// # Safety
/// `ai` NULL or a list from `getaddrinfo`, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freeaddrinfo(mut ai: *mut addrinfo) {
    while !ai.is_null() {
        // SAFETY: each node is one malloc'd block (see getaddrinfo).
        unsafe {
            let next = (*ai).ai_next;
            free(ai as *mut c_void);
            ai = next;
        }
    }
}

/// [gai_strerror](https://pubs.opengroup.org/onlinepubs/9799919799/functions/gai_strerror.html)
#[unsafe(no_mangle)]
pub extern "C" fn gai_strerror(code: c_int) -> *const c_char {
    let s: &core::ffi::CStr = match code {
        0 => c"Success",
        EAI_BADFLAGS => c"Invalid flags",
        EAI_NONAME => c"Name does not resolve",
        EAI_AGAIN => c"Temporary failure in name resolution",
        EAI_FAIL => c"Non-recoverable failure in name resolution",
        EAI_FAMILY => c"Unrecognized address family or invalid length",
        EAI_SOCKTYPE => c"Unrecognized socket type",
        EAI_SERVICE => c"Unrecognized service",
        EAI_MEMORY => c"Out of memory",
        EAI_SYSTEM => c"System error",
        EAI_OVERFLOW => c"Overflow",
        _ => c"Unknown error",
    };
    s.as_ptr()
}

/// [getnameinfo](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getnameinfo.html)
///
/// Numeric only (there is no reverse lookup): `NI_NAMEREQD` gives
/// `EAI_NONAME`; services are printed as port numbers.
///
/// # Safety
/// `sa` valid for `salen` bytes; `host`/`serv` NULL or valid for their lengths.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getnameinfo(
    sa: *const sockaddr,
    salen: socklen_t,
    host: *mut c_char,
    hostlen: socklen_t,
    serv: *mut c_char,
    servlen: socklen_t,
    flags: c_int,
) -> c_int {
    // SAFETY: caller contract.
    let a = match unsafe { read_sockaddr(sa, salen) } {
        Ok(a) => a,
        Err(_) => return EAI_FAMILY,
    };
    if flags & NI_NAMEREQD != 0 {
        return EAI_NONAME;
    }
    let put = |dst: *mut c_char, cap: socklen_t, text: &[u8]| -> bool {
        if dst.is_null() || cap == 0 {
            return true;
        }
        if text.len() + 1 > cap as usize {
            return false;
        }
        // SAFETY: dst has cap > len bytes (caller contract, checked).
        unsafe {
            core::ptr::copy_nonoverlapping(text.as_ptr(), dst as *mut u8, text.len());
            *dst.add(text.len()) = 0;
        }
        true
    };
    let h = match a {
        SockAddr::V4 { addr, .. } => fmt_v4(addr),
        SockAddr::V6 { addr, .. } => fmt_v6(addr),
    };
    let mut p = [0u8; 6];
    let mut port = a.port() as u32;
    let mut k = p.len();
    loop {
        k -= 1;
        p[k] = b'0' + (port % 10) as u8;
        port /= 10;
        if port == 0 {
            break;
        }
    }
    if !put(host, hostlen, h.as_bytes()) || !put(serv, servlen, &p[k..]) {
        return EAI_OVERFLOW;
    }
    0
}
