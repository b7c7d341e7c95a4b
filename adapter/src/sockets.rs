//! `wasi:sockets` (network, instance-network, tcp-create-socket, tcp,
//! udp-create-socket, udp, ip-name-lookup) over WAMR's socket extension
//! (`sock_open`, `sock_bind`, `sock_connect`, `sock_listen`, `sock_accept`,
//! `sock_recv_from`, `sock_send_to`, `sock_addr_local`/`remote`,
//! `sock_addr_resolve`, `sock_get_*`/`sock_set_*`, in module
//! `wasi_snapshot_preview1`, with the signatures and `__wasi_addr_t` layout
//! of WAMR's `wasi_socket_ext.h`) and standard preview1 (`sock_recv` for a
//! peek, `sock_shutdown`, `fd_fdstat_set_flags`, `fd_close`, and `fd_read`/
//! `fd_write`/`poll_oneoff` for a connection's streams).
//!
//! Every socket's preview1 fd is non-blocking: `start-*`/`finish-*`,
//! `accept` and the streams' non-blocking calls answer `would-block` (or an
//! empty read) at once, the blocking ones wait in `poll_oneoff`.
//!
//! Table entries: a socket's `fd` is its preview1 fd, `sub` its address
//! family (0 IPv4, 1 IPv6), `flags` its state (below), `pos` the errno a
//! `start-connect` already got (TCP) or the listen backlog. A connection's
//! streams are `Input`/`Output` entries on the same fd with [`SOCK`]; a UDP
//! socket's datagram streams are `DatagramIn`/`DatagramOut` entries on it.

use crate::errors::sock_code;
use crate::mem::{alloc, check_list, put_u8, put_u32, put_u64, trap};
use crate::p1;
use crate::poll;
use crate::table::{self, Kind, POLL_READ, POLL_WRITE, SOCK};

/// The raw extension imports (errno results, masked by the callers).
mod raw {
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        pub fn sock_open(poolfd: i32, af: i32, socktype: i32, fd: *mut u32) -> i32;
        pub fn sock_bind(fd: u32, addr: *const u8) -> i32;
        pub fn sock_connect(fd: u32, addr: *const u8) -> i32;
        pub fn sock_listen(fd: u32, backlog: i32) -> i32;
        pub fn sock_accept(fd: u32, flags: u16, new: *mut u32) -> i32;
        pub fn sock_recv(
            fd: u32,
            iovs: *const crate::p1::Iovec,
            n: usize,
            riflags: u16,
            nread: *mut usize,
            roflags: *mut u16,
        ) -> i32;
        pub fn sock_recv_from(
            fd: u32,
            iovs: *const crate::p1::Iovec,
            n: usize,
            riflags: u16,
            src: *mut u8,
            nread: *mut usize,
        ) -> i32;
        pub fn sock_send_to(
            fd: u32,
            iovs: *const crate::p1::Ciovec,
            n: usize,
            siflags: u16,
            dst: *const u8,
            nsent: *mut usize,
        ) -> i32;
        pub fn sock_shutdown(fd: u32, how: u8) -> i32;
        pub fn sock_addr_local(fd: u32, addr: *mut u8) -> i32;
        pub fn sock_addr_remote(fd: u32, addr: *mut u8) -> i32;
        pub fn sock_addr_resolve(
            host: *const u8,
            service: *const u8,
            hints: *const u8,
            info: *mut u8,
            n: usize,
            max: *mut usize,
        ) -> i32;
        pub fn fd_fdstat_set_flags(fd: u32, flags: u16) -> i32;
        pub fn sock_set_reuse_addr(fd: u32, v: i32) -> i32;
        pub fn sock_get_keep_alive(fd: u32, v: *mut u8) -> i32;
        pub fn sock_set_keep_alive(fd: u32, v: i32) -> i32;
        pub fn sock_get_recv_buf_size(fd: u32, v: *mut usize) -> i32;
        pub fn sock_set_recv_buf_size(fd: u32, v: usize) -> i32;
        pub fn sock_get_send_buf_size(fd: u32, v: *mut usize) -> i32;
        pub fn sock_set_send_buf_size(fd: u32, v: usize) -> i32;
        pub fn sock_get_tcp_keep_idle(fd: u32, secs: *mut u32) -> i32;
        pub fn sock_set_tcp_keep_idle(fd: u32, secs: u32) -> i32;
        pub fn sock_get_tcp_keep_intvl(fd: u32, secs: *mut u32) -> i32;
        pub fn sock_set_tcp_keep_intvl(fd: u32, secs: u32) -> i32;
        pub fn sock_get_ip_ttl(fd: u32, v: *mut u8) -> i32;
        pub fn sock_set_ip_ttl(fd: u32, v: i32) -> i32;
    }
}

/// Masks an errno to 16 bits (as `p1` does for every preview1 call).
#[inline(always)]
fn m(r: i32) -> i32 {
    r & 0xffff
}

const EINPROGRESS: i32 = 26;
const EALREADY: i32 = 7;
const EISCONN: i32 = 30;
const ECONNABORTED: i32 = 13;
const ENOTCONN: i32 = 53;
const FDFLAGS_NONBLOCK: u16 = 4;
const RIFLAGS_PEEK: u16 = 1;

/// `error-code` values used directly.
const INVALID_ARGUMENT: u8 = 3;
const NOT_SUPPORTED: u8 = 2;
const WOULD_BLOCK: u8 = 8;
const INVALID_STATE: u8 = 9;
const NOT_IN_PROGRESS: u8 = 7;
const NAME_UNRESOLVABLE: u8 = 18;

/// TCP states (`flags` of a `TcpSocket` entry).
const UNBOUND: u8 = 0;
const BIND_STARTED: u8 = 1;
const BOUND: u8 = 2;
const LISTEN_STARTED: u8 = 3;
const LISTENING: u8 = 4;
/// `start-connect` done; the host is connecting (or already answered: the
/// errno it gave, 0 for success, is in `pos` with [`ANSWERED`]).
const CONNECTING: u8 = 5;
const CONNECTED: u8 = 6;
/// A connect failed; the socket cannot be used again (as on a p2 host).
const CLOSED: u8 = 7;
/// In `pos` of a connecting socket: the host answered at once.
const ANSWERED: u64 = 1 << 32;
/// UDP: `flags` bit for a socket whose streams have a remote address
/// (`sock_connect` was called).
const UDP_CONNECTED: u8 = 0x10;

