//! UDP: datagram streams, `recv` with the split parking of the slot
//! (payload in the caller's buffer, spine on our stack), `send`.

use super::super::Ret;
use super::super::abi;
use super::super::abi::sockets_udp::ret as ur;
use super::super::abi::sockets_udp::{incoming_datagram as idg, outgoing_datagram as odg};
use super::addr::{ADDR_BYTES, call_with_addr, flat, read_addr, write_addr};
use super::bind::ensure_bound;
use super::error::{code_at, error_code};
use super::table::{Sock, load, store};
use super::wait::{block_on, wait};
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
            abi::sockets_udp::incoming_datagram_stream_drop(s.rx);
        }
        if s.tx != 0 {
            abi::sockets_udp::outgoing_datagram_stream_drop(s.tx);
        }
    }
}

/// (Re)creates a bound UDP socket's streams, connected to `peer` or not.
pub(super) fn udp_streams(mut s: Sock, peer: Option<&SockAddr>) -> Result<Sock> {
    drop_udp_streams(&s);
    s.rx = 0;
    s.tx = 0;
    s.peer = None;
    use ur::udp_socket_stream as r;
    let a = peer.map(flat).unwrap_or([0; 12]);
    let mut ret = Ret::<{ r::BYTES }>::new();
    // SAFETY: a handle we own; ret has room for the result tuple.
    unsafe {
        call_with_addr(
            abi::sockets_udp::udp_socket_stream,
            s.h,
            peer.is_some() as i32,
            &a,
            ret.arm(),
        )
    };
    if ret.u8(0) != 0 {
        return Err(error_code(code_at(&ret, r::ERR)));
    }
    s.rx = ret.u32(r::OK_T0) as i32;
    s.tx = ret.u32(r::OK_T1) as i32;
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

/// A one-element `list<incoming-datagram>` spine: one record.
const SPINE: usize = idg::BYTES;
/// An area for [`SPINE`] bytes, aligned for the record.
#[repr(C, align(8))]
struct Spine([u8; SPINE]);
const _: () = {
    assert!(idg::ALIGN <= 8 && idg::DATA_PTR.is_multiple_of(4) && idg::DATA_LEN.is_multiple_of(4));
    assert!(
        idg::REMOTE_ADDRESS.is_multiple_of(4) && idg::REMOTE_ADDRESS + ADDR_BYTES <= idg::BYTES
    );
};

/// The return area of `receive`: `result<list<incoming-datagram>, error-code>`.
type RecvRet = Ret<{ ur::incoming_datagram_stream_receive::BYTES }>;

pub(super) fn udp_recv(s: &Sock, bufs: &[IoSlice], nonblock: bool) -> Result<Received> {
    if s.rx == 0 {
        // Not bound: nothing can ever arrive.
        return Err(if nonblock {
            Errno::EAGAIN
        } else {
            Errno::ENOTCONN
        });
    }
    loop {
        if !nonblock && s.rcv_timeo != 0 {
            // SAFETY: a stream we own; `wait` drops the pollable.
            wait(
                unsafe { abi::sockets_udp::incoming_datagram_stream_subscribe(s.rx) },
                s.rcv_timeo,
            )?;
        }
        // SAFETY: the import writes its result to the return area it is
        // given.
        let got = receive_one(s.rx, bufs, |h, n, ret| unsafe {
            abi::sockets_udp::incoming_datagram_stream_receive(h, n, ret)
        });
        // `slot::release` frees what the host allocated and did not return
        // (rule 7 of `slot`), whatever the outcome.
        slot::release();
        if let Some(r) = got? {
            return Ok(r);
        }
        if nonblock {
            return Err(Errno::EAGAIN);
        }
        if s.rcv_timeo == 0 {
            // SAFETY: a stream we own; `block_on` drops the pollable.
            block_on(unsafe { abi::sockets_udp::incoming_datagram_stream_subscribe(s.rx) });
        }
    }
}

/// One `receive(1)` on the incoming-datagram stream `rx` with the split
/// parking (the payload into the first non-empty buffer of `bufs`, the
/// spine on our stack): the datagram, `None` if nothing had arrived, `EIO`
/// if the host lied or wrote no result record. `import` has the shape of
/// `receive` after lowering (host tests stand in for the host).
fn receive_one(
    rx: i32,
    bufs: &[IoSlice],
    import: impl FnOnce(i32, u64, *mut u8),
) -> Result<Option<Received>> {
    use ur::incoming_datagram_stream_receive as r;
    let first = bufs.iter().find(|b| b.len > 0);
    let (bp, bcap) = first.map_or((core::ptr::null_mut(), 0), |b| (b.base, b.len));
    let total: usize = bufs.iter().map(|b| b.len).sum();
    let mut spine = Spine([0; SPINE]);
    let sp = spine.0.as_mut_ptr();
    let mut ret = RecvRet::new();
    // SAFETY: the caller's buffer (bp, bcap) and `spine` are valid, distinct
    // and live for the call (rule 6 of `slot`).
    unsafe { slot::with_parked_split(bp, bcap, sp, SPINE, || import(rx, 1, ret.arm())) };
    if ret.u8(0) != 0 {
        // An error, or no result record (rule 8 of `slot`): `code_at`
        // answers `unknown`, which is EIO.
        return Err(error_code(code_at(&ret, r::ERR)));
    }
    let list = ret.ptr_at(r::OK_PTR);
    let count = ret.u32(r::OK_LEN) as usize;
    if count == 0 {
        return Ok(None);
    }
    // Rule 7 of `slot`: we asked for one datagram; the spine must be the
    // spine buffer or a block handed out during the call. A lie is EIO and
    // nothing is read or freed (the slot frees unclaimed blocks).
    let spine_ours = list == sp || slot::claim(sp, list, SPINE);
    if count > 1 || !spine_ours {
        if spine_ours && list != sp {
            // SAFETY: claimed: a block of ours.
            unsafe { slot::free_block(list, SPINE) };
        }
        return Err(Errno::EIO);
    }
    // SAFETY: the spine holds one record (checked above), 4-aligned (the
    // spine buffer, or a block realloc aligned as asked).
    let (dp, dl, from) = unsafe {
        (
            *(list.add(idg::DATA_PTR) as *const u32) as *mut u8,
            *(list.add(idg::DATA_LEN) as *const u32) as usize,
            read_addr(list.add(idg::REMOTE_ADDRESS)),
        )
    };
    if list != sp {
        // SAFETY: claimed above; the record has been read.
        unsafe { slot::free_block(list, SPINE) };
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
    Ok(Some(Received {
        from: Some(from),
        len,
        truncated,
    }))
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
        use ur::outgoing_datagram_stream_check_send as cs;
        use ur::outgoing_datagram_stream_send as sd;
        let mut ret = Ret::<{ cs::BYTES }>::new();
        // SAFETY: a stream we own; ret has room for result<u64, error-code>.
        unsafe { abi::sockets_udp::outgoing_datagram_stream_check_send(s.tx, ret.arm()) };
        if ret.u8(0) != 0 {
            return Err(error_code(code_at(&ret, cs::ERR)));
        }
        if ret.u64(cs::OK) == 0 {
            if nonblock {
                return Err(Errno::EAGAIN);
            }
            // SAFETY: a stream we own; `wait` drops the pollable.
            wait(
                unsafe { abi::sockets_udp::outgoing_datagram_stream_subscribe(s.tx) },
                s.snd_timeo,
            )?;
            continue;
        }
        // One outgoing-datagram record (zeroed: no remote address).
        let mut dg = Ret::<{ odg::BYTES }>::new();
        const _: () = assert!(
            odg::ALIGN <= 8
                && odg::DATA_PTR.is_multiple_of(4)
                && odg::DATA_LEN.is_multiple_of(4)
                && odg::REMOTE_ADDRESS_SOME.is_multiple_of(4)
                && odg::REMOTE_ADDRESS_SOME + ADDR_BYTES <= odg::BYTES
        );
        let p = dg.ptr();
        // SAFETY: dg is 8-aligned and one record long (checked above).
        unsafe {
            *(p.add(odg::DATA_PTR) as *mut u32) = data as u32;
            *(p.add(odg::DATA_LEN) as *mut u32) = len as u32;
            if let Some(a) = to {
                *p.add(odg::REMOTE_ADDRESS) = 1; // option::some
                write_addr(p.add(odg::REMOTE_ADDRESS_SOME), a);
            }
        }
        let mut ret = Ret::<{ sd::BYTES }>::new();
        // SAFETY: one datagram record whose payload is valid for `len` bytes.
        unsafe { abi::sockets_udp::outgoing_datagram_stream_send(s.tx, p, 1, ret.arm()) };
        if ret.u8(0) != 0 {
            return Err(error_code(code_at(&ret, sd::ERR)));
        }
        if ret.u64(sd::OK) == 1 {
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
        let _g = crate::slot::tests::fresh();
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

    /// Bug 5 (issue 12) for UDP: with no result record the zeroed area read
    /// as `ok`, an empty list: "nothing arrived" (a blocking receive waited
    /// again, for ever). Now `EIO`.
    #[test]
    fn no_result_record_is_eio() {
        let _g = crate::slot::tests::fresh();
        let mut mem = [0u8; 8];
        let bufs = [IoSlice {
            base: mem.as_mut_ptr(),
            len: 8,
        }];
        assert_eq!(receive_one(9, &bufs, |_, _, _| {}), Err(Errno::EIO));
        // Honest empty and error answers still decode.
        use ur::incoming_datagram_stream_receive as r;
        let empty = |_, _, ret: *mut u8| unsafe {
            *ret = 0;
            (ret.add(r::OK_PTR) as *mut u32)
                .write_unaligned(super::super::super::host_ptrs::put(4 as *mut u8));
            (ret.add(r::OK_LEN) as *mut u32).write_unaligned(0);
        };
        assert_eq!(receive_one(9, &bufs, empty), Ok(None));
        let would_block = |_, _, ret: *mut u8| unsafe {
            *ret = 1;
            *ret.add(r::ERR) = super::super::super::abi::sockets_network::error_code::WOULD_BLOCK;
        };
        assert_eq!(receive_one(9, &bufs, would_block), Err(Errno::EAGAIN));
    }
}
