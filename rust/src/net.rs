//! TCP sockets: [`TcpListener`] and [`TcpStream`].
//!
//! Each type owns its socket as an [`OwnedFd`] (closed when dropped), and
//! each method is one call into libc-core's socket backend
//! ([`libc_core::PalNet`], the trait the C library's `socket`, `accept`,
//! `recv`... are written on), so the C layer's behaviour, described in the
//! repository's `docs/sockets.md`, is what you get here:
//!
//! - p2 (`wasi:sockets@0.2.0`): [`TcpStream::recv`] reads the connection's
//!   input stream with your buffer parked in the caller-buffer slot: the host
//!   writes the bytes straight into the slice, with no allocation and no copy
//!   ([`crate::stats`] stays at zero). [`TcpStream::send`] hands the host
//!   your slice during the call (no guest copy either). The host must allow
//!   networking (`wasmtime run -S inherit-network=y`); without it
//!   [`TcpListener::bind`] and [`TcpStream::connect`] fail with `EACCES`.
//! - p1 (preview1): sockets need WAMR's socket extension (`sock_open`,
//!   `sock_bind`, `sock_listen`, `sock_connect`... in
//!   `wasi_snapshot_preview1`), which `iwasm --addr-pool=...` provides; a
//!   program that calls [`TcpListener::bind`] or [`TcpStream::connect`]
//!   does not instantiate on a runtime without it. A listener the runtime
//!   pre-opened needs only standard preview1: wrap its descriptor with
//!   [`TcpListener::from_fd`]. `recv` reads straight into your buffer.
//!
//! Addresses are [`core::net::SocketAddr`] (IPv4 and IPv6), re-exported
//! here; anything that converts into one works:
//!
//! ```
//! use wasm_libc::net::{Ipv6Addr, SocketAddr};
//!
//! let v4 = SocketAddr::from(([127, 0, 0, 1], 8080));
//! let v6: SocketAddr = "[::1]:8080".parse().unwrap();
//! assert_eq!(v6, SocketAddr::from((Ipv6Addr::LOCALHOST, 8080)));
//! assert_eq!(v4.port(), v6.port());
//! ```
//!
//! A sequential echo server:
//!
//! ```no_run
//! use wasm_libc::net::TcpListener;
//!
//! let listener = TcpListener::bind(([127, 0, 0, 1], 7000))?;
//! loop {
//!     let (conn, _peer) = listener.accept()?;
//!     let mut buf = [0u8; 16 * 1024];
//!     loop {
//!         match conn.recv(&mut buf)? {
//!             0 => break, // the peer closed its side
//!             n => conn.send_all(&buf[..n])?,
//!         }
//!     }
//!     // `conn` is closed here
//! }
//! # Ok::<(), wasm_libc::Errno>(())
//! ```

use crate::io::OwnedFd;
use crate::{Errno, Result, Sys};
use libc_core::PalNet;
use libc_core::pal::net::{self as pal, RecvFlags, SockAddr, SockOpt, SockType};
use libc_core::types::IoSlice;

#[doc(no_inline)]
pub use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// The `listen` backlog [`TcpListener::bind`] asks for (C's `SOMAXCONN`;
/// hosts may cap it).
const BACKLOG: u32 = 128;

fn to_pal(a: SocketAddr) -> SockAddr {
    match a {
        SocketAddr::V4(a) => SockAddr::V4 {
            addr: a.ip().octets(),
            port: a.port(),
        },
        SocketAddr::V6(a) => SockAddr::V6 {
            addr: a.ip().segments(),
            port: a.port(),
            flow_info: a.flowinfo(),
            scope_id: a.scope_id(),
        },
    }
}

fn from_pal(a: SockAddr) -> SocketAddr {
    match a {
        SockAddr::V4 { addr, port } => SocketAddr::V4(SocketAddrV4::new(addr.into(), port)),
        SockAddr::V6 {
            addr,
            port,
            flow_info,
            scope_id,
        } => SocketAddr::V6(SocketAddrV6::new(addr.into(), port, flow_info, scope_id)),
    }
}

/// A new blocking TCP socket for `addr`'s family.
fn tcp_socket(addr: &SockAddr) -> Result<OwnedFd> {
    let fd = Sys::socket(addr.family(), SockType::Stream, false)?;
    // SAFETY: the backend just allocated `fd` for us; nothing else has it.
    Ok(unsafe { OwnedFd::from_raw(fd) })
}

