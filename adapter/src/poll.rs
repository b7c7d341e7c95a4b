//! `wasi:io/poll` over poll_oneoff. A pollable is ready at once, a
//! monotonic deadline, or an fd readable/writable.

use crate::mem::{alloc, check_list, put_u32, trap};
use crate::p1;
use crate::table::{self, Kind, POLL_CLOCK, POLL_READ, POLL_READY, POLL_WRITE, SOCK};

/// Most pollables one `poll` call takes (a p2 host has a limit too).
const POLL_MAX: usize = 64;

/// A new pollable.
pub fn new(sub: u8, fd: u32, deadline: u64) -> i32 {
    let h = table::insert(Kind::Pollable, 0, fd, deadline);
    table::get(h, Kind::Pollable).sub = sub;
    h
}

/// A new pollable on a socket fd (`POLL_READ` or `POLL_WRITE`) whose
/// readiness `ready` tests with the host.
pub fn new_sock(sub: u8, fd: u32) -> i32 {
    let h = table::insert(Kind::Pollable, SOCK, fd, 0);
    table::get(h, Kind::Pollable).sub = sub;
    h
}

/// A subscription for `fd` becoming readable or writable.
fn fd_subscription(read: bool, fd: u32, userdata: u64) -> p1::Subscription {
    p1::Subscription {
        userdata,
        tag: if read {
            p1::EVENTTYPE_FD_READ
        } else {
            p1::EVENTTYPE_FD_WRITE
        },
        _pad: [0; 7],
        id_or_fd: fd,
        _pad2: 0,
        timeout: 0,
        precision: 0,
        flags: 0,
    }
}

/// Whether socket `fd` is readable (or writable) now, or, with `block`,
/// waits until it is (then `true`). An error event (a closed or failed
/// socket) counts as ready: the operation reports it.
pub fn fd_ready(read: bool, fd: u32, block: bool) -> bool {
    let subs = [
        fd_subscription(read, fd, 0),
        p1::Subscription {
            userdata: 1,
            tag: p1::EVENTTYPE_CLOCK,
            _pad: [0; 7],
            id_or_fd: p1::CLOCK_MONOTONIC,
            _pad2: 0,
            timeout: 0,
            precision: 0,
            flags: 0,
        },
    ];
    let mut events: [p1::Event; 2] = [const {
        p1::Event {
            userdata: 0,
            error: 0,
            kind: 0,
            nbytes: 0,
            flags: 0,
        }
    }; 2];
    let mut n = 0usize;
    let count = if block { 1 } else { 2 };
    // SAFETY: `count` subscriptions in, room for as many events out.
    let r = unsafe { p1::poll_oneoff(subs.as_ptr(), events.as_mut_ptr(), count, &mut n) };
    if r != 0 || n > count {
        trap();
    }
    events[..n].iter().any(|ev| ev.userdata == 0)
}

pub fn monotonic_now() -> u64 {
    let mut t = 0u64;
    // SAFETY: an out-parameter on our stack.
    if unsafe { p1::clock_time_get(p1::CLOCK_MONOTONIC, 1, &mut t) } != 0 {
        trap();
    }
    t
}

fn subscription(e: &table::Entry, userdata: u64) -> p1::Subscription {
    let (tag, id_or_fd) = match e.sub {
        POLL_READ => (p1::EVENTTYPE_FD_READ, e.fd),
        POLL_WRITE => (p1::EVENTTYPE_FD_WRITE, e.fd),
        _ => (p1::EVENTTYPE_CLOCK, p1::CLOCK_MONOTONIC),
    };
    p1::Subscription {
        userdata,
        tag,
        _pad: [0; 7],
        id_or_fd,
        _pad2: 0,
        // Relative: uvwasi (node) does not honour absolute deadlines. Its
        // low half kept out of 0..=3: a host that reads the snapshot-0
        // layout (the December 2020 WAMR) takes it as the clock id and then
        // answers ENOTSUP rather than returning at once (see `legacy_sleep`).
        timeout: if e.sub == POLL_CLOCK {
            let t = e.pos.saturating_sub(monotonic_now());
            if (t as u32) < 4 { t + 4 } else { t }
        } else {
            0
        },
        precision: 0,
        flags: 0,
    }
}

/// Sleeps until `deadline` with a snapshot-0 clock subscription (56 bytes:
/// an `identifier` before the clock id), the layout the December 2020 WAMR
/// reads for `wasi_snapshot_preview1` too.
fn legacy_sleep(deadline: u64) {
    let mut sub = [0u64; 7];
    sub[4] = deadline.saturating_sub(monotonic_now()); // timeout at 32
    sub[3] = p1::CLOCK_MONOTONIC as u64; // clock_id at 24; tag 0 (clock) at 8
    let mut ev = [0u64; 4];
    let mut n = 0usize;
    // SAFETY: one 56-byte subscription in, room for one event out.
    let r = unsafe { p1::poll_oneoff(sub.as_ptr().cast(), ev.as_mut_ptr().cast(), 1, &mut n) };
    if r != 0 {
        trap();
    }
}

