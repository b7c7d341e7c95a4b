//! A `#![no_std]` TCP echo server: `tcp-echo ADDRESS CONNECTIONS [--stats]`.
//!
//! Listens on `ADDRESS` (`127.0.0.1:7000`, `[::1]:0`...; port 0 lets the
//! host choose) and prints `listening on <address>` with the real port. Then,
//! one connection at a time, `CONNECTIONS` times: accepts, receives into a
//! 16 KiB stack buffer and sends each piece back until the peer closes its
//! side, closes, and prints `connection <i> from <peer>: <n> bytes`. Then it
//! exits (status 0), so a test needs no way to stop it.
//!
//! On p2 every receive is zero-copy: the host writes into the stack buffer
//! through the caller-buffer slot. `--stats` prints the slot's slow-path
//! counters to stderr at the end (reset after reading the arguments, whose
//! list the host has to allocate), which then stay at zero. No allocator:
//! the crate is used without the `global-allocator` feature.
#![no_std]
#![no_main]

use wasm_libc::net::{SocketAddr, TcpListener};

wasm_libc::main!(main);

const USAGE: &str = "usage: tcp-echo ADDRESS CONNECTIONS [--stats]";

fn main() -> wasm_libc::Result<i32> {
    let (mut addr, mut count, mut stats) = (None, None, false);
    for arg in wasm_libc::env::args()?.skip(1) {
        let arg = arg.to_str().unwrap_or("");
        if arg == "--stats" {
            stats = true;
        } else if addr.is_none() {
            addr = arg.parse::<SocketAddr>().ok();
            if addr.is_none() {
                wasm_libc::eprintln!("tcp-echo: bad address {arg:?}\n{USAGE}");
                return Ok(2);
            }
        } else if count.is_none() {
            count = arg.parse::<u32>().ok();
            if count.is_none() {
                wasm_libc::eprintln!("tcp-echo: bad connection count {arg:?}\n{USAGE}");
                return Ok(2);
            }
        } else {
            wasm_libc::eprintln!("{USAGE}");
            return Ok(2);
        }
    }
    let (Some(addr), Some(count)) = (addr, count) else {
        wasm_libc::eprintln!("{USAGE}");
        return Ok(2);
    };
    // From here on nothing should allocate or copy on the receive path.
    wasm_libc::stats::reset();

    let listener = TcpListener::bind(addr)?;
    wasm_libc::println!("listening on {}", listener.local_addr()?);

    let mut buf = [0u8; 16 * 1024];
    for i in 1..=count {
        let (conn, peer) = listener.accept()?;
        let mut total = 0u64;
        loop {
            match conn.recv(&mut buf)? {
                0 => break,
                n => {
                    conn.send_all(&buf[..n])?;
                    total += n as u64;
                }
            }
        }
        conn.close()?;
        match peer {
            Some(peer) => wasm_libc::println!("connection {i} from {peer}: {total} bytes"),
            None => wasm_libc::println!("connection {i}: {total} bytes"),
        }
    }

    if stats {
        let s = wasm_libc::stats::get();
        wasm_libc::eprintln!(
            "backend={} fallback_allocs={} fallback_bytes={} guest_copies={} guest_copy_bytes={}",
            wasm_libc::BACKEND,
            s.fallback_allocs,
            s.fallback_bytes,
            s.guest_copies,
            s.guest_copy_bytes
        );
    }
    Ok(0)
}
