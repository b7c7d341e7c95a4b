//! Socket addresses: `ip-socket-address` flattened as a parameter, read
//! from and written to memory; `getsockname` and `getpeername`.

use super::super::Ret;
use super::super::abi;
use super::super::abi::sockets_network::{
    ip_socket_address as isa, ipv4_socket_address as v4, ipv6_socket_address as v6,
};
use super::super::abi::sockets_tcp::ret as tr;
use super::super::abi::sockets_udp::ret as ur;
use super::error::{INVALID_STATE, code_at, error_code};
use super::table::{State, load, sock};
use super::tcp::settle_connect;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

/// Size of an `ip-socket-address` in memory.
pub(super) const ADDR_BYTES: usize = isa::BYTES;
/// Byte offsets of its fields, from the start of the variant.
const V4_PORT: usize = isa::PAYLOAD + v4::PORT;
const V4_ADDR: usize = isa::PAYLOAD + v4::ADDRESS;
const V6_PORT: usize = isa::PAYLOAD + v6::PORT;
const V6_FLOW: usize = isa::PAYLOAD + v6::FLOW_INFO;
const V6_ADDR: usize = isa::PAYLOAD + v6::ADDRESS;
const V6_SCOPE: usize = isa::PAYLOAD + v6::SCOPE_ID;
const _: () = {
    // `read_addr`/`write_addr` access each field at its own alignment in a
    // 4-aligned area, and the tag as one byte.
    assert!(isa::ALIGN == 4 && isa::BYTES == 32);
    assert!(V4_PORT.is_multiple_of(2) && V6_PORT.is_multiple_of(2) && V6_ADDR.is_multiple_of(2));
    assert!(V6_FLOW.is_multiple_of(4) && V6_SCOPE.is_multiple_of(4));
    assert!(V6_ADDR + 16 <= V6_SCOPE && V6_SCOPE + 4 <= isa::BYTES);
    assert!(V4_ADDR + 4 <= isa::BYTES);
    // `flat` lists the record fields in WIT order, the order of their
    // offsets: ipv4 (port, address), ipv6 (port, flow-info, address,
    // scope-id).
    assert!(v4::PORT < v4::ADDRESS);
    assert!(v6::PORT < v6::FLOW_INFO && v6::FLOW_INFO < v6::ADDRESS && v6::ADDRESS < v6::SCOPE_ID);
};

/// An import taking (socket, network, ip-socket-address) as `flat` gives
/// it: 12 values after the two handles (checked against the generated
/// signatures).
type AddrImport = unsafe extern "C" fn(
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
    *mut u8,
);
const _: [AddrImport; 4] = [
    abi::sockets_tcp::tcp_socket_start_bind,
    abi::sockets_tcp::tcp_socket_start_connect,
    abi::sockets_udp::udp_socket_start_bind,
    // (socket, has-remote, option<ip-socket-address>'s 12 values): the
    // same shape.
    abi::sockets_udp::udp_socket_stream,
];

/// Calls an [`AddrImport`] with two leading values, the 12 flat values of an
/// address ([`flat`]) and the return area.
///
/// # Safety
///
/// What `f` requires of its arguments: `h0` and `h1` valid for it and `ret`
/// a return area of the size its result needs.
#[inline(always)]
pub(super) unsafe fn call_with_addr(f: AddrImport, h0: i32, h1: i32, a: &[i32; 12], ret: *mut u8) {
    // SAFETY: the caller's contract.
    unsafe {
        f(
            h0, h1, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], ret,
        )
    }
}

