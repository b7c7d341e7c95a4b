//! Sockets and `poll` on preview1.
//!
//! Two sets of imports, both in module `wasi_snapshot_preview1`:
//! - standard preview1: `sock_accept`, `sock_recv`, `sock_send`,
//!   `sock_shutdown`, `poll_oneoff`, `fd_fdstat_*`. Enough for a server on a
//!   listener the host pre-opens (any preview1 runtime with sockets).
//! - WAMR's socket extension (`sock_open`, `sock_bind`, `sock_connect`,
//!   `sock_listen`, `sock_recv_from`, `sock_send_to`, `sock_addr_*`,
//!   `sock_addr_resolve`, `sock_get_*`/`sock_set_*`), with the signatures of
//!   WAMR's `wasi_socket_ext.h` / `libc_wasi_wrapper.c`.
//!
//! A core module imports exactly the functions its live code calls: wasm-ld
//! drops unreferenced functions and emits no import for an undefined symbol
//! that only dead code used. So every extension import is called only from
//! the `PalNet` methods that cannot work without it (`socket`, `bind`,
//! `connect`, `listen`, `local_addr`, `peer_addr`, options, `resolve`).
//! The functions that also serve pre-opened sockets (`accept`, `recv`,
//! `send`, `shutdown`, `poll`) reach the extension only through [`EXT`], a
//! table of function pointers that `socket` fills in: a program that never
//! calls `socket` never links `sock_recv_from`, `sock_send_to` or
//! `sock_addr_remote`, and instantiates on runtimes without them.
//!
//! A missing import cannot be detected at run time: wasm has no optional
//! imports (wasm-ld turns an undefined weak function into a trap stub, not
//! an import), so a module that uses the extension fails to *instantiate*
//! on a runtime without it. `ENOSYS` is what a runtime that defines the
//! imports without supporting them returns (WAMR built without sockets),
//! and is passed through.

use super::wasi::{Ciovec, Event, Fdstat, Iovec, Subscription, fd_fdstat_get, poll_oneoff};
use super::{Sys, check};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::types::{IoSlice, O_APPEND, O_NONBLOCK, O_RDONLY, O_WRONLY};

mod wasi {
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        // Standard preview1.
        pub fn sock_accept(fd: i32, flags: i32, new_fd: *mut i32) -> u16;
        pub fn sock_recv(
            fd: i32,
            iovs: *const super::Iovec,
            iovs_len: usize,
            ri_flags: i32,
            ro_datalen: *mut usize,
            ro_flags: *mut u16,
        ) -> u16;
        pub fn sock_send(
            fd: i32,
            iovs: *const super::Ciovec,
            iovs_len: usize,
            si_flags: i32,
            so_datalen: *mut usize,
        ) -> u16;
        pub fn sock_shutdown(fd: i32, how: i32) -> u16;
        pub fn fd_fdstat_set_flags(fd: i32, flags: i32) -> u16;

