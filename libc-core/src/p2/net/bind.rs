//! `bind`, explicit and implicit.

use super::super::abi;
use super::addr::{call_with_addr, flat};
use super::error::{UnitRet, error_code, unit_result};
use super::network;
use super::table::{Sock, State, store};
use super::udp::udp_streams;
use super::wait::finish;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

/// Binds `s` (and creates a UDP socket's unconnected streams).
pub(super) fn do_bind(i: u16, mut s: Sock, addr: &SockAddr) -> Result<Sock> {
    if addr.family() != s.family {
        return Err(Errno::EAFNOSUPPORT);
    }
    if s.state != State::Unbound {
        return Err(Errno::EINVAL);
    }
    let a = flat(addr);
    let mut ret = UnitRet::new();
    // SAFETY: handles we own; ret has room for result<_, error-code>.
    unsafe {
        let f = match s.ty {
            SockType::Stream => abi::sockets_tcp::tcp_socket_start_bind,
            SockType::Dgram => abi::sockets_udp::udp_socket_start_bind,
        };
        call_with_addr(f, s.h, network(), &a, ret.arm())
    };
    unit_result(&ret).map_err(error_code)?;
    let fin = match s.ty {
        SockType::Stream => abi::sockets_tcp::tcp_socket_finish_bind,
        SockType::Dgram => abi::sockets_udp::udp_socket_finish_bind,
    };
    finish(&s, fin).map_err(error_code)?;
    s.state = State::Bound;
    if s.ty == SockType::Dgram {
        s = udp_streams(s, None)?;
    }
    store(i, s);
    Ok(s)
}

/// Binds an unbound socket to the unspecified address (what POSIX does
/// implicitly on `listen`, `sendto` and a UDP `connect`).
pub(super) fn ensure_bound(i: u16, s: Sock) -> Result<Sock> {
    if s.state == State::Unbound {
        do_bind(i, s, &SockAddr::unspecified(s.family))
    } else {
        Ok(s)
    }
}
