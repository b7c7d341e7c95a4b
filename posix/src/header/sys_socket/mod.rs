//! `sys/socket.h`
//!
//! Thin wrappers over [`libc_core::PalNet`]. Addresses are converted here
//! between C's `struct sockaddr_in`/`sockaddr_in6` (network byte order) and
//! [`SockAddr`] (host order). Constant values follow wasi-libc's headers
//! where it defines them (`AF_*`, `SOCK_*`, `SOL_SOCKET`, `MSG_*`), Linux's
//! otherwise (`SO_*`).

use crate::header::netinet_in::{sockaddr_in, sockaddr_in6};
use crate::header::sys_uio::iovec;
use crate::platform::{c_int, c_void, size_t, ssize_t};
use libc_core::pal::net::{Family, RecvFlags, Shutdown, SockAddr, SockOpt, SockType};
use libc_core::types::IoSlice;
use libc_core::{Errno, OrMinusOneErrno, PalNet, Sys};

pub type socklen_t = u32;
pub type sa_family_t = u16;

/// `struct sockaddr`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sockaddr {
    pub sa_family: sa_family_t,
    pub sa_data: [core::ffi::c_char; 14],
}

/// `struct sockaddr_storage`: large and aligned enough for any address.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sockaddr_storage {
    pub ss_family: sa_family_t,
    pub __ss_padding: [core::ffi::c_char; 122],
    pub __ss_align: u32,
}

/// `struct msghdr`
#[repr(C)]
pub struct msghdr {
    pub msg_name: *mut c_void,
    pub msg_namelen: socklen_t,
    pub msg_iov: *mut iovec,
    pub msg_iovlen: c_int,
    pub msg_control: *mut c_void,
    pub msg_controllen: socklen_t,
    pub msg_flags: c_int,
}

/// `struct cmsghdr` (declared for source compatibility; never produced).
#[repr(C)]
pub struct cmsghdr {
    pub cmsg_len: socklen_t,
    pub cmsg_level: c_int,
    pub cmsg_type: c_int,
}

/// `struct linger`
#[repr(C)]
#[derive(Copy, Clone)]
pub struct linger {
    pub l_onoff: c_int,
    pub l_linger: c_int,
}

pub const AF_UNSPEC: c_int = 0;
pub const AF_INET: c_int = 1;
pub const AF_INET6: c_int = 2;
pub const AF_UNIX: c_int = 3;
pub const PF_UNSPEC: c_int = AF_UNSPEC;
pub const PF_INET: c_int = AF_INET;
pub const PF_INET6: c_int = AF_INET6;
pub const PF_UNIX: c_int = AF_UNIX;

pub const SOCK_DGRAM: c_int = 5;
pub const SOCK_STREAM: c_int = 6;
pub const SOCK_NONBLOCK: c_int = 0x4000;
pub const SOCK_CLOEXEC: c_int = 0x2000;

pub const SOL_SOCKET: c_int = 0x7fff_ffff;
pub const SO_REUSEADDR: c_int = 2;
pub const SO_TYPE: c_int = 3;
pub const SO_ERROR: c_int = 4;
pub const SO_BROADCAST: c_int = 6;
pub const SO_SNDBUF: c_int = 7;
pub const SO_RCVBUF: c_int = 8;
pub const SO_KEEPALIVE: c_int = 9;
pub const SO_LINGER: c_int = 13;
pub const SO_REUSEPORT: c_int = 15;
pub const SO_RCVTIMEO: c_int = 20;
pub const SO_SNDTIMEO: c_int = 21;
pub const SO_ACCEPTCONN: c_int = 30;
pub const SO_PROTOCOL: c_int = 38;
pub const SO_DOMAIN: c_int = 39;

pub const SOMAXCONN: c_int = 128;

pub const MSG_OOB: c_int = 0x0001;
pub const MSG_PEEK: c_int = 0x0002;
pub const MSG_CTRUNC: c_int = 0x0008;
pub const MSG_TRUNC: c_int = 0x0020;
pub const MSG_DONTWAIT: c_int = 0x0040;
pub const MSG_EOR: c_int = 0x0080;
pub const MSG_WAITALL: c_int = 0x0100;
pub const MSG_NOSIGNAL: c_int = 0x4000;