/// A TCP socket listening for connections.
///
/// Made by [`bind`](Self::bind) (or [`from_fd`](Self::from_fd) for a socket
/// the host pre-opened); closed when dropped.
///
/// ```no_run
/// use wasm_libc::net::TcpListener;
///
/// let listener = TcpListener::bind(([0, 0, 0, 0], 8080))?;
/// let (conn, peer) = listener.accept()?;
/// conn.send_all(b"hello\n")?;
/// # let _ = peer;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Debug)]
pub struct TcpListener(OwnedFd);

impl TcpListener {
    /// Creates a TCP socket, binds it to `addr` and starts listening.
    ///
    /// Port 0 asks the host for a free port; [`local_addr`](Self::local_addr)
    /// tells which. Like Rust's `std` on Unix, `SO_REUSEADDR` is set first
    /// (so a restarted server can bind its port again while old connections
    /// linger); a host that cannot set it binds anyway. The backlog is 128.
    /// Errors are those of C `socket`, `bind` and `listen`: `EADDRINUSE`,
    /// `EACCES` (the host does not allow networking), `EAFNOSUPPORT`...
    ///
    /// ```no_run
    /// use wasm_libc::net::{SocketAddr, TcpListener};
    ///
    /// let v4 = TcpListener::bind(([127, 0, 0, 1], 0))?;
    /// let any: SocketAddr = "[::]:9000".parse().unwrap();
    /// let v6 = TcpListener::bind(any)?;
    /// # let _ = (v4, v6);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn bind(addr: impl Into<SocketAddr>) -> Result<TcpListener> {
        let addr = to_pal(addr.into());
        let fd = tcp_socket(&addr)?;
        // Best effort, as documented: not every host has the option.
        let _ = Sys::set_opt(fd.as_raw(), SockOpt::ReuseAddr, 1);
        Sys::bind(fd.as_raw(), &addr)?;
        Sys::listen(fd.as_raw(), BACKLOG)?;
        Ok(TcpListener(fd))
    }

    /// Waits for a connection and returns it with the peer's address.
    ///
    /// The address is `None` when the host cannot tell (p1 on a pre-opened
    /// listener: preview1's `sock_accept` does not report it). Like C
    /// `accept`.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpListener;
    ///
    /// let listener = TcpListener::bind(([127, 0, 0, 1], 7000))?;
    /// let (conn, peer) = listener.accept()?;
    /// if let Some(peer) = peer {
    ///     wasm_libc::println!("connection from {peer}");
    /// }
    /// # let _ = conn;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn accept(&self) -> Result<(TcpStream, Option<SocketAddr>)> {
        let (fd, peer) = Sys::accept(self.0.as_raw(), false)?;
        // SAFETY: the backend just allocated `fd` for us; nothing else has it.
        let conn = TcpStream(unsafe { OwnedFd::from_raw(fd) });
        Ok((conn, peer.map(from_pal)))
    }

    /// The address the listener is bound to: with port 0 in
    /// [`bind`](Self::bind), the port the host chose. Like C `getsockname`.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpListener;
    ///
    /// let listener = TcpListener::bind(([127, 0, 0, 1], 0))?;
    /// let port = listener.local_addr()?.port();
    /// wasm_libc::println!("listening on port {port}");
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn local_addr(&self) -> Result<SocketAddr> {
        Sys::local_addr(self.0.as_raw()).map(from_pal)
    }

    /// Wraps a listening socket this program owns, such as one the runtime
    /// pre-opened (older wasmtime CLIs' `--tcplisten` gave preview1 programs
    /// one as descriptor 3).
    /// Nothing is checked here: if `fd` is not a listening socket,
    /// [`accept`](Self::accept) says so (`ENOTSOCK`, `EINVAL`).
    ///
    /// ```no_run
    /// use wasm_libc::{io::OwnedFd, net::TcpListener};
    ///
    /// // SAFETY: the runtime pre-opened a listener as fd 3; nothing else uses it.
    /// let listener = TcpListener::from_fd(unsafe { OwnedFd::from_raw(3) });
    /// let (conn, _) = listener.accept()?;
    /// # let _ = conn;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn from_fd(fd: OwnedFd) -> TcpListener {
        TcpListener(fd)
    }

    /// The socket's descriptor, still owned by the listener.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpListener;
    ///
    /// let listener = TcpListener::bind(([127, 0, 0, 1], 0))?;
    /// assert!(listener.as_fd().as_raw() >= 0);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn as_fd(&self) -> &OwnedFd {
        &self.0
    }

    /// Gives the descriptor away (to C code, for instance): the listener no
    /// longer closes it.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpListener;
    ///
    /// let fd = TcpListener::bind(([127, 0, 0, 1], 0))?.into_fd();
    /// fd.close()?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn into_fd(self) -> OwnedFd {
        self.0
    }
}

