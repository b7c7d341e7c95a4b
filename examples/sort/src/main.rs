//! `sort [-r]` for `#![no_std]`: reads all of stdin into a `Vec`, sorts its
//! lines (bytewise, like `LC_ALL=C sort`) and writes them out.
//!
//! Shows the crate's `global-allocator` feature (the `alloc` crate's `Vec`
//! grows with `realloc` over wasm-libc-alloc) and a `main` that reports an
//! error: an unknown option prints `Error: ...` and exits with status 1.
#![no_std]
#![no_main]

extern crate alloc;

use alloc::vec::Vec;
use wasm_libc::io::{self, STDIN, STDOUT};

wasm_libc::main!(main);

fn main() -> Result<(), &'static str> {
    let mut reverse = false;
    for arg in wasm_libc::env::args()
        .map_err(|_| "cannot read the arguments")?
        .skip(1)
    {
        match arg.to_bytes() {
            b"-r" => reverse = true,
            _ => return Err("unknown option (usage: sort [-r])"),
        }
    }
    let mut input = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match io::read(STDIN, &mut chunk).map_err(|_| "read error")? {
            0 => break,
            n => input.extend_from_slice(&chunk[..n]),
        }
    }
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.last() == Some(&b'\n') {
        lines.pop(); // the empty piece after the final newline
    }
    lines.sort_unstable();
    if reverse {
        lines.reverse();
    }
    let mut out = Vec::with_capacity(input.len() + 1);
    for line in lines {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    io::write_all(STDOUT, &out).map_err(|_| "write error")
}
