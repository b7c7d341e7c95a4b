//! Sockets and `poll` on WASI 0.2 (`wasi:sockets@0.2.0`, `wasi:io/poll`).
//!
//! A socket descriptor is an fd-table entry `Entry::Socket(i)`; `i` indexes
//! [`SOCKS`], which holds the host handles and the state POSIX needs but
//! `wasi:sockets` does not keep (non-blocking mode, `SO_ERROR`, timeouts).
//!
//! Blocking: every operation is tried once; on `would-block` a blocking
//! socket waits on the relevant pollable (with `SO_RCVTIMEO`/`SO_SNDTIMEO`
//! as a clock pollable) and retries, a non-blocking one returns `EAGAIN`
//! (`EINPROGRESS` for `connect`).
//!
//! Receiving without copies: TCP bytes come from the connection's
//! `input-stream` through the caller-buffer slot exactly like `read` (zero
//! malloc, zero copy). UDP `receive(1)` returns `list<incoming-datagram>`:
//! the slot is split ([`slot::with_parked_split`]): the caller's first
//! non-empty buffer takes the payload (align 1), a 40-byte area on our stack
//! takes the one-element spine (align 4). A datagram larger than that first
//! buffer goes to the heap instead and is copied (scattered over the
//! remaining buffers, the rest dropped with `MSG_TRUNC`) and freed; that copy
//! is counted in `wasm_libc_get_stats`. `poll`'s `list<u32>` result lands in
//! a stack array the same way.
//!
//! One concern per file: [`table`] (the socket table), [`hooks`] (how the
//! rest of the backend reaches sockets), [`tcp`], [`udp`], [`bind`],
//! [`poll`] (`poll`/`select`), [`wait`] (blocking on a pollable),
//! [`lookup`] (name lookup), [`opts`] (socket options), [`addr`]
//! (addresses), [`error`] (error codes), [`wasi`] (the imports).

mod addr;
mod bind;
mod error;
mod hooks;
mod lookup;
mod opts;
mod poll;
mod table;
mod tcp;
mod udp;
mod wait;

pub(super) use hooks::{close, read, write};

use super::abi;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::stats;
use crate::types::IoSlice;
use table::{Sock, sock, store};
use tcp::{connected, tcp_read, tcp_write};
use udp::{udp_recv, udp_send};

/// The instance's `network` handle, fetched once.
static NETWORK: Single<i32> = Single::new(0);

fn network() -> i32 {
    let mut n = NETWORK.load();
    if n == 0 {
        // SAFETY: plain import returning an owned handle, kept forever.
        n = unsafe { abi::sockets_instance_network::instance_network() };
        NETWORK.store(n);
    }
    n
}

/// What [`recv_slow_one`] received besides the length (`truncated`,
/// `from`), read back by the inlined [`PalNet::recv`]: passing it through a
/// static keeps a `Result<Received>` (48 bytes) out of the return value, so
/// `recv` needs no stack frame. Sound for the reason the receive return
/// areas are: one thread, nothing runs between the write and the read.
static SLOW_EXTRA: Single<(bool, Option<SockAddr>)> = Single::new((false, None));

/// `recv` into one buffer `base[..len]` off the hot path: a packed result
/// ([`crate::errno::pack`]) with the rest in [`SLOW_EXTRA`].
#[cold]
#[inline(never)]
fn recv_slow_one(fd: i32, base: *mut u8, len: usize, flags: RecvFlags) -> u64 {
    let r = recv_slow(fd, &[IoSlice { base, len }], flags);
    crate::errno::pack(r.map(|got| {
        SLOW_EXTRA.store((got.truncated, got.from));
        got.len
    }))
}

