//! TCP: connections' streams, connect, listen, accept, shutdown, and the
//! readiness probes `poll` needs.

use super::super::Ret;
use super::super::abi;
use super::super::abi::io_streams::ret as sr;
use super::super::abi::sockets_tcp::ret as tr;
use super::addr::{AddrRet, addr_result, call_with_addr, flat};
use super::bind::ensure_bound;
use super::error::{
    INVALID_STATE, UnitRet, WOULD_BLOCK, code_at, drop_stream_error, error_code, unit_result,
};
use super::network;
use super::table::{FREE, Sock, State, install, load, sock, store};
use super::wait::{block_on, finish, subscribe_sock, wait};
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::single::Single;
use crate::slot;

/// The return area of `read` and `blocking-read`:
/// `result<list<u8>, stream-error>`.
type ReadRet = Ret<{ sr::input_stream_read::BYTES }>;
const _: () = {
    use sr::{input_stream_blocking_read as b, input_stream_read as r};
    assert!(b::BYTES == r::BYTES && b::OK_PTR == r::OK_PTR);
    assert!(b::OK_LEN == r::OK_LEN && b::ERR == r::ERR);
};

/// The return area of [`recv_fast`]'s import call: a static rather than a
/// stack local, so the inlined receive needs no stack frame and no zeroing.
/// Sound for the reasons `READ_RET` in `p2/mod.rs` gives: one thread; the
/// only guest code the host runs during the call is the realloc, which
/// calls no import and receives nothing; the result is decoded (by
/// [`recv_fast`] or [`recv_finish`]) before any other receive starts.
static RECV_RET: Single<ReadRet> = Single::new(ReadRet::new());

/// The receive fast path: a blocking read of a connection's input stream
/// `rx` into `buf[..cap]` (`cap > 0`) through the slot, for a socket whose
/// [`Sock::fast_rx`] is `rx`. The usual outcome (1 to `cap` bytes in the
/// caller's buffer) is decoded inline; anything else is [`recv_finish`]'s.
/// Same semantics as [`tcp_read`] in blocking mode.
///
/// # Safety
/// `buf` must be valid for writes of `cap` bytes.
#[inline(always)]
pub(super) unsafe fn recv_fast(rx: i32, buf: *mut u8, cap: usize) -> Result<usize> {
    // SAFETY: forwarded contract; the import writes its result to the
    // return area it is given.
    unsafe {
        recv_fast_via(rx, buf, cap, |h, len, ret| {
            abi::io_streams::input_stream_blocking_read(h, len, ret)
        })
    }
}

/// [`recv_fast`] with the import as a parameter (a closure with the shape
/// of `blocking-read` after lowering), so host tests can stand in for the
/// host; inlined with the real import in the library.
///
/// # Safety
/// As [`recv_fast`].
#[inline(always)]
unsafe fn recv_fast_via(
    rx: i32,
    buf: *mut u8,
    cap: usize,
    import: impl Fn(i32, u64, *mut u8),
) -> Result<usize> {
    use sr::input_stream_blocking_read as r;
    loop {
        // SAFETY: see `RECV_RET`: no other reference to it is live.
        let ret = unsafe { &mut *RECV_RET.get() };
        // SAFETY: buf is valid for cap (> 0) bytes during the call (caller
        // contract); the host writes the list through the slot (`slot`).
        unsafe { slot::with_parked(buf, cap, || import(rx, cap as u64, ret.arm())) };
        let len = ret.u32(r::OK_LEN) as usize;
        // In the caller's buffer, 1 to cap bytes (rule 5 of `slot`: the
        // host's length is checked; 0 bytes, not the end, means again).
        if ret.u8(0) == 0 && ret.ptr_at(r::OK_PTR) == buf && len.wrapping_sub(1) < cap {
            return Ok(len);
        }
        match recv_finish(buf, cap) {
            AGAIN => {}
            v => return crate::errno::unpack(v),
        }
    }
}

/// [`recv_finish`]'s answer for "0 bytes and not the end of the stream":
/// block in another read. (No packed result takes it: its errno would be
/// -1.)
const AGAIN: u64 = u64::MAX;

