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

mod wasi;

use super::grow::Grow;
use super::{Entry, Ret, alloc_fd, entry};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::slot;
use crate::stats;
use crate::types::{IoSlice, O_APPEND, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum State {
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
struct Sock {
    used: bool,
    family: Family,
    ty: SockType,
    nonblocking: bool,
    state: State,
    /// `tcp-socket` or `udp-socket`.
    h: i32,
    /// `input-stream` (TCP) or `incoming-datagram-stream` (UDP); 0 = none
    /// (the canonical ABI never hands out handle 0).
    rx: i32,
    /// `output-stream` or `outgoing-datagram-stream`; 0 = none.
    tx: i32,
    /// UDP: the connected peer.
    peer: Option<SockAddr>,
    /// Pending `SO_ERROR`.
    error: Errno,
    shut_rd: bool,
    shut_wr: bool,
    rcv_timeo: u64,
    snd_timeo: u64,
    reuse_addr: bool,
    no_delay: bool,
    /// TCP: a byte `poll` read to confirm readiness (-1 = none), returned
    /// by the next receive. See [`probe`].
    ahead: i16,
    /// TCP: `poll`'s probe saw the end of the stream.
    eof: bool,
    /// Listener: a connection `poll` accepted to confirm readiness
    /// (`tcp-socket`, `input-stream`, `output-stream`; 0 = none), handed out
    /// by the next `accept`. See [`probe_accept`].
    pend: [i32; 3],
}

const FREE: Sock = Sock {
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
static SOCKS: Single<[Sock; MAX_SOCKS]> = Single::new([FREE; MAX_SOCKS]);
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

fn load(i: u16) -> Sock {
    // SAFETY: a slot of the table; single-threaded.
    unsafe { *sock_slot(i) }
}

fn store(i: u16, s: Sock) {
    // SAFETY: as in `load`.
    unsafe { *sock_slot(i) = s }
}

/// The socket behind `fd`: `EBADF` if closed, `ENOTSOCK` if not a socket.
fn sock(fd: i32) -> Result<(u16, Sock)> {
    match entry(fd)? {
        Entry::Socket(i) => Ok((i, load(i))),
        _ => Err(Errno::ENOTSOCK),
    }
}

/// Registers a new socket and gives it a descriptor; on failure the host
/// handles are dropped.
fn install(s: Sock) -> Result<i32> {
    let used = Sock { used: true, ..s };
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
fn release(s: &Sock) {
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
                    let mut ret = Ret::<12>::new();
                    wasi::streams::blocking_flush(s.tx, ret.ptr());
                    drop_stream_error(&ret, 4);
                    wasi::streams::drop_output_stream(s.tx);
                }
                if s.rx != 0 {
                    wasi::streams::drop_input_stream(s.rx);
                }
                if s.h != 0 {
                    wasi::tcp::drop_tcp_socket(s.h);
                }
            }
            SockType::Dgram => {
                drop_udp_streams(s);
                if s.h != 0 {
                    wasi::udp::drop_udp_socket(s.h);
                }
            }
        }
    }
}

fn drop_udp_streams(s: &Sock) {
    // SAFETY: handles we own.
    unsafe {
        if s.rx != 0 {
            wasi::udp::drop_incoming(s.rx);
        }
        if s.tx != 0 {
            wasi::udp::drop_outgoing(s.tx);
        }
    }
}

/// `poll_add`'s type: (socket, events, revents, add pollable).
type PollAdd = fn(u16, i16, &mut i16, &mut dyn FnMut(i32, i16, Kind));

/// The socket operations the rest of the backend (`read`, `write`,
/// `close`, `poll`) reaches only through this table, which `socket` fills
/// in. A socket entry can only exist once `socket` ran, and a program that
/// never calls it links none of the `wasi:sockets` imports: its component
/// does not import `wasi:sockets/*` at all. The accesses are volatile so
/// that LTO cannot see the table's only value and call it directly (which
/// would pull everything back in).
#[derive(Copy, Clone)]
struct Hooks {
    read: fn(u16, &mut [u8]) -> Result<usize>,
    write: fn(u16, &[u8]) -> Result<usize>,
    close: fn(u16),
    poll_add: PollAdd,
    poll_ready: fn(Kind, i16) -> i16,
}

static HOOKS: Single<Option<Hooks>> = Single::new(None);

fn hooks() -> Option<Hooks> {
    // SAFETY: single-threaded (see `Single`); a valid, initialised static.
    unsafe { core::ptr::read_volatile(HOOKS.get()) }
}

fn set_hooks() {
    let h = Hooks {
        read: sock_read,
        write: sock_write,
        close: sock_close,
        poll_add,
        poll_ready,
    };
    // SAFETY: as in `hooks`.
    unsafe { core::ptr::write_volatile(HOOKS.get(), Some(h)) }
}

/// `close` of a socket descriptor (the fd entry is already free).
pub(super) fn close(i: u16) {
    if let Some(h) = hooks() {
        (h.close)(i)
    }
}

/// `read` on a socket.
pub(super) fn read(i: u16, buf: &mut [u8]) -> Result<usize> {
    hooks().ok_or(Errno::EBADF).and_then(|h| (h.read)(i, buf))
}

/// `write` on a socket.
pub(super) fn write(i: u16, buf: &[u8]) -> Result<usize> {
    hooks().ok_or(Errno::EBADF).and_then(|h| (h.write)(i, buf))
}

fn sock_close(i: u16) {
    let s = load(i);
    store(i, FREE);
    release(&s);
}

fn sock_read(i: u16, buf: &mut [u8]) -> Result<usize> {
    let bufs = [IoSlice {
        base: buf.as_mut_ptr(),
        len: buf.len(),
    }];
    recv_sock(i, load(i), &bufs, RecvFlags::default()).map(|r| r.len)
}

fn sock_write(i: u16, buf: &[u8]) -> Result<usize> {
    let bufs = [IoSlice {
        base: buf.as_ptr() as *mut u8,
        len: buf.len(),
    }];
    send_sock(i, load(i), &bufs, None, false)
}

/// The instance's `network` handle, fetched once.
static NETWORK: Single<i32> = Single::new(0);

fn network() -> i32 {
    let mut n = NETWORK.load();
    if n == 0 {
        // SAFETY: plain import returning an owned handle, kept forever.
        n = unsafe { wasi::network::instance_network() };
        NETWORK.store(n);
    }
    n
}

/// Maps `wasi:sockets/network.error-code` (by its position) to errno.
/// Operations refine a few codes where POSIX is more specific.
pub(crate) fn error_code(code: u8) -> Errno {
    const MAP: [Errno; 21] = [
        Errno::EIO,           // unknown
        Errno::EACCES,        // access-denied
        Errno::EOPNOTSUPP,    // not-supported
        Errno::EINVAL,        // invalid-argument
        Errno::ENOMEM,        // out-of-memory
        Errno::ETIMEDOUT,     // timeout
        Errno::EALREADY,      // concurrency-conflict
        Errno::EINVAL,        // not-in-progress
        Errno::EAGAIN,        // would-block
        Errno::EINVAL,        // invalid-state
        Errno::EMFILE,        // new-socket-limit
        Errno::EADDRNOTAVAIL, // address-not-bindable
        Errno::EADDRINUSE,    // address-in-use
        Errno::EHOSTUNREACH,  // remote-unreachable
        Errno::ECONNREFUSED,  // connection-refused
        Errno::ECONNRESET,    // connection-reset
        Errno::ECONNABORTED,  // connection-aborted
        Errno::EMSGSIZE,      // datagram-too-large
        Errno::ENOENT,        // name-unresolvable (EAI_NONAME)
        Errno::EAGAIN,        // temporary-resolver-failure (EAI_AGAIN)
        Errno::EIO,           // permanent-resolver-failure (EAI_FAIL)
    ];
    MAP.get(code as usize).copied().unwrap_or(Errno::EIO)
}

const WOULD_BLOCK: u8 = 8;
const INVALID_STATE: u8 = 9;

/// `result<_, error-code>` in `ret`: `Ok`, or the raw code.
fn unit_result<const N: usize>(ret: &Ret<N>) -> core::result::Result<(), u8> {
    if ret.u8(0) == 0 {
        Ok(())
    } else {
        Err(ret.u8(1))
    }
}

