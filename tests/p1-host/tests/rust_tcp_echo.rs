//! The Rust API's TCP echo example (`examples/tcp-echo`) on p1: built for
//! `wasm32-wasip1` and run by this crate's host in `--wamr` mode (WAMR's
//! socket extension over real loopback sockets), with clients on the host
//! side. Its p2 run is in `examples/check` (the wasmtime CLI has no p1
//! sockets).
//!
//! The server listens on 127.0.0.1 port 0, prints the port, serves as many
//! connections as it is told and exits; the host kills it after 30 s.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Builds the example for p1 in the main workspace; returns the module.
fn build() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args(["build", "--release", "-p", "tcp-echo"])
        .args(["--target", "wasm32-wasip1"])
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo build -p tcp-echo");
    assert!(
        out.status.success(),
        "cargo build -p tcp-echo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    root().join("target/wasm32-wasip1/release/tcp-echo.wasm")
}

/// Deterministic bytes (xorshift).
fn noise(n: usize) -> Vec<u8> {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Connects, sends `payload` from a second thread while reading the echo,
/// half-closes, and returns what came back.
fn echo_client(port: u16, payload: &[u8]) -> Vec<u8> {
    let s = TcpStream::connect(("127.0.0.1", port)).expect("connect to tcp-echo");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut w = s.try_clone().unwrap();
    let data = payload.to_vec();
    let writer = std::thread::spawn(move || {
        w.write_all(&data).expect("send to tcp-echo");
        w.shutdown(Shutdown::Write).unwrap();
    });
    let mut got = Vec::new();
    (&s).read_to_end(&mut got).expect("receive the echo");
    writer.join().unwrap();
    got
}

#[test]
fn rust_tcp_echo_example_on_p1_wamr() {
    let wasm = build();
    let payloads: Vec<Vec<u8>> = vec![Vec::new(), b"hello, echo\n".to_vec(), noise(300_000)];
    let mut child = Command::new(env!("CARGO_BIN_EXE_p1-host"))
        .arg("--wamr")
        .arg(&wasm)
        .args(["127.0.0.1:0", &payloads.len().to_string(), "--stats"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("p1-host");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let Some(port) = first
        .strip_prefix("listening on 127.0.0.1:")
        .and_then(|p| p.trim().parse::<u16>().ok())
    else {
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        panic!(
            "tcp-echo did not start: {first:?}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    for p in &payloads {
        let got = echo_client(port, p);
        assert!(
            got == *p,
            "echo of {} bytes came back as {} different bytes",
            p.len(),
            got.len()
        );
    }
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tcp-echo: {}\n{rest}{stderr}",
        out.status
    );
    let lines: Vec<&str> = rest.lines().collect();
    assert_eq!(lines.len(), payloads.len(), "{rest}");
    for (i, (line, p)) in lines.iter().zip(&payloads).enumerate() {
        // The peer's address comes from the extension's `sock_addr_remote`.
        let from = format!("connection {} from 127.0.0.1:", i + 1);
        let bytes = format!(": {} bytes", p.len());
        assert!(line.starts_with(&from) && line.ends_with(&bytes), "{line}");
    }
    // preview1 receives into the caller's buffer itself: nothing to count.
    assert_eq!(
        stderr.trim_end(),
        "backend=p1 fallback_allocs=0 fallback_bytes=0 guest_copies=0 guest_copy_bytes=0"
    );
}