/// The rest of [`recv_fast`], out of line: decodes the result still in
/// [`RECV_RET`] (nothing ran since the call): no result record, a list
/// elsewhere or too long, end of stream, an error, or 0 bytes ([`AGAIN`]).
/// Returns a packed result ([`crate::errno::pack`]).
#[cold]
#[inline(never)]
fn recv_finish(buf: *mut u8, cap: usize) -> u64 {
    use sr::input_stream_blocking_read as r;
    // SAFETY: see `RECV_RET`: no other reference to it is live.
    let ret = unsafe { &*RECV_RET.get() };
    let got = if ret.unwritten() {
        // No result record (rule 8 of `slot`): nothing to decode or free.
        Err(Errno::EIO)
    } else if ret.u8(0) == 0 {
        // SAFETY: the host wrote a list allocated during the call.
        unsafe { slot::land(buf, cap, ret.ptr_at(r::OK_PTR), ret.u32(r::OK_LEN) as usize) }
    } else {
        match drop_stream_error(ret, r::ERR) {
            Errno::EPIPE => Ok(0), // closed: end of stream
            e => Err(e),
        }
    };
    slot::release();
    match got {
        // 0 bytes in a list (not end of stream): nothing yet, read again.
        Ok(0) if ret.u8(0) == 0 => AGAIN,
        r => crate::errno::pack(r),
    }
}