/// `recv` off the hot path (see [`PalNet::recv`]).
#[cold]
#[inline(never)]
fn recv_slow(fd: i32, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received> {
    let (i, s) = sock(fd)?;
    recv_sock(i, s, bufs, flags)
}

fn recv_sock(i: u16, s: Sock, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received> {
    if flags.peek {
        // wasi:io streams and datagram streams cannot peek.
        return Err(Errno::EOPNOTSUPP);
    }
    let nonblock = s.nonblocking || flags.dont_wait;
    if s.ty == SockType::Dgram {
        return udp_recv(&s, bufs, nonblock);
    }
    let s = connected(i, s)?;
    let mut got = Received::default();
    if s.shut_rd {
        return Ok(got);
    }
    let mut first = true;
    let mut ahead = s.ahead;
    if s.eof && ahead < 0 {
        if s.error != Errno::SUCCESS {
            store(
                i,
                Sock {
                    error: Errno::SUCCESS,
                    ..s
                },
            );
            return Err(s.error);
        }
        return Ok(got);
    }
    for b in bufs.iter().filter(|b| b.len > 0) {
        // SAFETY: each buffer is valid for its length (caller contract).
        let buf = unsafe { core::slice::from_raw_parts_mut(b.base, b.len) };
        let mut filled = 0;
        if ahead >= 0 {
            // The byte `poll` took to check readiness (one 1-byte copy).
            buf[0] = ahead as u8;
            ahead = -1;
            store(i, Sock { ahead, ..s });
            stats::update(|s| {
                s.guest_copies += 1;
                s.guest_copy_bytes = s.guest_copy_bytes.wrapping_add(1);
            });
            filled = 1;
            got.len = 1;
            first = false;
            if s.eof {
                return Ok(got);
            }
        }
        while filled < buf.len() {
            // The first read follows the socket's mode; later ones only take
            // what is already there, unless MSG_WAITALL.
            let nb = if first || flags.wait_all {
                nonblock
            } else {
                true
            };
            let r = tcp_read(s.rx, &mut buf[filled..], nb, s.rcv_timeo);
            first = false;
            match r {
                Ok(0) => return Ok(got),
                Ok(n) => {
                    filled += n;
                    got.len += n;
                }
                Err(e) if got.len == 0 => return Err(e),
                Err(_) => return Ok(got),
            }
            if !flags.wait_all && filled < buf.len() {
                return Ok(got);
            }
        }
    }
    Ok(got)
}

fn send_sock(
    i: u16,
    s: Sock,
    bufs: &[IoSlice],
    to: Option<&SockAddr>,
    dont_wait: bool,
) -> Result<usize> {
    let nonblock = s.nonblocking || dont_wait;
    if s.ty == SockType::Dgram {
        return udp_send(i, s, bufs, to, nonblock);
    }
    let s = connected(i, s)?;
    if s.shut_wr {
        return Err(Errno::EPIPE);
    }
    let mut done = 0;
    for b in bufs.iter().filter(|b| b.len > 0) {
        // SAFETY: each buffer is valid for its length (caller contract).
        let data = unsafe { core::slice::from_raw_parts(b.base as *const u8, b.len) };
        match tcp_write(s.tx, data, nonblock, s.snd_timeo) {
            Ok(n) => {
                done += n;
                if n < data.len() {
                    break;
                }
            }
            Err(e) if done == 0 => return Err(e),
            Err(_) => break,
        }
    }
    Ok(done)
}

impl PalNet for super::Sys {
    fn socket(family: Family, ty: SockType, nonblocking: bool) -> Result<i32> {
        table::create(family, ty, nonblocking)
    }

    fn bind(fd: i32, addr: &SockAddr) -> Result<()> {
        let (i, s) = sock(fd)?;
        bind::do_bind(i, s, addr).map(|_| ())
    }

    fn listen(fd: i32, backlog: u32) -> Result<()> {
        tcp::listen(fd, backlog)
    }

    fn accept(fd: i32, nonblocking: bool) -> Result<(i32, Option<SockAddr>)> {
        tcp::accept(fd, nonblocking)
    }

    fn connect(fd: i32, addr: &SockAddr) -> Result<()> {
        let (i, s) = sock(fd)?;
        if addr.family() != s.family {
            return Err(Errno::EAFNOSUPPORT);
        }
        match s.ty {
            SockType::Stream => tcp::connect_tcp(i, s, addr),
            SockType::Dgram => udp::connect(i, s, addr),
        }
    }

    /// The hot path (one non-empty buffer, no flags that change a stream
    /// receive, a socket whose [`table::fast_rx`] says a blocking read is
    /// all it takes) is inlined into the C `recv`; the rest is
    /// [`recv_slow_one`] (one buffer) or [`recv_slow`].
    ///
    /// Measured worth (`bench/tcp`, fuel per `recv()`, flat in the size):
    /// 1,079 through [`recv_slow`]; 200 with the inlined fast path; 182
    /// once the one-buffer slow path ([`recv_slow_one`]) takes the buffer
    /// by value and leaves its extras in [`SLOW_EXTRA`], so `recv` has no
    /// stack frame; 184 with the re-read of an empty list inside the
    /// inlined loop (testable without imports). p2 file `read()`: 147.
    #[inline(always)]
    fn recv(fd: i32, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received> {
        if let [b] = bufs {
            if b.len != 0
                && !(flags.peek | flags.wait_all | flags.dont_wait)
                && let Some(rx) = table::fast_rx(fd)
            {
                // SAFETY: the caller's buffer, valid for b.len bytes.
                let len = unsafe { tcp::recv_fast(rx, b.base, b.len) }?;
                return Ok(Received {
                    len,
                    truncated: false,
                    from: None,
                });
            }
            let len = crate::errno::unpack(recv_slow_one(fd, b.base, b.len, flags))?;
            // A load the C `recv` drops (it only wants the length).
            let (truncated, from) = SLOW_EXTRA.load();
            return Ok(Received {
                len,
                truncated,
                from,
            });
        }
        recv_slow(fd, bufs, flags)
    }

    fn send(fd: i32, bufs: &[IoSlice], to: Option<&SockAddr>, dont_wait: bool) -> Result<usize> {
        let (i, s) = sock(fd)?;
        send_sock(i, s, bufs, to, dont_wait)
    }

    fn shutdown(fd: i32, how: Shutdown) -> Result<()> {
        tcp::shutdown(fd, how)
    }

    fn local_addr(fd: i32) -> Result<SockAddr> {
        addr::local_addr(fd)
    }

    fn peer_addr(fd: i32) -> Result<SockAddr> {
        addr::peer_addr(fd)
    }

    fn get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
        opts::get_opt(fd, opt)
    }

    fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
        opts::set_opt(fd, opt, value)
    }

    fn sock_type(fd: i32) -> Result<SockType> {
        sock(fd).map(|(_, s)| s.ty)
    }

    fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize> {
        lookup::resolve(name, out)
    }

    fn poll(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
        poll::poll_fds(fds, timeout_ns)
    }

    fn get_status_flags(fd: i32) -> Result<i32> {
        table::status_flags(fd)
    }

    fn set_status_flags(fd: i32, flags: i32) -> Result<()> {
        table::set_status_flags(fd, flags)
    }
}
