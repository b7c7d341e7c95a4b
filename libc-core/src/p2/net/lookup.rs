//! Name lookup (`getaddrinfo`'s backend): `wasi:sockets/ip-name-lookup`.

use super::super::Ret;
use super::error::{WOULD_BLOCK, error_code};
use super::network;
use super::wait::block_on;
use super::wasi;
use crate::errno::Errno;
use crate::pal::Result;
use crate::pal::net::*;

pub(super) fn resolve(name: &[u8], out: &mut [IpAddr]) -> Result<usize> {
    // A `string` must be UTF-8, or the host traps in the lowering.
    if core::str::from_utf8(name).is_err() || name.is_empty() {
        return Err(Errno::ENOENT);
    }
    let mut ret = Ret::<8>::new();
    // SAFETY: name is valid UTF-8 for its length; ret has room.
    unsafe { wasi::lookup::resolve_addresses(network(), name.as_ptr(), name.len(), ret.ptr()) };
    if ret.u8(0) != 0 {
        return Err(match ret.u8(4) {
            3 => Errno::ENOENT, // invalid-argument: not a name
            c => error_code(c),
        });
    }
    let st = ret.u32(4) as i32;
    let mut n = 0;
    let r = loop {
        let mut ret = Ret::<24>::new();
        // SAFETY: a stream we own; ret has room for the 22-byte result.
        unsafe { wasi::lookup::resolve_next_address(st, ret.ptr()) };
        if ret.u8(0) != 0 {
            match ret.u8(2) {
                // SAFETY: a stream we own; `block_on` drops the pollable.
                WOULD_BLOCK => block_on(unsafe { wasi::lookup::subscribe(st) }),
                c => break Err(error_code(c)),
            }
            continue;
        }
        if ret.u8(2) == 0 {
            break Ok(n);
        }
        let a = if ret.u8(4) == 0 {
            IpAddr::V4([ret.u8(6), ret.u8(7), ret.u8(8), ret.u8(9)])
        } else {
            let mut g = [0u16; 8];
            for (k, v) in g.iter_mut().enumerate() {
                *v = u16::from_le_bytes([ret.u8(6 + 2 * k), ret.u8(7 + 2 * k)]);
            }
            IpAddr::V6(g)
        };
        if n < out.len() {
            out[n] = a;
            n += 1;
        }
    };
    // SAFETY: a stream we own.
    unsafe { wasi::lookup::drop_stream(st) };
    match r {
        Ok(0) => Err(Errno::ENOENT),
        r => r,
    }
}
