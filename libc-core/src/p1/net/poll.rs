//! `poll` over `poll_oneoff`.

use super::*;

/// Most subscriptions one `poll` builds on the stack; more use the heap.
pub(super) const STACK_SUBS: usize = 65;

pub(super) fn poll_fds(fds: &mut [PollFd], timeout_ns: Option<u64>) -> Result<usize> {
    let need = fds.len() * 2 + 1;
    let mut sub_stack: [Subscription; STACK_SUBS] =
        core::array::from_fn(|_| Subscription::default());
    let mut ev_stack: [Event; STACK_SUBS] = core::array::from_fn(|_| Event::default());
    let mut heap: [*mut u8; 2] = [core::ptr::null_mut(); 2];
    let (subs, events): (&mut [Subscription], &mut [Event]) = if need <= STACK_SUBS {
        (&mut sub_stack, &mut ev_stack)
    } else {
        heap[0] = crate::heap_alloc(need * core::mem::size_of::<Subscription>(), 8);
        heap[1] = crate::heap_alloc(need * core::mem::size_of::<Event>(), 8);
        if heap.iter().any(|p| p.is_null()) {
            // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
            unsafe { crate::heap_free_all(&heap) };
            return Err(Errno::ENOMEM);
        }
        // SAFETY: fresh blocks of the right size and alignment; both types
        // are plain data, zero is a valid value; freed below.
        unsafe {
            core::ptr::write_bytes(heap[0], 0, need * core::mem::size_of::<Subscription>());
            core::ptr::write_bytes(heap[1], 0, need * core::mem::size_of::<Event>());
            (
                core::slice::from_raw_parts_mut(heap[0] as *mut Subscription, need),
                core::slice::from_raw_parts_mut(heap[1] as *mut Event, need),
            )
        }
    };
    let mut n = 0;
    let mut immediate = false;
    for (k, f) in fds.iter_mut().enumerate() {
        f.revents = 0;
        if f.fd < 0 {
            continue;
        }
        // Hosts fail the whole poll_oneoff for a bad descriptor: check first.
        if fdstat(f.fd).is_err() {
            f.revents = POLLNVAL;
            immediate = true;
            continue;
        }
        for (bit, tag) in [(POLLIN, 1u8), (POLLOUT, 2u8)] {
            if f.events & bit != 0 {
                subs[n] = Subscription {
                    userdata: (k as u64) << 1 | (tag as u64 - 1),
                    tag,
                    clock_id: f.fd as u32, // the fd_readwrite payload sits here
                    ..Default::default()
                };
                n += 1;
            }
        }
    }
    let timeout = if immediate {
        Some(0)
    } else if n == 0 && timeout_ns.is_none() {
        // Nothing to wait for, forever: POSIX blocks.
        Some(u64::MAX)
    } else {
        timeout_ns
    };
    if let Some(t) = timeout {
        subs[n] = Subscription {
            userdata: u64::MAX,
            tag: 0,
            clock_id: 1, // monotonic
            timeout: t,
            ..Default::default()
        };
        n += 1;
    }
    if n > 0 {
        let mut got = 0usize;
        // SAFETY: n subscriptions in, room for n events out.
        let r = check(unsafe { poll_oneoff(subs.as_ptr(), events.as_mut_ptr(), n, &mut got) });
        if let Err(e) = r {
            // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
            unsafe { crate::heap_free_all(&heap) };
            return Err(e);
        }
        for e in &events[..got] {
            if e.userdata == u64::MAX {
                continue;
            }
            let k = (e.userdata >> 1) as usize;
            let bit = if e.userdata & 1 == 0 { POLLIN } else { POLLOUT };
            let f = &mut fds[k];
            if e.error != 0 {
                f.revents |= if e.error == Errno::EBADF.0 as u16 {
                    POLLNVAL
                } else {
                    POLLERR
                };
            } else {
                f.revents |= bit;
                if e.flags & 1 != 0 {
                    f.revents |= POLLHUP;
                }
            }
        }
    }
    // SAFETY: null or blocks from heap_alloc, each listed once, freed once.
    unsafe { crate::heap_free_all(&heap) };
    Ok(fds.iter().filter(|f| f.revents != 0).count())
}
