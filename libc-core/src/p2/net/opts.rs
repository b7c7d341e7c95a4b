//! Socket options (`getsockopt`, `setsockopt`): kept in the table where
//! `wasi:sockets` has no counterpart, forwarded otherwise.

use super::super::Ret;
use super::super::abi;
use super::error::{UnitRet, code_at, error_code, unit_result};
use super::table::{Sock, State, load, sock, store};
use super::tcp::settle_connect;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

/// Width of an option getter's value in its `result<T, error-code>`.
#[derive(Copy, Clone)]
enum Width {
    /// `bool` or `u8`.
    U8,
    U32,
    /// `u64` or `duration`.
    U64,
}

/// One getter: its value at `ok` (of width `w`), or its error code at `err`.
fn get(
    h: i32,
    f: unsafe extern "C" fn(i32, *mut u8),
    ok: usize,
    err: usize,
    w: Width,
) -> Result<u64> {
    let mut ret = Ret::<16>::new();
    // SAFETY: a handle we own; ret has room for the result (checked in
    // `get!`).
    unsafe { f(h, ret.arm()) };
    if ret.u8(0) != 0 {
        return Err(error_code(code_at(&ret, err)));
    }
    Ok(match w {
        Width::U8 => ret.u8(ok) as u64,
        Width::U32 => ret.u32(ok) as u64,
        Width::U64 => ret.u64(ok),
    })
}

/// `get` of import `$m::$f` with the offsets of its return area, checked
/// against the area's size.
macro_rules! get {
    ($h:expr, $m:ident :: $f:ident, $w:ident, $n:literal) => {{
        use abi::$m::ret::$f as r;
        const _: () = {
            let end = r::OK + $n;
            assert!(r::BYTES <= 16 && end <= r::BYTES && r::OK.is_multiple_of($n));
        };
        get($h, abi::$m::$f, r::OK, r::ERR, Width::$w)?
    }};
}

/// One setter taking a `T`: `result<_, error-code>`.
fn set<T>(h: i32, f: unsafe extern "C" fn(i32, T, *mut u8), v: T) -> Result<()> {
    let mut ret = UnitRet::new();
    // SAFETY: a handle we own; ret has room for result<_, error-code>.
    unsafe { f(h, v, ret.arm()) };
    unit_result(&ret).map_err(error_code)
}

pub(super) fn get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
    let (i, s) = sock(fd)?;
    let tcp = s.ty == SockType::Stream;
    let h = s.h;
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
        SockOpt::KeepAlive if tcp => {
            get!(h, sockets_tcp::tcp_socket_keep_alive_enabled, U8, 1) as i64
        }
        SockOpt::TcpKeepIdle if tcp => {
            (get!(h, sockets_tcp::tcp_socket_keep_alive_idle_time, U64, 8) / 1_000_000_000) as i64
        }
        SockOpt::TcpKeepInterval if tcp => {
            (get!(h, sockets_tcp::tcp_socket_keep_alive_interval, U64, 8) / 1_000_000_000) as i64
        }
        SockOpt::TcpKeepCount if tcp => {
            get!(h, sockets_tcp::tcp_socket_keep_alive_count, U32, 4) as i64
        }
        SockOpt::HopLimit if tcp => get!(h, sockets_tcp::tcp_socket_hop_limit, U8, 1) as i64,
        SockOpt::HopLimit => get!(h, sockets_udp::udp_socket_unicast_hop_limit, U8, 1) as i64,
        SockOpt::RecvBufSize if tcp => {
            get!(h, sockets_tcp::tcp_socket_receive_buffer_size, U64, 8) as i64
        }
        SockOpt::RecvBufSize => get!(h, sockets_udp::udp_socket_receive_buffer_size, U64, 8) as i64,
        SockOpt::SendBufSize if tcp => {
            get!(h, sockets_tcp::tcp_socket_send_buffer_size, U64, 8) as i64
        }
        SockOpt::SendBufSize => get!(h, sockets_udp::udp_socket_send_buffer_size, U64, 8) as i64,
        // wasi:sockets 0.2.0 sockets are always IPv6-only.
        SockOpt::V6Only if s.family == Family::Inet6 => 1,
        _ => return Err(Errno::ENOPROTOOPT),
    };
    Ok(v)
}

pub(super) fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
    let (i, mut s) = sock(fd)?;
    let tcp = s.ty == SockType::Stream;
    let h = s.h;
    let secs = |v: i64| -> Result<u64> {
        if v < 1 {
            Err(Errno::EINVAL)
        } else {
            Ok(v.saturating_mul(1_000_000_000) as u64)
        }
    };
    match opt {
        SockOpt::ReuseAddr => s.reuse_addr = value != 0,
        SockOpt::RecvTimeout if value >= 0 => s.rcv_timeo = value as u64,
        SockOpt::SendTimeout if value >= 0 => s.snd_timeo = value as u64,
        // Accepted and not forwarded (wasi:sockets 0.2.0 has neither).
        SockOpt::Linger => {}
        SockOpt::TcpNoDelay if tcp => s.no_delay = value != 0,
        SockOpt::KeepAlive if tcp => set(
            h,
            abi::sockets_tcp::tcp_socket_set_keep_alive_enabled,
            value != 0,
        )?,
        SockOpt::TcpKeepIdle if tcp => set(
            h,
            abi::sockets_tcp::tcp_socket_set_keep_alive_idle_time,
            secs(value)?,
        )?,
        SockOpt::TcpKeepInterval if tcp => set(
            h,
            abi::sockets_tcp::tcp_socket_set_keep_alive_interval,
            secs(value)?,
        )?,
        SockOpt::TcpKeepCount if tcp && value >= 1 => set(
            h,
            abi::sockets_tcp::tcp_socket_set_keep_alive_count,
            value.min(u32::MAX as i64) as u32,
        )?,
        SockOpt::HopLimit if (1..=255).contains(&value) => {
            let f = if tcp {
                abi::sockets_tcp::tcp_socket_set_hop_limit
            } else {
                abi::sockets_udp::udp_socket_set_unicast_hop_limit
            };
            set(h, f, value as u8)?
        }
        SockOpt::RecvBufSize | SockOpt::SendBufSize if value >= 1 => {
            let f = match (opt, tcp) {
                (SockOpt::RecvBufSize, true) => {
                    abi::sockets_tcp::tcp_socket_set_receive_buffer_size
                }
                (SockOpt::RecvBufSize, false) => {
                    abi::sockets_udp::udp_socket_set_receive_buffer_size
                }
                (_, true) => abi::sockets_tcp::tcp_socket_set_send_buffer_size,
                (_, false) => abi::sockets_udp::udp_socket_set_send_buffer_size,
            };
            set(h, f, value as u64)?
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