/// Which directions [`TcpStream::shutdown`] closes (C's `SHUT_RD`,
/// `SHUT_WR`, `SHUT_RDWR`).
///
/// ```
/// use wasm_libc::net::Shutdown;
///
/// let half_close = Shutdown::Write;
/// assert_ne!(half_close, Shutdown::Both);
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Shutdown {
    /// No more receiving: later [`TcpStream::recv`] calls return `Ok(0)`.
    Read,
    /// No more sending: the peer sees end of stream after the data already
    /// sent (a half-close).
    Write,
    /// Both.
    Both,
}

/// A TCP connection: accepted by [`TcpListener::accept`] or made by
/// [`TcpStream::connect`]; closed when dropped.
///
/// On p2, dropping (or [`close`](Self::close)) first pushes out data still
/// buffered by the host, so a `send` just before the drop is not lost; it
/// can block while the peer does not read.
///
/// ```no_run
/// use wasm_libc::net::TcpStream;
///
/// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
/// conn.send_all(b"ping\n")?;
/// let mut buf = [0u8; 64];
/// let n = conn.recv(&mut buf)?;
/// # let _ = n;
/// # Ok::<(), wasm_libc::Errno>(())
/// ```
#[derive(Debug)]
pub struct TcpStream(OwnedFd);

impl TcpStream {
    /// Creates a TCP socket and connects it to `addr`, blocking until the
    /// connection is made or fails (`ECONNREFUSED`, `ETIMEDOUT`,
    /// `EHOSTUNREACH`, `EACCES` when the host does not allow networking...).
    /// Like C `socket` + `connect`.
    ///
    /// ```no_run
    /// use wasm_libc::net::{Ipv6Addr, SocketAddr, TcpStream};
    ///
    /// let v4 = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// let v6 = TcpStream::connect(SocketAddr::from((Ipv6Addr::LOCALHOST, 7000)))?;
    /// # let _ = (v4, v6);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn connect(addr: impl Into<SocketAddr>) -> Result<TcpStream> {
        let addr = to_pal(addr.into());
        let fd = tcp_socket(&addr)?;
        Sys::connect(fd.as_raw(), &addr)?;
        Ok(TcpStream(fd))
    }

    /// Receives up to `buf.len()` bytes into `buf`; blocks until at least one
    /// is there. Returns how many; `Ok(0)` means the peer closed its side (or
    /// `buf` is empty). Like C `recv` without flags.
    ///
    /// On p2 the host writes into `buf` directly through the caller-buffer
    /// slot: no allocation, no copy.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// let mut buf = [0u8; 4096];
    /// let mut total = 0;
    /// loop {
    ///     match conn.recv(&mut buf)? {
    ///         0 => break,
    ///         n => total += n,
    ///     }
    /// }
    /// wasm_libc::println!("received {total} bytes");
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    ///
    /// On something that is not a socket it fails with `ENOTSOCK`:
    ///
    /// ```
    /// use wasm_libc::{Errno, io::{OwnedFd, STDIN}, net::TcpStream};
    ///
    /// // SAFETY: stdin is handed back with `into_fd` below, never closed.
    /// let not_a_socket = TcpStream::from_fd(unsafe { OwnedFd::from_raw(STDIN) });
    /// assert_eq!(not_a_socket.recv(&mut [0u8; 8]), Err(Errno::ENOTSOCK));
    /// let _ = not_a_socket.into_fd().into_raw();
    /// ```
    pub fn recv(&self, buf: &mut [u8]) -> Result<usize> {
        let slice = IoSlice {
            base: buf.as_mut_ptr(),
            len: buf.len(),
        };
        Sys::recv(self.0.as_raw(), &[slice], RecvFlags::default()).map(|r| r.len)
    }

    /// Sends bytes from `buf`; returns how many were sent (possibly fewer
    /// than `buf.len()`: see [`send_all`](Self::send_all)). `EPIPE` after
    /// the connection was shut down for writing or reset. Like C `send`
    /// without flags.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// let n = conn.send(b"GET / HTTP/1.0\r\n\r\n")?;
    /// assert!(n > 0);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn send(&self, buf: &[u8]) -> Result<usize> {
        let slice = IoSlice {
            base: buf.as_ptr() as *mut u8,
            len: buf.len(),
        };
        Sys::send(self.0.as_raw(), &[slice], None, false)
    }

    /// Sends all of `buf`, calling [`send`](Self::send) until done. A send
    /// that makes no progress is `EIO`.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// conn.send_all(&[0x55; 100_000])?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn send_all(&self, mut buf: &[u8]) -> Result<()> {
        while !buf.is_empty() {
            match self.send(buf)? {
                0 => return Err(Errno::EIO),
                n => buf = &buf[n..],
            }
        }
        Ok(())
    }

    /// Shuts down one or both directions of the connection, without closing
    /// the descriptor. `Shutdown::Write` is the usual half-close: the peer
    /// reads end of stream, and replies can still be received. `ENOTCONN`
    /// if the socket is not connected. Like C `shutdown`.
    ///
    /// ```no_run
    /// use wasm_libc::net::{Shutdown, TcpStream};
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// conn.send_all(b"the whole request")?;
    /// conn.shutdown(Shutdown::Write)?; // the server sees end of stream
    /// let mut reply = [0u8; 1024];
    /// let n = conn.recv(&mut reply)?;
    /// # let _ = n;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn shutdown(&self, how: Shutdown) -> Result<()> {
        let how = match how {
            Shutdown::Read => pal::Shutdown::Read,
            Shutdown::Write => pal::Shutdown::Write,
            Shutdown::Both => pal::Shutdown::Both,
        };
        Sys::shutdown(self.0.as_raw(), how)
    }

    /// This end's address. Like C `getsockname`.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// let me = conn.local_addr()?;
    /// assert!(me.ip().is_loopback());
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn local_addr(&self) -> Result<SocketAddr> {
        Sys::local_addr(self.0.as_raw()).map(from_pal)
    }

    /// The peer's address (`ENOTCONN` if not connected). Like C
    /// `getpeername`.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// assert_eq!(conn.peer_addr()?.port(), 7000);
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn peer_addr(&self) -> Result<SocketAddr> {
        Sys::peer_addr(self.0.as_raw()).map(from_pal)
    }

    /// Closes the connection and reports the host's answer (dropping it
    /// closes too, but ignores errors).
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// conn.send_all(b"bye\n")?;
    /// conn.close()?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn close(self) -> Result<()> {
        self.0.close()
    }

    /// Wraps a connected socket this program owns (one the runtime
    /// pre-opened, or one made by C code). Nothing is checked here: on a
    /// descriptor that is not a socket, [`recv`](Self::recv) and
    /// [`send`](Self::send) fail with `ENOTSOCK`.
    ///
    /// ```no_run
    /// use wasm_libc::{io::OwnedFd, net::TcpStream};
    ///
    /// // SAFETY: fd 4 is a connection this program owns; nothing else uses it.
    /// let conn = TcpStream::from_fd(unsafe { OwnedFd::from_raw(4) });
    /// conn.send_all(b"hello\n")?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn from_fd(fd: OwnedFd) -> TcpStream {
        TcpStream(fd)
    }

    /// The socket's descriptor, still owned by the stream (so
    /// [`crate::io::read`] and [`crate::io::write`] work on it too).
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let conn = TcpStream::connect(([127, 0, 0, 1], 7000))?;
    /// conn.as_fd().write_all(b"same as send_all\n")?;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn as_fd(&self) -> &OwnedFd {
        &self.0
    }

    /// Gives the descriptor away: the stream no longer closes it.
    ///
    /// ```no_run
    /// use wasm_libc::net::TcpStream;
    ///
    /// let fd = TcpStream::connect(([127, 0, 0, 1], 7000))?.into_fd();
    /// let raw = fd.into_raw(); // now closed by whoever takes `raw`
    /// # let _ = raw;
    /// # Ok::<(), wasm_libc::Errno>(())
    /// ```
    pub fn into_fd(self) -> OwnedFd {
        self.0
    }
}
