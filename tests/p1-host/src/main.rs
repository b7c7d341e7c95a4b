//! Test host for wasm-libc's p1 sockets.
//!
//! Runs a preview1 core module on the `wasmtime` crate with the legacy
//! `wasi-common` crate's preview1 implementation (which still models
//! sockets in the fd table), plus, optionally:
//!
//! - `--listen`: a TCP listener on 127.0.0.1 (ephemeral port) pre-opened
//!   as fd 3 (what `wasmtime --tcplisten` used to do), and a client thread
//!   that connects `--clients N` times (default 1), sends a line, expects
//!   it echoed back, and fails the run if not.
//! - `--wamr`: WAMR's socket extension (`sock_open`, `sock_bind`,
//!   `sock_connect`, `sock_listen`, `sock_accept` in WAMR's 3-argument form,
//!   `sock_recv_from`, `sock_send_to`, `sock_addr_local`, `sock_addr_remote`,
//!   `sock_addr_resolve`, the option getters/setters), with the signatures
//!   and layouts of WAMR's `wasi_socket_ext.h` / `libc_wasi_wrapper.c`,
//!   implemented over real host sockets (socket2). Sockets it creates are
//!   ordinary entries of wasi-common's fd table, so `fd_read`, `fd_write`,
//!   `fd_close`, `poll_oneoff`, `sock_recv`, `sock_send`, `sock_shutdown`,
//!   `fd_fdstat_*` work on them as on WAMR.
//!
//! Usage: `p1-host [--listen] [--clients N] [--wamr] [--timeout SECS]
//! module.wasm [args...]`. Exit status: the guest's, or 70 if the client
//! thread failed, 124 on timeout.

use anyhow::{Context, Result, anyhow};
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::any::Any;
use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;
use wasi_common::file::{FdFlags, FileAccessMode, FileType, RiFlags, RoFlags, SdFlags, SiFlags};
use wasi_common::{Error, ErrorExt, WasiCtx, WasiFile};
use wasmtime::{Caller, Engine, Linker, Module, Store};

struct Host {
    wasi: WasiCtx,
    /// Sockets created through the extension, by guest fd (weak: the fd
    /// table owns them; a closed fd's entry no longer upgrades).
    socks: HashMap<u32, Weak<Inner>>,
}

/// A host socket behind a guest fd.
struct Inner {
    sock: Socket,
    dgram: bool,
    nonblocking: AtomicBool,
}

/// The `WasiFile` wasi-common sees for an extension socket.
struct HostSock(Arc<Inner>);

fn io_err(e: io::Error) -> Error {
    e.into()
}

fn uninit(buf: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: u8 and MaybeUninit<u8> share a layout; the bytes are
    // initialised already, and we only write u8 values through it.
    unsafe { &mut *(buf as *mut [u8] as *mut [MaybeUninit<u8>]) }
}

