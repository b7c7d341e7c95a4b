//! Which of `std`'s reads reach wasm-libc's zero-copy path: reads stdin and
//! a file through `std::io::Read` and prints, for each, the library's
//! counters of allocations `cabi_import_realloc` had to make and of copies
//! out of them (`wasm_libc_get_stats`, `<wasm_libc.h>`); with `--net`
//! also a TCP stream's (p2). Built against
//! wasm-libc only (wasi-libc has no such counters): tests/rust-std/run.sh.
//!
//! Those counters only move on the slow path, so they alone cannot tell a
//! read that took the zero-copy path from one that never reached the
//! library. The link therefore wraps the libc functions std reads with
//! (`--wrap=read` and so on: std's references go to the `__wrap_` function
//! here, which counts and calls the library's): the output says how many of
//! std's reads were libc calls.

use std::io::Read;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

#[repr(C)]
#[derive(Default, Clone, Copy)]
struct Stats {
    fallback_allocs: u32,
    fallback_bytes: u32,
    guest_copies: u32,
    guest_copy_bytes: u32,
}

unsafe extern "C" {
    fn wasm_libc_get_stats(out: *mut Stats);
}

/// Calls std made to the library's `read`, `readv`, `pread` and `recv`.
static LIBC_READS: AtomicU32 = AtomicU32::new(0);

unsafe extern "C" {
    fn __real_read(fd: i32, buf: *mut u8, n: usize) -> isize;
    fn __real_readv(fd: i32, iov: *const u8, n: i32) -> isize;
    fn __real_pread(fd: i32, buf: *mut u8, n: usize, off: i64) -> isize;
    fn __real_recv(fd: i32, buf: *mut u8, n: usize, flags: i32) -> isize;
}

/// std's `read` calls land here (`--wrap=read`).
///
/// # Safety
/// As for `read`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_read(fd: i32, buf: *mut u8, n: usize) -> isize {
    LIBC_READS.fetch_add(1, Relaxed);
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { __real_read(fd, buf, n) }
}

/// std's `readv` calls land here (`--wrap=readv`).
///
/// # Safety
/// As for `readv`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_readv(fd: i32, iov: *const u8, n: i32) -> isize {
    LIBC_READS.fetch_add(1, Relaxed);
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { __real_readv(fd, iov, n) }
}

/// std's `pread` calls land here (`--wrap=pread`).
///
/// # Safety
/// As for `pread`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_pread(fd: i32, buf: *mut u8, n: usize, off: i64) -> isize {
    LIBC_READS.fetch_add(1, Relaxed);
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { __real_pread(fd, buf, n, off) }
}

/// std's `recv` calls land here (`--wrap=recv`).
///
/// # Safety
/// As for `recv`.
#[unsafe(no_mangle)]
unsafe extern "C" fn __wrap_recv(fd: i32, buf: *mut u8, n: usize, flags: i32) -> isize {
    LIBC_READS.fetch_add(1, Relaxed);
    // SAFETY: the caller's arguments, passed on unchanged.
    unsafe { __real_recv(fd, buf, n, flags) }
}

fn stats() -> Stats {
    let mut s = Stats::default();
    // SAFETY: `s` is a valid, writable `struct wasm_libc_stats`.
    unsafe { wasm_libc_get_stats(&mut s) };
    s
}

/// Reads `r` to the end in 64 KiB `read` calls; prints what it cost.
fn measure(what: &str, r: &mut dyn Read) {
    let mut buf = vec![0u8; 65536];
    let before = stats();
    let libc_before = LIBC_READS.load(Relaxed);
    let (mut total, mut calls) = (0usize, 0u32);
    loop {
        let n = r.read(&mut buf).expect("read");
        calls += 1;
        if n == 0 {
            break;
        }
        total += n;
    }
    let after = stats();
    let libc = LIBC_READS.load(Relaxed) - libc_before;
    println!(
        "{what}: {total} bytes in {calls} reads, {libc} libc calls (each read a libc call: {}): {} fallback allocations ({} bytes), {} copies ({} bytes)",
        libc == calls,
        after.fallback_allocs - before.fallback_allocs,
        after.fallback_bytes - before.fallback_bytes,
        after.guest_copies - before.guest_copies,
        after.guest_copy_bytes - before.guest_copy_bytes,
    );
}

fn main() {
    measure("stdin", &mut std::io::stdin().lock());
    if std::env::args().any(|a| a == "--net") {
        // Loopback TCP in one thread: what fits in the socket buffers.
        use std::net::{Shutdown, TcpListener, TcpStream};
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).expect("connect");
        let (mut server, _) = listener.accept().expect("accept");
        std::io::Write::write_all(&mut server, &[b'z'; 200_000]).expect("write");
        server.shutdown(Shutdown::Write).expect("shutdown");
        measure("tcp", &mut client);
    }
    if std::env::args().any(|a| a == "--no-files") {
        return; // run without a pre-opened directory
    }
    let path = "rs-zero-copy.bin";
    std::fs::write(path, vec![7u8; 1 << 20]).expect("write");
    measure("file", &mut std::fs::File::open(path).expect("open"));
    std::fs::remove_file(path).expect("remove");
}