/// The 12 flat values of an `ip-socket-address` parameter.
fn flat(a: &SockAddr) -> [i32; 12] {
    match *a {
        SockAddr::V4 { addr, port } => [
            0,
            port as i32,
            addr[0] as i32,
            addr[1] as i32,
            addr[2] as i32,
            addr[3] as i32,
            0,
            0,
            0,
            0,
            0,
            0,
        ],
        SockAddr::V6 {
            addr,
            port,
            flow_info,
            scope_id,
        } => [
            1,
            port as i32,
            flow_info as i32,
            addr[0] as i32,
            addr[1] as i32,
            addr[2] as i32,
            addr[3] as i32,
            addr[4] as i32,
            addr[5] as i32,
            addr[6] as i32,
            addr[7] as i32,
            scope_id as i32,
        ],
    }
}

/// Reads an `ip-socket-address` stored at `p` (layout in `wasi.rs`).
///
/// # Safety
/// `p` must be valid for 32 bytes of reads and 4-aligned.
unsafe fn read_addr(p: *const u8) -> SockAddr {
    // SAFETY: caller contract; every field is read at its own alignment.
    unsafe {
        let port = *(p.add(4) as *const u16);
        if *p == 0 {
            SockAddr::V4 {
                addr: *(p.add(6) as *const [u8; 4]),
                port,
            }
        } else {
            let g = p.add(12) as *const u16;
            let mut addr = [0u16; 8];
            for (k, v) in addr.iter_mut().enumerate() {
                *v = *g.add(k);
            }
            SockAddr::V6 {
                addr,
                port,
                flow_info: *(p.add(8) as *const u32),
                scope_id: *(p.add(28) as *const u32),
            }
        }
    }
}

/// Writes an `ip-socket-address` at `p`.
///
/// # Safety
/// `p` must be valid for 32 bytes of writes and 4-aligned.
unsafe fn write_addr(p: *mut u8, a: &SockAddr) {
    // SAFETY: caller contract.
    unsafe {
        core::ptr::write_bytes(p, 0, 32);
        match *a {
            SockAddr::V4 { addr, port } => {
                *p = 0;
                *(p.add(4) as *mut u16) = port;
                *(p.add(6) as *mut [u8; 4]) = addr;
            }
            SockAddr::V6 {
                addr,
                port,
                flow_info,
                scope_id,
            } => {
                *p = 1;
                *(p.add(4) as *mut u16) = port;
                *(p.add(8) as *mut u32) = flow_info;
                let g = p.add(12) as *mut u16;
                for (k, v) in addr.iter().enumerate() {
                    *g.add(k) = *v;
                }
                *(p.add(28) as *mut u32) = scope_id;
            }
        }
    }
}

/// Drops the `error` of a `stream-error` at `ret[off..]` if there is one;
/// `closed` is `EPIPE`, a failure `ECONNRESET` (the only failures a
/// connection's streams report).
fn drop_stream_error<const N: usize>(ret: &Ret<N>, off: usize) -> Errno {
    if ret.u8(0) == 0 {
        return Errno::SUCCESS;
    }
    if ret.u8(off) == 0 {
        // SAFETY: an error handle the host just gave us.
        unsafe { wasi::streams::drop_error(ret.u32(off + 4) as i32) };
        Errno::ECONNRESET
    } else {
        Errno::EPIPE
    }
}

/// Blocks on `p` and drops it.
fn block_on(p: i32) {
    // SAFETY: a pollable we own.
    unsafe {
        wasi::poll::block(p);
        wasi::poll::drop_pollable(p);
    }
}

/// Waits for `p` (dropped afterwards) for at most `timeout` ns (0 = no
/// limit): `EAGAIN` on timeout (what `SO_RCVTIMEO` expiry returns).
fn wait(p: i32, timeout: u64) -> Result<()> {
    if timeout == 0 {
        block_on(p);
        return Ok(());
    }
    // SAFETY: plain import returning an owned pollable.
    let t = unsafe { wasi::poll::subscribe_duration(timeout) };
    let list = [p, t];
    let mut ready = [0u32; 2];
    let n = poll_list(&list, &mut ready);
    // SAFETY: pollables we own, no longer borrowed.
    unsafe {
        wasi::poll::drop_pollable(p);
        wasi::poll::drop_pollable(t);
    }
    if ready[..n].contains(&0) {
        Ok(())
    } else {
        Err(Errno::EAGAIN)
    }
}

/// `wasi:io/poll.poll` with the result list received in `out` (through the
/// slot); returns how many indices were written.
fn poll_list(list: &[i32], out: &mut [u32]) -> usize {
    let mut ret = Ret::<8>::new();
    let (p, cap) = (out.as_mut_ptr() as *mut u8, out.len() * 4);
    // SAFETY: `out` is valid and 4-aligned for `cap` (> 0) bytes during the
    // call; the host writes the `list<u32>` there through the slot, or into
    // an allocation `land` copies from and frees.
    unsafe {
        slot::with_parked(p, cap, || {
            wasi::poll::poll(list.as_ptr(), list.len(), ret.ptr())
        })
    };
    // SAFETY: the host wrote a list allocated during the call.
    // A count whose byte size overflows is a lie: `land` rejects it (EIO).
    let bytes = (ret.u32(4) as usize).saturating_mul(4);
    match unsafe { slot::land(p, cap, ret.u32(0) as *mut u8, bytes) } {
        Ok(bytes) => bytes / 4,
        // More indices than pollables cannot happen; report none ready.
        Err(_) => 0,
    }
}

fn subscribe_sock(s: &Sock) -> i32 {
    // SAFETY: a socket handle we own; the pollable is ours to drop.
    unsafe {
        match s.ty {
            SockType::Stream => wasi::tcp::subscribe(s.h),
            SockType::Dgram => wasi::udp::subscribe(s.h),
        }
    }
}

/// Runs a `start-X`/`finish-X` pair's finishing half until it stops saying
/// `would-block` (blocking on the socket's pollable in between).
fn finish(s: &Sock, f: unsafe extern "C" fn(i32, *mut u8)) -> core::result::Result<(), u8> {
    loop {
        let mut ret = Ret::<8>::new();
        // SAFETY: a handle we own; ret has room for result<_, error-code>.
        unsafe { f(s.h, ret.ptr()) };
        match unit_result(&ret) {
            Err(WOULD_BLOCK) => block_on(subscribe_sock(s)),
            r => return r,
        }
    }
}

/// Binds `s` (and creates a UDP socket's unconnected streams).
fn do_bind(i: u16, mut s: Sock, addr: &SockAddr) -> Result<Sock> {
    if addr.family() != s.family {
        return Err(Errno::EAFNOSUPPORT);
    }
    if s.state != State::Unbound {
        return Err(Errno::EINVAL);
    }
    let a = flat(addr);
    let mut ret = Ret::<8>::new();
    // SAFETY: handles we own; ret has room for result<_, error-code>.
    unsafe {
        let f = match s.ty {
            SockType::Stream => wasi::tcp::start_bind,
            SockType::Dgram => wasi::udp::start_bind,
        };
        f(
            s.h,
            network(),
            a[0],
            a[1],
            a[2],
            a[3],
            a[4],
            a[5],
            a[6],
            a[7],
            a[8],
            a[9],
            a[10],
            a[11],
            ret.ptr(),
        )
    };
    unit_result(&ret).map_err(error_code)?;
    let fin = match s.ty {
        SockType::Stream => wasi::tcp::finish_bind,
        SockType::Dgram => wasi::udp::finish_bind,
    };
    finish(&s, fin).map_err(error_code)?;
    s.state = State::Bound;
    if s.ty == SockType::Dgram {
        s = udp_streams(s, None)?;
    }
    store(i, s);
    Ok(s)
}