pub const SHUT_RD: c_int = 1;
pub const SHUT_WR: c_int = 2;
pub const SHUT_RDWR: c_int = 3;

const IPPROTO_IP: c_int = 0;
const IPPROTO_TCP: c_int = 6;
const IPPROTO_UDP: c_int = 17;
const IPPROTO_IPV6: c_int = 41;

/// Reads a C socket address (`EINVAL` when `len` is too short for its
/// family, `EAFNOSUPPORT` for a family other than IPv4/IPv6).
///
/// # Safety
/// `addr` must be NULL or valid for `len` bytes of reads.
pub unsafe fn read_sockaddr(addr: *const sockaddr, len: socklen_t) -> Result<SockAddr, Errno> {
    if addr.is_null() {
        return Err(Errno::EFAULT);
    }
    if (len as usize) < core::mem::size_of::<sa_family_t>() {
        return Err(Errno::EINVAL);
    }
    // SAFETY: at least the family is readable (caller contract); the rest
    // is read only after checking `len` for that family. Unaligned reads:
    // C callers may pass a byte buffer.
    unsafe {
        let family = core::ptr::read_unaligned(addr as *const sa_family_t) as c_int;
        match family {
            AF_INET => {
                if (len as usize) < core::mem::size_of::<sockaddr_in>() {
                    return Err(Errno::EINVAL);
                }
                let a = core::ptr::read_unaligned(addr as *const sockaddr_in);
                Ok(SockAddr::V4 {
                    addr: a.sin_addr.s_addr.to_ne_bytes(),
                    port: u16::from_be(a.sin_port),
                })
            }
            AF_INET6 => {
                if (len as usize) < core::mem::size_of::<sockaddr_in6>() {
                    return Err(Errno::EINVAL);
                }
                let a = core::ptr::read_unaligned(addr as *const sockaddr_in6);
                let b = a.sin6_addr.s6_addr;
                let mut g = [0u16; 8];
                for (k, v) in g.iter_mut().enumerate() {
                    *v = u16::from_be_bytes([b[2 * k], b[2 * k + 1]]);
                }
                Ok(SockAddr::V6 {
                    addr: g,
                    port: u16::from_be(a.sin6_port),
                    flow_info: u32::from_be(a.sin6_flowinfo),
                    scope_id: a.sin6_scope_id,
                })
            }
            _ => Err(Errno::EAFNOSUPPORT),
        }
    }
}

/// The C form of an address: a `sockaddr_storage` and its length.
pub fn to_c(a: &SockAddr) -> (sockaddr_storage, socklen_t) {
    // SAFETY: an all-zero sockaddr_storage is valid.
    let mut st: sockaddr_storage = unsafe { core::mem::zeroed() };
    let p = &mut st as *mut sockaddr_storage;
    match *a {
        SockAddr::V4 { addr, port } => {
            let v = sockaddr_in {
                sin_family: AF_INET as sa_family_t,
                sin_port: port.to_be(),
                sin_addr: crate::header::netinet_in::in_addr {
                    s_addr: u32::from_ne_bytes(addr),
                },
                sin_zero: [0; 8],
            };
            // SAFETY: sockaddr_storage is larger than sockaddr_in.
            unsafe { core::ptr::write(p as *mut sockaddr_in, v) };
            (st, core::mem::size_of::<sockaddr_in>() as socklen_t)
        }
        SockAddr::V6 {
            addr,
            port,
            flow_info,
            scope_id,
        } => {
            let mut b = [0u8; 16];
            for (k, g) in addr.iter().enumerate() {
                b[2 * k..2 * k + 2].copy_from_slice(&g.to_be_bytes());
            }
            let v = sockaddr_in6 {
                sin6_family: AF_INET6 as sa_family_t,
                sin6_port: port.to_be(),
                sin6_flowinfo: flow_info.to_be(),
                sin6_addr: crate::header::netinet_in::in6_addr { s6_addr: b },
                sin6_scope_id: scope_id,
            };
            // SAFETY: sockaddr_storage is larger than sockaddr_in6.
            unsafe { core::ptr::write(p as *mut sockaddr_in6, v) };
            (st, core::mem::size_of::<sockaddr_in6>() as socklen_t)
        }
    }
}