/// Default listen backlog (what wasmtime uses).
const BACKLOG: u64 = 128;

// ---- results ------------------------------------------------------------

/// `result<_, error-code>`: [0] tag, [1] code.
#[inline(always)]
fn unit(ret: *mut u8, r: Result<(), u8>) {
    match r {
        Ok(()) => put_u8(ret, 0, 0),
        Err(c) => {
            put_u8(ret, 0, 1);
            put_u8(ret, 1, c);
        }
    }
}

/// `result<T, error-code>` with the error code at `off`.
#[inline(always)]
fn err_at(ret: *mut u8, off: usize, c: u8) {
    put_u8(ret, 0, 1);
    put_u8(ret, off, c);
}

/// An errno as `Err(error-code)`.
#[inline(always)]
fn check(r: i32) -> Result<(), u8> {
    if r == 0 { Ok(()) } else { Err(sock_code(r)) }
}

// ---- addresses ----------------------------------------------------------

/// WAMR's `__wasi_addr_t` (24 bytes): [0] kind u32 (0 IPv4, 1 IPv6); IPv4
/// [4..8] octets, [8] port u16; IPv6 [4..20] eight u16 groups, [20] port
/// u16; little-endian.
#[repr(C, align(4))]
struct WasiAddr([u8; 24]);

/// The 12 flat values of an `ip-socket-address` parameter: the case tag,
/// then IPv4 (port, four octets) or IPv6 (port, flow-info, eight groups,
/// scope-id). Out-of-range values are `invalid-argument` (a host would
/// trap lowering them; a valid program never passes them).
fn from_flat(a: &[i32; 12]) -> Result<(u8, WasiAddr), u8> {
    let mut w = WasiAddr([0; 24]);
    let port = a[1] as u32;
    if port > 0xffff {
        return Err(INVALID_ARGUMENT);
    }
    match a[0] {
        0 => {
            for k in 0..4 {
                w.0[4 + k] = a[2 + k] as u8;
            }
            w.0[8..10].copy_from_slice(&(port as u16).to_le_bytes());
            Ok((0, w))
        }
        1 => {
            w.0[0] = 1;
            for k in 0..8 {
                let g = a[3 + k] as u16;
                w.0[4 + 2 * k..6 + 2 * k].copy_from_slice(&g.to_le_bytes());
            }
            w.0[20..22].copy_from_slice(&(port as u16).to_le_bytes());
            Ok((1, w))
        }
        _ => Err(INVALID_ARGUMENT),
    }
}

impl WasiAddr {
    fn family(&self) -> u8 {
        (self.0[0] != 0) as u8
    }
    fn port(&self) -> u16 {
        let o = if self.0[0] == 0 { 8 } else { 20 };
        u16::from_le_bytes([self.0[o], self.0[o + 1]])
    }
    fn unspecified(&self) -> bool {
        let end = if self.0[0] == 0 { 8 } else { 20 };
        self.0[4..end].iter().all(|b| *b == 0)
    }
    /// An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`): wasi:sockets
    /// refuses them (its IPv6 sockets are IPv6-only).
    fn v4_mapped(&self) -> bool {
        self.0[0] != 0 && self.0[4..14].iter().all(|b| *b == 0) && self.0[14..16] == [0xff, 0xff]
    }
    /// Writes it as an `ip-socket-address` at `ret + off`: [0] tag; IPv4
    /// [4] port, [6] octets; IPv6 [4] port, [8] flow-info, [12] groups,
    /// [28] scope-id.
    fn store(&self, ret: *mut u8, off: usize) {
        let b = &self.0;
        let port = self.port();
        if b[0] == 0 {
            put_u8(ret, off, 0);
            put_u16(ret, off + 4, port);
            for k in 0..4 {
                put_u8(ret, off + 6 + k, b[4 + k]);
            }
        } else {
            put_u8(ret, off, 1);
            put_u16(ret, off + 4, port);
            put_u32(ret, off + 8, 0);
            for k in 0..8 {
                put_u16(
                    ret,
                    off + 12 + 2 * k,
                    u16::from_le_bytes([b[4 + 2 * k], b[5 + 2 * k]]),
                );
            }
            put_u32(ret, off + 28, 0);
        }
    }
}

#[inline(always)]
fn put_u16(ret: *mut u8, off: usize, v: u16) {
    // SAFETY: a return area or list element the caller sized.
    unsafe { ret.add(off).cast::<u16>().write_unaligned(v) }
}

/// `result<ip-socket-address, error-code>`: [0] tag, [4] address / code.
fn addr_result(ret: *mut u8, r: Result<WasiAddr, u8>) {
    match r {
        Ok(a) => {
            put_u8(ret, 0, 0);
            a.store(ret, 4);
        }
        Err(c) => err_at(ret, 4, c),
    }
}

fn local_addr(fd: u32) -> Result<WasiAddr, u8> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a 24-byte out-parameter on our stack.
    check(m(unsafe { raw::sock_addr_local(fd, a.0.as_mut_ptr()) }))?;
    Ok(a)
}

fn remote_addr(fd: u32) -> Result<WasiAddr, i32> {
    let mut a = WasiAddr([0; 24]);
    // SAFETY: a 24-byte out-parameter on our stack.
    let r = m(unsafe { raw::sock_addr_remote(fd, a.0.as_mut_ptr()) });
    if r == 0 { Ok(a) } else { Err(r) }
}

// ---- network --------------------------------------------------------------

#[unsafe(export_name = "wasi:sockets/instance-network#instance-network")]
pub extern "C" fn instance_network() -> i32 {
    table::insert(Kind::Network, 0, 0, 0)
}

#[unsafe(export_name = "wasi:sockets/network#[resource-drop]network")]
pub extern "C" fn drop_network(h: i32) {
    table::remove(h, Kind::Network);
}

// ---- creation -------------------------------------------------------------

/// A new non-blocking socket of family `af` (0, 1) and WAMR type `ty`
/// (0 datagram, 1 stream): its fd, or the error code.
fn open(af: i32, ty: i32) -> Result<u32, u8> {
    if !(0..=1).contains(&af) {
        trap(); // not an ip-address-family: a host traps lifting it
    }
    let mut fd = 0u32;
    // SAFETY: an out-parameter on our stack. The pool fd is unused by WAMR
    // (its own libc passes -1 too).
    check(m(unsafe { raw::sock_open(-1, af, ty, &mut fd) }))?;
    // SAFETY: plain values.
    let r = m(unsafe { raw::fd_fdstat_set_flags(fd, FDFLAGS_NONBLOCK) });
    if r != 0 {
        // SAFETY: the fd just opened.
        unsafe { p1::fd_close(fd) };
        return Err(sock_code(r));
    }
    Ok(fd)
}