#[async_trait::async_trait]
impl WasiFile for HostSock {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn pollable(&self) -> Option<BorrowedFd<'_>> {
        Some(self.0.sock.as_fd())
    }
    async fn get_filetype(&self) -> Result<FileType, Error> {
        Ok(if self.0.dgram {
            FileType::SocketDgram
        } else {
            FileType::SocketStream
        })
    }
    async fn get_fdflags(&self) -> Result<FdFlags, Error> {
        Ok(if self.0.nonblocking.load(Ordering::Relaxed) {
            FdFlags::NONBLOCK
        } else {
            FdFlags::empty()
        })
    }
    async fn set_fdflags(&mut self, flags: FdFlags) -> Result<(), Error> {
        if !(flags - FdFlags::NONBLOCK).is_empty() {
            return Err(Error::invalid_argument());
        }
        let nb = flags.contains(FdFlags::NONBLOCK);
        self.0.sock.set_nonblocking(nb).map_err(io_err)?;
        self.0.nonblocking.store(nb, Ordering::Relaxed);
        Ok(())
    }
    async fn read_vectored<'a>(&self, bufs: &mut [io::IoSliceMut<'a>]) -> Result<u64, Error> {
        Ok((&self.0.sock).read_vectored(bufs).map_err(io_err)? as u64)
    }
    async fn write_vectored<'a>(&self, bufs: &[io::IoSlice<'a>]) -> Result<u64, Error> {
        Ok((&self.0.sock).write_vectored(bufs).map_err(io_err)? as u64)
    }
    async fn sock_accept(&self, _flags: FdFlags) -> Result<Box<dyn WasiFile>, Error> {
        // Accepting goes through the overridden `sock_accept` import, which
        // registers the new socket; this path is not reached.
        Err(Error::not_supported())
    }
    async fn sock_recv<'a>(
        &self,
        bufs: &mut [io::IoSliceMut<'a>],
        flags: RiFlags,
    ) -> Result<(u64, RoFlags), Error> {
        // WAMR's behaviour: a zero-length receive is an error.
        if bufs.iter().all(|b| b.is_empty()) {
            return Err(Error::invalid_argument());
        }
        if flags.contains(RiFlags::RECV_PEEK) {
            let first = bufs.iter_mut().find(|b| !b.is_empty()).unwrap();
            let n = self.0.sock.peek(uninit(first)).map_err(io_err)?;
            return Ok((n as u64, RoFlags::empty()));
        }
        let mut total = 0;
        loop {
            let n = (&self.0.sock).read_vectored(bufs).map_err(io_err)?;
            total += n;
            let want: usize = bufs.iter().map(|b| b.len()).sum();
            if !flags.contains(RiFlags::RECV_WAITALL) || n == 0 || total >= want {
                return Ok((total as u64, RoFlags::empty()));
            }
            io::IoSliceMut::advance_slices(&mut &mut bufs[..], n);
        }
    }
    async fn sock_send<'a>(&self, bufs: &[io::IoSlice<'a>], _flags: SiFlags) -> Result<u64, Error> {
        if bufs.iter().all(|b| b.is_empty()) {
            return Err(Error::invalid_argument());
        }
        Ok((&self.0.sock).write_vectored(bufs).map_err(io_err)? as u64)
    }
    async fn sock_shutdown(&self, how: SdFlags) -> Result<(), Error> {
        let how = if how == SdFlags::RD | SdFlags::WR {
            std::net::Shutdown::Both
        } else if how == SdFlags::RD {
            std::net::Shutdown::Read
        } else if how == SdFlags::WR {
            std::net::Shutdown::Write
        } else {
            return Err(Error::invalid_argument());
        };
        self.0.sock.shutdown(how).map_err(io_err)
    }
    fn num_ready_bytes(&self) -> Result<u64, Error> {
        Ok(0)
    }
}

// ---- WAMR's extension -------------------------------------------------

/// WASI errno numbers used below.
mod errno {
    pub const SUCCESS: i32 = 0;
    pub const AFNOSUPPORT: i32 = 5;
    pub const BADF: i32 = 8;
    pub const FAULT: i32 = 21;
    pub const INVAL: i32 = 28;
    pub const IO: i32 = 29;
    pub const NOTSOCK: i32 = 57;
}

/// Linux errno -> WASI errno for socket errors.
fn wasi_errno(e: &io::Error) -> i32 {
    if e.kind() == io::ErrorKind::WouldBlock {
        return 6;
    }
    match e.raw_os_error() {
        Some(1) => 63,   // EPERM
        Some(9) => 8,    // EBADF
        Some(11) => 6,   // EAGAIN
        Some(13) => 2,   // EACCES
        Some(22) => 28,  // EINVAL
        Some(32) => 64,  // EPIPE
        Some(88) => 57,  // ENOTSOCK
        Some(90) => 35,  // EMSGSIZE
        Some(92) => 50,  // ENOPROTOOPT
        Some(95) => 58,  // EOPNOTSUPP
        Some(97) => 5,   // EAFNOSUPPORT
        Some(98) => 3,   // EADDRINUSE
        Some(99) => 4,   // EADDRNOTAVAIL
        Some(101) => 40, // ENETUNREACH
        Some(103) => 13, // ECONNABORTED
        Some(104) => 15, // ECONNRESET
        Some(106) => 30, // EISCONN
        Some(107) => 53, // ENOTCONN
        Some(110) => 73, // ETIMEDOUT
        Some(111) => 14, // ECONNREFUSED
        Some(113) => 23, // EHOSTUNREACH
        Some(114) => 7,  // EALREADY
        Some(115) => 26, // EINPROGRESS
        _ => errno::IO,
    }
}

fn memory<'a>(caller: &'a mut Caller<'_, Host>) -> Result<&'a mut [u8], i32> {
    let mem = caller
        .get_export("memory")
        .and_then(|e| e.into_memory())
        .ok_or(errno::FAULT)?;
    Ok(mem.data_mut(caller))
}

