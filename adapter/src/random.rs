//! `wasi:random/random`, `insecure` and `insecure-seed` over random_get.

use crate::mem::{alloc, put_u32, put_u64, trap};
use crate::p1;

fn bytes(len: u64, ret: *mut u8) {
    let len = usize::try_from(len).unwrap_or_else(|_| trap());
    let p = alloc(1, len);
    // SAFETY: `p` is a fresh block of `len` bytes.
    if unsafe { p1::random_get(p, len) } != 0 {
        trap();
    }
    put_u32(ret, 0, p as u32);
    put_u32(ret, 4, len as u32);
}

fn u64() -> u64 {
    let mut v = 0u64;
    // SAFETY: eight bytes on our stack.
    if unsafe { p1::random_get((&raw mut v).cast(), 8) } != 0 {
        trap();
    }
    v
}

#[unsafe(export_name = "wasi:random/random#get-random-bytes")]
pub extern "C" fn get_random_bytes(len: u64, ret: *mut u8) {
    bytes(len, ret)
}

#[unsafe(export_name = "wasi:random/random#get-random-u64")]
pub extern "C" fn get_random_u64() -> u64 {
    u64()
}

#[unsafe(export_name = "wasi:random/insecure#get-insecure-random-bytes")]
pub extern "C" fn get_insecure_random_bytes(len: u64, ret: *mut u8) {
    bytes(len, ret)
}

#[unsafe(export_name = "wasi:random/insecure#get-insecure-random-u64")]
pub extern "C" fn get_insecure_random_u64() -> u64 {
    u64()
}

/// `insecure-seed: func() -> tuple<u64, u64>`
#[unsafe(export_name = "wasi:random/insecure-seed#insecure-seed")]
pub extern "C" fn insecure_seed(ret: *mut u8) {
    put_u64(ret, 0, u64());
    put_u64(ret, 8, u64());
}
