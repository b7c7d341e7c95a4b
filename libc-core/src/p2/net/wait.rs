//! Blocking: waiting on one pollable, with or without a timeout.

use super::super::abi;
use super::error::WOULD_BLOCK;
use super::error::{UnitRet, unit_result};
use super::poll::poll_list;
use super::table::Sock;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

/// Blocks on `p` and drops it.
pub(super) fn block_on(p: i32) {
    // SAFETY: a pollable we own.
    unsafe {
        abi::io_poll::pollable_block(p);
        abi::io_poll::pollable_drop(p);
    }
}

/// Waits for `p` (dropped afterwards) for at most `timeout` ns (0 = no
/// limit): `EAGAIN` on timeout (what `SO_RCVTIMEO` expiry returns).
pub(super) fn wait(p: i32, timeout: u64) -> Result<()> {
    if timeout == 0 {
        block_on(p);
        return Ok(());
    }
    // SAFETY: plain import returning an owned pollable.
    let t = unsafe { abi::clocks_monotonic_clock::subscribe_duration(timeout) };
    let list = [p, t];
    let mut ready = [0u32; 2];
    let n = poll_list(&list, &mut ready);
    // SAFETY: pollables we own, no longer borrowed.
    unsafe {
        abi::io_poll::pollable_drop(p);
        abi::io_poll::pollable_drop(t);
    }
    let n = n?;
    if ready[..n].contains(&0) {
        Ok(())
    } else {
        Err(Errno::EAGAIN)
    }
}

pub(super) fn subscribe_sock(s: &Sock) -> i32 {
    // SAFETY: a socket handle we own; the pollable is ours to drop.
    unsafe {
        match s.ty {
            SockType::Stream => abi::sockets_tcp::tcp_socket_subscribe(s.h),
            SockType::Dgram => abi::sockets_udp::udp_socket_subscribe(s.h),
        }
    }
}

/// Runs a `start-X`/`finish-X` pair's finishing half until it stops saying
/// `would-block` (blocking on the socket's pollable in between).
pub(super) fn finish(
    s: &Sock,
    f: unsafe extern "C" fn(i32, *mut u8),
) -> core::result::Result<(), u8> {
    loop {
        let mut ret = UnitRet::new();
        // SAFETY: a handle we own; ret has room for result<_, error-code>.
        unsafe { f(s.h, ret.arm()) };
        match unit_result(&ret) {
            Err(WOULD_BLOCK) => block_on(subscribe_sock(s)),
            r => return r,
        }
    }
}