fn range(mem: &[u8], ptr: i32, len: usize) -> Result<std::ops::Range<usize>, i32> {
    let start = ptr as u32 as usize;
    let end = start.checked_add(len).ok_or(errno::FAULT)?;
    if end > mem.len() {
        return Err(errno::FAULT);
    }
    Ok(start..end)
}

/// Reads WAMR's `__wasi_addr_t` (24 bytes: kind u32, then ip4 {n0..n3,
/// port u16} or ip6 {8 x u16, port u16}, host byte order).
fn read_addr(mem: &[u8], ptr: i32) -> Result<SocketAddr, i32> {
    let r = range(mem, ptr, 24)?;
    let b = &mem[r];
    let u16_at = |o: usize| u16::from_le_bytes([b[o], b[o + 1]]);
    match u32::from_le_bytes([b[0], b[1], b[2], b[3]]) {
        0 => Ok(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::new(b[4], b[5], b[6], b[7])),
            u16_at(8),
        )),
        1 => {
            let g: Vec<u16> = (0..8).map(|k| u16_at(4 + 2 * k)).collect();
            Ok(SocketAddr::new(
                IpAddr::V6(Ipv6Addr::new(
                    g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7],
                )),
                u16_at(20),
            ))
        }
        _ => Err(errno::INVAL),
    }
}

fn write_addr(mem: &mut [u8], ptr: i32, a: &SocketAddr) -> Result<(), i32> {
    let r = range(mem, ptr, 24)?;
    let b = &mut mem[r];
    b.fill(0);
    match a {
        SocketAddr::V4(v) => {
            b[4..8].copy_from_slice(&v.ip().octets());
            b[8..10].copy_from_slice(&v.port().to_le_bytes());
        }
        SocketAddr::V6(v) => {
            b[0] = 1;
            for (k, g) in v.ip().segments().iter().enumerate() {
                b[4 + 2 * k..6 + 2 * k].copy_from_slice(&g.to_le_bytes());
            }
            b[20..22].copy_from_slice(&v.port().to_le_bytes());
        }
    }
    Ok(())
}

fn put_u32(mem: &mut [u8], ptr: i32, v: u32) -> Result<(), i32> {
    let r = range(mem, ptr, 4)?;
    mem[r].copy_from_slice(&v.to_le_bytes());
    Ok(())
}

fn put_u64(mem: &mut [u8], ptr: i32, v: u64) -> Result<(), i32> {
    let r = range(mem, ptr, 8)?;
    mem[r].copy_from_slice(&v.to_le_bytes());
    Ok(())
}

fn put_u8(mem: &mut [u8], ptr: i32, v: u8) -> Result<(), i32> {
    let r = range(mem, ptr, 1)?;
    mem[r.start] = v;
    Ok(())
}

/// The extension socket behind a guest fd: `EBADF` if the fd is closed,
/// `ENOTSOCK` if it is open but not one of ours.
fn sock_of(caller: &Caller<'_, Host>, fd: i32) -> Result<Arc<Inner>, i32> {
    match caller
        .data()
        .socks
        .get(&(fd as u32))
        .and_then(Weak::upgrade)
    {
        Some(s) => Ok(s),
        None if caller.data().wasi.table().contains_key(fd as u32) => Err(errno::NOTSOCK),
        None => Err(errno::BADF),
    }
}

fn install(
    caller: &mut Caller<'_, Host>,
    sock: Socket,
    dgram: bool,
    nonblocking: bool,
) -> Result<u32, i32> {
    let inner = Arc::new(Inner {
        sock,
        dgram,
        nonblocking: AtomicBool::new(nonblocking),
    });
    let weak = Arc::downgrade(&inner);
    let fd = caller
        .data()
        .wasi
        .push_file(
            Box::new(HostSock(inner)),
            FileAccessMode::READ | FileAccessMode::WRITE,
        )
        .map_err(|_| errno::IO)?;
    caller.data_mut().socks.insert(fd, weak);
    Ok(fd)
}

/// The iovec array (`{ptr, len}` pairs) at `iovs` as guest ranges.
fn iovecs(mem: &[u8], iovs: i32, n: i32) -> Result<Vec<std::ops::Range<usize>>, i32> {
    let r = range(
        mem,
        iovs,
        (n as u32 as usize).checked_mul(8).ok_or(errno::FAULT)?,
    )?;
    mem[r]
        .chunks(8)
        .map(|c| {
            let p = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let l = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            range(mem, p as i32, l as usize)
        })
        .collect()
}