/// (Re)creates a bound UDP socket's streams, connected to `peer` or not.
fn udp_streams(mut s: Sock, peer: Option<&SockAddr>) -> Result<Sock> {
    drop_udp_streams(&s);
    s.rx = 0;
    s.tx = 0;
    s.peer = None;
    let a = peer.map(flat).unwrap_or([0; 12]);
    let mut ret = Ret::<12>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe {
        wasi::udp::stream(
            s.h,
            peer.is_some() as i32,
            a[0],
            a[1],
            a[2],
            a[3],
            a[4],
            a[5],
            a[6],
            a[7],
            a[8],
            a[9],
            a[10],
            a[11],
            ret.ptr(),
        )
    };
    if ret.u8(0) != 0 {
        return Err(error_code(ret.u8(4)));
    }
    s.rx = ret.u32(4) as i32;
    s.tx = ret.u32(8) as i32;
    s.peer = peer.copied();
    Ok(s)
}

/// Binds an unbound socket to the unspecified address (what POSIX does
/// implicitly on `listen`, `sendto` and a UDP `connect`).
fn ensure_bound(i: u16, s: Sock) -> Result<Sock> {
    if s.state == State::Unbound {
        do_bind(i, s, &SockAddr::unspecified(s.family))
    } else {
        Ok(s)
    }
}

/// Reads from a connection's input stream into `buf` (non-empty) through
/// the slot. `Ok(0)` is end of stream.
fn tcp_read(rx: i32, buf: &mut [u8], nonblock: bool, timeout: u64) -> Result<usize> {
    let (p, cap) = (buf.as_mut_ptr(), buf.len());
    loop {
        if !nonblock && timeout != 0 {
            // SAFETY: a stream we own; the pollable is dropped by `wait`.
            wait(unsafe { wasi::streams::subscribe_input(rx) }, timeout)?;
        }
        let blocking = !nonblock && timeout == 0;
        let mut ret = Ret::<12>::new();
        // SAFETY: buf is valid for cap (> 0) bytes during the call; the
        // host writes the list through the slot (see `slot`).
        unsafe {
            slot::with_parked(p, cap, || {
                if blocking {
                    wasi::streams::blocking_read(rx, cap as i64, ret.ptr())
                } else {
                    wasi::streams::read(rx, cap as i64, ret.ptr())
                }
            })
        };
        if ret.u8(0) != 0 {
            return match drop_stream_error(&ret, 4) {
                Errno::EPIPE => Ok(0), // closed: end of stream
                e => Err(e),
            };
        }
        // SAFETY: the host wrote a list allocated during the call.
        let n = unsafe { slot::land(p, cap, ret.u32(4) as *mut u8, ret.u32(8) as usize) }?;
        if n > 0 {
            return Ok(n);
        }
        if nonblock {
            return Err(Errno::EAGAIN);
        }
    }
}

/// Writes `data` to a connection's output stream: all of it when blocking,
/// as much as the host accepts now when not (`EAGAIN` if nothing).
fn tcp_write(tx: i32, data: &[u8], nonblock: bool, timeout: u64) -> Result<usize> {
    let mut done = 0;
    let partial = |done: usize, e: Errno| if done > 0 { Ok(done) } else { Err(e) };
    while done < data.len() {
        let mut ret = Ret::<16>::new();
        // SAFETY: a stream we own; ret has room for result<u64, stream-error>.
        unsafe { wasi::streams::check_write(tx, ret.ptr()) };
        if ret.u8(0) != 0 {
            return partial(done, drop_stream_error(&ret, 8));
        }
        let permit = ret.u64(8);
        if permit == 0 {
            if nonblock {
                return partial(done, Errno::EAGAIN);
            }
            // SAFETY: a stream we own; `wait` drops the pollable.
            if let Err(e) = wait(unsafe { wasi::streams::subscribe_output(tx) }, timeout) {
                return partial(done, e);
            }
            continue;
        }
        let n = (data.len() - done).min(permit.min(usize::MAX as u64) as usize);
        let mut ret = Ret::<12>::new();
        // SAFETY: data[done..done + n] is valid for reads.
        unsafe { wasi::streams::write(tx, data.as_ptr().add(done), n, ret.ptr()) };
        if ret.u8(0) != 0 {
            return partial(done, drop_stream_error(&ret, 4));
        }
        done += n;
    }
    Ok(done)
}

/// A 4-aligned area for a one-element `list<incoming-datagram>` spine.
#[repr(C, align(8))]
struct Spine([u8; 40]);

fn udp_recv(s: &Sock, bufs: &[IoSlice], nonblock: bool) -> Result<Received> {
    if s.rx == 0 {
        // Not bound: nothing can ever arrive.
        return Err(if nonblock {
            Errno::EAGAIN
        } else {
            Errno::ENOTCONN
        });
    }
    let first = bufs.iter().find(|b| b.len > 0);
    let (bp, bcap) = first.map_or((core::ptr::null_mut(), 0), |b| (b.base, b.len));
    let total: usize = bufs.iter().map(|b| b.len).sum();
    loop {
        if !nonblock && s.rcv_timeo != 0 {
            // SAFETY: a stream we own; `wait` drops the pollable.
            wait(unsafe { wasi::udp::subscribe_incoming(s.rx) }, s.rcv_timeo)?;
        }
        let mut spine = Spine([0; 40]);
        let sp = spine.0.as_mut_ptr();
        let mut ret = Ret::<12>::new();
        // SAFETY: the caller's buffer (bp, bcap) and `spine` are valid,
        // distinct and live for the call (rule 6 of `slot`).
        unsafe {
            slot::with_parked_split(bp, bcap, sp, 40, || wasi::udp::receive(s.rx, 1, ret.ptr()))
        };
        if ret.u8(0) != 0 {
            return Err(error_code(ret.u8(4)));
        }
        let list = ret.u32(4) as *mut u8;
        let count = ret.u32(8) as usize;
        if count == 0 {
            if nonblock {
                return Err(Errno::EAGAIN);
            }
            if s.rcv_timeo == 0 {
                // SAFETY: a stream we own; `block_on` drops the pollable.
                block_on(unsafe { wasi::udp::subscribe_incoming(s.rx) });
            }
            continue;
        }
        // Rule 7 of `slot`: we asked for one datagram; the spine must be
        // the spine buffer or a block handed out during the call. A lie is
        // EIO and nothing is read or freed (the slot frees unclaimed blocks).
        let spine_ours = list == sp || slot::claim(sp, list, 40);
        if count > 1 || !spine_ours {
            if spine_ours && list != sp {
                // SAFETY: claimed: a block of ours.
                unsafe { slot::free_block(list, 40) };
            }
            return Err(Errno::EIO);
        }
        // SAFETY: the spine holds one 40-byte record (checked above).
        let (dp, dl, from) = unsafe {
            (
                *(list as *const u32) as *mut u8,
                *(list.add(4) as *const u32) as usize,
                read_addr(list.add(8)),
            )
        };
        if list != sp {
            // SAFETY: claimed above; the record has been read.
            unsafe { slot::free_block(list, 40) };
        }
        let in_buf = dp == bp && !bp.is_null();
        if !in_buf && dl > 0 && !slot::claim(sp, dp, dl) {
            return Err(Errno::EIO);
        }
        let landed = land_datagram(bufs, bp, bcap, total, dp, dl);
        if !in_buf {
            // SAFETY: claimed above (or empty): a payload of ours.
            unsafe { slot::free_block(dp, dl) };
        }
        let (len, truncated) = landed.ok_or(Errno::EIO)?;
        return Ok(Received {
            from: Some(from),
            len,
            truncated,
        });
    }
}

/// Takes the first datagram's payload `(dp, dl)` into the caller's buffers
/// (`bp[..bcap]` is the first non-empty one, `total` their sum): the length
/// and whether it was truncated, or `None` when the host lied (rule 5 of
/// `slot`: a payload in the caller's buffer longer than the buffer the slot
/// handed out is `EIO`, and nothing is copied).
fn land_datagram(
    bufs: &[IoSlice],
    bp: *mut u8,
    bcap: usize,
    total: usize,
    dp: *mut u8,
    dl: usize,
) -> Option<(usize, bool)> {
    if dp == bp && !bp.is_null() {
        // Landed in the caller's buffer: the slot handed it out for at most
        // `bcap` bytes, so a longer length is a lie.
        return (dl <= bcap).then_some((dl, false));
    }
    let len = dl.min(total);
    scatter(bufs, dp, len);
    Some((len, dl > total))
}

