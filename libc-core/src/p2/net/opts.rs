//! Socket options (`getsockopt`, `setsockopt`): kept in the table where
//! `wasi:sockets` has no counterpart, forwarded otherwise.

use super::super::Ret;
use super::error::{error_code, unit_result};
use super::table::{Sock, State, load, sock, store};
use super::tcp::settle_connect;
use super::wasi;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

pub(super) fn get_opt(fd: i32, opt: SockOpt) -> Result<i64> {
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

pub(super) fn set_opt(fd: i32, opt: SockOpt, value: i64) -> Result<()> {
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
        SockOpt::KeepAlive if tcp => set32(wasi::tcp::set_keep_alive_enabled, (value != 0) as i32)?,
        SockOpt::TcpKeepIdle if tcp => set64(wasi::tcp::set_keep_alive_idle_time, secs(value)?)?,
        SockOpt::TcpKeepInterval if tcp => set64(wasi::tcp::set_keep_alive_interval, secs(value)?)?,
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
