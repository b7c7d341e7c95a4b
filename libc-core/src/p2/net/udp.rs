//! UDP: datagram streams, `recv` with the split parking of the slot
//! (payload in the caller's buffer, spine on our stack), `send`.

use super::super::Ret;
use super::addr::{flat, read_addr, write_addr};
use super::bind::ensure_bound;
use super::error::error_code;
use super::table::{Sock, load, store};
use super::wait::{block_on, wait};
use super::wasi;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;
use crate::slot;
use crate::stats;
use crate::types::IoSlice;

pub(super) fn drop_udp_streams(s: &Sock) {
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

/// (Re)creates a bound UDP socket's streams, connected to `peer` or not.
pub(super) fn udp_streams(mut s: Sock, peer: Option<&SockAddr>) -> Result<Sock> {
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

/// `connect` of a datagram socket: (re)creates its streams for `addr`.
pub(super) fn connect(i: u16, s: Sock, addr: &SockAddr) -> Result<()> {
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

/// A 4-aligned area for a one-element `list<incoming-datagram>` spine.
#[repr(C, align(8))]
struct Spine([u8; 40]);

pub(super) fn udp_recv(s: &Sock, bufs: &[IoSlice], nonblock: bool) -> Result<Received> {
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

pub(super) fn udp_send(
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
}