/// Copies `len` bytes from `src` over `bufs` in order (counted as a copy).
fn scatter(bufs: &[IoSlice], src: *const u8, len: usize) {
    let mut off = 0;
    for b in bufs {
        if off == len {
            break;
        }
        let n = b.len.min(len - off);
        // SAFETY: `src` holds `len` bytes; each buffer is valid for its length.
        unsafe { core::ptr::copy_nonoverlapping(src.add(off), b.base, n) };
        off += n;
    }
    if len > 0 {
        stats::update(|s| {
            s.guest_copies += 1;
            s.guest_copy_bytes = s.guest_copy_bytes.wrapping_add(len as u32);
        });
    }
}

fn udp_send(
    i: u16,
    s: Sock,
    bufs: &[IoSlice],
    to: Option<&SockAddr>,
    nonblock: bool,
) -> Result<usize> {
    if let Some(a) = to {
        if a.family() != s.family {
            return Err(Errno::EAFNOSUPPORT);
        }
        if s.peer.is_some_and(|p| p != *a) {
            return Err(Errno::EISCONN);
        }
    } else if s.peer.is_none() {
        return Err(Errno::EDESTADDRREQ);
    }
    let s = ensure_bound(i, s)?;
    // One contiguous payload: the caller's buffer itself when there is only
    // one, else gathered into a heap copy.
    let parts = bufs.iter().filter(|b| b.len > 0).count();
    let total: usize = bufs.iter().map(|b| b.len).sum();
    let (data, heap) = if parts <= 1 {
        let b = bufs.iter().find(|b| b.len > 0);
        (
            b.map_or(
                core::ptr::NonNull::<u8>::dangling().as_ptr() as *const u8,
                |b| b.base as *const u8,
            ),
            false,
        )
    } else {
        let h = crate::heap_alloc(total, 1);
        if h.is_null() {
            return Err(Errno::ENOMEM);
        }
        let mut off = 0;
        for b in bufs {
            // SAFETY: h has `total` bytes; each buffer is valid for its length.
            unsafe { core::ptr::copy_nonoverlapping(b.base, h.add(off), b.len) };
            off += b.len;
        }
        (h as *const u8, true)
    };
    let r = udp_send_one(
        &s,
        data,
        total,
        if s.peer.is_some() { None } else { to },
        nonblock,
    );
    if heap {
        // SAFETY: allocated above with heap_alloc.
        unsafe { slot::free_block(data as *mut u8, total) };
    }
    r
}

fn udp_send_one(
    s: &Sock,
    data: *const u8,
    len: usize,
    to: Option<&SockAddr>,
    nonblock: bool,
) -> Result<usize> {
    loop {
        let mut ret = Ret::<16>::new();
        // SAFETY: a stream we own; ret has room for result<u64, error-code>.
        unsafe { wasi::udp::check_send(s.tx, ret.ptr()) };
        if ret.u8(0) != 0 {
            return Err(error_code(ret.u8(8)));
        }
        if ret.u64(8) == 0 {
            if nonblock {
                return Err(Errno::EAGAIN);
            }
            // SAFETY: a stream we own; `wait` drops the pollable.
            wait(unsafe { wasi::udp::subscribe_outgoing(s.tx) }, s.snd_timeo)?;
            continue;
        }
        // outgoing-datagram: [0] ptr, [4] len, [8] option tag, [12] address.
        let mut dg = Ret::<48>::new();
        let p = dg.ptr();
        // SAFETY: dg is 8-aligned and 48 bytes long.
        unsafe {
            *(p as *mut u32) = data as u32;
            *(p.add(4) as *mut u32) = len as u32;
            if let Some(a) = to {
                *p.add(8) = 1;
                write_addr(p.add(12), a);
            }
        }
        let mut ret = Ret::<16>::new();
        // SAFETY: one datagram record whose payload is valid for `len` bytes.
        unsafe { wasi::udp::send(s.tx, p, 1, ret.ptr()) };
        if ret.u8(0) != 0 {
            return Err(error_code(ret.u8(8)));
        }
        if ret.u64(8) == 1 {
            return Ok(len);
        }
        if nonblock {
            return Err(Errno::EAGAIN);
        }
    }
}

