//! The extension entry points reached through a table that `socket` fills
//! in (see the module docs of `net`), and the option calls.

use super::*;

pub(super) type RecvFrom = fn(i32, &[IoSlice], i32) -> Result<(usize, SockAddr)>;

/// The extension entry points that functions usable on pre-opened sockets
/// may need; filled in by `socket` (see the module docs).
#[derive(Copy, Clone)]
pub(super) struct Ext {
    pub(super) recv_from: RecvFrom,
    pub(super) send_to: fn(i32, &[IoSlice], &SockAddr) -> Result<usize>,
    pub(super) peer: fn(i32) -> Result<SockAddr>,
    pub(super) get_opt: fn(i32, SockOpt) -> Result<i64>,
    pub(super) set_opt: fn(i32, SockOpt, i64) -> Result<()>,
}

pub(super) static EXT: Single<Option<Ext>> = Single::new(None);

/// Reads [`EXT`]. Volatile on purpose: with whole-program LTO, LLVM sees
/// that `EXT` only ever holds one constant and turns the indirect calls into
/// direct ones, which would make every program that calls `recv` or
/// `accept` import the extension. A volatile access keeps the global
/// opaque, so the extension functions stay reachable from `socket` only.
pub(super) fn ext() -> Option<Ext> {
    // SAFETY: single-threaded (see `Single`); a valid, initialised static.
    unsafe { core::ptr::read_volatile(EXT.get()) }
}

pub(super) fn set_ext(e: Ext) {
    // SAFETY: as in `ext`.
    unsafe { core::ptr::write_volatile(EXT.get(), Some(e)) }
}

pub(super) fn ext_recv_from(fd: i32, bufs: &[IoSlice], ri: i32) -> Result<(usize, SockAddr)> {
    let mut from = WasiAddr([0; 24]);
    let mut n = 0;
    // SAFETY: IoSlice has the iovec layout; each buffer is valid (caller
    // contract of `recv`); from/n are valid out-pointers.
    check(unsafe {
        wasi::sock_recv_from(
            fd,
            bufs.as_ptr() as *const Iovec,
            bufs.len(),
            ri,
            &mut from,
            &mut n,
        )
    })?;
    Ok((n, from.to_sockaddr()))
}

pub(super) fn ext_send_to(fd: i32, bufs: &[IoSlice], to: &SockAddr) -> Result<usize> {
    let a = WasiAddr::from(to);
    let mut n = 0;
    // SAFETY: as in `ext_recv_from`.
    check(unsafe {
        wasi::sock_send_to(
            fd,
            bufs.as_ptr() as *const Ciovec,
            bufs.len(),
            0,
            &a,
            &mut n,
        )
    })?;
    Ok(n)
}

pub(super) fn ext_local(fd: i32) -> Result<SockAddr> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a is a valid out-pointer.
    check(unsafe { wasi::sock_addr_local(fd, &mut a) })?;
    Ok(a.to_sockaddr())
}

pub(super) fn ext_peer(fd: i32) -> Result<SockAddr> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a is a valid out-pointer.
    check(unsafe { wasi::sock_addr_remote(fd, &mut a) })?;
    Ok(a.to_sockaddr())
}