fn code(r: Result<(), i32>) -> i32 {
    match r {
        Ok(()) => errno::SUCCESS,
        Err(e) => e,
    }
}

fn add_wamr(linker: &mut Linker<Host>) -> Result<()> {
    const M: &str = "wasi_snapshot_preview1";
    linker.allow_shadowing(true);
    linker.func_wrap(
        M,
        "sock_open",
        |mut c: Caller<'_, Host>, _pool: i32, af: i32, ty: i32, out: i32| -> i32 {
            code((|| {
                let domain = match af {
                    0 => Domain::IPV4,
                    1 => Domain::IPV6,
                    _ => return Err(errno::AFNOSUPPORT),
                };
                let (t, p) = match ty {
                    0 => (Type::DGRAM, Protocol::UDP),
                    1 => (Type::STREAM, Protocol::TCP),
                    _ => return Err(errno::INVAL),
                };
                let s = Socket::new(domain, t, Some(p)).map_err(|e| wasi_errno(&e))?;
                if domain == Domain::IPV6 {
                    let _ = s.set_only_v6(true);
                }
                let fd = install(&mut c, s, ty == 0, false)?;
                put_u32(memory(&mut c)?, out, fd)
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_bind",
        |mut c: Caller<'_, Host>, fd: i32, addr: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let a = read_addr(memory(&mut c)?, addr)?;
                s.sock.bind(&SockAddr::from(a)).map_err(|e| wasi_errno(&e))
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_connect",
        |mut c: Caller<'_, Host>, fd: i32, addr: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let a = read_addr(memory(&mut c)?, addr)?;
                s.sock
                    .connect(&SockAddr::from(a))
                    .map_err(|e| wasi_errno(&e))
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_listen",
        |c: Caller<'_, Host>, fd: i32, backlog: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                s.sock.listen(backlog).map_err(|e| wasi_errno(&e))
            })())
        },
    )?;
    // WAMR's (and current preview1's) three-argument form.
    linker.func_wrap(
        M,
        "sock_accept",
        |mut c: Caller<'_, Host>, fd: i32, flags: i32, out: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let (n, _) = s.sock.accept().map_err(|e| wasi_errno(&e))?;
                let nb = flags & 4 != 0;
                n.set_nonblocking(nb).map_err(|e| wasi_errno(&e))?;
                let new = install(&mut c, n, false, nb)?;
                put_u32(memory(&mut c)?, out, new)
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_recv_from",
        |mut c: Caller<'_, Host>,
         fd: i32,
         iovs: i32,
         n: i32,
         _ri: i32,
         src: i32,
         out: i32|
         -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let mem = memory(&mut c)?;
                let v = iovecs(mem, iovs, n)?;
                let total: usize = v.iter().map(|r| r.len()).sum();
                if total == 0 {
                    return Err(errno::INVAL); // WAMR rejects a zero-length receive
                }
                let mut tmp = vec![0u8; total];
                let (got, from) = s
                    .sock
                    .recv_from(uninit(&mut tmp))
                    .map_err(|e| wasi_errno(&e))?;
                let mut off = 0;
                for r in v {
                    let k = r.len().min(got - off);
                    mem[r.start..r.start + k].copy_from_slice(&tmp[off..off + k]);
                    off += k;
                }
                let from = from.as_socket().ok_or(errno::AFNOSUPPORT)?;
                write_addr(mem, src, &from)?;
                put_u32(mem, out, got as u32)
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_send_to",
        |mut c: Caller<'_, Host>,
         fd: i32,
         iovs: i32,
         n: i32,
         _si: i32,
         dst: i32,
         out: i32|
         -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let mem = memory(&mut c)?;
                let v = iovecs(mem, iovs, n)?;
                let data: Vec<u8> = v
                    .iter()
                    .flat_map(|r| mem[r.clone()].iter().copied())
                    .collect();
                let to = read_addr(mem, dst)?;
                let k = s
                    .sock
                    .send_to(&data, &SockAddr::from(to))
                    .map_err(|e| wasi_errno(&e))?;
                put_u32(mem, out, k as u32)
            })())
        },
    )?;
    for (name, local) in [("sock_addr_local", true), ("sock_addr_remote", false)] {
        linker.func_wrap(
            M,
            name,
            move |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let a = if local {
                        s.sock.local_addr()
                    } else {
                        s.sock.peer_addr()
                    };
                    let a = a
                        .map_err(|e| wasi_errno(&e))?
                        .as_socket()
                        .ok_or(errno::AFNOSUPPORT)?;
                    write_addr(memory(&mut c)?, out, &a)
                })())
            },
        )?;
    }
    linker.func_wrap(
        M,
        "sock_addr_resolve",
        |mut c: Caller<'_, Host>,
         host: i32,
         _service: i32,
         _hints: i32,
         buf: i32,
         size: i32,
         max: i32|
         -> i32 {
            code((|| {
                let mem = memory(&mut c)?;
                let start = host as u32 as usize;
                let end = mem
                    .get(start..)
                    .and_then(|m| m.iter().position(|&b| b == 0))
                    .ok_or(errno::FAULT)?;
                let name = std::str::from_utf8(&mem[start..start + end])
                    .map_err(|_| errno::INVAL)?
                    .to_string();
                use std::net::ToSocketAddrs;
                let addrs: Vec<SocketAddr> = (name.as_str(), 0)
                    .to_socket_addrs()
                    .map_err(|_| errno::INVAL)?
                    .collect();
                // __wasi_addr_info_t: 24-byte address, then u32 type.
                for (k, a) in addrs.iter().take(size as u32 as usize).enumerate() {
                    let p = buf + 28 * k as i32;
                    write_addr(mem, p, a)?;
                    put_u32(mem, p + 24, 1)?;
                }
                put_u32(mem, max, addrs.len() as u32)
            })())
        },
    )?;
    // Option getters and setters (the common ones).
    fn get_bool(
        linker: &mut Linker<Host>,
        name: &str,
        f: fn(&Socket) -> io::Result<bool>,
    ) -> Result<()> {
        linker.func_wrap(
            M,
            name,
            move |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let v = f(&s.sock).map_err(|e| wasi_errno(&e))?;
                    put_u8(memory(&mut c)?, out, v as u8)
                })())
            },
        )?;
        Ok(())
    }
    fn set_bool(
        linker: &mut Linker<Host>,
        name: &str,
        f: fn(&Socket, bool) -> io::Result<()>,
    ) -> Result<()> {
        linker.func_wrap(
            M,
            name,
            move |c: Caller<'_, Host>, fd: i32, v: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    f(&s.sock, v != 0).map_err(|e| wasi_errno(&e))
                })())
            },
        )?;
        Ok(())
    }
    get_bool(linker, "sock_get_reuse_addr", Socket::reuse_address)?;
    set_bool(linker, "sock_set_reuse_addr", Socket::set_reuse_address)?;
    get_bool(linker, "sock_get_keep_alive", Socket::keepalive)?;
    set_bool(linker, "sock_set_keep_alive", Socket::set_keepalive)?;
    get_bool(linker, "sock_get_broadcast", Socket::broadcast)?;
    set_bool(linker, "sock_set_broadcast", Socket::set_broadcast)?;
    get_bool(linker, "sock_get_tcp_no_delay", Socket::tcp_nodelay)?;
    set_bool(linker, "sock_set_tcp_no_delay", Socket::set_tcp_nodelay)?;
    get_bool(linker, "sock_get_ipv6_only", Socket::only_v6)?;
    set_bool(linker, "sock_set_ipv6_only", Socket::set_only_v6)?;
    for (name, recv) in [
        ("sock_get_recv_buf_size", true),
        ("sock_get_send_buf_size", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let v = if recv {
                        s.sock.recv_buffer_size()
                    } else {
                        s.sock.send_buffer_size()
                    };
                    put_u32(memory(&mut c)?, out, v.map_err(|e| wasi_errno(&e))? as u32)
                })())
            },
        )?;
    }
    for (name, recv) in [
        ("sock_set_recv_buf_size", true),
        ("sock_set_send_buf_size", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |c: Caller<'_, Host>, fd: i32, v: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let r = if recv {
                        s.sock.set_recv_buffer_size(v as usize)
                    } else {
                        s.sock.set_send_buffer_size(v as usize)
                    };
                    r.map_err(|e| wasi_errno(&e))
                })())
            },
        )?;
    }
    for (name, recv) in [
        ("sock_get_recv_timeout", true),
        ("sock_get_send_timeout", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let v = if recv {
                        s.sock.read_timeout()
                    } else {
                        s.sock.write_timeout()
                    };
                    let us = v
                        .map_err(|e| wasi_errno(&e))?
                        .map_or(0, |d| d.as_micros() as u64);
                    put_u64(memory(&mut c)?, out, us)
                })())
            },
        )?;
    }
    for (name, recv) in [
        ("sock_set_recv_timeout", true),
        ("sock_set_send_timeout", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |c: Caller<'_, Host>, fd: i32, us: i64| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let d = (us > 0).then(|| Duration::from_micros(us as u64));
                    let r = if recv {
                        s.sock.set_read_timeout(d)
                    } else {
                        s.sock.set_write_timeout(d)
                    };
                    r.map_err(|e| wasi_errno(&e))
                })())
            },
        )?;
    }
    linker.func_wrap(
        M,
        "sock_get_linger",
        |mut c: Caller<'_, Host>, fd: i32, on: i32, secs: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let l = s.sock.linger().map_err(|e| wasi_errno(&e))?;
                let mem = memory(&mut c)?;
                put_u8(mem, on, l.is_some() as u8)?;
                put_u32(mem, secs, l.map_or(0, |d| d.as_secs() as u32))
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_set_linger",
        |c: Caller<'_, Host>, fd: i32, on: i32, secs: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let d = (on != 0).then(|| Duration::from_secs(secs.max(0) as u64));
                s.sock.set_linger(d).map_err(|e| wasi_errno(&e))
            })())
        },
    )?;
    for (name, idle) in [
        ("sock_get_tcp_keep_idle", true),
        ("sock_get_tcp_keep_intvl", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let v = if idle {
                        s.sock.tcp_keepalive_time()
                    } else {
                        s.sock.tcp_keepalive_interval()
                    };
                    put_u32(
                        memory(&mut c)?,
                        out,
                        v.map_err(|e| wasi_errno(&e))?.as_secs() as u32,
                    )
                })())
            },
        )?;
    }
    for (name, idle) in [
        ("sock_set_tcp_keep_idle", true),
        ("sock_set_tcp_keep_intvl", false),
    ] {
        linker.func_wrap(
            M,
            name,
            move |c: Caller<'_, Host>, fd: i32, secs: i32| -> i32 {
                code((|| {
                    let s = sock_of(&c, fd)?;
                    let d = Duration::from_secs(secs as u32 as u64);
                    let k = if idle {
                        socket2::TcpKeepalive::new().with_time(d)
                    } else {
                        socket2::TcpKeepalive::new().with_interval(d)
                    };
                    s.sock.set_tcp_keepalive(&k).map_err(|e| wasi_errno(&e))
                })())
            },
        )?;
    }
    linker.func_wrap(
        M,
        "sock_get_ip_ttl",
        |mut c: Caller<'_, Host>, fd: i32, out: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                let v = s.sock.ttl_v4().map_err(|e| wasi_errno(&e))?;
                put_u8(memory(&mut c)?, out, v as u8)
            })())
        },
    )?;
    linker.func_wrap(
        M,
        "sock_set_ip_ttl",
        |c: Caller<'_, Host>, fd: i32, v: i32| -> i32 {
            code((|| {
                let s = sock_of(&c, fd)?;
                s.sock.set_ttl_v4(v as u32).map_err(|e| wasi_errno(&e))
            })())
        },
    )?;
    linker.func_wrap(M, "poll_oneoff", poll_oneoff)?;
    Ok(())
}