/// A stream socket's state for an operation that needs a connection: a
/// pending non-blocking connect is settled first if the host has finished
/// it; still connecting is `EAGAIN`; a failed connect reports its error
/// once (then `ENOTCONN`), like Linux.
fn connected(i: u16, s: Sock) -> Result<Sock> {
    let s = if s.state == State::Connecting && settle_connect(i, s) {
        load(i)
    } else {
        s
    };
    match s.state {
        State::Connected => Ok(s),
        State::Connecting => Err(Errno::EAGAIN),
        State::Failed if s.error != Errno::SUCCESS => {
            store(
                i,
                Sock {
                    error: Errno::SUCCESS,
                    ..s
                },
            );
            Err(s.error)
        }
        _ => Err(Errno::ENOTCONN),
    }
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

/// One `accept` call: the new connection's handles, or the error code.
fn try_accept(s: &Sock) -> core::result::Result<[i32; 3], u8> {
    let mut ret = Ret::<16>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe { wasi::tcp::accept(s.h, ret.ptr()) };
    if ret.u8(0) == 0 {
        Ok([ret.u32(4) as i32, ret.u32(8) as i32, ret.u32(12) as i32])
    } else {
        Err(ret.u8(4))
    }
}

/// Confirms that a listener whose pollable is ready has a connection (the
/// same cached-readiness issue as [`probe`]: after an `accept` that did not
/// hit would-block, the pollable stays ready): accepts it and keeps it in
/// `pend` for the next `accept`. An error other than would-block also
/// counts as ready (`accept` will report it).
fn probe_accept(i: u16) -> bool {
    let mut s = load(i);
    if s.pend[0] != 0 {
        return true;
    }
    match try_accept(&s) {
        Ok(p) => {
            s.pend = p;
            store(i, s);
            true
        }
        Err(WOULD_BLOCK) => false,
        Err(_) => true,
    }
}

/// Confirms that a TCP socket whose input stream's pollable is ready really
/// has data: wasmtime keeps a stream "ready" until a read hits would-block,
/// so after a receive that did not drain the socket the pollable can be
/// ready with nothing to read, and a blocking `recv` after `poll` would
/// hang. One non-blocking 1-byte read settles it: a byte is kept in `ahead`
/// for the next receive; end of stream or an error is kept too (readable);
/// nothing means "not ready" (and the host's readiness is now cleared).
fn probe(i: u16) -> bool {
    let mut s = load(i);
    if s.ahead >= 0 || s.eof {
        return true;
    }
    let mut b = [0u8; 1];
    match tcp_read(s.rx, &mut b, true, 0) {
        Ok(1) => s.ahead = b[0] as i16,
        Ok(_) => s.eof = true,
        Err(Errno::EAGAIN) => return false,
        Err(e) => {
            s.eof = true;
            s.error = e;
        }
    }
    store(i, s);
    true
}

/// Completes a pending non-blocking connect if the host has finished it:
/// `true` once settled (connected or failed, the error kept for SO_ERROR).
fn settle_connect(i: u16, mut s: Sock) -> bool {
    let mut ret = Ret::<12>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe { wasi::tcp::finish_connect(s.h, ret.ptr()) };
    if ret.u8(0) == 0 {
        s.rx = ret.u32(4) as i32;
        s.tx = ret.u32(8) as i32;
        s.state = State::Connected;
    } else if ret.u8(4) == WOULD_BLOCK {
        return false;
    } else {
        s.state = State::Failed;
        s.error = error_code(ret.u8(4));
    }
    store(i, s);
    true
}

fn connect_tcp(i: u16, mut s: Sock, addr: &SockAddr) -> Result<()> {
    match s.state {
        State::Connecting => return Err(Errno::EALREADY),
        State::Connected => return Err(Errno::EISCONN),
        State::Listening => return Err(Errno::EINVAL),
        _ => {}
    }
    let a = flat(addr);
    let mut ret = Ret::<8>::new();
    // SAFETY: handles we own; ret has room for result<_, error-code>.
    unsafe {
        wasi::tcp::start_connect(
            s.h,
            network(),
            a[0],
            a[1],
            a[2],
            a[3],
            a[4],
            a[5],
            a[6],
            a[7],
            a[8],
            a[9],
            a[10],
            a[11],
            ret.ptr(),
        )
    };
    if let Err(code) = unit_result(&ret) {
        return Err(match code {
            INVALID_STATE if s.state == State::Failed => Errno::ECONNABORTED,
            c => error_code(c),
        });
    }
    s.state = State::Connecting;
    store(i, s);
    loop {
        if settle_connect(i, s) {
            let s = load(i);
            return if s.state == State::Connected {
                Ok(())
            } else {
                let e = s.error;
                store(
                    i,
                    Sock {
                        error: Errno::SUCCESS,
                        ..s
                    },
                );
                Err(e)
            };
        }
        if s.nonblocking {
            return Err(Errno::EINPROGRESS);
        }
        block_on(subscribe_sock(&s));
    }
}

impl PalNet for super::Sys {
    fn socket(family: Family, ty: SockType, nonblocking: bool) -> Result<i32> {
        let af = match family {
            Family::Inet => 0,
            Family::Inet6 => 1,
        };
        let mut ret = Ret::<8>::new();
        // SAFETY: ret has room for result<own<socket>, error-code>.
        unsafe {
            match ty {
                SockType::Stream => wasi::create::create_tcp_socket(af, ret.ptr()),
                SockType::Dgram => wasi::create::create_udp_socket(af, ret.ptr()),
            }
        }
        if ret.u8(0) != 0 {
            return Err(error_code(ret.u8(4)));
        }
        set_hooks();
        install(Sock {
            used: true,
            family,
            ty,
            nonblocking,
            h: ret.u32(4) as i32,
            ..FREE
        })
    }

    fn bind(fd: i32, addr: &SockAddr) -> Result<()> {
        let (i, s) = sock(fd)?;
        do_bind(i, s, addr).map(|_| ())
    }

    fn listen(fd: i32, backlog: u32) -> Result<()> {
        let (i, s) = sock(fd)?;
        if s.ty != SockType::Stream {
            return Err(Errno::EOPNOTSUPP);
        }
        match s.state {
            State::Unbound | State::Bound | State::Listening => {}
            _ => return Err(Errno::EINVAL),
        }
        let mut s = ensure_bound(i, s)?;
        let mut ret = Ret::<8>::new();
        // SAFETY: a handle we own. A host that cannot change the backlog
        // keeps its default: not an error for POSIX.
        unsafe { wasi::tcp::set_listen_backlog_size(s.h, backlog.max(1) as i64, ret.ptr()) };
        if s.state == State::Listening {
            return Ok(());
        }
        // SAFETY: as above.
        unsafe { wasi::tcp::start_listen(s.h, ret.ptr()) };
        unit_result(&ret).map_err(error_code)?;
        finish(&s, wasi::tcp::finish_listen).map_err(error_code)?;
        s.state = State::Listening;
        store(i, s);
        Ok(())
    }

    fn accept(fd: i32, nonblocking: bool) -> Result<(i32, Option<SockAddr>)> {
        let (i, mut s) = sock(fd)?;
        if s.ty != SockType::Stream {
            return Err(Errno::EOPNOTSUPP);
        }
        if s.state != State::Listening {
            return Err(Errno::EINVAL);
        }
        loop {
            let r = if s.pend[0] != 0 {
                let p = s.pend;
                s.pend = [0; 3];
                store(i, s);
                Ok(p)
            } else {
                try_accept(&s)
            };
            match r {
                Ok([h, rx, tx]) => {
                    let mut a = Ret::<36>::new();
                    // SAFETY: the new socket's handle; a has room for the result.
                    unsafe { wasi::tcp::remote_address(h, a.ptr()) };
                    // SAFETY: on success the address is at [4].
                    let peer = (a.u8(0) == 0).then(|| unsafe { read_addr(a.ptr().add(4)) });
                    let fd = install(Sock {
                        used: true,
                        family: s.family,
                        ty: SockType::Stream,
                        nonblocking,
                        state: State::Connected,
                        h,
                        rx,
                        tx,
                        ..FREE
                    })?;
                    return Ok((fd, peer));
                }
                Err(WOULD_BLOCK) if s.nonblocking => return Err(Errno::EAGAIN),
                Err(WOULD_BLOCK) => wait(subscribe_sock(&s), s.rcv_timeo)?,
                Err(code) => return Err(error_code(code)),
            }
        }
    }

    fn connect(fd: i32, addr: &SockAddr) -> Result<()> {
        let (i, s) = sock(fd)?;
        if addr.family() != s.family {
            return Err(Errno::EAFNOSUPPORT);
        }
        match s.ty {
            SockType::Stream => connect_tcp(i, s, addr),
            SockType::Dgram => {
                let s = ensure_bound(i, s)?;
                let s = udp_streams(s, Some(addr));
                // Whatever happened, the table must not keep dropped handles.
                let s = match s {
                    Ok(s) => s,
                    Err(e) => {
                        let mut old = load(i);
                        old.rx = 0;
                        old.tx = 0;
                        old.peer = None;
                        store(i, old);
                        // Restore unconnected streams so the socket stays usable.
                        if let Ok(s) = udp_streams(old, None) {
                            store(i, s);
                        }
                        return Err(e);
                    }
                };
                store(i, s);
                Ok(())
            }
        }
    }

    fn recv(fd: i32, bufs: &[IoSlice], flags: RecvFlags) -> Result<Received> {
        let (i, s) = sock(fd)?;
        recv_sock(i, s, bufs, flags)
    }

    fn send(fd: i32, bufs: &[IoSlice], to: Option<&SockAddr>, dont_wait: bool) -> Result<usize> {
        let (i, s) = sock(fd)?;
        send_sock(i, s, bufs, to, dont_wait)
    }

    fn shutdown(fd: i32, how: Shutdown) -> Result<()> {
        let (i, mut s) = sock(fd)?;
        let connected = match s.ty {
            SockType::Stream => s.state == State::Connected,
            SockType::Dgram => s.peer.is_some(),
        };
        if !connected {
            return Err(Errno::ENOTCONN);
        }
        let (rd, wr) = match how {
            Shutdown::Read => (true, false),
            Shutdown::Write => (false, true),
            Shutdown::Both => (true, true),
        };
        if s.ty == SockType::Stream {
            let mut ret = Ret::<12>::new();
            if wr {
                // SAFETY: a stream we own: push out what is buffered first.
                unsafe { wasi::streams::blocking_flush(s.tx, ret.ptr()) };
                drop_stream_error(&ret, 4);
            }
            let t = match how {
                Shutdown::Read => 0,
                Shutdown::Write => 1,
                Shutdown::Both => 2,
            };
            // SAFETY: a handle we own; ret has room for result<_, error-code>.
            unsafe { wasi::tcp::shutdown(s.h, t, ret.ptr()) };
            unit_result(&ret).map_err(|c| match c {
                INVALID_STATE => Errno::ENOTCONN,
                c => error_code(c),
            })?;
        }
        s.shut_rd |= rd;
        s.shut_wr |= wr;
        store(i, s);
        Ok(())
    }

    fn local_addr(fd: i32) -> Result<SockAddr> {
        let (_, s) = sock(fd)?;
        if s.state == State::Unbound {
            return Ok(SockAddr::unspecified(s.family));
        }
        let mut ret = Ret::<36>::new();
        // SAFETY: a handle we own; ret has room for the result.
        unsafe {
            match s.ty {
                SockType::Stream => wasi::tcp::local_address(s.h, ret.ptr()),
                SockType::Dgram => wasi::udp::local_address(s.h, ret.ptr()),
            }
        }
        if ret.u8(0) != 0 {
            return Err(error_code(ret.u8(4)));
        }
        // SAFETY: on success the address is at [4], 4-aligned.
        Ok(unsafe { read_addr(ret.ptr().add(4)) })
    }

    fn peer_addr(fd: i32) -> Result<SockAddr> {
        let (i, s) = sock(fd)?;
        let s = if s.state == State::Connecting && settle_connect(i, s) {
            load(i)
        } else {
            s
        };
        match s.ty {
            SockType::Dgram => s.peer.ok_or(Errno::ENOTCONN),
            SockType::Stream if s.state != State::Connected => Err(Errno::ENOTCONN),
            SockType::Stream => {
                let mut ret = Ret::<36>::new();
                // SAFETY: a handle we own; ret has room for the result.
                unsafe { wasi::tcp::remote_address(s.h, ret.ptr()) };
                if ret.u8(0) != 0 {
                    return Err(match ret.u8(4) {
                        INVALID_STATE => Errno::ENOTCONN,
                        c => error_code(c),
                    });
                }
                // SAFETY: on success the address is at [4], 4-aligned.
                Ok(unsafe { read_addr(ret.ptr().add(4)) })
            }
        }
    }

    fn get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
        let (i, s) = sock(fd)?;
        let tcp = s.ty == SockType::Stream;
        let mut ret = Ret::<16>::new();
        // Each getter writes result<T, error-code>; T (or the code) is at
        // `off`: 1 for u8/bool, 4 for u32, 8 for u64.
        let get =
            |f: unsafe extern "C" fn(i32, *mut u8), off: usize, ret: &mut Ret<16>| -> Result<u64> {
                // SAFETY: a handle we own; ret has room for the result.
                unsafe { f(s.h, ret.ptr()) };
                if ret.u8(0) != 0 {
                    return Err(error_code(ret.u8(off)));
                }
                Ok(match off {
                    1 => ret.u8(1) as u64,
                    4 => ret.u32(4) as u64,
                    _ => ret.u64(8),
                })
            };
        let v = match opt {
            SockOpt::Type => (s.ty == SockType::Dgram) as i64,
            SockOpt::Error => {
                if s.state == State::Connecting {
                    settle_connect(i, s);
                }
                let s = load(i);
                store(
                    i,
                    Sock {
                        error: Errno::SUCCESS,
                        ..s
                    },
                );
                s.error.0 as i64
            }
            SockOpt::AcceptConn => (s.state == State::Listening) as i64,
            SockOpt::Domain => (s.family == Family::Inet6) as i64,
            SockOpt::ReuseAddr => s.reuse_addr as i64,
            SockOpt::RecvTimeout => s.rcv_timeo as i64,
            SockOpt::SendTimeout => s.snd_timeo as i64,
            SockOpt::Linger => -1,
            SockOpt::TcpNoDelay if tcp => s.no_delay as i64,
            SockOpt::KeepAlive if tcp => get(wasi::tcp::keep_alive_enabled, 1, &mut ret)? as i64,
            SockOpt::TcpKeepIdle if tcp => {
                (get(wasi::tcp::keep_alive_idle_time, 8, &mut ret)? / 1_000_000_000) as i64
            }
            SockOpt::TcpKeepInterval if tcp => {
                (get(wasi::tcp::keep_alive_interval, 8, &mut ret)? / 1_000_000_000) as i64
            }
            SockOpt::TcpKeepCount if tcp => get(wasi::tcp::keep_alive_count, 4, &mut ret)? as i64,
            SockOpt::HopLimit if tcp => get(wasi::tcp::hop_limit, 1, &mut ret)? as i64,
            SockOpt::HopLimit => get(wasi::udp::unicast_hop_limit, 1, &mut ret)? as i64,
            SockOpt::RecvBufSize if tcp => get(wasi::tcp::receive_buffer_size, 8, &mut ret)? as i64,
            SockOpt::RecvBufSize => get(wasi::udp::receive_buffer_size, 8, &mut ret)? as i64,
            SockOpt::SendBufSize if tcp => get(wasi::tcp::send_buffer_size, 8, &mut ret)? as i64,
            SockOpt::SendBufSize => get(wasi::udp::send_buffer_size, 8, &mut ret)? as i64,
            // wasi:sockets 0.2.0 sockets are always IPv6-only.
            SockOpt::V6Only if s.family == Family::Inet6 => 1,
            _ => return Err(Errno::ENOPROTOOPT),
        };
        Ok(v)
    }

    fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
        let (i, mut s) = sock(fd)?;
        let tcp = s.ty == SockType::Stream;
        let set64 = |f: unsafe extern "C" fn(i32, i64, *mut u8), v: i64| -> Result<()> {
            let mut ret = Ret::<8>::new();
            // SAFETY: a handle we own; ret has room for result<_, error-code>.
            unsafe { f(s.h, v, ret.ptr()) };
            unit_result(&ret).map_err(error_code)
        };
        let set32 = |f: unsafe extern "C" fn(i32, i32, *mut u8), v: i32| -> Result<()> {
            let mut ret = Ret::<8>::new();
            // SAFETY: as above.
            unsafe { f(s.h, v, ret.ptr()) };
            unit_result(&ret).map_err(error_code)
        };
        let secs = |v: i64| -> Result<i64> {
            if v < 1 {
                Err(Errno::EINVAL)
            } else {
                Ok(v.saturating_mul(1_000_000_000))
            }
        };
        match opt {
            SockOpt::ReuseAddr => s.reuse_addr = value != 0,
            SockOpt::RecvTimeout if value >= 0 => s.rcv_timeo = value as u64,
            SockOpt::SendTimeout if value >= 0 => s.snd_timeo = value as u64,
            // Accepted and not forwarded (wasi:sockets 0.2.0 has neither).
            SockOpt::Linger => {}
            SockOpt::TcpNoDelay if tcp => s.no_delay = value != 0,
            SockOpt::KeepAlive if tcp => {
                set32(wasi::tcp::set_keep_alive_enabled, (value != 0) as i32)?
            }
            SockOpt::TcpKeepIdle if tcp => {
                set64(wasi::tcp::set_keep_alive_idle_time, secs(value)?)?
            }
            SockOpt::TcpKeepInterval if tcp => {
                set64(wasi::tcp::set_keep_alive_interval, secs(value)?)?
            }
            SockOpt::TcpKeepCount if tcp && value >= 1 => set32(
                wasi::tcp::set_keep_alive_count,
                value.min(u32::MAX as i64) as i32,
            )?,
            SockOpt::HopLimit if (1..=255).contains(&value) => {
                let f = if tcp {
                    wasi::tcp::set_hop_limit
                } else {
                    wasi::udp::set_unicast_hop_limit
                };
                set32(f, value as i32)?
            }
            SockOpt::RecvBufSize | SockOpt::SendBufSize if value >= 1 => {
                let f = match (opt, tcp) {
                    (SockOpt::RecvBufSize, true) => wasi::tcp::set_receive_buffer_size,
                    (SockOpt::RecvBufSize, false) => wasi::udp::set_receive_buffer_size,
                    (_, true) => wasi::tcp::set_send_buffer_size,
                    (_, false) => wasi::udp::set_send_buffer_size,
                };
                set64(f, value)?
            }
            SockOpt::V6Only if s.family == Family::Inet6 => {
                if value == 0 {
                    return Err(Errno::ENOTSUP);
                }
            }
            SockOpt::Type | SockOpt::Error | SockOpt::AcceptConn | SockOpt::Domain => {
                return Err(Errno::ENOPROTOOPT);
            }
            SockOpt::RecvTimeout
            | SockOpt::SendTimeout
            | SockOpt::TcpKeepCount
            | SockOpt::HopLimit
            | SockOpt::RecvBufSize
            | SockOpt::SendBufSize => return Err(Errno::EINVAL),
            _ => return Err(Errno::ENOPROTOOPT),
        }
        store(i, s);
        Ok(())
    }

    fn sock_type(fd: i32) -> Result<SockType> {
        sock(fd).map(|(_, s)| s.ty)
    }

    fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize> {
        // A `string` must be UTF-8, or the host traps in the lowering.
        if core::str::from_utf8(name).is_err() || name.is_empty() {
            return Err(Errno::ENOENT);
        }
        let mut ret = Ret::<8>::new();
        // SAFETY: name is valid UTF-8 for its length; ret has room.
        unsafe { wasi::lookup::resolve_addresses(network(), name.as_ptr(), name.len(), ret.ptr()) };
        if ret.u8(0) != 0 {
            return Err(match ret.u8(4) {
                3 => Errno::ENOENT, // invalid-argument: not a name
                c => error_code(c),
            });
        }
        let st = ret.u32(4) as i32;
        let mut n = 0;
        let r = loop {
            let mut ret = Ret::<24>::new();
            // SAFETY: a stream we own; ret has room for the 22-byte result.
            unsafe { wasi::lookup::resolve_next_address(st, ret.ptr()) };
            if ret.u8(0) != 0 {
                match ret.u8(2) {
                    // SAFETY: a stream we own; `block_on` drops the pollable.
                    WOULD_BLOCK => block_on(unsafe { wasi::lookup::subscribe(st) }),
                    c => break Err(error_code(c)),
                }
                continue;
            }
            if ret.u8(2) == 0 {
                break Ok(n);
            }
            let a = if ret.u8(4) == 0 {
                IpAddr::V4([ret.u8(6), ret.u8(7), ret.u8(8), ret.u8(9)])
            } else {
                let mut g = [0u16; 8];
                for (k, v) in g.iter_mut().enumerate() {
                    *v = u16::from_le_bytes([ret.u8(6 + 2 * k), ret.u8(7 + 2 * k)]);
                }
                IpAddr::V6(g)
            };
            if n < out.len() {
                out[n] = a;
                n += 1;
            }
        };
        // SAFETY: a stream we own.
        unsafe { wasi::lookup::drop_stream(st) };
        match r {
            Ok(0) => Err(Errno::ENOENT),
            r => r,
        }
    }

    fn poll(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
        poll_fds(fds, timeout_ns)
    }

    fn get_status_flags(fd: i32) -> Result<i32> {
        Ok(match entry(fd)? {
            Entry::Socket(i) => O_RDWR | if load(i).nonblocking { O_NONBLOCK } else { 0 },
            Entry::In(_) => O_RDONLY,
            Entry::Out(_) => O_WRONLY,
            Entry::File { mode, .. } => {
                let mut f = 0;
                if mode & super::READ != 0 {
                    f |= O_RDONLY;
                }
                if mode & super::WRITE != 0 {
                    f |= O_WRONLY;
                }
                if mode & super::APPEND != 0 {
                    f |= O_APPEND;
                }
                f
            }
            #[allow(unreachable_patterns)]
            _ => O_RDWR,
        })
    }

    fn set_status_flags(fd: i32, flags: i32) -> Result<()> {
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
}