/// Polls `subs` and marks the ready ones in `ready` (by userdata). A host
/// that refuses the clock subscriptions (ENOTSUP: it reads the snapshot-0
/// layout) sleeps until the earliest deadline instead and marks the fd
/// subscriptions ready (they are approximated so anyway, see `ready`).
fn poll_oneoff(subs: &[p1::Subscription], ready: &mut [bool; POLL_MAX]) {
    let mut events: [p1::Event; POLL_MAX] = [const {
        p1::Event {
            userdata: 0,
            error: 0,
            kind: 0,
            nbytes: 0,
            flags: 0,
        }
    }; POLL_MAX];
    let mut n = 0usize;
    // SAFETY: `subs.len() <= POLL_MAX` subscriptions in, as many events out.
    let r = unsafe { p1::poll_oneoff(subs.as_ptr(), events.as_mut_ptr(), subs.len(), &mut n) };
    // That host refuses in the event (its error), not in the call's result.
    let refused = r == p1::ENOTSUP
        || (r == 0
            && events[..n.min(subs.len())]
                .iter()
                .any(|ev| ev.kind == p1::EVENTTYPE_CLOCK && ev.error as i32 == p1::ENOTSUP));
    if refused {
        let mut earliest = u64::MAX;
        for (i, sub) in subs.iter().enumerate() {
            if sub.tag == p1::EVENTTYPE_CLOCK {
                earliest = earliest.min(monotonic_now().saturating_add(sub.timeout));
            } else {
                ready[i] = true;
            }
        }
        if earliest != u64::MAX && !ready[..subs.len()].contains(&true) {
            legacy_sleep(earliest);
        }
        return;
    }
    if r != 0 || n > subs.len() {
        trap();
    }
    for ev in &events[..n] {
        if let Some(slot) = ready.get_mut(ev.userdata as usize) {
            *slot = true;
        }
    }
}

#[unsafe(export_name = "wasi:io/poll#[method]pollable.ready")]
pub extern "C" fn ready(h: i32) -> i32 {
    let e = table::get(h, Kind::Pollable);
    match e.sub {
        POLL_READY => 1,
        POLL_CLOCK => (monotonic_now() >= e.pos) as i32,
        sub if e.flags & SOCK != 0 => fd_ready(sub == POLL_READ, e.fd, false) as i32,
        // preview1 offers no non-blocking readiness test: files and pipes
        // are taken as ready (a read or write then blocks, as on p1).
        _ => 1,
    }
}

#[unsafe(export_name = "wasi:io/poll#[method]pollable.block")]
pub extern "C" fn block(h: i32) {
    let e = table::get(h, Kind::Pollable);
    if e.sub == POLL_READY {
        return;
    }
    // Hosts may wake up early (uvwasi counts whole milliseconds): a
    // deadline is a minimum, so poll again until it has passed.
    loop {
        let mut ready = [false; POLL_MAX];
        poll_oneoff(&[subscription(e, 0)], &mut ready);
        if e.sub != POLL_CLOCK || monotonic_now() >= e.pos {
            return;
        }
    }
}

/// `poll: func(in: list<borrow<pollable>>) -> list<u32>`
#[unsafe(export_name = "wasi:io/poll#poll")]
pub extern "C" fn poll(list: *const i32, len: usize, ret: *mut u8) {
    check_list(list.cast(), len.checked_mul(4).unwrap_or_else(|| trap()));
    if len == 0 || len > POLL_MAX {
        trap();
    }
    let mut ready = [false; POLL_MAX];
    let mut subs: [p1::Subscription; POLL_MAX] = [const {
        p1::Subscription {
            userdata: 0,
            tag: 0,
            _pad: [0; 7],
            id_or_fd: 0,
            _pad2: 0,
            timeout: 0,
            precision: 0,
            flags: 0,
        }
    }; POLL_MAX];
    let mut any_ready = false;
    for (i, sub) in subs.iter_mut().enumerate().take(len) {
        // SAFETY: `i < len` handles, checked in bounds.
        let e = table::get(unsafe { *list.add(i) }, Kind::Pollable);
        if e.sub == POLL_READY {
            ready[i] = true;
            any_ready = true;
        }
        *sub = subscription(e, i as u64);
    }
    while !any_ready {
        poll_oneoff(&subs[..len], &mut ready);
        // A clock is ready once its deadline has passed, whatever the
        // host's rounding (see `block`); recompute the timeouts if not.
        let now = monotonic_now();
        for i in 0..len {
            // SAFETY: `i < len` handles, checked in bounds above.
            let e = table::get(unsafe { *list.add(i) }, Kind::Pollable);
            if e.sub == POLL_CLOCK {
                ready[i] = now >= e.pos;
                subs[i] = subscription(e, i as u64);
            }
            any_ready |= ready[i];
        }
    }
    let count = ready[..len].iter().filter(|r| **r).count();
    let out = alloc(4, 4 * count).cast::<u32>();
    let mut k = 0;
    for (i, r) in ready[..len].iter().enumerate() {
        if *r {
            // SAFETY: `k < count` entries of the fresh block.
            unsafe { out.add(k).write(i as u32) };
            k += 1;
        }
    }
    put_u32(ret, 0, out as u32);
    put_u32(ret, 4, count as u32);
}

#[unsafe(export_name = "wasi:io/poll#[resource-drop]pollable")]
pub extern "C" fn drop_pollable(h: i32) {
    table::remove(h, Kind::Pollable);
}