/// The 12 flat values of an `ip-socket-address` parameter: the case tag,
/// then the join of both cases' flattened fields.
pub(super) fn flat(a: &SockAddr) -> [i32; 12] {
    match *a {
        SockAddr::V4 { addr, port } => [
            isa::IPV4 as i32,
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
            isa::IPV6 as i32,
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

/// Reads an `ip-socket-address` stored at `p` (a tag other than ipv4 is
/// read as ipv6, whose fields cover the whole area).
///
/// # Safety
/// `p` must be valid for [`ADDR_BYTES`] bytes of reads and 4-aligned.
pub(super) unsafe fn read_addr(p: *const u8) -> SockAddr {
    // SAFETY: caller contract; every field is read at its own alignment
    // (checked above).
    unsafe {
        if *p == isa::IPV4 {
            SockAddr::V4 {
                addr: *(p.add(V4_ADDR) as *const [u8; 4]),
                port: *(p.add(V4_PORT) as *const u16),
            }
        } else {
            let g = p.add(V6_ADDR) as *const u16;
            let mut addr = [0u16; 8];
            for (k, v) in addr.iter_mut().enumerate() {
                *v = *g.add(k);
            }
            SockAddr::V6 {
                addr,
                port: *(p.add(V6_PORT) as *const u16),
                flow_info: *(p.add(V6_FLOW) as *const u32),
                scope_id: *(p.add(V6_SCOPE) as *const u32),
            }
        }
    }
}

/// Writes an `ip-socket-address` at `p`.
///
/// # Safety
/// `p` must be valid for [`ADDR_BYTES`] bytes of writes and 4-aligned.
pub(super) unsafe fn write_addr(p: *mut u8, a: &SockAddr) {
    // SAFETY: caller contract.
    unsafe {
        core::ptr::write_bytes(p, 0, ADDR_BYTES);
        match *a {
            SockAddr::V4 { addr, port } => {
                *p = isa::IPV4;
                *(p.add(V4_PORT) as *mut u16) = port;
                *(p.add(V4_ADDR) as *mut [u8; 4]) = addr;
            }
            SockAddr::V6 {
                addr,
                port,
                flow_info,
                scope_id,
            } => {
                *p = isa::IPV6;
                *(p.add(V6_PORT) as *mut u16) = port;
                *(p.add(V6_FLOW) as *mut u32) = flow_info;
                let g = p.add(V6_ADDR) as *mut u16;
                for (k, v) in addr.iter().enumerate() {
                    *g.add(k) = *v;
                }
                *(p.add(V6_SCOPE) as *mut u32) = scope_id;
            }
        }
    }
}

/// The return area of `local-address` and `remote-address`:
/// `result<ip-socket-address, error-code>`.
pub(super) type AddrRet = Ret<{ tr::tcp_socket_local_address::BYTES }>;
const _: () = {
    use tr::tcp_socket_local_address as l;
    assert!(l::OK.is_multiple_of(4) && l::OK + ADDR_BYTES <= l::BYTES);
    assert!(
        tr::tcp_socket_remote_address::BYTES == l::BYTES
            && tr::tcp_socket_remote_address::OK == l::OK
            && tr::tcp_socket_remote_address::ERR == l::ERR
    );
    assert!(
        ur::udp_socket_local_address::BYTES == l::BYTES
            && ur::udp_socket_local_address::OK == l::OK
            && ur::udp_socket_local_address::ERR == l::ERR
    );
};

/// Decodes an [`AddrRet`]: the address, or the raw error code.
pub(super) fn addr_result(ret: &mut AddrRet) -> core::result::Result<SockAddr, u8> {
    use tr::tcp_socket_local_address::{ERR, OK};
    if ret.u8(0) != 0 {
        return Err(code_at(ret, ERR));
    }
    // SAFETY: on success the address is at OK, 4-aligned in an 8-aligned
    // area (checked above).
    Ok(unsafe { read_addr(ret.ptr().add(OK)) })
}

/// `getsockname`.
pub(super) fn local_addr(fd: i32) -> Result<SockAddr> {
    let (_, s) = sock(fd)?;
    if s.state == State::Unbound {
        return Ok(SockAddr::unspecified(s.family));
    }
    let mut ret = AddrRet::new();
    // SAFETY: a handle we own; ret has room for the result.
    unsafe {
        match s.ty {
            SockType::Stream => abi::sockets_tcp::tcp_socket_local_address(s.h, ret.arm()),
            SockType::Dgram => abi::sockets_udp::udp_socket_local_address(s.h, ret.arm()),
        }
    }
    addr_result(&mut ret).map_err(error_code)
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
            let mut ret = AddrRet::new();
            // SAFETY: a handle we own; ret has room for the result.
            unsafe { abi::sockets_tcp::tcp_socket_remote_address(s.h, ret.arm()) };
            addr_result(&mut ret).map_err(|c| match c {
                INVALID_STATE => Errno::ENOTCONN,
                c => error_code(c),
            })
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