/// `poll`'s part for a socket: adds its pollables (`add`) or sets events
/// that are ready without waiting. Reached through [`hooks`].
fn poll_add(i: u16, ev: i16, revents: &mut i16, add: &mut dyn FnMut(i32, i16, Kind)) {
    let s = load(i);
    match (s.ty, s.state) {
        (SockType::Stream, State::Listening) if ev & POLLIN != 0 => {
            if s.pend[0] != 0 {
                *revents |= POLLIN;
            } else {
                add(subscribe_sock(&s), POLLIN, Kind::Accept(i))
            }
        }
        (SockType::Stream, State::Listening) => {}
        (SockType::Stream, State::Connecting) => add(subscribe_sock(&s), POLLOUT, Kind::Connect(i)),
        (SockType::Stream, State::Connected) => {
            if ev & POLLIN != 0 {
                if s.shut_rd || s.ahead >= 0 || s.eof {
                    *revents |= POLLIN;
                } else {
                    // SAFETY: a stream we own.
                    add(
                        unsafe { wasi::streams::subscribe_input(s.rx) },
                        POLLIN,
                        Kind::Probe(i),
                    );
                }
            }
            if ev & POLLOUT != 0 {
                if s.shut_wr {
                    *revents |= POLLOUT;
                } else {
                    // SAFETY: a stream we own.
                    add(
                        unsafe { wasi::streams::subscribe_output(s.tx) },
                        POLLOUT,
                        Kind::Plain,
                    );
                }
            }
        }
        (SockType::Stream, State::Failed) => *revents = POLLERR | POLLHUP,
        (SockType::Stream, _) => *revents = POLLHUP | (ev & POLLOUT),
        (SockType::Dgram, _) => {
            if ev & POLLIN != 0 && s.rx != 0 {
                // SAFETY: a stream we own.
                add(
                    unsafe { wasi::udp::subscribe_incoming(s.rx) },
                    POLLIN,
                    Kind::Plain,
                );
            }
            if ev & POLLOUT != 0 {
                if s.tx != 0 {
                    // SAFETY: a stream we own.
                    add(
                        unsafe { wasi::udp::subscribe_outgoing(s.tx) },
                        POLLOUT,
                        Kind::Plain,
                    );
                } else {
                    // Sending would bind first: never blocks.
                    *revents |= POLLOUT;
                }
            }
        }
    }
}