pub(super) fn ext_get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
    use wasi::*;
    Ok(match opt {
        SockOpt::Type => (kind(fd)? == SockType::Dgram) as i64,
        // WAMR has no SO_ERROR getter: emulate it the classic way. A
        // connected socket has none pending; an unconnected one reports the
        // error its failed connect left, which a 1-byte peek returns (it
        // does not consume data; EAGAIN means still connecting: none).
        SockOpt::Error => match ext_peer(fd) {
            Ok(_) => 0,
            Err(Errno::ENOTCONN) if kind(fd)? == SockType::Stream => {
                let mut b = [0u8; 1];
                let iov = IoSlice {
                    base: b.as_mut_ptr(),
                    len: 1,
                };
                let (mut n, mut ro) = (0usize, 0u16);
                let r = nonblocking_for(fd, true, || {
                    // SAFETY: one 1-byte buffer; valid out-pointers.
                    check(unsafe {
                        wasi::sock_recv(
                            fd,
                            &iov as *const IoSlice as *const Iovec,
                            1,
                            RIFLAGS_PEEK,
                            &mut n,
                            &mut ro,
                        )
                    })
                });
                match r {
                    Err(Errno::EAGAIN) | Ok(()) => 0,
                    Err(e) => e.0 as i64,
                }
            }
            Err(_) => 0,
        },
        SockOpt::ReuseAddr => get_u8(fd, sock_get_reuse_addr)?,
        SockOpt::KeepAlive => get_u8(fd, sock_get_keep_alive)?,
        SockOpt::RecvBufSize => get_size(fd, sock_get_recv_buf_size)?,
        SockOpt::SendBufSize => get_size(fd, sock_get_send_buf_size)?,
        SockOpt::RecvTimeout => get_us(fd, sock_get_recv_timeout)?,
        SockOpt::SendTimeout => get_us(fd, sock_get_send_timeout)?,
        SockOpt::Linger => {
            let (mut on, mut secs) = (0u8, 0i32);
            // SAFETY: valid out-pointers.
            check(unsafe { sock_get_linger(fd, &mut on, &mut secs) })?;
            if on != 0 { secs as i64 } else { -1 }
        }
        SockOpt::Broadcast => get_u8(fd, sock_get_broadcast)?,
        SockOpt::TcpNoDelay => get_u8(fd, sock_get_tcp_no_delay)?,
        SockOpt::TcpKeepIdle => get_u32(fd, sock_get_tcp_keep_idle)?,
        SockOpt::TcpKeepInterval => get_u32(fd, sock_get_tcp_keep_intvl)?,
        SockOpt::HopLimit => get_u8(fd, sock_get_ip_ttl)?,
        SockOpt::V6Only => get_u8(fd, sock_get_ipv6_only)?,
        SockOpt::Domain => match ext_local(fd)? {
            SockAddr::V4 { .. } => 0,
            SockAddr::V6 { .. } => 1,
        },
        SockOpt::AcceptConn | SockOpt::TcpKeepCount => return Err(Errno::ENOPROTOOPT),
    })
}

pub(super) fn ext_set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
    use wasi::*;
    let b = (value != 0) as i32;
    let us = |ns: i64| (ns.max(0) as u64) / 1000;
    let u32v = |v: i64| {
        if v < 0 {
            Err(Errno::EINVAL)
        } else {
            Ok(v.min(u32::MAX as i64) as u32)
        }
    };
    // SAFETY (every call below): plain value arguments.
    check(unsafe {
        match opt {
            SockOpt::ReuseAddr => sock_set_reuse_addr(fd, b),
            SockOpt::KeepAlive => sock_set_keep_alive(fd, b),
            SockOpt::RecvBufSize => sock_set_recv_buf_size(fd, u32v(value)? as usize),
            SockOpt::SendBufSize => sock_set_send_buf_size(fd, u32v(value)? as usize),
            SockOpt::RecvTimeout => sock_set_recv_timeout(fd, us(value)),
            SockOpt::SendTimeout => sock_set_send_timeout(fd, us(value)),
            SockOpt::Linger => sock_set_linger(
                fd,
                (value >= 0) as i32,
                value.clamp(0, i32::MAX as i64) as i32,
            ),
            SockOpt::Broadcast => sock_set_broadcast(fd, b),
            SockOpt::TcpNoDelay => sock_set_tcp_no_delay(fd, b),
            SockOpt::TcpKeepIdle => sock_set_tcp_keep_idle(fd, u32v(value)?),
            SockOpt::TcpKeepInterval => sock_set_tcp_keep_intvl(fd, u32v(value)?),
            SockOpt::HopLimit => sock_set_ip_ttl(fd, value.clamp(0, 255) as i32),
            SockOpt::V6Only => sock_set_ipv6_only(fd, b),
            SockOpt::Type
            | SockOpt::Error
            | SockOpt::AcceptConn
            | SockOpt::Domain
            | SockOpt::TcpKeepCount => {
                return Err(Errno::ENOPROTOOPT);
            }
        }
    })
}

pub(super) fn get_u8(fd: i32, f: unsafe extern "C" fn(i32, *mut u8) -> u16) -> Result<i64> {
    let mut v = 0u8;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

pub(super) fn get_u32(fd: i32, f: unsafe extern "C" fn(i32, *mut u32) -> u16) -> Result<i64> {
    let mut v = 0u32;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

pub(super) fn get_size(fd: i32, f: unsafe extern "C" fn(i32, *mut usize) -> u16) -> Result<i64> {
    let mut v = 0usize;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

pub(super) fn get_us(fd: i32, f: unsafe extern "C" fn(i32, *mut u64) -> u16) -> Result<i64> {
    let mut v = 0u64;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v.saturating_mul(1000).min(i64::MAX as u64) as i64)
}
