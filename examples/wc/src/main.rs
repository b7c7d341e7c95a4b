//! `wc -lc` for `#![no_std]`: counts the lines and bytes of stdin.
//!
//! Reads stdin in 64 KiB chunks straight into a stack buffer (on p2 the
//! host writes into it through the caller-buffer slot: no allocation, no
//! copy), then prints `lines bytes` like `wc -lc`. With `--stats` it also
//! prints the slot's slow-path counters to stderr, which stay zero on the
//! zero-copy path. No allocator: the crate is used without the
//! `global-allocator` feature.
#![no_std]
#![no_main]

use wasm_libc::io::{STDIN, read};

wasm_libc::main!(main);

fn main() -> wasm_libc::Result<()> {
    let stats = wasm_libc::env::args()?.skip(1).any(|a| a == c"--stats");
    let mut buf = [0u8; 64 * 1024];
    let (mut lines, mut bytes) = (0u64, 0u64);
    loop {
        let n = read(STDIN, &mut buf)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
    wasm_libc::println!("{lines:>7} {bytes:>7}");
    if stats {
        let s = wasm_libc::stats::get();
        wasm_libc::eprintln!(
            "backend={} fallback_allocs={} guest_copies={}",
            wasm_libc::BACKEND,
            s.fallback_allocs,
            s.guest_copies
        );
    }
    Ok(())
}