/// `poll`'s part once a socket's pollable is ready: the events to report.
fn poll_ready(kind: Kind, events: i16) -> i16 {
    match kind {
        Kind::Plain => 0,
        Kind::Accept(i) => {
            if probe_accept(i) {
                POLLIN
            } else {
                0
            }
        }
        Kind::Probe(i) => {
            if !probe(i) {
                return 0;
            }
            let s = load(i);
            if s.eof && s.error != Errno::SUCCESS {
                POLLIN | POLLERR
            } else {
                POLLIN
            }
        }
        Kind::Connect(i) => {
            if !settle_connect(i, load(i)) {
                0
            } else if load(i).state == State::Connected {
                events & POLLOUT
            } else {
                POLLOUT | POLLERR | POLLHUP
            }
        }
    }
}

/// What a pollable stands for in a `poll` call.
#[derive(Copy, Clone)]
struct Want {
    /// Index into `fds`.
    k: usize,
    event: i16,
    kind: Kind,
}

#[derive(Copy, Clone)]
enum Kind {
    /// Ready means `event`.
    Plain,
    /// A TCP input stream: ready must be confirmed ([`probe`]).
    Probe(u16),
    /// A listener: ready must be confirmed ([`probe_accept`]).
    Accept(u16),
    /// A pending connect to settle.
    Connect(u16),
}

/// Most pollables one `poll` waits on through stack buffers; more take a
/// heap buffer.
const STACK_POLLABLES: usize = 64;

fn poll_fds(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
    let mut list_stack = [0i32; STACK_POLLABLES + 1];
    let mut want_stack = [Want {
        k: 0,
        event: 0,
        kind: Kind::Plain,
    }; STACK_POLLABLES];
    let mut ready_stack = [0u32; STACK_POLLABLES + 1];
    let need = fds.len() * 2;
    let mut heap = [core::ptr::null_mut::<u8>(); 3];
    let (list, want, ready): (&mut [i32], &mut [Want], &mut [u32]) = if need <= STACK_POLLABLES {
        (&mut list_stack, &mut want_stack, &mut ready_stack)
    } else {
        let l = crate::heap_alloc((need + 1) * 4, 4) as *mut i32;
        let w = crate::heap_alloc(need * core::mem::size_of::<Want>(), 8) as *mut Want;
        let r = crate::heap_alloc((need + 1) * 4, 4) as *mut u32;
        heap = [l as *mut u8, w as *mut u8, r as *mut u8];
        if heap.iter().any(|p| p.is_null()) {
            // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
            unsafe { crate::heap_free_all(&heap) };
            return Err(Errno::ENOMEM);
        }
        // SAFETY: fresh allocations of the right sizes, freed at the end.
        unsafe {
            for x in 0..need {
                w.add(x).write(Want {
                    k: 0,
                    event: 0,
                    kind: Kind::Plain,
                });
            }
            (
                core::slice::from_raw_parts_mut(l, need + 1),
                core::slice::from_raw_parts_mut(w, need),
                core::slice::from_raw_parts_mut(r, need + 1),
            )
        }
    };
    // SAFETY: plain import.
    let deadline = timeout_ns.map(|t| unsafe { wasi::poll::now() }.saturating_add(t));
    let r = loop {
        let (count, settled) = poll_round(fds, list, want, ready, deadline);
        if count > 0 || settled {
            break Ok(count);
        }
        // Every wake-up was spurious (see `probe`): wait again for the rest
        // of the timeout.
    };
    // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
    unsafe { crate::heap_free_all(&heap) };
    r
}

