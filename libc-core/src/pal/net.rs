//! The backend contract for sockets and readiness ([`PalNet`]).
//!
//! Addresses cross this boundary as [`SockAddr`] (ports and addresses in host
//! order, no C layout); the C layer converts `struct sockaddr_*`. Descriptors
//! are the same C `int`s as in [`crate::Pal`]: `read`, `write` and `close`
//! work on sockets too.
//!
//! Errors: a descriptor that is open but not a socket is `ENOTSOCK`; a closed
//! one `EBADF`; a family the socket does not have `EAFNOSUPPORT`; an operation
//! the host cannot do at all `ENOSYS` (or `ENOTSUP` for an unsupported flag or
//! option). Nothing traps on bad input.

use super::Result;
use crate::types::IoSlice;

/// An IP socket address.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SockAddr {
    V4 {
        addr: [u8; 4],
        port: u16,
    },
    V6 {
        /// The eight 16-bit groups, most significant first.
        addr: [u16; 8],
        port: u16,
        flow_info: u32,
        scope_id: u32,
    },
}

impl SockAddr {
    pub fn family(&self) -> Family {
        match self {
            SockAddr::V4 { .. } => Family::Inet,
            SockAddr::V6 { .. } => Family::Inet6,
        }
    }

    pub fn port(&self) -> u16 {
        match *self {
            SockAddr::V4 { port, .. } | SockAddr::V6 { port, .. } => port,
        }
    }

    /// The unspecified address of `family` (`0.0.0.0:0`, `[::]:0`).
    pub fn unspecified(family: Family) -> SockAddr {
        match family {
            Family::Inet => SockAddr::V4 {
                addr: [0; 4],
                port: 0,
            },
            Family::Inet6 => SockAddr::V6 {
                addr: [0; 8],
                port: 0,
                flow_info: 0,
                scope_id: 0,
            },
        }
    }
}

