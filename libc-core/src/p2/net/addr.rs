//! Socket addresses: `ip-socket-address` flattened as a parameter, read
//! from and written to memory; `getsockname` and `getpeername`.

use super::super::Ret;
use super::error::{INVALID_STATE, error_code};
use super::table::{State, load, sock};
use super::tcp::settle_connect;
use super::wasi;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

/// The 12 flat values of an `ip-socket-address` parameter.
pub(super) fn flat(a: &SockAddr) -> [i32; 12] {
    match *a {
        SockAddr::V4 { addr, port } => [
            0,
            port as i32,
            addr[0] as i32,
            addr[1] as i32,
            addr[2] as i32,
            addr[3] as i32,
            0,
            0,
            0,
            0,
            0,
            0,
        ],
        SockAddr::V6 {
            addr,
            port,
            flow_info,
            scope_id,
        } => [
            1,
            port as i32,
            flow_info as i32,
            addr[0] as i32,
            addr[1] as i32,
            addr[2] as i32,
            addr[3] as i32,
            addr[4] as i32,
            addr[5] as i32,
            addr[6] as i32,
            addr[7] as i32,
            scope_id as i32,
        ],
    }
}

/// Reads an `ip-socket-address` stored at `p` (layout in `wasi.rs`).
///
/// # Safety
/// `p` must be valid for 32 bytes of reads and 4-aligned.
pub(super) unsafe fn read_addr(p: *const u8) -> SockAddr {
    // SAFETY: caller contract; every field is read at its own alignment.
    unsafe {
        let port = *(p.add(4) as *const u16);
        if *p == 0 {
            SockAddr::V4 {
                addr: *(p.add(6) as *const [u8; 4]),
                port,
            }
        } else {
            let g = p.add(12) as *const u16;
            let mut addr = [0u16; 8];
            for (k, v) in addr.iter_mut().enumerate() {
                *v = *g.add(k);
            }
            SockAddr::V6 {
                addr,
                port,
                flow_info: *(p.add(8) as *const u32),
                scope_id: *(p.add(28) as *const u32),
            }
        }
    }
}

/// Writes an `ip-socket-address` at `p`.
///
/// # Safety
/// `p` must be valid for 32 bytes of writes and 4-aligned.
pub(super) unsafe fn write_addr(p: *mut u8, a: &SockAddr) {
    // SAFETY: caller contract.
    unsafe {
        core::ptr::write_bytes(p, 0, 32);
        match *a {
            SockAddr::V4 { addr, port } => {
                *p = 0;
                *(p.add(4) as *mut u16) = port;
                *(p.add(6) as *mut [u8; 4]) = addr;
            }
            SockAddr::V6 {
                addr,
                port,
                flow_info,
                scope_id,
            } => {
                *p = 1;
                *(p.add(4) as *mut u16) = port;
                *(p.add(8) as *mut u32) = flow_info;
                let g = p.add(12) as *mut u16;
                for (k, v) in addr.iter().enumerate() {
                    *g.add(k) = *v;
                }
                *(p.add(28) as *mut u32) = scope_id;
            }
        }
    }
}

/// `getsockname`.
pub(super) fn local_addr(fd: i32) -> Result<SockAddr> {
    let (_, s) = sock(fd)?;
    if s.state == State::Unbound {
        return Ok(SockAddr::unspecified(s.family));
    }
    let mut ret = Ret::<36>::new();
    // SAFETY: a handle we own; ret has room for the result.
    unsafe {
        match s.ty {
            SockType::Stream => wasi::tcp::local_address(s.h, ret.ptr()),
            SockType::Dgram => wasi::udp::local_address(s.h, ret.ptr()),
        }
    }
    if ret.u8(0) != 0 {
        return Err(error_code(ret.u8(4)));
    }
    // SAFETY: on success the address is at [4], 4-aligned.
    Ok(unsafe { read_addr(ret.ptr().add(4)) })
}

/// `getpeername`.
pub(super) fn peer_addr(fd: i32) -> Result<SockAddr> {
    let (i, s) = sock(fd)?;
    let s = if s.state == State::Connecting && settle_connect(i, s) {
        load(i)
    } else {
        s
    };
    match s.ty {
        SockType::Dgram => s.peer.ok_or(Errno::ENOTCONN),
        SockType::Stream if s.state != State::Connected => Err(Errno::ENOTCONN),
        SockType::Stream => {
            let mut ret = Ret::<36>::new();
            // SAFETY: a handle we own; ret has room for the result.
            unsafe { wasi::tcp::remote_address(s.h, ret.ptr()) };
            if ret.u8(0) != 0 {
                return Err(match ret.u8(4) {
                    INVALID_STATE => Errno::ENOTCONN,
                    c => error_code(c),
                });
            }
            // SAFETY: on success the address is at [4], 4-aligned.
            Ok(unsafe { read_addr(ret.ptr().add(4)) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_addresses_follow_the_join_of_both_cases() {
        let v4 = SockAddr::V4 {
            addr: [127, 0, 0, 1],
            port: 8080,
        };
        assert_eq!(flat(&v4), [0, 8080, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        let v6 = SockAddr::V6 {
            addr: [0, 0, 0, 0, 0, 0, 0, 1],
            port: 443,
            flow_info: 7,
            scope_id: 9,
        };
        assert_eq!(flat(&v6), [1, 443, 7, 0, 0, 0, 0, 0, 0, 0, 1, 9]);
    }

    #[test]
    fn addresses_round_trip_through_memory() {
        #[repr(C, align(4))]
        struct Buf([u8; 32]);
        let mut b = Buf([0xaa; 32]);
        for a in [
            SockAddr::V4 {
                addr: [10, 1, 2, 3],
                port: 53,
            },
            SockAddr::V6 {
                addr: [0xfe80, 1, 2, 3, 4, 5, 6, 0xffff],
                port: 65535,
                flow_info: 0x1234_5678,
                scope_id: 3,
            },
        ] {
            unsafe { write_addr(b.0.as_mut_ptr(), &a) };
            assert_eq!(unsafe { read_addr(b.0.as_ptr()) }, a);
        }
        // Byte positions per the canonical ABI (ipv4: tag, pad, port, octets).
        unsafe {
            write_addr(
                b.0.as_mut_ptr(),
                &SockAddr::V4 {
                    addr: [1, 2, 3, 4],
                    port: 0x0102,
                },
            )
        };
        assert_eq!(&b.0[..10], &[0, 0, 0, 0, 0x02, 0x01, 1, 2, 3, 4]);
    }
}
