//! Name lookup (`getaddrinfo`'s backend): `wasi:sockets/ip-name-lookup`.

use super::super::Ret;
use super::super::abi;
use super::super::abi::sockets_ip_name_lookup::ret::{
    resolve_address_stream_resolve_next_address as nr, resolve_addresses as rr,
};
use super::super::abi::sockets_network::{error_code as ec, ip_address, ipv6_address};
use super::error::{WOULD_BLOCK, code_at, error_code};
use super::network;
use super::wait::block_on;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

pub(super) fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize> {
    // A `string` must be UTF-8, or the host traps in the lowering.
    if core::str::from_utf8(name).is_err() || name.is_empty() {
        return Err(Errno::ENOENT);
    }
    let mut ret = Ret::<{ rr::BYTES }>::new();
    // SAFETY: name is valid UTF-8 for its length; ret has room.
    unsafe {
        abi::sockets_ip_name_lookup::resolve_addresses(
            network(),
            name.as_ptr(),
            name.len(),
            ret.arm(),
        )
    };
    if ret.u8(0) != 0 {
        return Err(match code_at(&ret, rr::ERR) {
            ec::INVALID_ARGUMENT => Errno::ENOENT, // not a name
            c => error_code(c),
        });
    }
    let st = ret.u32(rr::OK) as i32;
    let mut n = 0;
    let r = loop {
        let mut ret = Ret::<{ nr::BYTES }>::new();
        // SAFETY: a stream we own; ret has room for the result.
        unsafe {
            abi::sockets_ip_name_lookup::resolve_address_stream_resolve_next_address(st, ret.arm())
        };
        if ret.u8(0) != 0 {
            match code_at(&ret, nr::ERR) {
                // SAFETY: a stream we own; `block_on` drops the pollable.
                WOULD_BLOCK => block_on(unsafe {
                    abi::sockets_ip_name_lookup::resolve_address_stream_subscribe(st)
                }),
                c => break Err(error_code(c)),
            }
            continue;
        }
        // option<ip-address>: the option tag at OK, the address at OK_SOME
        // (its case tag first, the octets or groups at PAYLOAD).
        if ret.u8(nr::OK) == 0 {
            break Ok(n);
        }
        const A: usize = nr::OK_SOME + ip_address::PAYLOAD;
        const _: () = assert!(A + ipv6_address::BYTES <= nr::BYTES);
        let a = if ret.u8(nr::OK_SOME) == ip_address::IPV4 {
            IpAddr::V4([ret.u8(A), ret.u8(A + 1), ret.u8(A + 2), ret.u8(A + 3)])
        } else {
            let mut g = [0u16; 8];
            for (k, v) in g.iter_mut().enumerate() {
                *v = u16::from_le_bytes([ret.u8(A + 2 * k), ret.u8(A + 2 * k + 1)]);
            }
            IpAddr::V6(g)
        };
        if n < out.len() {
            out[n] = a;
            n += 1;
        }
    };
    // SAFETY: a stream we own.
    unsafe { abi::sockets_ip_name_lookup::resolve_address_stream_drop(st) };
    match r {
        Ok(0) => Err(Errno::ENOENT),
        r => r,
    }
}