/// `result<own<T>, error-code>`: [0] tag, [4] handle / code.
fn handle_result(ret: *mut u8, r: Result<i32, u8>) {
    match r {
        Ok(h) => {
            put_u8(ret, 0, 0);
            put_u32(ret, 4, h as u32);
        }
        Err(c) => err_at(ret, 4, c),
    }
}

#[unsafe(export_name = "wasi:sockets/tcp-create-socket#create-tcp-socket")]
pub extern "C" fn create_tcp_socket(af: i32, ret: *mut u8) {
    let r = open(af, 1).map(|fd| {
        let h = table::insert(Kind::TcpSocket, UNBOUND, fd, BACKLOG << 40);
        table::get(h, Kind::TcpSocket).sub = af as u8;
        h
    });
    handle_result(ret, r)
}

#[unsafe(export_name = "wasi:sockets/udp-create-socket#create-udp-socket")]
pub extern "C" fn create_udp_socket(af: i32, ret: *mut u8) {
    let r = open(af, 0).map(|fd| {
        let h = table::insert(Kind::UdpSocket, UNBOUND, fd, 0);
        table::get(h, Kind::UdpSocket).sub = af as u8;
        h
    });
    handle_result(ret, r)
}

// ---- bind (both kinds) ----------------------------------------------------

/// `start-bind` of socket entry `e`: the state must be unbound, the
/// address of the socket's family and not IPv4-mapped.
fn start_bind(e: &mut table::Entry, tcp: bool, net: i32, a: [i32; 12]) -> Result<(), u8> {
    table::get(net, Kind::Network);
    let (fam, w) = from_flat(&a)?;
    if e.flags & 0xf != UNBOUND {
        return Err(INVALID_STATE);
    }
    if fam != e.sub || w.v4_mapped() {
        return Err(INVALID_ARGUMENT);
    }
    if tcp {
        // What a p2 host does on Unix: a listener can be restarted on a
        // port in TIME_WAIT. (Not fatal when refused.)
        // SAFETY: plain values.
        unsafe { raw::sock_set_reuse_addr(e.fd, 1) };
    }
    // SAFETY: a 24-byte address record.
    check(m(unsafe { raw::sock_bind(e.fd, w.0.as_ptr()) }))?;
    e.flags = (e.flags & !0xf) | BIND_STARTED;
    Ok(())
}

fn finish_bind(e: &mut table::Entry) -> Result<(), u8> {
    if e.flags & 0xf != BIND_STARTED {
        return Err(NOT_IN_PROGRESS);
    }
    e.flags = (e.flags & !0xf) | BOUND;
    Ok(())
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.start-bind")]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn tcp_start_bind(
    h: i32,
    net: i32,
    a0: i32,
    a1: i32,
    a2: i32,
    a3: i32,
    a4: i32,
    a5: i32,
    a6: i32,
    a7: i32,
    a8: i32,
    a9: i32,
    a10: i32,
    a11: i32,
    ret: *mut u8,
) {
    let e = table::get(h, Kind::TcpSocket);
    let a = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11];
    unit(ret, start_bind(e, true, net, a))
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.finish-bind")]
pub extern "C" fn tcp_finish_bind(h: i32, ret: *mut u8) {
    unit(ret, finish_bind(table::get(h, Kind::TcpSocket)))
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.start-bind")]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn udp_start_bind(
    h: i32,
    net: i32,
    a0: i32,
    a1: i32,
    a2: i32,
    a3: i32,
    a4: i32,
    a5: i32,
    a6: i32,
    a7: i32,
    a8: i32,
    a9: i32,
    a10: i32,
    a11: i32,
    ret: *mut u8,
) {
    let e = table::get(h, Kind::UdpSocket);
    let a = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11];
    unit(ret, start_bind(e, false, net, a))
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.finish-bind")]
pub extern "C" fn udp_finish_bind(h: i32, ret: *mut u8) {
    unit(ret, finish_bind(table::get(h, Kind::UdpSocket)))
}