        // WAMR's extension (`wasi_socket_ext.h`).
        pub fn sock_open(poolfd: i32, af: i32, socktype: i32, fd: *mut i32) -> u16;
        pub fn sock_bind(fd: i32, addr: *const super::WasiAddr) -> u16;
        pub fn sock_connect(fd: i32, addr: *const super::WasiAddr) -> u16;
        pub fn sock_listen(fd: i32, backlog: i32) -> u16;
        pub fn sock_recv_from(
            fd: i32,
            iovs: *const super::Iovec,
            iovs_len: usize,
            ri_flags: i32,
            src: *mut super::WasiAddr,
            ro_datalen: *mut usize,
        ) -> u16;
        pub fn sock_send_to(
            fd: i32,
            iovs: *const super::Ciovec,
            iovs_len: usize,
            si_flags: i32,
            dst: *const super::WasiAddr,
            so_datalen: *mut usize,
        ) -> u16;
        pub fn sock_addr_local(fd: i32, addr: *mut super::WasiAddr) -> u16;
        pub fn sock_addr_remote(fd: i32, addr: *mut super::WasiAddr) -> u16;
        pub fn sock_addr_resolve(
            host: *const u8,
            service: *const u8,
            hints: *const super::AddrInfoHints,
            info: *mut super::AddrInfo,
            info_len: usize,
            max_len: *mut usize,
        ) -> u16;
        pub fn sock_get_reuse_addr(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_reuse_addr(fd: i32, v: i32) -> u16;
        pub fn sock_get_keep_alive(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_keep_alive(fd: i32, v: i32) -> u16;
        pub fn sock_get_recv_buf_size(fd: i32, v: *mut usize) -> u16;
        pub fn sock_set_recv_buf_size(fd: i32, v: usize) -> u16;
        pub fn sock_get_send_buf_size(fd: i32, v: *mut usize) -> u16;
        pub fn sock_set_send_buf_size(fd: i32, v: usize) -> u16;
        pub fn sock_get_recv_timeout(fd: i32, us: *mut u64) -> u16;
        pub fn sock_set_recv_timeout(fd: i32, us: u64) -> u16;
        pub fn sock_get_send_timeout(fd: i32, us: *mut u64) -> u16;
        pub fn sock_set_send_timeout(fd: i32, us: u64) -> u16;
        pub fn sock_get_linger(fd: i32, on: *mut u8, secs: *mut i32) -> u16;
        pub fn sock_set_linger(fd: i32, on: i32, secs: i32) -> u16;
        pub fn sock_get_broadcast(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_broadcast(fd: i32, v: i32) -> u16;
        pub fn sock_get_tcp_no_delay(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_tcp_no_delay(fd: i32, v: i32) -> u16;
        pub fn sock_get_tcp_keep_idle(fd: i32, secs: *mut u32) -> u16;
        pub fn sock_set_tcp_keep_idle(fd: i32, secs: u32) -> u16;
        pub fn sock_get_tcp_keep_intvl(fd: i32, secs: *mut u32) -> u16;
        pub fn sock_set_tcp_keep_intvl(fd: i32, secs: u32) -> u16;
        pub fn sock_get_ip_ttl(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_ip_ttl(fd: i32, v: i32) -> u16;
        pub fn sock_get_ipv6_only(fd: i32, v: *mut u8) -> u16;
        pub fn sock_set_ipv6_only(fd: i32, v: i32) -> u16;
    }
}

/// WAMR's `__wasi_addr_t` (24 bytes): [0] kind u32 (0 = IPv4, 1 = IPv6);
/// IPv4: [4..8] n0..n3, [8] port u16; IPv6: [4..20] eight u16 groups,
/// [20] port u16. Ports and groups in host (little-endian) order.
#[repr(C, align(4))]
#[derive(Copy, Clone)]
pub struct WasiAddr([u8; 24]);

/// WAMR's `__wasi_addr_info_t`: an address and a socket type (u32).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct AddrInfo {
    addr: WasiAddr,
    ty: u32,
}

/// WAMR's `__wasi_addr_info_hints_t`.
#[repr(C)]
pub struct AddrInfoHints {
    ty: i32,
    family: i32,
    enabled: u8,
}

const _: () = assert!(core::mem::size_of::<WasiAddr>() == 24);
const _: () = assert!(core::mem::size_of::<AddrInfo>() == 28);
const _: () = assert!(core::mem::size_of::<AddrInfoHints>() == 12);

impl WasiAddr {
    fn from(a: &SockAddr) -> WasiAddr {
        let mut b = [0u8; 24];
        match *a {
            SockAddr::V4 { addr, port } => {
                b[4..8].copy_from_slice(&addr);
                b[8..10].copy_from_slice(&port.to_le_bytes());
            }
            SockAddr::V6 { addr, port, .. } => {
                b[0] = 1;
                for (k, g) in addr.iter().enumerate() {
                    b[4 + 2 * k..6 + 2 * k].copy_from_slice(&g.to_le_bytes());
                }
                b[20..22].copy_from_slice(&port.to_le_bytes());
            }
        }
        WasiAddr(b)
    }

    fn to_sockaddr(self) -> SockAddr {
        let b = &self.0;
        let u16_at = |o: usize| u16::from_le_bytes([b[o], b[o + 1]]);
        if b[0] == 0 {
            SockAddr::V4 {
                addr: [b[4], b[5], b[6], b[7]],
                port: u16_at(8),
            }
        } else {
            let mut g = [0u16; 8];
            for (k, v) in g.iter_mut().enumerate() {
                *v = u16_at(4 + 2 * k);
            }
            SockAddr::V6 {
                addr: g,
                port: u16_at(20),
                flow_info: 0,
                scope_id: 0,
            }
        }
    }
}

const FILETYPE_SOCKET_DGRAM: u8 = 5;
const FILETYPE_SOCKET_STREAM: u8 = 6;
const FDFLAGS_NONBLOCK: u16 = 4;
const RIFLAGS_PEEK: i32 = 1;
const RIFLAGS_WAITALL: i32 = 2;
const ROFLAGS_TRUNCATED: u16 = 1;

fn fdstat(fd: i32) -> Result<Fdstat> {
    let mut st = Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    check(unsafe { fd_fdstat_get(fd, &mut st) })?;
    Ok(st)
}

/// The socket type of `fd` from the standard `fd_fdstat_get`.
fn kind(fd: i32) -> Result<SockType> {
    match fdstat(fd)?.filetype {
        FILETYPE_SOCKET_STREAM => Ok(SockType::Stream),
        FILETYPE_SOCKET_DGRAM => Ok(SockType::Dgram),
        _ => Err(Errno::ENOTSOCK),
    }
}

/// Hosts answer `EBADF` for a socket call on an open descriptor that is not
/// a socket (wasi-common does); POSIX wants `ENOTSOCK`. Only on error paths.
fn not_sock(fd: i32, e: Errno) -> Errno {
    if e == Errno::EBADF && fdstat(fd).is_ok() {
        Errno::ENOTSOCK
    } else {
        e
    }
}

/// Runs `f` with `fd` switched to non-blocking (for `MSG_DONTWAIT`; preview1
/// has no per-call flag), restoring the flags afterwards.
fn nonblocking_for<T>(fd: i32, on: bool, f: impl FnOnce() -> Result<T>) -> Result<T> {
    if !on {
        return f();
    }
    let st = fdstat(fd)?;
    if st.flags & FDFLAGS_NONBLOCK != 0 {
        return f();
    }
    // SAFETY: plain value arguments.
    check(unsafe { wasi::fd_fdstat_set_flags(fd, (st.flags | FDFLAGS_NONBLOCK) as i32) })?;
    let r = f();
    // SAFETY: as above.
    unsafe { wasi::fd_fdstat_set_flags(fd, st.flags as i32) };
    r
}

type RecvFrom = fn(i32, &[IoSlice], i32) -> Result<(usize, SockAddr)>;

/// The extension entry points that functions usable on pre-opened sockets
/// may need; filled in by `socket` (see the module docs).
#[derive(Copy, Clone)]
struct Ext {
    recv_from: RecvFrom,
    send_to: fn(i32, &[IoSlice], &SockAddr) -> Result<usize>,
    peer: fn(i32) -> Result<SockAddr>,
    get_opt: fn(i32, SockOpt) -> Result<i64>,
    set_opt: fn(i32, SockOpt, i64) -> Result<()>,
}

static EXT: Single<Option<Ext>> = Single::new(None);

/// Reads [`EXT`]. Volatile on purpose: with whole-program LTO, LLVM sees
/// that `EXT` only ever holds one constant and turns the indirect calls into
/// direct ones, which would make every program that calls `recv` or
/// `accept` import the extension. A volatile access keeps the global
/// opaque, so the extension functions stay reachable from `socket` only.
fn ext() -> Option<Ext> {
    // SAFETY: single-threaded (see `Single`); a valid, initialised static.
    unsafe { core::ptr::read_volatile(EXT.get()) }
}

fn set_ext(e: Ext) {
    // SAFETY: as in `ext`.
    unsafe { core::ptr::write_volatile(EXT.get(), Some(e)) }
}

fn ext_recv_from(fd: i32, bufs: &[IoSlice], ri: i32) -> Result<(usize, SockAddr)> {
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

fn ext_send_to(fd: i32, bufs: &[IoSlice], to: &SockAddr) -> Result<usize> {
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

fn ext_local(fd: i32) -> Result<SockAddr> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a is a valid out-pointer.
    check(unsafe { wasi::sock_addr_local(fd, &mut a) })?;
    Ok(a.to_sockaddr())
}

fn ext_peer(fd: i32) -> Result<SockAddr> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a is a valid out-pointer.
    check(unsafe { wasi::sock_addr_remote(fd, &mut a) })?;
    Ok(a.to_sockaddr())
}

fn ext_get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
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

fn ext_set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
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

/// What this program knows about the sockets it created: bits 0-1 the
/// family (1 IPv4, 2 IPv6; for `EAFNOSUPPORT` before the host is asked),
/// bit 2 listening (`SO_ACCEPTCONN`, which WAMR cannot report); 0 =
/// unknown (pre-opened or not a socket). Cleared by `socket` on reuse.
const KNOWN_FDS: usize = 256;
static FAMILY: Single<[u8; KNOWN_FDS]> = Single::new([0; KNOWN_FDS]);

fn remember(fd: i32, f: Family) {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.get())[fd as usize] = 1 + (f == Family::Inet6) as u8 };
    }
}

