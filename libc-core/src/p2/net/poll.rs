//! `poll` (and `select`, built on it in the C layer) over sockets, stdio
//! streams and files.

use super::super::abi;
use super::super::{Entry, Ret, entry};
use super::hooks::hooks;
use super::table::{State, load};
use super::tcp::{probe, probe_accept, settle_connect};
use super::wait::subscribe_sock;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::slot;

/// `wasi:io/poll.poll` with the result list received in `out` (through the
/// slot); returns how many indices were written. `EIO` when the host lied
/// (more indices than pollables, a list outside what realloc handed out)
/// or wrote no result record.
pub(super) fn poll_list(list: &[i32], out: &mut [u32]) -> Result<usize> {
    // SAFETY: the import reads `list` and writes its result to the return
    // area it is given.
    poll_list_via(list, out, |l, n, ret| unsafe {
        abi::io_poll::poll(l, n, ret)
    })
}

/// [`poll_list`] with the import as a parameter (host tests stand in for
/// the host).
fn poll_list_via(
    list: &[i32],
    out: &mut [u32],
    import: impl FnOnce(*const u8, usize, *mut u8),
) -> Result<usize> {
    use abi::io_poll::ret::poll as r;
    let mut ret = Ret::<{ r::BYTES }>::new();
    let (p, cap) = (out.as_mut_ptr() as *mut u8, out.len() * 4);
    // SAFETY: `out` is valid and 4-aligned for `cap` (> 0) bytes during the
    // call; the host writes the `list<u32>` there through the slot, or into
    // an allocation `land` copies from and frees.
    unsafe {
        slot::with_parked(p, cap, || {
            import(list.as_ptr() as *const u8, list.len(), ret.arm())
        })
    };
    // The area holds a bare list (no tag): `arm` set the low byte of its
    // pointer to 0xFF, which no 4-aligned list pointer has, so a byte
    // still 0xFF means no record (rule 8 of `slot`).
    if ret.u8(r::PTR) == Ret::<{ r::BYTES }>::UNWRITTEN {
        slot::release();
        return Err(Errno::EIO);
    }
    // SAFETY: the host wrote a list allocated during the call.
    // A count whose byte size overflows is a lie: `land` rejects it (EIO).
    let bytes = (ret.u32(r::LEN) as usize).saturating_mul(4);
    unsafe { slot::land(p, cap, ret.ptr_at(r::PTR), bytes) }.map(|bytes| bytes / 4)
}

/// `poll`'s part for a socket: adds its pollables (`add`) or sets events
/// that are ready without waiting. Reached through [`hooks`].
pub(super) fn poll_add(i: u16, ev: i16, revents: &mut i16, add: &mut dyn FnMut(i32, i16, Kind)) {
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
                        unsafe { abi::io_streams::input_stream_subscribe(s.rx) },
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
                        unsafe { abi::io_streams::output_stream_subscribe(s.tx) },
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
                    unsafe { abi::sockets_udp::incoming_datagram_stream_subscribe(s.rx) },
                    POLLIN,
                    Kind::Plain,
                );
            }
            if ev & POLLOUT != 0 {
                if s.tx != 0 {
                    // SAFETY: a stream we own.
                    add(
                        unsafe { abi::sockets_udp::outgoing_datagram_stream_subscribe(s.tx) },
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
pub(super) fn poll_ready(kind: Kind, events: i16) -> i16 {
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
pub(super) enum Kind {
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

pub(super) fn poll_fds(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
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
    let deadline =
        timeout_ns.map(|t| unsafe { abi::clocks_monotonic_clock::now() }.saturating_add(t));
    let r = loop {
        match poll_round(fds, list, want, ready, deadline) {
            Err(e) => break Err(e),
            Ok((count, settled)) if count > 0 || settled => break Ok(count),
            Ok(_) => {}
        }
        // Every wake-up was spurious (see `probe`): wait again for the rest
        // of the timeout.
    };
    // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
    unsafe { crate::heap_free_all(&heap) };
    r
}

/// One wait: returns how many fds have events, and whether the wait is
/// over even with none (timeout reached); `EIO` if `poll` failed.
fn poll_round(
    fds: &mut [PollFd],
    list: &mut [i32],
    want: &mut [Want],
    ready: &mut [u32],
    deadline: Option<u64>,
) -> Result<(usize, bool)> {
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
                    unsafe { abi::io_streams::input_stream_subscribe(h) },
                    POLLIN,
                    Kind::Plain,
                )
            }
            Ok(Entry::Out(h)) if ev & POLLOUT != 0 => {
                // SAFETY: a stream we own.
                add(
                    unsafe { abi::io_streams::output_stream_subscribe(h) },
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
    let left = deadline.map(|d| d.saturating_sub(unsafe { abi::clocks_monotonic_clock::now() }));
    let wait_ns = if immediate > 0 { Some(0) } else { left };
    let mut got = 0;
    let mut failed = None;
    match wait_ns {
        Some(0) => {
            for (x, &p) in list[..n].iter().enumerate() {
                // SAFETY: a pollable we own.
                if unsafe { abi::io_poll::pollable_ready(p) } != 0 {
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
                Some(t) => Some(unsafe { abi::clocks_monotonic_clock::subscribe_duration(t) }),
                None if n == 0 => {
                    Some(unsafe { abi::clocks_monotonic_clock::subscribe_duration(u64::MAX) })
                }
                None => None,
            };
            let mut m = n;
            if let Some(t) = timer {
                list[m] = t;
                m += 1;
            }
            match poll_list(&list[..m], &mut ready[..m]) {
                Ok(k) => got = k,
                Err(e) => failed = Some(e),
            }
            if let Some(t) = timer {
                // SAFETY: the timer we created.
                unsafe { abi::io_poll::pollable_drop(t) };
            }
        }
    }
    // The pollables are no longer borrowed: drop them before settling
    // anything (a probe reads from the stream a pollable belongs to).
    for &p in &list[..n] {
        // SAFETY: pollables we own.
        unsafe { abi::io_poll::pollable_drop(p) };
    }
    if let Some(e) = failed {
        return Err(e);
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
    let now = unsafe { abi::clocks_monotonic_clock::now() };
    let over = wait_ns == Some(0) || deadline.is_some_and(|d| now >= d);
    Ok((count, over))
}

#[cfg(test)]
mod tests {
    use super::super::super::host_ptrs;
    use super::*;
    use abi::io_poll::ret::poll as r;

    /// Bug 5 (issue 12) for `poll`: with no result record the list was
    /// decoded from whatever the area held (a zeroed one: no pollable
    /// ready, so `poll` without a timeout waited again, for ever). `EIO`.
    #[test]
    fn no_result_record_is_eio() {
        let _g = crate::slot::tests::fresh();
        let list = [5, 6];
        let mut out = [0u32; 2];
        assert_eq!(
            poll_list_via(&list, &mut out, |_, _, _| {}),
            Err(Errno::EIO)
        );
        // An honest answer: index 1 ready, in the caller's array.
        let honest = |_, _, ret: *mut u8| unsafe {
            let p = crate::slot::import_realloc(core::ptr::null_mut(), 0, 4, 4);
            *(p as *mut u32) = 1;
            (ret.add(r::PTR) as *mut u32).write_unaligned(host_ptrs::put(p));
            (ret.add(r::LEN) as *mut u32).write_unaligned(1);
        };
        assert_eq!(poll_list_via(&list, &mut out, honest), Ok(1));
        assert_eq!(out[0], 1);
        assert_eq!(crate::slot::tests::unclaimed(), 0);
    }
}