/// Stores an address for the caller: at most `*len` bytes, then `*len` =
/// the full size (POSIX truncation rule). NULL `addr` stores nothing.
///
/// # Safety
/// `addr` NULL or valid for `*len` bytes; `len` valid if `addr` is not NULL.
pub unsafe fn write_sockaddr(
    a: Option<&SockAddr>,
    addr: *mut sockaddr,
    len: *mut socklen_t,
) -> Result<(), Errno> {
    if addr.is_null() {
        return Ok(());
    }
    if len.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: caller contract.
    unsafe {
        let Some(a) = a else {
            // No address to report (p1 without WAMR's extension).
            *len = 0;
            return Ok(());
        };
        let (st, full) = to_c(a);
        let n = (*len).min(full) as usize;
        core::ptr::copy_nonoverlapping(&st as *const _ as *const u8, addr as *mut u8, n);
        *len = full;
    }
    Ok(())
}

/// Checks that `len` fits in `ssize_t` and builds one buffer descriptor.
fn one(buf: *const c_void, len: size_t) -> Result<[IoSlice; 1], Errno> {
    if buf.is_null() && len != 0 {
        return Err(Errno::EFAULT);
    }
    Ok([IoSlice {
        base: buf as *mut u8,
        len: len.min(isize::MAX as usize),
    }])
}

fn recv_flags(flags: c_int, want_from: bool) -> Result<RecvFlags, Errno> {
    if flags & MSG_OOB != 0 {
        return Err(Errno::EOPNOTSUPP);
    }
    Ok(RecvFlags {
        peek: flags & MSG_PEEK != 0,
        wait_all: flags & MSG_WAITALL != 0,
        dont_wait: flags & MSG_DONTWAIT != 0,
        want_from,
    })
}

/// Validates a `msghdr`'s buffers.
///
/// # Safety
/// `msg` must point to a valid `msghdr` whose `msg_iov` has `msg_iovlen` entries.
unsafe fn msg_bufs<'a>(msg: *const msghdr) -> Result<&'a [IoSlice], Errno> {
    if msg.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: caller contract.
    let m = unsafe { &*msg };
    if !(0..=crate::header::sys_uio::IOV_MAX).contains(&m.msg_iovlen) {
        return Err(Errno::EMSGSIZE);
    }
    if m.msg_iovlen == 0 {
        return Ok(&[]);
    }
    if m.msg_iov.is_null() {
        return Err(Errno::EFAULT);
    }
    // SAFETY: iovec and IoSlice have the same layout (pointer, size_t).
    let v =
        unsafe { core::slice::from_raw_parts(m.msg_iov as *const IoSlice, m.msg_iovlen as usize) };
    let mut total = 0usize;
    for b in v {
        if b.base.is_null() && b.len != 0 {
            return Err(Errno::EFAULT);
        }
        total = total
            .checked_add(b.len)
            .filter(|t| *t <= isize::MAX as usize)
            .ok_or(Errno::EINVAL)?;
    }
    Ok(v)
}

const _: () = assert!(core::mem::size_of::<iovec>() == core::mem::size_of::<IoSlice>());

/// [socket](https://pubs.opengroup.org/onlinepubs/9799919799/functions/socket.html)
///
/// `domain`: `AF_INET` or `AF_INET6`; `type`: `SOCK_STREAM` or `SOCK_DGRAM`,
/// optionally with `SOCK_NONBLOCK` / `SOCK_CLOEXEC` (ignored: no exec).
#[unsafe(no_mangle)]
pub extern "C" fn socket(domain: c_int, ty: c_int, protocol: c_int) -> c_int {
    let r = (|| {
        let family = match domain {
            AF_INET => Family::Inet,
            AF_INET6 => Family::Inet6,
            _ => return Err(Errno::EAFNOSUPPORT),
        };
        let kind = match ty & !(SOCK_NONBLOCK | SOCK_CLOEXEC) {
            SOCK_STREAM => SockType::Stream,
            SOCK_DGRAM => SockType::Dgram,
            _ => return Err(Errno::EPROTOTYPE),
        };
        match (kind, protocol) {
            (_, 0) | (SockType::Stream, IPPROTO_TCP) | (SockType::Dgram, IPPROTO_UDP) => {}
            _ => return Err(Errno::EPROTONOSUPPORT),
        }
        Sys::socket(family, kind, ty & SOCK_NONBLOCK != 0)
    })();
    r.or_minus_one_errno()
}