/// `poll_oneoff` as WAMR does it (a `poll(2)` that reports only the
/// descriptors that are ready). wasi-common's version completes *every*
/// read/write subscription as soon as any one is ready, which no real
/// runtime does and which would make `poll` tests meaningless. Handles
/// relative clock subscriptions, and fd subscriptions on this host's
/// sockets and on stdio; other open descriptors (files) are always ready.
fn poll_oneoff(mut c: Caller<'_, Host>, subs: i32, events: i32, n: i32, out: i32) -> i32 {
    code((|| {
        let n = n as u32 as usize;
        if n == 0 {
            return Err(errno::INVAL);
        }
        let mem = memory(&mut c)?;
        let r = range(mem, subs, n.checked_mul(48).ok_or(errno::FAULT)?)?;
        let raw: Vec<u8> = mem[r].to_vec();
        range(mem, events, n * 32)?;
        struct Sub {
            userdata: u64,
            tag: u8,
            fd: u32,
            timeout: u64,
            abs: bool,
        }
        let subs: Vec<Sub> = raw
            .chunks(48)
            .map(|b| Sub {
                userdata: u64::from_le_bytes(b[0..8].try_into().unwrap()),
                tag: b[8],
                fd: u32::from_le_bytes(b[16..20].try_into().unwrap()),
                timeout: u64::from_le_bytes(b[24..32].try_into().unwrap()),
                abs: u16::from_le_bytes([b[40], b[41]]) & 1 != 0,
            })
            .collect();
        if subs.iter().any(|s| s.tag == 0 && s.abs) {
            return Err(errno::INVAL); // absolute deadlines: not needed here
        }
        let timeout = subs.iter().filter(|s| s.tag == 0).map(|s| s.timeout).min();
        // (event index, pollfd index or none = always ready / bad fd)
        let mut pfds: Vec<libc::pollfd> = Vec::new();
        let mut keep = Vec::new(); // Arcs kept alive during the poll
        let mut plan: Vec<(usize, Option<usize>, u16)> = Vec::new();
        for (k, s) in subs.iter().enumerate() {
            if s.tag == 0 {
                continue;
            }
            let ev = if s.tag == 1 {
                libc::POLLIN
            } else {
                libc::POLLOUT
            };
            let raw_fd = match c.data().socks.get(&s.fd).and_then(Weak::upgrade) {
                Some(sock) => {
                    use std::os::fd::AsRawFd;
                    let f = sock.sock.as_raw_fd();
                    keep.push(sock);
                    Some(f)
                }
                None if s.fd <= 2 => Some(s.fd as i32),
                None if c.data().wasi.table().contains_key(s.fd) => None,
                None => {
                    plan.push((k, None, errno::BADF as u16));
                    continue;
                }
            };
            match raw_fd {
                Some(f) => {
                    pfds.push(libc::pollfd {
                        fd: f,
                        events: ev,
                        revents: 0,
                    });
                    plan.push((k, Some(pfds.len() - 1), 0));
                }
                None => plan.push((k, None, 0)),
            }
        }
        let immediate = plan.iter().any(|p| p.1.is_none());
        let ms: i32 = if immediate {
            0
        } else {
            timeout.map_or(-1, |t| t.div_ceil(1_000_000).min(i32::MAX as u64) as i32)
        };
        let r = loop {
            // SAFETY: pfds is a valid array of pollfd for its length.
            let r = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, ms) };
            if r >= 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                break r;
            }
        };
        if r < 0 {
            return Err(wasi_errno(&io::Error::last_os_error()));
        }
        drop(keep);
        let mut evs: Vec<[u8; 32]> = Vec::new();
        let push =
            |evs: &mut Vec<[u8; 32]>, userdata: u64, error: u16, ty: u8, nbytes: u64, hup: bool| {
                let mut e = [0u8; 32];
                e[0..8].copy_from_slice(&userdata.to_le_bytes());
                e[8..10].copy_from_slice(&error.to_le_bytes());
                e[10] = ty;
                e[16..24].copy_from_slice(&nbytes.to_le_bytes());
                e[24..26].copy_from_slice(&(hup as u16).to_le_bytes());
                evs.push(e);
            };
        for (k, p, err) in &plan {
            let s = &subs[*k];
            match p {
                None => push(&mut evs, s.userdata, *err, s.tag, 1, false),
                Some(i) => {
                    let rev = pfds[*i].revents;
                    if rev == 0 {
                        continue;
                    }
                    let e = if rev & libc::POLLNVAL != 0 {
                        errno::BADF as u16
                    } else {
                        0
                    };
                    push(&mut evs, s.userdata, e, s.tag, 1, rev & libc::POLLHUP != 0);
                }
            }
        }
        if evs.is_empty() {
            // Nothing ready: the (earliest) clock fired.
            if let Some(s) = subs.iter().filter(|s| s.tag == 0).min_by_key(|s| s.timeout) {
                push(&mut evs, s.userdata, 0, 0, 0, false);
            }
        }
        let mem = memory(&mut c)?;
        for (k, e) in evs.iter().enumerate() {
            let at = events as u32 as usize + 32 * k;
            mem[at..at + 32].copy_from_slice(e);
        }
        put_u32(mem, out, evs.len() as u32)
    })())
}