// ---- TCP: listen, accept --------------------------------------------------

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.start-listen")]
pub extern "C" fn tcp_start_listen(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    let r = if e.flags != BOUND {
        Err(INVALID_STATE)
    } else {
        let backlog = (e.pos >> 40).min(i32::MAX as u64) as i32;
        // SAFETY: plain values.
        check(m(unsafe { raw::sock_listen(e.fd, backlog) })).map(|()| e.flags = LISTEN_STARTED)
    };
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.finish-listen")]
pub extern "C" fn tcp_finish_listen(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    let r = if e.flags != LISTEN_STARTED {
        Err(NOT_IN_PROGRESS)
    } else {
        e.flags = LISTENING;
        Ok(())
    };
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-listen-backlog-size")]
pub extern "C" fn tcp_set_listen_backlog_size(h: i32, v: u64, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    let r = if v == 0 {
        Err(INVALID_ARGUMENT)
    } else {
        let v = v.min(i32::MAX as u64);
        e.pos = (e.pos & ((1 << 40) - 1)) | (v << 40);
        match e.flags {
            // Linux takes a new backlog from a second listen().
            // SAFETY: plain values.
            LISTENING | LISTEN_STARTED => unsafe {
                raw::sock_listen(e.fd, v as i32);
                Ok(())
            },
            CONNECTING | CONNECTED | CLOSED => Err(INVALID_STATE),
            _ => Ok(()),
        }
    };
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.is-listening")]
pub extern "C" fn tcp_is_listening(h: i32) -> i32 {
    (table::get(h, Kind::TcpSocket).flags == LISTENING) as i32
}

/// The input and output streams of a connection on `fd`.
fn streams(fd: u32) -> (i32, i32) {
    (
        table::insert(Kind::Input, SOCK, fd, 0),
        table::insert(Kind::Output, SOCK, fd, 0),
    )
}

/// `accept: func() -> result<tuple<own<tcp-socket>, own<input-stream>,
/// own<output-stream>>, error-code>`: [0] tag, [4] [8] [12] handles.
#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.accept")]
pub extern "C" fn tcp_accept(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    if e.flags != LISTENING {
        return err_at(ret, 4, INVALID_STATE);
    }
    let family = e.sub;
    let mut new = 0u32;
    // SAFETY: an out-parameter on our stack.
    let r = m(unsafe { raw::sock_accept(e.fd, FDFLAGS_NONBLOCK, &mut new) });
    if r != 0 {
        return err_at(ret, 4, sock_code(r));
    }
    let s = table::insert(Kind::TcpSocket, CONNECTED, new, BACKLOG << 40);
    table::get(s, Kind::TcpSocket).sub = family;
    let (i, o) = streams(new);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, s as u32);
    put_u32(ret, 8, i as u32);
    put_u32(ret, 12, o as u32);
}

// ---- TCP: connect ---------------------------------------------------------

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.start-connect")]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn tcp_start_connect(
    h: i32,
    net: i32,
    a0: i32,
    a1: i32,
    a2: i32,
    a3: i32,
    a4: i32,
    a5: i32,
    a6: i32,
    a7: i32,
    a8: i32,
    a9: i32,
    a10: i32,
    a11: i32,
    ret: *mut u8,
) {
    let e = table::get(h, Kind::TcpSocket);
    table::get(net, Kind::Network);
    let a = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11];
    let r = (|| {
        let (fam, w) = from_flat(&a)?;
        if fam != e.sub || w.v4_mapped() || w.unspecified() || w.port() == 0 {
            return Err(INVALID_ARGUMENT);
        }
        if !matches!(e.flags, UNBOUND | BOUND) {
            return Err(INVALID_STATE);
        }
        // SAFETY: a 24-byte address record.
        let r = m(unsafe { raw::sock_connect(e.fd, w.0.as_ptr()) });
        e.pos &= !(ANSWERED | 0xffff);
        match r {
            0 => e.pos |= ANSWERED,
            EINPROGRESS | EALREADY => {}
            // Errors of the arguments are start-connect's; the outcome of
            // the connection (refused, unreachable, ...) is finish-connect's.
            p1::EINVAL | EISCONN => return Err(sock_code(r)),
            _ if sock_code(r) == NOT_SUPPORTED || sock_code(r) == INVALID_ARGUMENT => {
                return Err(sock_code(r));
            }
            _ => e.pos |= ANSWERED | r as u64,
        }
        e.flags = CONNECTING;
        Ok(())
    })();
    unit(ret, r)
}

/// The outcome of a connect in progress: `Ok(true)` connected,
/// `Ok(false)` still connecting, `Err(errno)` failed. A connected socket
/// has a peer; an unconnected one answers a 1-byte peek with the error its
/// connect left (Linux, and WAMR on it), or `EAGAIN` while connecting.
fn connect_outcome(fd: u32) -> Result<bool, i32> {
    match remote_addr(fd) {
        Ok(_) => return Ok(true),
        Err(ENOTCONN) => {}
        Err(e) => return Err(e),
    }
    let mut b = 0u8;
    let iov = p1::Iovec {
        buf: &mut b,
        len: 1,
    };
    let (mut n, mut ro) = (0usize, 0u16);
    // SAFETY: one 1-byte buffer and two out-parameters on our stack.
    let r = m(unsafe { raw::sock_recv(fd, &iov, 1, RIFLAGS_PEEK, &mut n, &mut ro) });
    match r {
        p1::EAGAIN => Ok(false),
        // Closed without an error left (or data: cannot be, no peer).
        0 | ENOTCONN => Err(ECONNABORTED),
        e => Err(e),
    }
}

/// `finish-connect: func() -> result<tuple<own<input-stream>,
/// own<output-stream>>, error-code>`: [0] tag, [4] [8] handles.
#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.finish-connect")]
pub extern "C" fn tcp_finish_connect(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    if e.flags != CONNECTING {
        return err_at(ret, 4, NOT_IN_PROGRESS);
    }
    let outcome = if e.pos & ANSWERED != 0 {
        match (e.pos & 0xffff) as i32 {
            0 => Ok(true),
            errno => Err(errno),
        }
    } else {
        connect_outcome(e.fd)
    };
    match outcome {
        Ok(true) => {
            e.flags = CONNECTED;
            let (i, o) = streams(e.fd);
            put_u8(ret, 0, 0);
            put_u32(ret, 4, i as u32);
            put_u32(ret, 8, o as u32);
        }
        Ok(false) => err_at(ret, 4, WOULD_BLOCK),
        Err(errno) => {
            e.flags = CLOSED;
            err_at(ret, 4, sock_code(errno));
        }
    }
}