/// An IP address (name resolution result).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IpAddr {
    V4([u8; 4]),
    V6([u16; 8]),
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Family {
    Inet,
    Inet6,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SockType {
    Stream,
    Dgram,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Shutdown {
    Read,
    Write,
    Both,
}

/// Per-call flags of `recv*` (the C layer maps `MSG_*`).
#[derive(Copy, Clone, Default, PartialEq, Eq, Debug)]
pub struct RecvFlags {
    /// `MSG_PEEK`: leave the data queued.
    pub peek: bool,
    /// `MSG_WAITALL`: block until the buffers are full (stream sockets).
    pub wait_all: bool,
    /// `MSG_DONTWAIT`: this call does not block.
    pub dont_wait: bool,
    /// The caller wants the sender's address (`recvfrom`/`recvmsg` with an
    /// address buffer). On p1 only this needs WAMR's `sock_recv_from`.
    pub want_from: bool,
}

/// What a receive produced besides the byte count.
#[derive(Copy, Clone, Default, PartialEq, Eq, Debug)]
pub struct Received {
    pub len: usize,
    /// The datagram was longer than the buffers: the rest is lost
    /// (`MSG_TRUNC` in `msg_flags`).
    pub truncated: bool,
    /// The sender (datagram sockets; `None` for streams).
    pub from: Option<SockAddr>,
}

/// Socket options the backends understand. Values are plain integers
/// (booleans 0/1, sizes in bytes, times in nanoseconds).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SockOpt {
    /// `SO_TYPE` (get only): 0 stream, 1 datagram.
    Type,
    /// `SO_ERROR` (get only, clears): pending error number, 0 if none.
    Error,
    /// `SO_ACCEPTCONN` (get only).
    AcceptConn,
    /// `SO_DOMAIN` (get only): 0 IPv4, 1 IPv6.
    Domain,
    ReuseAddr,
    KeepAlive,
    RecvBufSize,
    SendBufSize,
    /// `SO_RCVTIMEO` in nanoseconds (0 = none).
    RecvTimeout,
    /// `SO_SNDTIMEO` in nanoseconds (0 = none).
    SendTimeout,
    /// `SO_LINGER`: `-1` off, else seconds.
    Linger,
    /// `SO_BROADCAST`.
    Broadcast,
    TcpNoDelay,
    /// `TCP_KEEPIDLE` in seconds.
    TcpKeepIdle,
    /// `TCP_KEEPINTVL` in seconds.
    TcpKeepInterval,
    /// `TCP_KEEPCNT`.
    TcpKeepCount,
    /// `IP_TTL` / `IPV6_UNICAST_HOPS`.
    HopLimit,
    /// `IPV6_V6ONLY`.
    V6Only,
}

/// `poll` event bits, as in `poll.h` (the C layer passes them through).
pub const POLLIN: i16 = 0x1;
pub const POLLOUT: i16 = 0x2;
pub const POLLPRI: i16 = 0x200;
pub const POLLERR: i16 = 0x1000;
pub const POLLHUP: i16 = 0x2000;
pub const POLLNVAL: i16 = 0x4000;

/// One `struct pollfd` (same layout as C's).
#[derive(Copy, Clone, Default, PartialEq, Eq, Debug)]
#[repr(C)]
pub struct PollFd {
    pub fd: i32,
    pub events: i16,
    pub revents: i16,
}

/// Most addresses one name resolution returns.
pub const MAX_RESOLVED: usize = 16;

pub trait PalNet {
    /// Creates a socket; `nonblocking` is `SOCK_NONBLOCK`.
    fn socket(family: Family, ty: SockType, nonblocking: bool) -> Result<i32>;

    /// Binds to `addr` (`EAFNOSUPPORT` if its family is not the socket's).
    fn bind(fd: i32, addr: &SockAddr) -> Result<()>;

    /// Starts listening (binding to an ephemeral port first if unbound).
    fn listen(fd: i32, backlog: u32) -> Result<()>;

    /// Accepts a connection: the new descriptor (non-blocking if
    /// `nonblocking`) and the peer's address. Blocks unless the listener is
    /// non-blocking (`EAGAIN`).
    fn accept(fd: i32, nonblocking: bool) -> Result<(i32, Option<SockAddr>)>;

    /// Connects (stream) or sets the default peer (datagram). A
    /// non-blocking stream socket returns `EINPROGRESS`; completion shows as
    /// `POLLOUT` and the outcome in `SO_ERROR`.
    fn connect(fd: i32, addr: &SockAddr) -> Result<()>;

    /// Receives into `bufs` in order. Stream sockets: `len == 0` means the
    /// peer closed; fills later buffers only with data already available.
    /// Datagram sockets: one datagram, `truncated` if it did not fit.
    /// On p2 the bytes are received in place (the caller-buffer slot) when
    /// they fit the first non-empty buffer.
    fn recv(fd: i32, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received>;

    /// Sends `bufs` in order (to `to` on an unconnected datagram socket);
    /// returns the bytes sent. `dont_wait` is `MSG_DONTWAIT`.
    fn send(fd: i32, bufs: &[IoSlice], to: Option<&SockAddr>, dont_wait: bool) -> Result<usize>;

    fn shutdown(fd: i32, how: Shutdown) -> Result<()>;

    /// `getsockname`.
    fn local_addr(fd: i32) -> Result<SockAddr>;

    /// `getpeername` (`ENOTCONN` if not connected).
    fn peer_addr(fd: i32) -> Result<SockAddr>;

    /// Reads an option (`ENOPROTOOPT` for one the host cannot report).
    fn get_opt(fd: i32, opt: SockOpt) -> Result<i64>;

    /// Sets an option (`ENOPROTOOPT` if unsupported, `EINVAL` for a bad value).
    fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()>;

    /// The socket's type (`ENOTSOCK` for other descriptors).
    fn sock_type(fd: i32) -> Result<SockType>;

    /// Resolves `name` (no NUL) to at most `out.len()` addresses, in the
    /// host's order; returns how many. Numeric names are handled by the C
    /// layer and never reach here.
    fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize>;

    /// Waits until one of `fds` is ready or `timeout_ns` passes (`None`:
    /// forever) and fills each `revents`; returns how many have any.
    /// Negative fds are ignored; closed ones get `POLLNVAL`. Works on every
    /// kind of descriptor (files are always ready).
    fn poll(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize>;

    /// `fcntl(F_GETFL)`: the descriptor's status flags (`O_NONBLOCK`,
    /// `O_APPEND`, access mode) in the C `O_*` values.
    fn get_status_flags(fd: i32) -> Result<i32>;

    /// `fcntl(F_SETFL)`: only `O_NONBLOCK` (and `O_APPEND` where the backend
    /// tracks it) can change; other bits are ignored.
    fn set_status_flags(fd: i32, flags: i32) -> Result<()>;
}