// ---- the run ----------------------------------------------------------

struct Opts {
    listen: bool,
    clients: usize,
    wamr: bool,
    timeout: u64,
    module: String,
    args: Vec<String>,
}

fn parse() -> Result<Opts> {
    let mut o = Opts {
        listen: false,
        clients: 1,
        wamr: false,
        timeout: 30,
        module: String::new(),
        args: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--listen" => o.listen = true,
            "--wamr" => o.wamr = true,
            "--clients" => o.clients = it.next().context("--clients N")?.parse()?,
            "--timeout" => o.timeout = it.next().context("--timeout SECS")?.parse()?,
            _ => {
                o.module = a;
                o.args = it.collect();
                break;
            }
        }
    }
    if o.module.is_empty() {
        return Err(anyhow!(
            "usage: p1-host [--listen] [--clients N] [--wamr] [--timeout SECS] module.wasm [args...]"
        ));
    }
    Ok(o)
}

/// The client side of the pre-opened listener test: each connection sends
/// one line and expects it back unchanged.
fn client(addr: SocketAddr, n: usize) -> Result<()> {
    for k in 0..n {
        let mut s = TcpStream::connect(addr)?;
        s.set_read_timeout(Some(Duration::from_secs(10)))?;
        let msg = format!("hello from the host, connection {k}\n");
        s.write_all(msg.as_bytes())?;
        s.shutdown(std::net::Shutdown::Write)?;
        let mut back = String::new();
        s.read_to_string(&mut back)?;
        if back != msg {
            return Err(anyhow!("connection {k}: sent {msg:?}, got back {back:?}"));
        }
    }
    Ok(())
}