/// [bind](https://pubs.opengroup.org/onlinepubs/9799919799/functions/bind.html)
///
/// # Safety
/// `addr` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bind(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { read_sockaddr(addr, len) }
        .and_then(|a| Sys::bind(fd, &a))
        .or_minus_one_errno()
}

/// [listen](https://pubs.opengroup.org/onlinepubs/9799919799/functions/listen.html)
#[unsafe(no_mangle)]
pub extern "C" fn listen(fd: c_int, backlog: c_int) -> c_int {
    Sys::listen(fd, backlog.clamp(1, SOMAXCONN) as u32).or_minus_one_errno()
}

/// [accept](https://pubs.opengroup.org/onlinepubs/9799919799/functions/accept.html)
///
/// On p1 the peer address is only known with WAMR's socket extension (in a
/// program that also calls `socket`); otherwise `*len` is set to 0.
///
/// # Safety
/// `addr`/`len` NULL or valid (`*len` bytes at `addr`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { accept4(fd, addr, len, 0) }
}

/// `accept4`: `accept` with `SOCK_NONBLOCK` / `SOCK_CLOEXEC` for the new socket.
///
/// # Safety
/// As for [`accept`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept4(
    fd: c_int,
    addr: *mut sockaddr,
    len: *mut socklen_t,
    flags: c_int,
) -> c_int {
    let r = (|| {
        if flags & !(SOCK_NONBLOCK | SOCK_CLOEXEC) != 0 {
            return Err(Errno::EINVAL);
        }
        if !addr.is_null() && len.is_null() {
            return Err(Errno::EFAULT);
        }
        let (new, peer) = Sys::accept(fd, flags & SOCK_NONBLOCK != 0)?;
        // SAFETY: caller contract; checked above.
        unsafe { write_sockaddr(peer.as_ref(), addr, len) }?;
        Ok(new)
    })();
    r.or_minus_one_errno()
}

/// [connect](https://pubs.opengroup.org/onlinepubs/9799919799/functions/connect.html)
///
/// # Safety
/// `addr` must be valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn connect(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    // SAFETY: caller contract.
    unsafe { read_sockaddr(addr, len) }
        .and_then(|a| Sys::connect(fd, &a))
        .or_minus_one_errno()
}

/// [recv](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recv.html)
///
/// Flags: `MSG_PEEK` (p1 only), `MSG_WAITALL`, `MSG_DONTWAIT`. On p2 the
/// bytes land in `buf` directly (no allocation, no copy).
///
/// # Safety
/// `buf` must be valid for `len` bytes of writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recv(fd: c_int, buf: *mut c_void, len: size_t, flags: c_int) -> ssize_t {
    one(buf, len)
        .and_then(|b| Sys::recv(fd, &b, recv_flags(flags, false)?))
        .map(|r| r.len)
        .or_minus_one_errno()
}

/// [recvfrom](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recvfrom.html)
///
/// # Safety
/// `buf` valid for `len` bytes; `addr`/`addrlen` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvfrom(
    fd: c_int,
    buf: *mut c_void,
    len: size_t,
    flags: c_int,
    addr: *mut sockaddr,
    addrlen: *mut socklen_t,
) -> ssize_t {
    let r = (|| {
        if !addr.is_null() && addrlen.is_null() {
            return Err(Errno::EFAULT);
        }
        let b = one(buf, len)?;
        let got = Sys::recv(fd, &b, recv_flags(flags, !addr.is_null())?)?;
        // SAFETY: caller contract.
        unsafe { write_sockaddr(got.from.as_ref(), addr, addrlen) }?;
        Ok(got.len)
    })();
    r.or_minus_one_errno()
}

