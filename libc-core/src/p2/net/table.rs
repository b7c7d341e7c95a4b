//! The socket table: the state POSIX needs per socket and `wasi:sockets`
//! does not keep, indexed by the `u16` of an `Entry::Socket` fd entry.

use super::super::abi;
use super::super::grow::Grow;
use super::super::{Entry, Ret, alloc_fd, entry};
use super::error::{code_at, drop_stream_error, error_code};
use super::hooks::set_hooks;
use super::udp::drop_udp_streams;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::types::{O_APPEND, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(super) enum State {
    Unbound,
    Bound,
    Listening,
    /// A non-blocking `connect` is under way (`finish-connect` pending).
    Connecting,
    Connected,
    /// The last connect attempt failed; the socket cannot be reused.
    Failed,
}

#[derive(Copy, Clone, Debug)]
pub(super) struct Sock {
    /// The receive fast path's one test ([`fast_rx`]): `rx` when a plain
    /// receive is a blocking read of the connection's input stream and
    /// nothing else (a connected, blocking TCP socket without a receive
    /// timeout, not shut down for reading, with no byte or end of stream
    /// kept by `poll`'s probe); 0 otherwise. Derived by [`store`] and
    /// [`install`], the only writers of the table, so it never disagrees
    /// with the fields it summarises.
    pub(super) fast_rx: i32,
    pub(super) used: bool,
    pub(super) family: Family,
    pub(super) ty: SockType,
    pub(super) nonblocking: bool,
    pub(super) state: State,
    /// `tcp-socket` or `udp-socket`.
    pub(super) h: i32,
    /// `input-stream` (TCP) or `incoming-datagram-stream` (UDP); 0 = none
    /// (the canonical ABI never hands out handle 0).
    pub(super) rx: i32,
    /// `output-stream` or `outgoing-datagram-stream`; 0 = none.
    pub(super) tx: i32,
    /// UDP: the connected peer.
    pub(super) peer: Option<SockAddr>,
    /// Pending `SO_ERROR`.
    pub(super) error: Errno,
    pub(super) shut_rd: bool,
    pub(super) shut_wr: bool,
    pub(super) rcv_timeo: u64,
    pub(super) snd_timeo: u64,
    pub(super) reuse_addr: bool,
    pub(super) no_delay: bool,
    /// TCP: a byte `poll` read to confirm readiness (-1 = none), returned
    /// by the next receive. See [`probe`].
    pub(super) ahead: i16,
    /// TCP: `poll`'s probe saw the end of the stream.
    pub(super) eof: bool,
    /// Listener: a connection `poll` accepted to confirm readiness
    /// (`tcp-socket`, `input-stream`, `output-stream`; 0 = none), handed out
    /// by the next `accept`. See [`probe_accept`].
    pub(super) pend: [i32; 3],
}

pub(super) const FREE: Sock = Sock {
    fast_rx: 0,
    used: false,
    family: Family::Inet,
    ty: SockType::Stream,
    nonblocking: false,
    state: State::Unbound,
    h: 0,
    rx: 0,
    tx: 0,
    peer: None,
    error: Errno::SUCCESS,
    shut_rd: false,
    shut_wr: false,
    rcv_timeo: 0,
    snd_timeo: 0,
    reuse_addr: false,
    no_delay: false,
    ahead: -1,
    eof: false,
    pend: [0; 3],
};

/// Sockets in the static tier; more go to a heap array that doubles
/// ([`Grow`]), up to the 65,536 a `u16` index can name.
const MAX_SOCKS: usize = 64;
pub(super) static SOCKS: Single<[Sock; MAX_SOCKS]> = Single::new([FREE; MAX_SOCKS]);
static MORE_SOCKS: Grow<Sock> = Grow::new();

/// The slot of socket `i`. Valid until the next [`install`].
#[inline(always)]
fn sock_slot(i: u16) -> *mut Sock {
    if (i as usize) < MAX_SOCKS {
        // SAFETY: in bounds; single-threaded (see `Single`).
        return unsafe { (SOCKS.get() as *mut Sock).add(i as usize) };
    }
    more_slot(i)
}

#[cold]
#[inline(never)]
fn more_slot(i: u16) -> *mut Sock {
    // The index comes from an fd entry we created, so it is in the table.
    MORE_SOCKS
        .slot(i as usize - MAX_SOCKS)
        .unwrap_or_else(|| crate::trap())
}

pub(super) fn load(i: u16) -> Sock {
    // SAFETY: a slot of the table; single-threaded.
    unsafe { *sock_slot(i) }
}

pub(super) fn store(i: u16, s: Sock) {
    // SAFETY: as in `load`.
    unsafe { *sock_slot(i) = with_fast(s) }
}

/// `s` with [`Sock::fast_rx`] derived from its other fields.
fn with_fast(s: Sock) -> Sock {
    let fast = s.used
        && s.ty == SockType::Stream
        && s.state == State::Connected
        && !s.nonblocking
        && s.rcv_timeo == 0
        && !s.shut_rd
        && s.ahead < 0
        && !s.eof;
    Sock {
        fast_rx: if fast { s.rx } else { 0 },
        ..s
    }
}

/// The receive fast path's test: the input stream of `fd` if `fd` is a
/// socket in the static fd tier whose plain receive is a blocking read of it
/// ([`Sock::fast_rx`]). One fd-table load, one socket-table load.
#[inline(always)]
pub(super) fn fast_rx(fd: i32) -> Option<i32> {
    let p = super::super::fds::inline_slot(fd)?;
    // SAFETY: p points into the fd table; single-threaded.
    if let Entry::Socket(i) = unsafe { *p } {
        let rx = fast_rx_of(i);
        if rx != 0 {
            return Some(rx);
        }
    }
    None
}

/// [`fast_rx`] for socket `i` (a `read` through the hooks).
#[inline(always)]
pub(super) fn fast_rx_of(i: u16) -> i32 {
    // SAFETY: a slot of the table; single-threaded.
    unsafe { (*sock_slot(i)).fast_rx }
}

/// The socket behind `fd`: `EBADF` if closed, `ENOTSOCK` if not a socket.
pub(super) fn sock(fd: i32) -> Result<(u16, Sock)> {
    match entry(fd)? {
        Entry::Socket(i) => Ok((i, load(i))),
        _ => Err(Errno::ENOTSOCK),
    }
}

/// Registers a new socket and gives it a descriptor; on failure the host
/// handles are dropped.
pub(super) fn install(s: Sock) -> Result<i32> {
    let used = with_fast(Sock { used: true, ..s });
    // SAFETY: single-threaded; no other borrow of the table is live.
    let table = unsafe { &mut *SOCKS.get() };
    let i = match table.iter().position(|s| !s.used) {
        Some(i) => {
            table[i] = used;
            i
        }
        None => match MORE_SOCKS.take(|s| !s.used, used, FREE, (1 << 16) - MAX_SOCKS) {
            Ok(j) => MAX_SOCKS + j,
            Err(e) => {
                release(&s);
                return Err(e);
            }
        },
    };
    alloc_fd(Entry::Socket(i as u16)).inspect_err(|_| {
        release(&s);
        store(i as u16, FREE);
    })
}

/// Drops a socket's host handles, children first.
pub(super) fn release(s: &Sock) {
    if s.pend[0] != 0 {
        release(&Sock {
            h: s.pend[0],
            rx: s.pend[1],
            tx: s.pend[2],
            pend: [0; 3],
            ..*s
        });
    }
    // SAFETY: handles we own; nothing refers to them afterwards.
    unsafe {
        match s.ty {
            SockType::Stream => {
                if s.tx != 0 {
                    // Let buffered bytes reach the peer before the stream
                    // goes away (errors are of no use here).
                    use abi::io_streams::ret::output_stream_blocking_flush as r;
                    let mut ret = Ret::<{ r::BYTES }>::new();
                    abi::io_streams::output_stream_blocking_flush(s.tx, ret.arm());
                    drop_stream_error(&ret, r::ERR);
                    abi::io_streams::output_stream_drop(s.tx);
                }
                if s.rx != 0 {
                    abi::io_streams::input_stream_drop(s.rx);
                }
                if s.h != 0 {
                    abi::sockets_tcp::tcp_socket_drop(s.h);
                }
            }
            SockType::Dgram => {
                drop_udp_streams(s);
                if s.h != 0 {
                    abi::sockets_udp::udp_socket_drop(s.h);
                }
            }
        }
    }
}

pub(super) fn create(family: Family, ty: SockType, nonblocking: bool) -> Result<i32> {
    use abi::sockets_network::ip_address_family as iaf;
    use abi::sockets_tcp_create_socket::ret::create_tcp_socket as r;
    use abi::sockets_udp_create_socket::ret::create_udp_socket as ru;
    const _: () = assert!(r::BYTES == ru::BYTES && r::OK == ru::OK && r::ERR == ru::ERR);
    let af = match family {
        Family::Inet => iaf::IPV4,
        Family::Inet6 => iaf::IPV6,
    } as i32;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: ret has room for result<own<socket>, error-code>.
    unsafe {
        match ty {
            SockType::Stream => abi::sockets_tcp_create_socket::create_tcp_socket(af, ret.arm()),
            SockType::Dgram => abi::sockets_udp_create_socket::create_udp_socket(af, ret.arm()),
        }
    }
    if ret.u8(0) != 0 {
        return Err(error_code(code_at(&ret, r::ERR)));
    }
    set_hooks();
    install(Sock {
        used: true,
        family,
        ty,
        nonblocking,
        h: ret.u32(r::OK) as i32,
        ..FREE
    })
}

/// `fcntl(F_GETFL)`: the status flags of any descriptor.
pub(super) fn status_flags(fd: i32) -> Result<i32> {
    Ok(match entry(fd)? {
        Entry::Socket(i) => O_RDWR | if load(i).nonblocking { O_NONBLOCK } else { 0 },
        Entry::In(_) => O_RDONLY,
        Entry::Out(_) => O_WRONLY,
        Entry::File { mode, .. } => {
            let mut f = 0;
            if mode & super::super::READ != 0 {
                f |= O_RDONLY;
            }
            if mode & super::super::WRITE != 0 {
                f |= O_WRONLY;
            }
            if mode & super::super::APPEND != 0 {
                f |= O_APPEND;
            }
            f
        }
        #[allow(unreachable_patterns)]
        _ => O_RDWR,
    })
}

/// `fcntl(F_SETFL)`: only sockets change.
pub(super) fn set_status_flags(fd: i32, flags: i32) -> Result<()> {
    // Only sockets change: stdio and files are always blocking here.
    if let Entry::Socket(i) = entry(fd)? {
        let s = load(i);
        store(
            i,
            Sock {
                nonblocking: flags & O_NONBLOCK != 0,
                ..s
            },
        );
    }
    Ok(())
}