/// Reads from a connection's input stream into `buf` (non-empty) through
/// the slot. `Ok(0)` is end of stream.
pub(super) fn tcp_read(rx: i32, buf: &mut [u8], nonblock: bool, timeout: u64) -> Result<usize> {
    let (p, cap) = (buf.as_mut_ptr(), buf.len());
    loop {
        if !nonblock && timeout != 0 {
            // SAFETY: a stream we own; the pollable is dropped by `wait`.
            wait(
                unsafe { abi::io_streams::input_stream_subscribe(rx) },
                timeout,
            )?;
        }
        let blocking = !nonblock && timeout == 0;
        let mut ret = ReadRet::new();
        // SAFETY: buf is valid for cap (> 0) bytes during the call; the
        // host writes the list through the slot (see `slot`).
        unsafe {
            slot::with_parked(p, cap, || {
                if blocking {
                    abi::io_streams::input_stream_blocking_read(rx, cap as u64, ret.arm())
                } else {
                    abi::io_streams::input_stream_read(rx, cap as u64, ret.arm())
                }
            })
        };
        if ret.u8(0) != 0 {
            return match drop_stream_error(&ret, sr::input_stream_read::ERR) {
                Errno::EPIPE => Ok(0), // closed: end of stream
                e => Err(e),
            };
        }
        // SAFETY: the host wrote a list allocated during the call.
        let n = unsafe {
            slot::land(
                p,
                cap,
                ret.ptr_at(sr::input_stream_read::OK_PTR),
                ret.u32(sr::input_stream_read::OK_LEN) as usize,
            )
        }?;
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
pub(super) fn tcp_write(tx: i32, data: &[u8], nonblock: bool, timeout: u64) -> Result<usize> {
    let mut done = 0;
    let partial = |done: usize, e: Errno| if done > 0 { Ok(done) } else { Err(e) };
    while done < data.len() {
        use sr::output_stream_check_write as cw;
        let mut ret = Ret::<{ cw::BYTES }>::new();
        // SAFETY: a stream we own; ret has room for result<u64, stream-error>.
        unsafe { abi::io_streams::output_stream_check_write(tx, ret.arm()) };
        if ret.u8(0) != 0 {
            return partial(done, drop_stream_error(&ret, cw::ERR));
        }
        let permit = ret.u64(cw::OK);
        if permit == 0 {
            if nonblock {
                return partial(done, Errno::EAGAIN);
            }
            // SAFETY: a stream we own; `wait` drops the pollable.
            if let Err(e) = wait(
                unsafe { abi::io_streams::output_stream_subscribe(tx) },
                timeout,
            ) {
                return partial(done, e);
            }
            continue;
        }
        let n = (data.len() - done).min(permit.min(usize::MAX as u64) as usize);
        let mut ret = Ret::<{ sr::output_stream_write::BYTES }>::new();
        // SAFETY: data[done..done + n] is valid for reads.
        unsafe { abi::io_streams::output_stream_write(tx, data.as_ptr().add(done), n, ret.arm()) };
        if ret.u8(0) != 0 {
            return partial(done, drop_stream_error(&ret, sr::output_stream_write::ERR));
        }
        done += n;
    }
    Ok(done)
}

/// A stream socket's state for an operation that needs a connection: a
/// pending non-blocking connect is settled first if the host has finished
/// it; still connecting is `EAGAIN`; a failed connect reports its error
/// once (then `ENOTCONN`), like Linux.
pub(super) fn connected(i: u16, s: Sock) -> Result<Sock> {
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

/// One `accept` call: the new connection's handles, or the error code.
fn try_accept(s: &Sock) -> core::result::Result<[i32; 3], u8> {
    use tr::tcp_socket_accept as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe { abi::sockets_tcp::tcp_socket_accept(s.h, ret.arm()) };
    if ret.u8(0) == 0 {
        Ok([
            ret.u32(r::OK_T0) as i32,
            ret.u32(r::OK_T1) as i32,
            ret.u32(r::OK_T2) as i32,
        ])
    } else {
        Err(code_at(&ret, r::ERR))
    }
}

/// Confirms that a listener whose pollable is ready has a connection (the
/// same cached-readiness issue as [`probe`]: after an `accept` that did not
/// hit would-block, the pollable stays ready): accepts it and keeps it in
/// `pend` for the next `accept`. An error other than would-block also
/// counts as ready (`accept` will report it).
pub(super) fn probe_accept(i: u16) -> bool {
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
pub(super) fn probe(i: u16) -> bool {
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
pub(super) fn settle_connect(i: u16, mut s: Sock) -> bool {
    use tr::tcp_socket_finish_connect as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe { abi::sockets_tcp::tcp_socket_finish_connect(s.h, ret.arm()) };
    if ret.u8(0) == 0 {
        s.rx = ret.u32(r::OK_T0) as i32;
        s.tx = ret.u32(r::OK_T1) as i32;
        s.state = State::Connected;
    } else if code_at(&ret, r::ERR) == WOULD_BLOCK {
        return false;
    } else {
        s.state = State::Failed;
        s.error = error_code(code_at(&ret, r::ERR));
    }
    store(i, s);
    true
}

pub(super) fn connect_tcp(i: u16, mut s: Sock, addr: &SockAddr) -> Result<()> {
    match s.state {
        State::Connecting => return Err(Errno::EALREADY),
        State::Connected => return Err(Errno::EISCONN),
        State::Listening => return Err(Errno::EINVAL),
        _ => {}
    }
    let a = flat(addr);
    let mut ret = UnitRet::new();
    // SAFETY: handles we own; ret has room for result<_, error-code>.
    unsafe {
        call_with_addr(
            abi::sockets_tcp::tcp_socket_start_connect,
            s.h,
            network(),
            &a,
            ret.arm(),
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

/// `listen`.
pub(super) fn listen(fd: i32, backlog: u32) -> Result<()> {
    let (i, s) = sock(fd)?;
    if s.ty != SockType::Stream {
        return Err(Errno::EOPNOTSUPP);
    }
    match s.state {
        State::Unbound | State::Bound | State::Listening => {}
        _ => return Err(Errno::EINVAL),
    }
    let mut s = ensure_bound(i, s)?;
    let mut ret = UnitRet::new();
    // SAFETY: a handle we own. A host that cannot change the backlog
    // keeps its default: not an error for POSIX.
    unsafe {
        abi::sockets_tcp::tcp_socket_set_listen_backlog_size(s.h, backlog.max(1) as u64, ret.arm())
    };
    if s.state == State::Listening {
        return Ok(());
    }
    // SAFETY: as above.
    unsafe { abi::sockets_tcp::tcp_socket_start_listen(s.h, ret.arm()) };
    unit_result(&ret).map_err(error_code)?;
    finish(&s, abi::sockets_tcp::tcp_socket_finish_listen).map_err(error_code)?;
    s.state = State::Listening;
    store(i, s);
    Ok(())
}

/// `accept`.
pub(super) fn accept(fd: i32, nonblocking: bool) -> Result<(i32, Option<SockAddr>)> {
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
                let mut a = AddrRet::new();
                // SAFETY: the new socket's handle; a has room for the result.
                unsafe { abi::sockets_tcp::tcp_socket_remote_address(h, a.arm()) };
                let peer = addr_result(&mut a).ok();
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

/// `shutdown`.
pub(super) fn shutdown(fd: i32, how: Shutdown) -> Result<()> {
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
        if wr {
            use sr::output_stream_blocking_flush as r;
            let mut ret = Ret::<{ r::BYTES }>::new();
            // SAFETY: a stream we own: push out what is buffered first.
            unsafe { abi::io_streams::output_stream_blocking_flush(s.tx, ret.arm()) };
            drop_stream_error(&ret, r::ERR);
        }
        use abi::sockets_tcp::shutdown_type as st;
        let t = match how {
            Shutdown::Read => st::RECEIVE,
            Shutdown::Write => st::SEND,
            Shutdown::Both => st::BOTH,
        } as i32;
        let mut ret = UnitRet::new();
        // SAFETY: a handle we own; ret has room for result<_, error-code>.
        unsafe { abi::sockets_tcp::tcp_socket_shutdown(s.h, t, ret.arm()) };
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

#[cfg(test)]
mod tests {
    //! The receive fast path on the host, with stand-ins for the host side
    //! of `blocking-read` (as in `p2/mod.rs`'s tests: one realloc call for
    //! the bytes returned, the bytes, then the result record).
    use super::super::super::host_ptrs;
    use super::*;
    use crate::stats;
    use sr::input_stream_blocking_read as r;

    /// Writes an `ok(list)` record for `bytes`, received through realloc.
    unsafe fn honest(bytes: &[u8], ret: *mut u8) {
        // SAFETY: ret is the read return area; the list memory comes from
        // the guest's realloc, as with a real host.
        unsafe {
            let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 1, bytes.len());
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
            *ret = 0;
            (ret.add(r::OK_PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
            (ret.add(r::OK_LEN) as *mut u32).write_unaligned(bytes.len() as u32);
        }
    }

    fn recv_with(buf: &mut [u8], host: impl Fn(*mut u8)) -> Result<usize> {
        // SAFETY: buf is valid for its length.
        unsafe { recv_fast_via(7, buf.as_mut_ptr(), buf.len(), |_, _, ret| host(ret)) }
    }

    #[test]
    fn fast_receive_lands_in_the_callers_buffer() {
        let _g = crate::slot::tests::fresh();
        stats::reset();
        let mut buf = [0u8; 8];
        assert_eq!(
            recv_with(&mut buf, |ret| unsafe { honest(b"hello", ret) }),
            Ok(5)
        );
        assert_eq!(&buf[..5], b"hello");
        let s = stats::get();
        assert_eq!((s.fallback_allocs, s.guest_copies), (0, 0));
    }

    /// Bug 5 (issue 12) for sockets: a host that writes no result record.
    /// The static return area still held the previous call's record: its
    /// pointer and length were decoded again (5 stale bytes reported as
    /// received; after a list that came back elsewhere, that block freed a
    /// second time). Now `EIO`, nothing decoded or freed.
    #[test]
    fn no_result_record_is_eio_not_the_previous_result() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 8];
        assert_eq!(
            recv_with(&mut buf, |ret| unsafe { honest(b"hello", ret) }),
            Ok(5)
        );
        assert_eq!(recv_with(&mut buf, |_| {}), Err(Errno::EIO));
        // After a list too long for the buffer (from the allocator, freed).
        assert_eq!(
            recv_with(&mut buf, |ret| unsafe { honest(b"0123456789", ret) }),
            Err(Errno::EIO)
        );
        assert_eq!(recv_with(&mut buf, |_| {}), Err(Errno::EIO));
        assert_eq!(crate::slot::tests::unclaimed(), 0);
    }

    #[test]
    fn closed_stream_is_end_of_stream() {
        let _g = crate::slot::tests::fresh();
        let mut buf = [0u8; 8];
        let closed = |ret: *mut u8| unsafe {
            *ret = 1;
            *ret.add(r::ERR) = abi::io_streams::stream_error::CLOSED;
        };
        assert_eq!(recv_with(&mut buf, closed), Ok(0));
    }

    /// An empty list that is not the end of the stream: read again (the
    /// blocking semantics of `recv`), then the bytes.
    #[test]
    fn an_empty_read_reads_again() {
        let _g = crate::slot::tests::fresh();
        let calls = core::cell::Cell::new(0);
        let mut buf = [0u8; 8];
        let host = |ret: *mut u8| {
            calls.set(calls.get() + 1);
            let bytes: &[u8] = if calls.get() == 1 { b"" } else { b"hi" };
            unsafe { honest(bytes, ret) }
        };
        assert_eq!(recv_with(&mut buf, host), Ok(2));
        assert_eq!((calls.get(), &buf[..2]), (2, &b"hi"[..]));
    }
}