/// [recvmsg](https://pubs.opengroup.org/onlinepubs/9799919799/functions/recvmsg.html)
///
/// No ancillary data (`msg_controllen` is set to 0); `MSG_TRUNC` in
/// `msg_flags` when a datagram did not fit.
///
/// # Safety
/// `msg` must point to a valid `msghdr` and the buffers it names.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvmsg(fd: c_int, msg: *mut msghdr, flags: c_int) -> ssize_t {
    let r = (|| {
        // SAFETY: caller contract.
        let bufs = unsafe { msg_bufs(msg) }?;
        // SAFETY: checked non-null by msg_bufs.
        let m = unsafe { &mut *msg };
        let got = Sys::recv(fd, bufs, recv_flags(flags, !m.msg_name.is_null())?)?;
        // SAFETY: caller contract (msg_namelen bytes at msg_name).
        unsafe { write_sockaddr(got.from.as_ref(), m.msg_name.cast(), &mut m.msg_namelen) }?;
        m.msg_controllen = 0;
        m.msg_flags = if got.truncated { MSG_TRUNC } else { 0 };
        Ok(got.len)
    })();
    r.or_minus_one_errno()
}

/// [send](https://pubs.opengroup.org/onlinepubs/9799919799/functions/send.html)
///
/// Flags: `MSG_DONTWAIT`; `MSG_NOSIGNAL` is implied (WASI has no signals:
/// a broken connection is `EPIPE`).
///
/// # Safety
/// `buf` must be valid for `len` bytes of reads.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn send(fd: c_int, buf: *const c_void, len: size_t, flags: c_int) -> ssize_t {
    one(buf, len)
        .and_then(|b| Sys::send(fd, &b, None, flags & MSG_DONTWAIT != 0))
        .or_minus_one_errno()
}

/// [sendto](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sendto.html)
///
/// # Safety
/// `buf` valid for `len` bytes; `addr` NULL or valid for `addrlen` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendto(
    fd: c_int,
    buf: *const c_void,
    len: size_t,
    flags: c_int,
    addr: *const sockaddr,
    addrlen: socklen_t,
) -> ssize_t {
    let r = (|| {
        let b = one(buf, len)?;
        let to = if addr.is_null() {
            None
        } else {
            // SAFETY: caller contract.
            Some(unsafe { read_sockaddr(addr, addrlen) }?)
        };
        Sys::send(fd, &b, to.as_ref(), flags & MSG_DONTWAIT != 0)
    })();
    r.or_minus_one_errno()
}

/// [sendmsg](https://pubs.opengroup.org/onlinepubs/9799919799/functions/sendmsg.html)
///
/// # Safety
/// `msg` must point to a valid `msghdr` and the buffers it names.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendmsg(fd: c_int, msg: *const msghdr, flags: c_int) -> ssize_t {
    let r = (|| {
        // SAFETY: caller contract.
        let bufs = unsafe { msg_bufs(msg) }?;
        // SAFETY: checked non-null by msg_bufs.
        let m = unsafe { &*msg };
        let to = if m.msg_name.is_null() {
            None
        } else {
            // SAFETY: caller contract.
            Some(unsafe { read_sockaddr(m.msg_name.cast(), m.msg_namelen) }?)
        };
        Sys::send(fd, bufs, to.as_ref(), flags & MSG_DONTWAIT != 0)
    })();
    r.or_minus_one_errno()
}

/// [shutdown](https://pubs.opengroup.org/onlinepubs/9799919799/functions/shutdown.html)
#[unsafe(no_mangle)]
pub extern "C" fn shutdown(fd: c_int, how: c_int) -> c_int {
    let how = match how {
        SHUT_RD => Ok(Shutdown::Read),
        SHUT_WR => Ok(Shutdown::Write),
        SHUT_RDWR => Ok(Shutdown::Both),
        _ => Err(Errno::EINVAL),
    };
    how.and_then(|h| Sys::shutdown(fd, h)).or_minus_one_errno()
}

/// [getsockname](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsockname.html)
///
/// # Safety
/// `addr` valid for `*len` bytes; `len` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockname(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    let r = if addr.is_null() || len.is_null() {
        Err(Errno::EFAULT)
    } else {
        // SAFETY: caller contract.
        Sys::local_addr(fd).and_then(|a| unsafe { write_sockaddr(Some(&a), addr, len) })
    };
    r.or_minus_one_errno()
}

