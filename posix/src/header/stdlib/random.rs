//! `stdlib.h`: `arc4random`, `arc4random_buf`, `arc4random_uniform`.
//!
//! Every call takes its bytes from the host's secure random source (p1
//! `random_get`; p2 `get-random-bytes`, received in place through the
//! caller-buffer slot): no user-space generator state to seed or fork. The
//! host cannot fail here; if it ever did, the program traps (these functions
//! have no way to report an error). `unsigned int` is `uint32_t` on wasm32.

use crate::platform::{c_uint, c_void, size_t};
use libc_core::{Pal, Sys};

fn fill(buf: &mut [u8]) {
    if Sys::random(buf).is_err() {
        libc_core::trap();
    }
}

/// `arc4random` (BSD, glibc 2.36): 32 random bits.
#[unsafe(no_mangle)]
pub extern "C" fn arc4random() -> c_uint {
    let mut b = [0u8; 4];
    fill(&mut b);
    c_uint::from_ne_bytes(b)
}

/// `arc4random_buf` (BSD, glibc 2.36): fills `buf` with random bytes.
///
/// # Safety
/// `buf` must be valid for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn arc4random_buf(buf: *mut c_void, n: size_t) {
    if n > 0 {
        // SAFETY: caller contract.
        fill(unsafe { core::slice::from_raw_parts_mut(buf.cast(), n) });
    }
}

/// `arc4random_uniform` (BSD, glibc 2.36): uniform in `[0, upper)` without
/// modulo bias; 0 when `upper < 2`.
#[unsafe(no_mangle)]
pub extern "C" fn arc4random_uniform(upper: c_uint) -> c_uint {
    if upper < 2 {
        return 0;
    }
    // Reject the values below 2^32 mod upper, so what remains is a whole
    // number of copies of [0, upper).
    let min = upper.wrapping_neg() % upper;
    loop {
        let r = arc4random();
        if r >= min {
            return r % upper;
        }
    }
}