// ---- TCP: the rest --------------------------------------------------------

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.local-address")]
pub extern "C" fn tcp_local_address(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    let r = match e.flags {
        UNBOUND | BIND_STARTED => Err(INVALID_STATE),
        _ => local_addr(e.fd),
    };
    addr_result(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.remote-address")]
pub extern "C" fn tcp_remote_address(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    let r = if e.flags != CONNECTED {
        Err(INVALID_STATE)
    } else {
        remote_addr(e.fd).map_err(sock_code)
    };
    addr_result(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.address-family")]
pub extern "C" fn tcp_address_family(h: i32) -> i32 {
    table::get(h, Kind::TcpSocket).sub as i32
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.shutdown")]
pub extern "C" fn tcp_shutdown(h: i32, how: i32, ret: *mut u8) {
    let e = table::get(h, Kind::TcpSocket);
    // shutdown-type: receive 0, send 1, both 2; preview1 sdflags RD 1, WR 2.
    let sd = match how {
        0 => 1,
        1 => 2,
        2 => 3,
        _ => trap(),
    };
    let r = if e.flags != CONNECTED {
        Err(INVALID_STATE)
    } else {
        // SAFETY: plain values.
        check(m(unsafe { raw::sock_shutdown(e.fd, sd) }))
    };
    unit(ret, r)
}

/// `subscribe`: writable while connecting, readable while listening (a
/// connection to accept), ready otherwise.
#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.subscribe")]
pub extern "C" fn tcp_subscribe(h: i32) -> i32 {
    let e = table::get(h, Kind::TcpSocket);
    let fd = e.fd;
    match e.flags {
        CONNECTING => poll::new_sock(POLL_WRITE, fd),
        LISTENING => poll::new_sock(POLL_READ, fd),
        _ => poll::new(table::POLL_READY, 0, 0),
    }
}

#[unsafe(export_name = "wasi:sockets/tcp#[resource-drop]tcp-socket")]
pub extern "C" fn drop_tcp_socket(h: i32) {
    let (fd, _) = table::remove(h, Kind::TcpSocket);
    // SAFETY: the socket's own fd.
    unsafe { p1::fd_close(fd) };
}

// ---- options --------------------------------------------------------------

/// The fd of a TCP socket, for an option call.
fn tcp_fd(h: i32) -> u32 {
    table::get(h, Kind::TcpSocket).fd
}

fn udp_fd(h: i32) -> u32 {
    table::get(h, Kind::UdpSocket).fd
}

/// A getter's `result<T, error-code>` with the value (of `width` bytes)
/// and the code at `off`.
fn opt_result(ret: *mut u8, off: usize, width: usize, r: Result<u64, u8>) {
    match r {
        Ok(v) => {
            put_u8(ret, 0, 0);
            match width {
                1 => put_u8(ret, off, v as u8),
                4 => put_u32(ret, off, v as u32),
                _ => put_u64(ret, off, v),
            }
        }
        Err(c) => err_at(ret, off, c),
    }
}

fn get_u8(fd: u32, f: unsafe extern "C" fn(u32, *mut u8) -> i32) -> Result<u64, u8> {
    let mut v = 0u8;
    // SAFETY: an out-parameter on our stack.
    check(m(unsafe { f(fd, &mut v) }))?;
    Ok(v as u64)
}

fn get_u32(fd: u32, f: unsafe extern "C" fn(u32, *mut u32) -> i32) -> Result<u64, u8> {
    let mut v = 0u32;
    // SAFETY: an out-parameter on our stack.
    check(m(unsafe { f(fd, &mut v) }))?;
    Ok(v as u64)
}

fn get_size(fd: u32, f: unsafe extern "C" fn(u32, *mut usize) -> i32) -> Result<u64, u8> {
    let mut v = 0usize;
    // SAFETY: an out-parameter on our stack.
    check(m(unsafe { f(fd, &mut v) }))?;
    Ok(v as u64)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.keep-alive-enabled")]
pub extern "C" fn tcp_keep_alive_enabled(h: i32, ret: *mut u8) {
    let r = get_u8(tcp_fd(h), raw::sock_get_keep_alive).map(|v| (v != 0) as u64);
    opt_result(ret, 1, 1, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-keep-alive-enabled")]
pub extern "C" fn tcp_set_keep_alive_enabled(h: i32, v: i32, ret: *mut u8) {
    // SAFETY: plain values.
    unit(
        ret,
        check(m(unsafe { raw::sock_set_keep_alive(tcp_fd(h), v & 1) })),
    )
}

/// A duration in ns as whole seconds (rounded up, at least 1, as wasmtime
/// does); 0 is `invalid-argument`.
fn secs(ns: u64) -> Result<u32, u8> {
    if ns == 0 {
        return Err(INVALID_ARGUMENT);
    }
    Ok(ns.div_ceil(1_000_000_000).min(i32::MAX as u64) as u32)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.keep-alive-idle-time")]
pub extern "C" fn tcp_keep_alive_idle_time(h: i32, ret: *mut u8) {
    let r = get_u32(tcp_fd(h), raw::sock_get_tcp_keep_idle).map(|s| s * 1_000_000_000);
    opt_result(ret, 8, 8, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-keep-alive-idle-time")]
pub extern "C" fn tcp_set_keep_alive_idle_time(h: i32, ns: u64, ret: *mut u8) {
    let fd = tcp_fd(h);
    // SAFETY: plain values.
    let r = secs(ns).and_then(|s| check(m(unsafe { raw::sock_set_tcp_keep_idle(fd, s) })));
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.keep-alive-interval")]
pub extern "C" fn tcp_keep_alive_interval(h: i32, ret: *mut u8) {
    let r = get_u32(tcp_fd(h), raw::sock_get_tcp_keep_intvl).map(|s| s * 1_000_000_000);
    opt_result(ret, 8, 8, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-keep-alive-interval")]
pub extern "C" fn tcp_set_keep_alive_interval(h: i32, ns: u64, ret: *mut u8) {
    let fd = tcp_fd(h);
    // SAFETY: plain values.
    let r = secs(ns).and_then(|s| check(m(unsafe { raw::sock_set_tcp_keep_intvl(fd, s) })));
    unit(ret, r)
}

/// WAMR's extension has no keep-alive count: `not-supported`.
#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.keep-alive-count")]
pub extern "C" fn tcp_keep_alive_count(h: i32, ret: *mut u8) {
    tcp_fd(h);
    err_at(ret, 4, NOT_SUPPORTED)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-keep-alive-count")]
pub extern "C" fn tcp_set_keep_alive_count(h: i32, v: u32, ret: *mut u8) {
    tcp_fd(h);
    unit(
        ret,
        Err(if v == 0 {
            INVALID_ARGUMENT
        } else {
            NOT_SUPPORTED
        }),
    )
}

fn hop_limit(fd: u32, ret: *mut u8) {
    opt_result(ret, 1, 1, get_u8(fd, raw::sock_get_ip_ttl))
}

fn set_hop_limit(fd: u32, v: i32, ret: *mut u8) {
    let v = v & 0xff;
    let r = if v == 0 {
        Err(INVALID_ARGUMENT)
    } else {
        // SAFETY: plain values.
        check(m(unsafe { raw::sock_set_ip_ttl(fd, v) }))
    };
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.hop-limit")]
pub extern "C" fn tcp_hop_limit(h: i32, ret: *mut u8) {
    hop_limit(tcp_fd(h), ret)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-hop-limit")]
pub extern "C" fn tcp_set_hop_limit(h: i32, v: i32, ret: *mut u8) {
    set_hop_limit(tcp_fd(h), v, ret)
}

fn buf_size(fd: u32, recv: bool, ret: *mut u8) {
    let f = if recv {
        raw::sock_get_recv_buf_size
    } else {
        raw::sock_get_send_buf_size
    };
    opt_result(ret, 8, 8, get_size(fd, f))
}

fn set_buf_size(fd: u32, recv: bool, v: u64, ret: *mut u8) {
    let r = if v == 0 {
        Err(INVALID_ARGUMENT)
    } else {
        let v = v.min(i32::MAX as u64) as usize;
        // SAFETY: plain values.
        check(m(unsafe {
            if recv {
                raw::sock_set_recv_buf_size(fd, v)
            } else {
                raw::sock_set_send_buf_size(fd, v)
            }
        }))
    };
    unit(ret, r)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.receive-buffer-size")]
pub extern "C" fn tcp_receive_buffer_size(h: i32, ret: *mut u8) {
    buf_size(tcp_fd(h), true, ret)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-receive-buffer-size")]
pub extern "C" fn tcp_set_receive_buffer_size(h: i32, v: u64, ret: *mut u8) {
    set_buf_size(tcp_fd(h), true, v, ret)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.send-buffer-size")]
pub extern "C" fn tcp_send_buffer_size(h: i32, ret: *mut u8) {
    buf_size(tcp_fd(h), false, ret)
}

#[unsafe(export_name = "wasi:sockets/tcp#[method]tcp-socket.set-send-buffer-size")]
pub extern "C" fn tcp_set_send_buffer_size(h: i32, v: u64, ret: *mut u8) {
    set_buf_size(tcp_fd(h), false, v, ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.unicast-hop-limit")]
pub extern "C" fn udp_unicast_hop_limit(h: i32, ret: *mut u8) {
    hop_limit(udp_fd(h), ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.set-unicast-hop-limit")]
pub extern "C" fn udp_set_unicast_hop_limit(h: i32, v: i32, ret: *mut u8) {
    set_hop_limit(udp_fd(h), v, ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.receive-buffer-size")]
pub extern "C" fn udp_receive_buffer_size(h: i32, ret: *mut u8) {
    buf_size(udp_fd(h), true, ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.set-receive-buffer-size")]
pub extern "C" fn udp_set_receive_buffer_size(h: i32, v: u64, ret: *mut u8) {
    set_buf_size(udp_fd(h), true, v, ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.send-buffer-size")]
pub extern "C" fn udp_send_buffer_size(h: i32, ret: *mut u8) {
    buf_size(udp_fd(h), false, ret)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.set-send-buffer-size")]
pub extern "C" fn udp_set_send_buffer_size(h: i32, v: u64, ret: *mut u8) {
    set_buf_size(udp_fd(h), false, v, ret)
}

// ---- UDP ------------------------------------------------------------------

/// `stream: func(remote-address: option<ip-socket-address>) ->
/// result<tuple<own<incoming-datagram-stream>,
/// own<outgoing-datagram-stream>>, error-code>`: with an address the
/// socket is connected to it (`sock_connect`). preview1 cannot disconnect
/// a UDP socket: `stream(none)` after a remote address is `not-supported`.
#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.stream")]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn udp_stream(
    h: i32,
    some: i32,
    a0: i32,
    a1: i32,
    a2: i32,
    a3: i32,
    a4: i32,
    a5: i32,
    a6: i32,
    a7: i32,
    a8: i32,
    a9: i32,
    a10: i32,
    a11: i32,
    ret: *mut u8,
) {
    let e = table::get(h, Kind::UdpSocket);
    let a = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11];
    let r = (|| {
        if e.flags & 0xf != BOUND {
            return Err(INVALID_STATE);
        }
        match some {
            0 if e.flags & UDP_CONNECTED != 0 => return Err(NOT_SUPPORTED),
            0 => {}
            1 => {
                let (fam, w) = from_flat(&a)?;
                if fam != e.sub || w.v4_mapped() || w.unspecified() || w.port() == 0 {
                    return Err(INVALID_ARGUMENT);
                }
                // SAFETY: a 24-byte address record.
                check(m(unsafe { raw::sock_connect(e.fd, w.0.as_ptr()) }))?;
                e.flags |= UDP_CONNECTED;
            }
            _ => trap(),
        }
        Ok(())
    })();
    match r {
        Ok(()) => {
            let (fd, family) = (e.fd, e.sub);
            let i = table::insert(Kind::DatagramIn, SOCK, fd, 0);
            let o = table::insert(Kind::DatagramOut, SOCK, fd, 0);
            table::get(o, Kind::DatagramOut).sub = family;
            put_u8(ret, 0, 0);
            put_u32(ret, 4, i as u32);
            put_u32(ret, 8, o as u32);
        }
        Err(c) => err_at(ret, 4, c),
    }
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.local-address")]
pub extern "C" fn udp_local_address(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::UdpSocket);
    let r = if e.flags & 0xf != BOUND {
        Err(INVALID_STATE)
    } else {
        local_addr(e.fd)
    };
    addr_result(ret, r)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.remote-address")]
pub extern "C" fn udp_remote_address(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::UdpSocket);
    let r = if e.flags & UDP_CONNECTED == 0 {
        Err(INVALID_STATE)
    } else {
        remote_addr(e.fd).map_err(sock_code)
    };
    addr_result(ret, r)
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.address-family")]
pub extern "C" fn udp_address_family(h: i32) -> i32 {
    table::get(h, Kind::UdpSocket).sub as i32
}

#[unsafe(export_name = "wasi:sockets/udp#[method]udp-socket.subscribe")]
pub extern "C" fn udp_subscribe(h: i32) -> i32 {
    table::get(h, Kind::UdpSocket);
    poll::new(table::POLL_READY, 0, 0)
}

#[unsafe(export_name = "wasi:sockets/udp#[resource-drop]udp-socket")]
pub extern "C" fn drop_udp_socket(h: i32) {
    let (fd, _) = table::remove(h, Kind::UdpSocket);
    // SAFETY: the socket's own fd.
    unsafe { p1::fd_close(fd) };
}

/// The largest UDP payload (IPv4: 65,535 - 8 - 20).
const DATAGRAM_MAX: usize = 65507;

/// Bytes of a datagram peeked at to learn its size (see `datagram_receive`).
const PEEK: usize = 2048;

/// `receive: func(max-results: u64) -> result<list<incoming-datagram>,
/// error-code>`: at most one datagram per call (a p2 host may return
/// fewer than asked). Its size is learnt first with a peek (`sock_recv`
/// with `RECV_PEEK`) into a 2 KiB buffer on the adapter's stack: a
/// datagram shorter than that is its whole size, and the payload block is
/// asked of the program's realloc for exactly that many bytes (with our p2
/// libc: the caller's buffer, no guest copy); a longer one gets a block of
/// the largest datagram size. The spine (one 40-byte record, align 4)
/// comes from realloc too, and `sock_recv_from` writes straight into the
/// payload block. Layout: [0] tag, [4] ptr, [8] len; err [4].
#[unsafe(export_name = "wasi:sockets/udp#[method]incoming-datagram-stream.receive")]
pub extern "C" fn datagram_receive(h: i32, max: u64, ret: *mut u8) {
    let fd = table::get(h, Kind::DatagramIn).fd;
    let empty = |ret: *mut u8| {
        put_u8(ret, 0, 0);
        put_u32(ret, 4, alloc(4, 0) as u32);
        put_u32(ret, 8, 0);
    };
    if max == 0 {
        return empty(ret);
    }
    let mut peek = [0u8; PEEK];
    let piov = p1::Iovec {
        buf: peek.as_mut_ptr(),
        len: PEEK,
    };
    let (mut n, mut ro) = (0usize, 0u16);
    // SAFETY: one iovec over our stack buffer; out-parameters on our stack.
    let r = m(unsafe { raw::sock_recv(fd, &piov, 1, RIFLAGS_PEEK, &mut n, &mut ro) });
    match r {
        0 => {}
        p1::EAGAIN => return empty(ret),
        errno => return err_at(ret, 4, sock_code(errno)),
    }
    let size = if n < PEEK { n } else { DATAGRAM_MAX };
    let spine = alloc(4, 40);
    let data = alloc(1, size);
    let mut from = WasiAddr([0; 24]);
    // An empty datagram is received through the peek buffer (WAMR refuses
    // a zero-length receive).
    let iov = if size == 0 {
        piov
    } else {
        p1::Iovec {
            buf: data,
            len: size,
        }
    };
    let mut n = 0usize;
    // SAFETY: one iovec over the fresh payload block; out-parameters on
    // our stack.
    let r = m(unsafe { raw::sock_recv_from(fd, &iov, 1, 0, from.0.as_mut_ptr(), &mut n) });
    match r {
        0 => {}
        p1::EAGAIN => {
            put_u8(ret, 0, 0);
            put_u32(ret, 4, spine as u32);
            put_u32(ret, 8, 0);
            return;
        }
        errno => return err_at(ret, 4, sock_code(errno)),
    }
    if size == 0 {
        n = 0;
    } else if n > size {
        trap();
    }
    put_u32(spine, 0, data as u32);
    put_u32(spine, 4, n as u32);
    from.store(spine, 8);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, spine as u32);
    put_u32(ret, 8, 1);
}

#[unsafe(export_name = "wasi:sockets/udp#[method]incoming-datagram-stream.subscribe")]
pub extern "C" fn datagram_in_subscribe(h: i32) -> i32 {
    let fd = table::get(h, Kind::DatagramIn).fd;
    poll::new_sock(POLL_READ, fd)
}

#[unsafe(export_name = "wasi:sockets/udp#[resource-drop]incoming-datagram-stream")]
pub extern "C" fn drop_datagram_in(h: i32) {
    table::remove(h, Kind::DatagramIn);
}

/// Datagrams one `send` takes (`check-send`'s permit).
const SEND_PERMIT: u64 = 64;

/// `check-send: func() -> result<u64, error-code>`: [0] tag, [8] u64.
#[unsafe(export_name = "wasi:sockets/udp#[method]outgoing-datagram-stream.check-send")]
pub extern "C" fn datagram_check_send(h: i32, ret: *mut u8) {
    table::get(h, Kind::DatagramOut);
    put_u8(ret, 0, 0);
    put_u64(ret, 8, SEND_PERMIT);
}

/// Reads the flat `ip-socket-address` stored at `p` (tag at 0, payload at
/// 4, see [`WasiAddr::store`]).
fn load_addr(p: *const u8) -> Result<WasiAddr, u8> {
    // SAFETY: `p` is inside a bounds-checked datagram record.
    let at = |o: usize| unsafe { p.add(o).read() };
    let u16_at = |o: usize| u16::from_le_bytes([at(o), at(o + 1)]);
    let mut w = WasiAddr([0; 24]);
    match at(0) {
        0 => {
            for k in 0..4 {
                w.0[4 + k] = at(6 + k);
            }
            w.0[8..10].copy_from_slice(&u16_at(4).to_le_bytes());
        }
        1 => {
            w.0[0] = 1;
            for k in 0..8 {
                w.0[4 + 2 * k..6 + 2 * k].copy_from_slice(&u16_at(12 + 2 * k).to_le_bytes());
            }
            w.0[20..22].copy_from_slice(&u16_at(4).to_le_bytes());
        }
        _ => return Err(INVALID_ARGUMENT),
    }
    Ok(w)
}

/// `send: func(datagrams: list<outgoing-datagram>) -> result<u64,
/// error-code>`: each record (44 bytes: [0] data ptr, [4] len, [8] option
/// tag, [12] ip-socket-address) goes out with `sock_send_to`, to its own
/// address or the connected peer. Waits while the socket's send buffer is
/// full. The count sent, or the first datagram's error.
#[unsafe(export_name = "wasi:sockets/udp#[method]outgoing-datagram-stream.send")]
pub extern "C" fn datagram_send(h: i32, list: *const u8, len: usize, ret: *mut u8) {
    let e = table::get(h, Kind::DatagramOut);
    let (fd, family) = (e.fd, e.sub);
    check_list(list, len.checked_mul(44).unwrap_or_else(|| trap()));
    let mut sent = 0u64;
    let mut failed = None;
    for k in 0..len {
        // SAFETY: `k < len` records, checked in bounds.
        let d = unsafe { list.add(44 * k) };
        // SAFETY: inside the record.
        let (ptr, n, some) = unsafe {
            (
                d.cast::<u32>().read_unaligned() as usize as *const u8,
                d.add(4).cast::<u32>().read_unaligned() as usize,
                d.add(8).read(),
            )
        };
        check_list(ptr, n);
        let to = match some {
            // SAFETY: the address lies inside the record.
            1 => load_addr(unsafe { d.add(12) }).and_then(|w| {
                if w.family() != family || w.unspecified() || w.port() == 0 {
                    Err(INVALID_ARGUMENT)
                } else {
                    Ok(w)
                }
            }),
            0 => remote_addr(fd).map_err(|_| INVALID_ARGUMENT),
            _ => trap(),
        };
        let to = match to {
            Ok(w) => w,
            Err(c) => {
                failed = Some(c);
                break;
            }
        };
        let iov = p1::Ciovec { buf: ptr, len: n };
        let mut done = 0usize;
        let r = loop {
            // SAFETY: the payload is in memory (checked); out-parameter on
            // our stack.
            let r = m(unsafe { raw::sock_send_to(fd, &iov, 1, 0, to.0.as_ptr(), &mut done) });
            if r != p1::EAGAIN {
                break r;
            }
            poll::fd_ready(false, fd, true);
        };
        if r != 0 {
            failed = Some(sock_code(r));
            break;
        }
        sent += 1;
    }
    match failed {
        Some(c) if sent == 0 => err_at(ret, 8, c),
        _ => {
            put_u8(ret, 0, 0);
            put_u64(ret, 8, sent);
        }
    }
}

#[unsafe(export_name = "wasi:sockets/udp#[method]outgoing-datagram-stream.subscribe")]
pub extern "C" fn datagram_out_subscribe(h: i32) -> i32 {
    let fd = table::get(h, Kind::DatagramOut).fd;
    poll::new_sock(POLL_WRITE, fd)
}

#[unsafe(export_name = "wasi:sockets/udp#[resource-drop]outgoing-datagram-stream")]
pub extern "C" fn drop_datagram_out(h: i32) {
    table::remove(h, Kind::DatagramOut);
}

// ---- ip-name-lookup -------------------------------------------------------

/// Concurrent lookups, and addresses kept per lookup.
pub const LOOKUP_SLOTS: usize = 4;
pub const LOOKUP_ADDRS: usize = 16;

/// Results of the lookups in progress (in the region): per slot, a count
/// (0xff: free... kept in `used`) and the addresses as [family, 16 bytes].
#[repr(C)]
pub struct Lookups {
    used: u8,
    addrs: [[[u8; 17]; LOOKUP_ADDRS]; LOOKUP_SLOTS],
}

/// `resolve-addresses: func(network: borrow<network>, name: string) ->
/// result<own<resolve-address-stream>, error-code>`: one
/// `sock_addr_resolve` (no hints, empty service); the addresses, each
/// once, are kept for `resolve-next-address`. [0] tag, [4] handle / code.
#[unsafe(export_name = "wasi:sockets/ip-name-lookup#resolve-addresses")]
pub extern "C" fn resolve_addresses(net: i32, name: *const u8, len: usize, ret: *mut u8) {
    table::get(net, Kind::Network);
    check_list(name, len);
    let mut host = [0u8; 256];
    // SAFETY: `len` bytes in memory (checked).
    let bytes = unsafe { core::slice::from_raw_parts(name, len) };
    if len == 0 || len >= host.len() - 1 || bytes.contains(&0) {
        return err_at(ret, 4, INVALID_ARGUMENT);
    }
    host[..len].copy_from_slice(bytes);
    let l = table::lookups();
    let Some(slot) = (0..LOOKUP_SLOTS).find(|s| l.used & (1 << s) == 0) else {
        return err_at(ret, 4, 19); // temporary-resolver-failure
    };
    // __wasi_addr_info_t: 24-byte address, u32 type; hints {type i32,
    // family i32, enabled u8} with `enabled` 0.
    let mut info = [0u8; 28 * LOOKUP_ADDRS];
    let hints = [0u8; 12];
    let mut max = 0usize;
    // SAFETY: a NUL-terminated host and service, the hints record, room
    // for LOOKUP_ADDRS records, an out-parameter: all on our stack.
    let r = m(unsafe {
        raw::sock_addr_resolve(
            host.as_ptr(),
            // The empty service: `host`'s last byte (0, as `len` < 255).
            host.as_ptr().add(255),
            hints.as_ptr(),
            info.as_mut_ptr(),
            LOOKUP_ADDRS,
            &mut max,
        )
    });
    if r != 0 {
        // WAMR answers a name it cannot resolve with EINVAL.
        let c = match r {
            p1::EINVAL => NAME_UNRESOLVABLE,
            p1::EAGAIN => 19,
            _ => 20, // permanent-resolver-failure
        };
        return err_at(ret, 4, c);
    }
    let mut n = 0;
    let out = &mut l.addrs[slot];
    for rec in info.chunks(28).take(max.min(LOOKUP_ADDRS)) {
        let mut a = [0u8; 17];
        a[0] = (rec[0] != 0) as u8;
        let len = if a[0] == 0 { 4 } else { 16 };
        a[1..1 + len].copy_from_slice(&rec[4..4 + len]);
        // The host may list an address once per socket type: keep one.
        if !out[..n].contains(&a) {
            out[n] = a;
            n += 1;
        }
    }
    l.used |= 1 << slot;
    let h = table::insert(Kind::ResolveStream, n as u8, slot as u32, 0);
    put_u8(ret, 0, 0);
    put_u32(ret, 4, h as u32);
}

/// `resolve-next-address: func() -> result<option<ip-address>,
/// error-code>`: [0] tag, [2] option tag, [4] ip-address tag, [6] octets
/// or eight u16 groups.
#[unsafe(export_name = "wasi:sockets/ip-name-lookup#[method]resolve-address-stream.resolve-next-address")]
pub extern "C" fn resolve_next_address(h: i32, ret: *mut u8) {
    let e = table::get(h, Kind::ResolveStream);
    put_u8(ret, 0, 0);
    if e.pos >= e.flags as u64 {
        put_u8(ret, 2, 0);
        return;
    }
    let a = table::lookups().addrs[e.fd as usize][e.pos as usize];
    e.pos += 1;
    put_u8(ret, 2, 1);
    put_u8(ret, 4, a[0]);
    if a[0] == 0 {
        for k in 0..4 {
            put_u8(ret, 6 + k, a[1 + k]);
        }
    } else {
        for k in 0..8 {
            // WAMR's groups are little-endian u16s.
            put_u16(
                ret,
                6 + 2 * k,
                u16::from_le_bytes([a[1 + 2 * k], a[2 + 2 * k]]),
            );
        }
    }
}

#[unsafe(export_name = "wasi:sockets/ip-name-lookup#[method]resolve-address-stream.subscribe")]
pub extern "C" fn resolve_subscribe(h: i32) -> i32 {
    table::get(h, Kind::ResolveStream);
    poll::new(table::POLL_READY, 0, 0)
}

#[unsafe(export_name = "wasi:sockets/ip-name-lookup#[resource-drop]resolve-address-stream")]
pub extern "C" fn drop_resolve_stream(h: i32) {
    let (slot, _) = table::remove(h, Kind::ResolveStream);
    table::lookups().used &= !(1 << slot);
}
