//! The classful-network legacy: `inet_network`, `inet_makeaddr`,
//! `inet_lnaof`, `inet_netof`, with glibc's (and BSD's) semantics: the
//! `in_addr` arguments and results are in network byte order, the numbers
//! in host order (wasi-libc's musl code treats `s_addr` as host order and
//! parses `inet_network` like `inet_addr`).

use crate::header::netinet_in::{in_addr, in_addr_t};
use crate::platform::c_char;

const NONE: in_addr_t = 0xffff_ffff;

/// [inet_network](https://man7.org/linux/man-pages/man3/inet.3.html):
/// `a[.b[.c[.d]]]` (each part decimal, octal with `0` or hex with `0x`, at
/// most 255) as the host-order number `a.b.c.d` with as many bytes as
/// parts ("10.1" is 0x0a01); `INADDR_NONE` (all ones) if malformed.
///
/// # Safety
/// `cp` NUL-terminated.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_network(cp: *const c_char) -> in_addr_t {
    // SAFETY: caller contract.
    let s = unsafe { core::ffi::CStr::from_ptr(cp) }.to_bytes();
    let mut i = 0;
    let mut parts = [0u32; 4];
    let mut n = 0;
    loop {
        let (mut val, mut base, mut digit) = (0u32, 10u32, false);
        if s.get(i) == Some(&b'0') {
            digit = true;
            base = 8;
            i += 1;
        }
        if matches!(s.get(i), Some(b'x' | b'X')) {
            digit = false;
            base = 16;
            i += 1;
        }
        while let Some(&c) = s.get(i) {
            let d = match c {
                b'0'..=b'9' => (c - b'0') as u32,
                b'a'..=b'f' if base == 16 => (c - b'a' + 10) as u32,
                b'A'..=b'F' if base == 16 => (c - b'A' + 10) as u32,
                _ => break,
            };
            if d >= base {
                return NONE;
            }
            val = val.wrapping_mul(base).wrapping_add(d);
            digit = true;
            i += 1;
        }
        if !digit || n >= 4 || val > 0xff {
            return NONE;
        }
        parts[n] = val;
        n += 1;
        if s.get(i) == Some(&b'.') {
            i += 1;
            continue;
        }
        break;
    }
    while matches!(
        s.get(i),
        Some(b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
    ) {
        i += 1;
    }
    if i != s.len() {
        return NONE;
    }
    parts[..n].iter().fold(0, |v, &p| (v << 8) | p)
}

/// [inet_makeaddr](https://man7.org/linux/man-pages/man3/inet.3.html):
/// the address of host `host` on classful network `net` (network order).
#[unsafe(no_mangle)]
pub extern "C" fn inet_makeaddr(net: in_addr_t, host: in_addr_t) -> in_addr {
    let a = if net < 128 {
        (net << 24) | (host & 0x00ff_ffff)
    } else if net < 65536 {
        (net << 16) | (host & 0xffff)
    } else if net < 16_777_216 {
        (net << 8) | (host & 0xff)
    } else {
        net | host
    };
    in_addr { s_addr: a.to_be() }
}

/// [inet_lnaof](https://man7.org/linux/man-pages/man3/inet.3.html): the
/// host part of a classful address (class A: 24 bits, B: 16, else 8).
#[unsafe(no_mangle)]
pub extern "C" fn inet_lnaof(a: in_addr) -> in_addr_t {
    let i = u32::from_be(a.s_addr);
    match i >> 30 {
        0 | 1 => i & 0x00ff_ffff,
        2 => i & 0xffff,
        _ => i & 0xff,
    }
}

/// [inet_netof](https://man7.org/linux/man-pages/man3/inet.3.html): the
/// network part of a classful address.
#[unsafe(no_mangle)]
pub extern "C" fn inet_netof(a: in_addr) -> in_addr_t {
    let i = u32::from_be(a.s_addr);
    match i >> 30 {
        0 | 1 => i >> 24,
        2 => i >> 16,
        _ => i >> 8,
    }
}