/// One wait: returns how many fds have events, and whether the wait is
/// over even with none (timeout reached).
fn poll_round(
    fds: &mut [PollFd],
    list: &mut [i32],
    want: &mut [Want],
    ready: &mut [u32],
    deadline: Option<u64>,
) -> (usize, bool) {
    let mut n = 0; // pollables
    let mut immediate = 0; // fds ready without waiting
    for (k, f) in fds.iter_mut().enumerate() {
        f.revents = 0;
        if f.fd < 0 {
            continue;
        }
        let ev = f.events;
        let mut add = |p: i32, event: i16, kind: Kind| {
            list[n] = p;
            want[n] = Want { k, event, kind };
            n += 1;
        };
        match entry(f.fd) {
            Err(_) => f.revents = POLLNVAL,
            Ok(Entry::Socket(i)) => match hooks() {
                Some(h) => (h.poll_add)(i, ev, &mut f.revents, &mut add),
                None => f.revents = POLLNVAL,
            },
            Ok(Entry::In(h)) if ev & POLLIN != 0 => {
                // SAFETY: a stream we own.
                add(
                    unsafe { wasi::streams::subscribe_input(h) },
                    POLLIN,
                    Kind::Plain,
                )
            }
            Ok(Entry::Out(h)) if ev & POLLOUT != 0 => {
                // SAFETY: a stream we own.
                add(
                    unsafe { wasi::streams::subscribe_output(h) },
                    POLLOUT,
                    Kind::Plain,
                )
            }
            Ok(Entry::In(_)) | Ok(Entry::Out(_)) => {}
            // Files (and anything else) never block.
            Ok(_) => f.revents = ev & (POLLIN | POLLOUT),
        }
        if f.revents != 0 {
            immediate += 1;
        }
    }
    // Wait: not at all if something is ready already or the time is up;
    // else for the pollables and the timer.
    // SAFETY: plain import.
    let left = deadline.map(|d| d.saturating_sub(unsafe { wasi::poll::now() }));
    let wait_ns = if immediate > 0 { Some(0) } else { left };
    let mut got = 0;
    match wait_ns {
        Some(0) => {
            for (x, &p) in list[..n].iter().enumerate() {
                // SAFETY: a pollable we own.
                if unsafe { wasi::poll::ready(p) } != 0 {
                    ready[got] = x as u32;
                    got += 1;
                }
            }
        }
        t => {
            // SAFETY (both): plain import returning an owned pollable. With
            // no timeout and nothing to wait for, a timer that never fires
            // in practice stands in for the empty list `poll` rejects.
            let timer = match t {
                Some(t) => Some(unsafe { wasi::poll::subscribe_duration(t) }),
                None if n == 0 => Some(unsafe { wasi::poll::subscribe_duration(u64::MAX) }),
                None => None,
            };
            let mut m = n;
            if let Some(t) = timer {
                list[m] = t;
                m += 1;
            }
            got = poll_list(&list[..m], &mut ready[..m]);
            if let Some(t) = timer {
                // SAFETY: the timer we created.
                unsafe { wasi::poll::drop_pollable(t) };
            }
        }
    }
    // The pollables are no longer borrowed: drop them before settling
    // anything (a probe reads from the stream a pollable belongs to).
    for &p in &list[..n] {
        // SAFETY: pollables we own.
        unsafe { wasi::poll::drop_pollable(p) };
    }
    for &x in &ready[..got] {
        let x = x as usize;
        if x >= n {
            continue; // the timer
        }
        let w = want[x];
        let f = &mut fds[w.k];
        match w.kind {
            Kind::Plain => f.revents |= w.event,
            k => {
                if let Some(h) = hooks() {
                    f.revents |= (h.poll_ready)(k, f.events);
                }
            }
        }
    }
    let count = fds.iter().filter(|f| f.revents != 0).count();
    // SAFETY: plain import.
    let now = unsafe { wasi::poll::now() };
    let over = wait_ns == Some(0) || deadline.is_some_and(|d| now >= d);
    (count, over)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bug 1 (issue 12): the host takes 5 bytes of the caller's 8-byte buffer
    /// through the slot (`realloc(0, 0, 1, 5)`) and then reports 105: `recv`
    /// returned 105. Must be `EIO`, nothing touched beyond the buffer.
    #[test]
    fn udp_payload_in_the_callers_buffer_longer_than_it_is_eio() {
        let _g = crate::slot::tests::LOCK
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let mut mem = [0xeeu8; 16];
        let bp = mem.as_mut_ptr();
        let bufs = [IoSlice { base: bp, len: 8 }];
        // The hostile host: the slot hands out the buffer for 5 bytes...
        let got = unsafe {
            crate::slot::with_parked_split(bp, 8, core::ptr::null_mut(), 0, || {
                crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, 5)
            })
        };
        assert_eq!(got, bp);
        // ...then the list says 105 bytes.
        assert_eq!(land_datagram(&bufs, bp, 8, 8, bp, 105), None);
        assert_eq!(land_datagram(&bufs, bp, 8, 8, bp, 9), None);
        assert_eq!(mem, [0xee; 16], "nothing written");
        // Honest lengths still land without a copy.
        assert_eq!(land_datagram(&bufs, bp, 8, 8, bp, 5), Some((5, false)));
        assert_eq!(land_datagram(&bufs, bp, 8, 8, bp, 8), Some((8, false)));
        // A payload elsewhere is truncated to the buffers, as POSIX says.
        let mut big = [1u8; 12];
        assert_eq!(
            land_datagram(&bufs, bp, 8, 8, big.as_mut_ptr(), 12),
            Some((8, true))
        );
        assert_eq!(&mem[..8], &[1; 8]);
        assert_eq!(&mem[8..], &[0xee; 8]);
    }

    #[test]
    fn every_error_code_maps_to_an_errno() {
        for c in 0..21u8 {
            let e = error_code(c);
            assert_ne!(e, Errno::SUCCESS, "code {c}");
            assert!(e.name().is_some(), "code {c}");
        }
        assert_eq!(error_code(14), Errno::ECONNREFUSED);
        assert_eq!(error_code(12), Errno::EADDRINUSE);
        assert_eq!(error_code(WOULD_BLOCK), Errno::EAGAIN);
        assert_eq!(error_code(200), Errno::EIO);
    }

    #[test]
    fn flat_addresses_follow_the_join_of_both_cases() {
        let v4 = SockAddr::V4 {
            addr: [127, 0, 0, 1],
            port: 8080,
        };
        assert_eq!(flat(&v4), [0, 8080, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        let v6 = SockAddr::V6 {
            addr: [0, 0, 0, 0, 0, 0, 0, 1],
            port: 443,
            flow_info: 7,
            scope_id: 9,
        };
        assert_eq!(flat(&v6), [1, 443, 7, 0, 0, 0, 0, 0, 0, 0, 1, 9]);
    }

    #[test]
    fn addresses_round_trip_through_memory() {
        #[repr(C, align(4))]
        struct Buf([u8; 32]);
        let mut b = Buf([0xaa; 32]);
        for a in [
            SockAddr::V4 {
                addr: [10, 1, 2, 3],
                port: 53,
            },
            SockAddr::V6 {
                addr: [0xfe80, 1, 2, 3, 4, 5, 6, 0xffff],
                port: 65535,
                flow_info: 0x1234_5678,
                scope_id: 3,
            },
        ] {
            unsafe { write_addr(b.0.as_mut_ptr(), &a) };
            assert_eq!(unsafe { read_addr(b.0.as_ptr()) }, a);
        }
        // Byte positions per the canonical ABI (ipv4: tag, pad, port, octets).
        unsafe {
            write_addr(
                b.0.as_mut_ptr(),
                &SockAddr::V4 {
                    addr: [1, 2, 3, 4],
                    port: 0x0102,
                },
            )
        };
        assert_eq!(&b.0[..10], &[0, 0, 0, 0, 0x02, 0x01, 1, 2, 3, 4]);
    }
}