/// [getpeername](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpeername.html)
///
/// # Safety
/// `addr` valid for `*len` bytes; `len` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpeername(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    let r = if addr.is_null() || len.is_null() {
        Err(Errno::EFAULT)
    } else {
        // SAFETY: caller contract.
        Sys::peer_addr(fd).and_then(|a| unsafe { write_sockaddr(Some(&a), addr, len) })
    };
    r.or_minus_one_errno()
}

/// How an option's value is passed in C.
#[derive(Copy, Clone, PartialEq)]
enum Repr {
    Int,
    Linger,
    /// `struct timeval`, the option's value in nanoseconds.
    Timeval,
}

fn option(level: c_int, name: c_int) -> Result<(SockOpt, Repr), Errno> {
    use crate::header::netinet_tcp as tcp;
    let o = match (level, name) {
        (SOL_SOCKET, SO_TYPE) => (SockOpt::Type, Repr::Int),
        (SOL_SOCKET, SO_ERROR) => (SockOpt::Error, Repr::Int),
        (SOL_SOCKET, SO_ACCEPTCONN) => (SockOpt::AcceptConn, Repr::Int),
        (SOL_SOCKET, SO_DOMAIN) => (SockOpt::Domain, Repr::Int),
        (SOL_SOCKET, SO_REUSEADDR) => (SockOpt::ReuseAddr, Repr::Int),
        (SOL_SOCKET, SO_KEEPALIVE) => (SockOpt::KeepAlive, Repr::Int),
        (SOL_SOCKET, SO_RCVBUF) => (SockOpt::RecvBufSize, Repr::Int),
        (SOL_SOCKET, SO_SNDBUF) => (SockOpt::SendBufSize, Repr::Int),
        (SOL_SOCKET, SO_RCVTIMEO) => (SockOpt::RecvTimeout, Repr::Timeval),
        (SOL_SOCKET, SO_SNDTIMEO) => (SockOpt::SendTimeout, Repr::Timeval),
        (SOL_SOCKET, SO_LINGER) => (SockOpt::Linger, Repr::Linger),
        (SOL_SOCKET, SO_BROADCAST) => (SockOpt::Broadcast, Repr::Int),
        (IPPROTO_TCP, tcp::TCP_NODELAY) => (SockOpt::TcpNoDelay, Repr::Int),
        (IPPROTO_TCP, tcp::TCP_KEEPIDLE) => (SockOpt::TcpKeepIdle, Repr::Int),
        (IPPROTO_TCP, tcp::TCP_KEEPINTVL) => (SockOpt::TcpKeepInterval, Repr::Int),
        (IPPROTO_TCP, tcp::TCP_KEEPCNT) => (SockOpt::TcpKeepCount, Repr::Int),
        (IPPROTO_IP, crate::header::netinet_in::IP_TTL) => (SockOpt::HopLimit, Repr::Int),
        (IPPROTO_IPV6, crate::header::netinet_in::IPV6_UNICAST_HOPS) => {
            (SockOpt::HopLimit, Repr::Int)
        }
        (IPPROTO_IPV6, crate::header::netinet_in::IPV6_V6ONLY) => (SockOpt::V6Only, Repr::Int),
        _ => return Err(Errno::ENOPROTOOPT),
    };
    Ok(o)
}

/// `struct timeval` as `SO_RCVTIMEO`/`SO_SNDTIMEO` take it.
#[repr(C)]
#[derive(Copy, Clone)]
struct Timeval {
    tv_sec: i64,
    tv_usec: i64,
}