const LISTENING: u8 = 4;

fn mark_listening(fd: i32) {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.get())[fd as usize] |= LISTENING };
    }
}

fn known(fd: i32) -> u8 {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        unsafe { (*FAMILY.get())[fd as usize] }
    } else {
        0
    }
}

fn check_family(fd: i32, a: &SockAddr) -> Result<()> {
    if (0..KNOWN_FDS as i32).contains(&fd) {
        // SAFETY: single-threaded; in bounds.
        let k = unsafe { (*FAMILY.get())[fd as usize] } & 3;
        if k != 0 && k != 1 + (a.family() == Family::Inet6) as u8 {
            return Err(Errno::EAFNOSUPPORT);
        }
    }
    Ok(())
}

/// `fd` is a socket (the check a call that never reaches the host needs).
fn is_socket(fd: i32) -> Result<SockType> {
    kind(fd)
}

fn get_u8(fd: i32, f: unsafe extern "C" fn(i32, *mut u8) -> u16) -> Result<i64> {
    let mut v = 0u8;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

fn get_u32(fd: i32, f: unsafe extern "C" fn(i32, *mut u32) -> u16) -> Result<i64> {
    let mut v = 0u32;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

fn get_size(fd: i32, f: unsafe extern "C" fn(i32, *mut usize) -> u16) -> Result<i64> {
    let mut v = 0usize;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v as i64)
}

fn get_us(fd: i32, f: unsafe extern "C" fn(i32, *mut u64) -> u16) -> Result<i64> {
    let mut v = 0u64;
    // SAFETY: v is a valid out-pointer.
    check(unsafe { f(fd, &mut v) })?;
    Ok(v.saturating_mul(1000).min(i64::MAX as u64) as i64)
}

impl PalNet for Sys {
    fn socket(family: Family, ty: SockType, nonblocking: bool) -> Result<i32> {
        let af = (family == Family::Inet6) as i32;
        let st = (ty == SockType::Stream) as i32;
        let mut fd = -1;
        // SAFETY: fd is a valid out-pointer. The pool descriptor is a stub:
        // WAMR's own `socket()` (lib-socket) passes -1 too.
        check(unsafe { wasi::sock_open(-1, af, st, &mut fd) })?;
        if nonblocking {
            // SAFETY: plain value arguments.
            if let Err(e) = check(unsafe { wasi::fd_fdstat_set_flags(fd, FDFLAGS_NONBLOCK as i32) })
            {
                // SAFETY: the descriptor we just opened.
                unsafe { super::wasi::fd_close(fd) };
                return Err(e);
            }
        }
        remember(fd, family);
        set_ext(Ext {
            recv_from: ext_recv_from,
            send_to: ext_send_to,
            peer: ext_peer,
            get_opt: ext_get_opt,
            set_opt: ext_set_opt,
        });
        Ok(fd)
    }

    fn bind(fd: i32, addr: &SockAddr) -> Result<()> {
        check_family(fd, addr)?;
        let a = WasiAddr::from(addr);
        // SAFETY: a valid address record.
        check(unsafe { wasi::sock_bind(fd, &a) })
    }

    fn listen(fd: i32, backlog: u32) -> Result<()> {
        // SAFETY: plain value arguments.
        check(unsafe { wasi::sock_listen(fd, backlog.min(i32::MAX as u32) as i32) })?;
        mark_listening(fd);
        Ok(())
    }

    fn accept(fd: i32, nonblocking: bool) -> Result<(i32, Option<SockAddr>)> {
        let mut new = -1;
        let flags = if nonblocking {
            FDFLAGS_NONBLOCK as i32
        } else {
            0
        };
        // SAFETY: new is a valid out-pointer.
        check(unsafe { wasi::sock_accept(fd, flags, &mut new) }).map_err(|e| not_sock(fd, e))?;
        let peer = ext().and_then(|e| (e.peer)(new).ok());
        let k = known(fd) & 3;
        if k != 0 && (0..KNOWN_FDS as i32).contains(&new) {
            // SAFETY: single-threaded; in bounds.
            unsafe { (*FAMILY.get())[new as usize] = k };
        }
        Ok((new, peer))
    }

    fn connect(fd: i32, addr: &SockAddr) -> Result<()> {
        check_family(fd, addr)?;
        let a = WasiAddr::from(addr);
        // SAFETY: a valid address record.
        check(unsafe { wasi::sock_connect(fd, &a) })
    }

    fn recv(fd: i32, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received> {
        if bufs.iter().all(|b| b.len == 0) {
            // WAMR rejects a zero-length receive (EINVAL): answer here.
            is_socket(fd)?;
            return Ok(Received::default());
        }
        let ri = if flags.peek { RIFLAGS_PEEK } else { 0 }
            | if flags.wait_all { RIFLAGS_WAITALL } else { 0 };
        let r = nonblocking_for(fd, flags.dont_wait, || {
            if let (true, Some(e)) = (flags.want_from, ext())
                && kind(fd)? == SockType::Dgram
            {
                let (n, from) = (e.recv_from)(fd, bufs, ri)?;
                return Ok(Received {
                    len: n,
                    truncated: false,
                    from: Some(from),
                });
            }
            let (mut n, mut ro) = (0usize, 0u16);
            // SAFETY: IoSlice has the iovec layout; the buffers are valid
            // (caller contract); n and ro are valid out-pointers.
            check(unsafe {
                wasi::sock_recv(
                    fd,
                    bufs.as_ptr() as *const Iovec,
                    bufs.len(),
                    ri,
                    &mut n,
                    &mut ro,
                )
            })?;
            Ok(Received {
                len: n,
                truncated: ro & ROFLAGS_TRUNCATED != 0,
                from: None,
            })
        });
        r.map_err(|e| not_sock(fd, e))
    }

    fn send(fd: i32, bufs: &[IoSlice], to: Option<&SockAddr>, dont_wait: bool) -> Result<usize> {
        if bufs.iter().all(|b| b.len == 0) {
            is_socket(fd)?;
            return Ok(0);
        }
        if let Some(a) = to {
            check_family(fd, a)?;
        }
        let r = nonblocking_for(fd, dont_wait, || {
            // (Linux answers EPIPE for a TCP socket that never connected;
            // POSIX says ENOTCONN: told apart below through the peer.)
            if let (Some(a), Some(e)) = (to, ext()) {
                return (e.send_to)(fd, bufs, a);
            }
            let mut n = 0;
            // SAFETY: as in `recv`.
            check(unsafe {
                wasi::sock_send(fd, bufs.as_ptr() as *const Ciovec, bufs.len(), 0, &mut n)
            })?;
            Ok(n)
        });
        r.map_err(|e| match (e, ext()) {
            (Errno::EPIPE, Some(x)) if (x.peer)(fd) == Err(Errno::ENOTCONN) => Errno::ENOTCONN,
            (e, _) => not_sock(fd, e),
        })
    }

    fn shutdown(fd: i32, how: Shutdown) -> Result<()> {
        let h = match how {
            Shutdown::Read => 1,
            Shutdown::Write => 2,
            Shutdown::Both => 3,
        };
        // SAFETY: plain value arguments.
        check(unsafe { wasi::sock_shutdown(fd, h) }).map_err(|e| not_sock(fd, e))
    }

    fn local_addr(fd: i32) -> Result<SockAddr> {
        ext_local(fd)
    }

    fn peer_addr(fd: i32) -> Result<SockAddr> {
        ext_peer(fd)
    }

    fn get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
        match opt {
            SockOpt::Type => Ok((kind(fd)? == SockType::Dgram) as i64),
            SockOpt::Error => match ext() {
                Some(e) => (e.get_opt)(fd, opt),
                None => kind(fd).map(|_| 0),
            },
            SockOpt::AcceptConn if known(fd) != 0 => Ok((known(fd) & LISTENING != 0) as i64),
            // The rest needs the extension, reached through `EXT` so that
            // getsockopt(SO_TYPE) on a pre-opened socket imports nothing
            // more (see the module docs).
            _ => match ext() {
                Some(e) => (e.get_opt)(fd, opt),
                None => kind(fd).and(Err(Errno::ENOPROTOOPT)),
            },
        }
    }

    fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
        match ext() {
            Some(e) => (e.set_opt)(fd, opt, value),
            None => kind(fd).and(Err(Errno::ENOPROTOOPT)),
        }
    }

    fn sock_type(fd: i32) -> Result<SockType> {
        kind(fd)
    }

    fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize> {
        let mut host = [0u8; 256];
        if name.is_empty() || name.len() >= host.len() || name.contains(&0) {
            return Err(Errno::ENOENT);
        }
        host[..name.len()].copy_from_slice(name);
        let hints = AddrInfoHints {
            ty: -1,
            family: 2,
            enabled: 0,
        };
        let mut info = [AddrInfo {
            addr: WasiAddr([0; 24]),
            ty: 0,
        }; MAX_RESOLVED];
        let mut max = 0usize;
        // SAFETY: NUL-terminated host and (empty) service; info has room for
        // MAX_RESOLVED records; max is a valid out-pointer.
        check(unsafe {
            wasi::sock_addr_resolve(
                host.as_ptr(),
                c"".as_ptr() as *const u8,
                &hints,
                info.as_mut_ptr(),
                MAX_RESOLVED,
                &mut max,
            )
        })
        .map_err(|e| if e == Errno::EINVAL { Errno::ENOENT } else { e })?;
        let mut n = 0;
        for i in &info[..max.min(MAX_RESOLVED)] {
            let a = match i.addr.to_sockaddr() {
                SockAddr::V4 { addr, .. } => IpAddr::V4(addr),
                SockAddr::V6 { addr, .. } => IpAddr::V6(addr),
            };
            // The host lists each address once per socket type: keep one.
            if n < out.len() && !out[..n].contains(&a) {
                out[n] = a;
                n += 1;
            }
        }
        if n == 0 { Err(Errno::ENOENT) } else { Ok(n) }
    }

    fn poll(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
        poll_fds(fds, timeout_ns)
    }

    fn get_status_flags(fd: i32) -> Result<i32> {
        let st = fdstat(fd)?;
        const FD_READ: u64 = 1 << 1;
        const FD_WRITE: u64 = 1 << 6;
        let mut f = (st.flags as i32) & (O_APPEND | O_NONBLOCK);
        if st.rights_base & FD_READ != 0 {
            f |= O_RDONLY;
        }
        if st.rights_base & FD_WRITE != 0 {
            f |= O_WRONLY;
        }
        Ok(f)
    }

    fn set_status_flags(fd: i32, flags: i32) -> Result<()> {
        let st = fdstat(fd)?;
        let keep = st.flags as i32 & !(O_APPEND | O_NONBLOCK);
        let new = keep | (flags & (O_APPEND | O_NONBLOCK));
        if new == st.flags as i32 {
            return Ok(());
        }
        // SAFETY: plain value arguments.
        check(unsafe { wasi::fd_fdstat_set_flags(fd, new) })
    }
}