fn main() -> Result<()> {
    let o = parse()?;
    let timeout = o.timeout;
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(timeout));
        eprintln!("p1-host: timed out after {timeout} s");
        std::process::exit(124);
    });
    let engine = Engine::default();
    let module = Module::from_file(&engine, &o.module)?;
    let mut linker: Linker<Host> = Linker::new(&engine);
    wasi_common::sync::add_to_linker(&mut linker, |h: &mut Host| &mut h.wasi)?;
    if o.wamr {
        add_wamr(&mut linker)?;
    }
    let mut b = wasi_common::sync::WasiCtxBuilder::new();
    b.inherit_stdio();
    b.arg(&o.module)?;
    for a in &o.args {
        b.arg(a)?;
    }
    let mut client_thread = None;
    let mut own_listener = None;
    if o.listen {
        let l = TcpListener::bind("127.0.0.1:0")?;
        let addr = l.local_addr()?;
        if o.wamr {
            // With the extension, the listener is one of this host's sockets
            // (the overridden `sock_accept` serves only those).
            own_listener = Some(Socket::from(l));
        } else {
            b.preopened_socket(3, wasi_common::sync::TcpListener::from_std(l))?;
        }
        let n = o.clients;
        client_thread = Some(std::thread::spawn(move || client(addr, n)));
    }
    let mut host = Host {
        wasi: b.build(),
        socks: HashMap::new(),
    };
    if let Some(sock) = own_listener {
        let inner = Arc::new(Inner {
            sock,
            dgram: false,
            nonblocking: AtomicBool::new(false),
        });
        host.socks.insert(3, Arc::downgrade(&inner));
        host.wasi.insert_file(
            3,
            Box::new(HostSock(inner)),
            FileAccessMode::READ | FileAccessMode::WRITE,
        );
    }
    let mut store = Store::new(&engine, host);
    linker.module(&mut store, "", &module)?;
    let start = linker
        .get_default(&mut store, "")?
        .typed::<(), ()>(&store)?;
    let status = match start.call(&mut store, ()) {
        Ok(()) => 0,
        Err(e) => match e.downcast_ref::<wasi_common::I32Exit>() {
            Some(x) => x.0,
            None => {
                eprintln!("p1-host: guest trapped: {e:?}");
                return Err(e.into());
            }
        },
    };
    if let Some(t) = client_thread {
        match t.join() {
            Ok(Ok(())) => eprintln!("p1-host: client: all echoes matched"),
            Ok(Err(e)) => {
                eprintln!("p1-host: client failed: {e}");
                std::process::exit(70);
            }
            Err(_) => std::process::exit(70),
        }
    }
    std::process::exit(status)
}