/// [getsockopt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/getsockopt.html)
///
/// `SOL_SOCKET`: `SO_TYPE`, `SO_ERROR`, `SO_ACCEPTCONN`, `SO_DOMAIN`,
/// `SO_PROTOCOL`, `SO_REUSEADDR`, `SO_KEEPALIVE`, `SO_RCVBUF`, `SO_SNDBUF`,
/// `SO_RCVTIMEO`, `SO_SNDTIMEO`, `SO_LINGER`; `IPPROTO_TCP`: `TCP_NODELAY`,
/// `TCP_KEEPIDLE`, `TCP_KEEPINTVL`, `TCP_KEEPCNT`; `IPPROTO_IP`: `IP_TTL`;
/// `IPPROTO_IPV6`: `IPV6_UNICAST_HOPS`, `IPV6_V6ONLY`. Others: `ENOPROTOOPT`.
///
/// # Safety
/// `val` valid for `*len` bytes; `len` valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    val: *mut c_void,
    len: *mut socklen_t,
) -> c_int {
    let r = (|| {
        if val.is_null() || len.is_null() {
            return Err(Errno::EFAULT);
        }
        // SO_PROTOCOL comes from the type.
        let v: i64;
        let mut repr = Repr::Int;
        if level == SOL_SOCKET && name == SO_PROTOCOL {
            v = match Sys::sock_type(fd)? {
                SockType::Stream => IPPROTO_TCP,
                SockType::Dgram => IPPROTO_UDP,
            } as i64;
        } else {
            let (opt, r) = option(level, name)?;
            repr = r;
            let x = Sys::get_opt(fd, opt)?;
            v = match opt {
                SockOpt::Type if x == 0 => SOCK_STREAM.into(),
                SockOpt::Type => SOCK_DGRAM.into(),
                SockOpt::Domain if x == 0 => AF_INET.into(),
                SockOpt::Domain => AF_INET6.into(),
                _ => x,
            };
        }
        // SAFETY: caller contract: `*len` bytes at `val`.
        unsafe {
            let room = *len as usize;
            let (bytes, n): ([u8; 16], usize) = match repr {
                Repr::Int => {
                    let mut b = [0u8; 16];
                    b[..4].copy_from_slice(
                        &(v.clamp(i32::MIN as i64, i32::MAX as i64) as i32).to_ne_bytes(),
                    );
                    (b, 4)
                }
                Repr::Linger => {
                    let l = linger {
                        l_onoff: (v >= 0) as c_int,
                        l_linger: v.max(0) as c_int,
                    };
                    (core::mem::transmute::<[linger; 2], [u8; 16]>([l, l]), 8)
                }
                Repr::Timeval => {
                    let t = Timeval {
                        tv_sec: v / 1_000_000_000,
                        tv_usec: (v % 1_000_000_000) / 1000,
                    };
                    (core::mem::transmute::<Timeval, [u8; 16]>(t), 16)
                }
            };
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), val as *mut u8, n.min(room));
            *len = n as socklen_t;
        }
        Ok(())
    })();
    r.or_minus_one_errno()
}

/// [setsockopt](https://pubs.opengroup.org/onlinepubs/9799919799/functions/setsockopt.html)
///
/// The options of [`getsockopt`] that can be written. `SO_LINGER` and (on
/// p2) `TCP_NODELAY` and `SO_REUSEADDR` are accepted and remembered but do
/// not reach the host (WASI 0.2.0 has no such knobs; wasmtime sets
/// `SO_REUSEADDR` on listeners itself).
///
/// # Safety
/// `val` valid for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    val: *const c_void,
    len: socklen_t,
) -> c_int {
    let r = (|| {
        let (opt, repr) = option(level, name)?;
        if val.is_null() {
            return Err(Errno::EFAULT);
        }
        let need = match repr {
            Repr::Int => 4,
            Repr::Linger => 8,
            Repr::Timeval => 16,
        };
        if (len as usize) < need {
            return Err(Errno::EINVAL);
        }
        // SAFETY: `len >= need` bytes at `val` (caller contract); unaligned
        // reads since C may pass any buffer.
        let v = unsafe {
            match repr {
                Repr::Int => core::ptr::read_unaligned(val as *const c_int) as i64,
                Repr::Linger => {
                    let l = core::ptr::read_unaligned(val as *const linger);
                    if l.l_onoff != 0 {
                        l.l_linger.max(0) as i64
                    } else {
                        -1
                    }
                }
                Repr::Timeval => {
                    let t = core::ptr::read_unaligned(val as *const Timeval);
                    if t.tv_sec < 0 || !(0..1_000_000).contains(&t.tv_usec) {
                        return Err(Errno::EDOM);
                    }
                    t.tv_sec
                        .saturating_mul(1_000_000_000)
                        .saturating_add(t.tv_usec * 1000)
                }
            }
        };
        Sys::set_opt(fd, opt, v)
    })();
    r.or_minus_one_errno()
}

const _: () = assert!(core::mem::size_of::<sockaddr_storage>() == 128);
const _: () = assert!(core::mem::size_of::<Timeval>() == 16);
