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

mod addr;
mod ext;
mod known;
mod poll;
mod wasi;

pub use addr::{AddrInfo, AddrInfoHints, WasiAddr};
use ext::*;
use known::*;
use poll::*;

pub(super) const FILETYPE_SOCKET_DGRAM: u8 = 5;
pub(super) const FILETYPE_SOCKET_STREAM: u8 = 6;
pub(super) const FDFLAGS_NONBLOCK: u16 = 4;
pub(super) const RIFLAGS_PEEK: i32 = 1;
pub(super) const RIFLAGS_WAITALL: i32 = 2;
pub(super) const ROFLAGS_TRUNCATED: u16 = 1;

pub(super) fn fdstat(fd: i32) -> Result<Fdstat> {
    let mut st = Fdstat::default();
    // SAFETY: st is a valid out-pointer.
    check(unsafe { fd_fdstat_get(fd, &mut st) })?;
    Ok(st)
}

/// The socket type of `fd` from the standard `fd_fdstat_get`.
pub(super) fn kind(fd: i32) -> Result<SockType> {
    match fdstat(fd)?.filetype {
        FILETYPE_SOCKET_STREAM => Ok(SockType::Stream),
        FILETYPE_SOCKET_DGRAM => Ok(SockType::Dgram),
        _ => Err(Errno::ENOTSOCK),
    }
}

/// Hosts answer `EBADF` for a socket call on an open descriptor that is not
/// a socket (wasi-common does); POSIX wants `ENOTSOCK`. Only on error paths.
pub(super) fn not_sock(fd: i32, e: Errno) -> Errno {
    if e == Errno::EBADF && fdstat(fd).is_ok() {
        Errno::ENOTSOCK
    } else {
        e
    }
}

/// Runs `f` with `fd` switched to non-blocking (for `MSG_DONTWAIT`; preview1
/// has no per-call flag), restoring the flags afterwards.
pub(super) fn nonblocking_for<T>(fd: i32, on: bool, f: impl FnOnce() -> Result<T>) -> Result<T> {
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
            unsafe { (*FAMILY.as_ptr())[new as usize] = k };
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