/// Most subscriptions one `poll` builds on the stack; more use the heap.
const STACK_SUBS: usize = 65;

fn poll_fds(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
    let need = fds.len() * 2 + 1;
    let mut sub_stack: [Subscription; STACK_SUBS] =
        core::array::from_fn(|_| Subscription::default());
    let mut ev_stack: [Event; STACK_SUBS] = core::array::from_fn(|_| Event::default());
    let mut heap: [*mut u8; 2] = [core::ptr::null_mut(); 2];
    let (subs, events): (&mut [Subscription], &mut [Event]) = if need <= STACK_SUBS {
        (&mut sub_stack, &mut ev_stack)
    } else {
        heap[0] = crate::heap_alloc(need * core::mem::size_of::<Subscription>(), 8);
        heap[1] = crate::heap_alloc(need * core::mem::size_of::<Event>(), 8);
        if heap.iter().any(|p| p.is_null()) {
            free_all(&heap);
            return Err(Errno::ENOMEM);
        }
        // SAFETY: fresh blocks of the right size and alignment; both types
        // are plain data, zero is a valid value; freed below.
        unsafe {
            core::ptr::write_bytes(heap[0], 0, need * core::mem::size_of::<Subscription>());
            core::ptr::write_bytes(heap[1], 0, need * core::mem::size_of::<Event>());
            (
                core::slice::from_raw_parts_mut(heap[0] as *mut Subscription, need),
                core::slice::from_raw_parts_mut(heap[1] as *mut Event, need),
            )
        }
    };
    let mut n = 0;
    let mut immediate = false;
    for (k, f) in fds.iter_mut().enumerate() {
        f.revents = 0;
        if f.fd < 0 {
            continue;
        }
        // Hosts fail the whole poll_oneoff for a bad descriptor: check first.
        if fdstat(f.fd).is_err() {
            f.revents = POLLNVAL;
            immediate = true;
            continue;
        }
        for (bit, tag) in [(POLLIN, 1u8), (POLLOUT, 2u8)] {
            if f.events & bit != 0 {
                subs[n] = Subscription {
                    userdata: (k as u64) << 1 | (tag as u64 - 1),
                    tag,
                    clock_id: f.fd as u32, // the fd_readwrite payload sits here
                    ..Default::default()
                };
                n += 1;
            }
        }
    }
    let timeout = if immediate {
        Some(0)
    } else if n == 0 && timeout_ns.is_none() {
        // Nothing to wait for, forever: POSIX blocks.
        Some(u64::MAX)
    } else {
        timeout_ns
    };
    if let Some(t) = timeout {
        subs[n] = Subscription {
            userdata: u64::MAX,
            tag: 0,
            clock_id: 1, // monotonic
            timeout: t,
            ..Default::default()
        };
        n += 1;
    }
    if n > 0 {
        let mut got = 0usize;
        // SAFETY: n subscriptions in, room for n events out.
        let r = check(unsafe { poll_oneoff(subs.as_ptr(), events.as_mut_ptr(), n, &mut got) });
        if let Err(e) = r {
            free_all(&heap);
            return Err(e);
        }
        for e in &events[..got] {
            if e.userdata == u64::MAX {
                continue;
            }
            let k = (e.userdata >> 1) as usize;
            let bit = if e.userdata & 1 == 0 { POLLIN } else { POLLOUT };
            let f = &mut fds[k];
            if e.error != 0 {
                f.revents |= if e.error == Errno::EBADF.0 as u16 {
                    POLLNVAL
                } else {
                    POLLERR
                };
            } else {
                f.revents |= bit;
                if e.flags & 1 != 0 {
                    f.revents |= POLLHUP;
                }
            }
        }
    }
    free_all(&heap);
    Ok(fds.iter().filter(|f| f.revents != 0).count())
}

fn free_all(blocks: &[*mut u8]) {
    unsafe extern "C" {
        fn free(p: *mut u8);
    }
    for &b in blocks {
        // SAFETY: null or a block from `heap_alloc`, freed once.
        unsafe { free(b) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wamr_address_layout() {
        let a = SockAddr::V4 {
            addr: [127, 0, 0, 1],
            port: 0x1234,
        };
        let w = WasiAddr::from(&a);
        assert_eq!(&w.0[..10], &[0, 0, 0, 0, 127, 0, 0, 1, 0x34, 0x12]);
        assert_eq!(w.to_sockaddr(), a);
        let b = SockAddr::V6 {
            addr: [0xfe80, 0, 0, 0, 0x3ba2, 0x893b, 0x4be0, 0xe3dd],
            port: 80,
            flow_info: 0,
            scope_id: 0,
        };
        let w = WasiAddr::from(&b);
        assert_eq!(w.0[0], 1);
        assert_eq!(&w.0[4..6], &[0x80, 0xfe]);
        assert_eq!(&w.0[20..22], &[80, 0]);
        assert_eq!(w.to_sockaddr(), b);
    }
}
