//! Builds the `no_std` examples for both backends and runs them on wasmtime;
//! runs the Rust API's doc examples on both backends. (`tcp-echo` runs here
//! on p2; its p1 run needs WAMR's socket extension, which the wasmtime CLI
//! lacks: `tests/p1-host/tests/rust_tcp_echo.rs`.)
//!
//! Needs the `wasm32-wasip1` and `wasm32-wasip2` targets (rust-toolchain.toml
//! installs them) and `wasmtime` on `PATH` (or in `WASMTIME`). Run with
//! `cargo test -p wasm-libc-examples`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// One cargo build at a time (they share the target directory's lock anyway).
static CARGO_LOCK: Mutex<()> = Mutex::new(());

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn wasmtime() -> String {
    if let Ok(w) = std::env::var("WASMTIME") {
        return w;
    }
    for cand in ["wasmtime", "/tmp/venv/bin/wasmtime"] {
        if Command::new(cand)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return cand.into();
        }
    }
    panic!("wasmtime not found: put it on PATH or set WASMTIME");
}

fn check(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (backend, rust target): the target picks the backend.
const BACKENDS: [(&str, &str); 2] = [("p1", "wasm32-wasip1"), ("p2", "wasm32-wasip2")];

/// Builds example `name` for a backend; returns the `.wasm` path.
fn build(name: &str, backend: &str, target: &str) -> PathBuf {
    let _ = backend; // named at the call sites for the reader
    let _g = CARGO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let out = cargo()
        .args(["build", "--release", "-p", name, "--target", target])
        .output()
        .unwrap();
    check(&out, &format!("cargo build -p {name} --target {target}"));
    root()
        .join("target")
        .join(target)
        .join("release")
        .join(format!("{name}.wasm"))
}

fn run(wasm: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(wasmtime())
        .arg("run")
        .arg(wasm)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

/// Deterministic bytes (xorshift), newlines included.
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

fn expected_wc(input: &[u8]) -> String {
    let lines = input.iter().filter(|&&b| b == b'\n').count();
    format!("{lines:>7} {:>7}\n", input.len())
}

/// The sections of a core module or component: a component has layer 1.
fn is_component(wasm: &[u8]) -> bool {
    wasm.get(4..8) == Some(&[0x0d, 0x00, 0x01, 0x00])
}

/// Import module names of a core module (no dependency on a wasm parser:
/// walk the import section by hand).
fn core_import_modules(wasm: &[u8]) -> Vec<String> {
    fn leb(b: &[u8], i: &mut usize) -> u32 {
        let (mut v, mut s) = (0u32, 0);
        loop {
            let byte = b[*i];
            *i += 1;
            v |= ((byte & 0x7f) as u32) << s;
            if byte & 0x80 == 0 {
                return v;
            }
            s += 7;
        }
    }
    fn name(b: &[u8], i: &mut usize) -> String {
        let n = leb(b, i) as usize;
        let s = String::from_utf8_lossy(&b[*i..*i + n]).into_owned();
        *i += n;
        s
    }
    let mut i = 8;
    let mut modules = Vec::new();
    while i < wasm.len() {
        let id = wasm[i];
        i += 1;
        let size = leb(wasm, &mut i) as usize;
        let end = i + size;
        if id == 2 {
            let mut j = i;
            for _ in 0..leb(wasm, &mut j) {
                modules.push(name(wasm, &mut j));
                let _field = name(wasm, &mut j);
                match wasm[j] {
                    0 => {
                        j += 1;
                        leb(wasm, &mut j);
                    }
                    kind => panic!("unexpected import kind {kind}"),
                }
            }
        }
        i = end;
    }
    modules
}

#[test]
fn wc_counts_lines_and_bytes_on_both_backends() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"a\nbb\nccc\n".to_vec(),
        b"no newline at the end".to_vec(),
        b"\n\n\n".to_vec(),
        // Several 64 KiB reads, and a short one at the end.
        noise(300_000),
    ];
    for (backend, target) in BACKENDS {
        let wasm = build("wc", backend, target);
        for input in &inputs {
            let out = run(&wasm, &[], input);
            check(&out, &format!("wc ({backend}) on {} bytes", input.len()));
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                expected_wc(input),
                "wc ({backend}) on {} bytes",
                input.len()
            );
            assert!(
                out.stderr.is_empty(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn p1_examples_are_plain_preview1_modules() {
    for name in ["wc", "sort", "tcp-echo"] {
        let wasm = std::fs::read(build(name, "p1", "wasm32-wasip1")).unwrap();
        assert!(!is_component(&wasm));
        let modules = core_import_modules(&wasm);
        assert!(!modules.is_empty());
        // An `env` import would be a symbol nobody defined (the linker runs
        // with `--allow-undefined`): a C function the crate must supply.
        for m in modules {
            assert_eq!(m, "wasi_snapshot_preview1", "{name} imports from {m}");
        }
    }
}

#[test]
fn sort_uses_the_global_allocator_on_both_backends() {
    // Lines of varied length, many duplicates; the input grows the `Vec`
    // (realloc) well past the first 16 KiB chunk.
    let text: String = noise(60_000)
        .chunks(7)
        .map(|c| {
            let n = (c[0] % 5) as usize;
            c[1..1 + n.min(c.len() - 1)]
                .iter()
                .map(|b| (b'a' + b % 26) as char)
                .collect::<String>()
                + "\n"
        })
        .collect();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    let sorted: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let reversed: String = lines.iter().rev().map(|l| format!("{l}\n")).collect();
    for (backend, target) in BACKENDS {
        let wasm = build("sort", backend, target);
        let out = run(&wasm, &[], text.as_bytes());
        check(&out, &format!("sort ({backend})"));
        assert!(out.stdout == sorted.as_bytes(), "sort ({backend})");
        let out = run(&wasm, &["-r"], text.as_bytes());
        check(&out, &format!("sort -r ({backend})"));
        assert!(out.stdout == reversed.as_bytes(), "sort -r ({backend})");
        // `main` returning Err: message on stderr, exit status 1.
        let out = run(&wasm, &["--bad"], b"");
        assert_eq!(out.status.code(), Some(1), "sort --bad ({backend})");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("Error: unknown option"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn wc_p2_is_a_component_and_reads_without_copying() {
    let path = build("wc", "p2", "wasm32-wasip2");
    let wasm = std::fs::read(&path).unwrap();
    assert!(is_component(&wasm), "wasm32-wasip2 output is a component");
    let input = noise(200_000);
    let out = run(&path, &["--stats"], &input);
    check(&out, "wc --stats (p2)");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected_wc(&input));
    let stats = String::from_utf8_lossy(&out.stderr);
    // Every read landed in the caller's buffer: no copy. (The allocations
    // are the argument list: its spine and one string per argument.)
    assert!(stats.contains("backend=p2"), "{stats}");
    assert!(stats.contains("guest_copies=0"), "{stats}");
    assert!(stats.contains("fallback_allocs=3"), "{stats}");
}

/// One client of the echo server: connects to 127.0.0.1:`port`, sends
/// `payload` from a second thread while reading the echo (so neither side
/// can block on a full buffer), half-closes, and returns what came back.
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
fn tcp_echo_p2_echoes_over_loopback_without_copying() {
    let wasm = build("tcp-echo", "p2", "wasm32-wasip2");
    assert!(is_component(&std::fs::read(&wasm).unwrap()));
    let payloads: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"hello, echo\n".to_vec(),
        // Many 16 KiB receives, and a short one at the end.
        noise(300_000),
    ];
    // Port 0: the server prints the port the host chose. `timeout` bounds
    // the run if anything hangs; the server exits by itself after the last
    // connection.
    let mut child = Command::new("timeout")
        .args(["60", &wasmtime(), "run", "-S", "inherit-network=y"])
        .arg(&wasm)
        .args(["127.0.0.1:0", &payloads.len().to_string(), "--stats"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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
        let from = format!("connection {} from 127.0.0.1:", i + 1);
        let bytes = format!(": {} bytes", p.len());
        assert!(line.starts_with(&from) && line.ends_with(&bytes), "{line}");
    }
    // Every receive landed in the server's stack buffer: no allocation, no
    // copy (the counters were reset after the argument list was read).
    assert_eq!(
        stderr.trim_end(),
        "backend=p2 fallback_allocs=0 fallback_bytes=0 guest_copies=0 guest_copy_bytes=0"
    );
}

/// The rustdoc examples of the `wasm-libc` crate, compiled for and run on
/// each backend (as `std` programs: the doctest harness needs `std`, so the
/// crate's `c-symbols` feature is off and wasi-libc provides those symbols).
#[test]
fn doc_examples_run_on_both_backends() {
    let wasmtime = wasmtime();
    for (backend, target) in BACKENDS {
        let _g = CARGO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let runner = format!(
            "CARGO_TARGET_{}_RUNNER",
            target.to_uppercase().replace('-', "_")
        );
        let out = cargo()
            .args(["test", "--doc", "-p", "wasm-libc", "--no-default-features"])
            .args(["--target", target])
            .env(runner, format!("{wasmtime} run"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        check(&out, &format!("doc examples on {backend}"));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(" 0 failed"),
            "doc examples on {backend}:\n{text}"
        );
    }
}

/// The wasmtime 46 CLI, the last with wasi-threads (`WASMTIME_THREADS`,
/// else `.venv-threads/bin/wasmtime` from scripts/setup.sh).
fn wasmtime_threads() -> PathBuf {
    std::env::var_os("WASMTIME_THREADS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv-threads/bin/wasmtime"))
}

#[test]
fn threads_example_on_every_flavour() {
    // Without threads: `spawn` fails cleanly and the locks work on the one
    // thread (100,000 increments, the `Once` run once).
    for (backend, target) in BACKENDS {
        let wasm = build("threads", backend, target);
        let out = run(&wasm, &[], b"");
        check(&out, &format!("threads ({backend})"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "spawn: EAGAIN (no threads on this target)\ncounter 100000 once 1\n",
            "threads ({backend})"
        );
    }
    // wasi-threads: 4 x 100,000 increments under the Mutex (exact total),
    // the Once raced by 4 threads run once, join values 10+20+30+40, 1,000
    // values over a Condvar summed (1+...+1000), a thread with its own
    // stack size. Racy: 20 runs, each bounded so a deadlock fails.
    let wasm = build("threads", "p1", "wasm32-wasip1-threads");
    let expected = "counter 400000 (expected 400000) once 1 ids 100\n\
                    queue: 1000 sent, sum 500500 (expected 500500)\n\
                    builder thread not main: true\n";
    for i in 0..20 {
        let out = Command::new("timeout")
            .arg("60")
            .arg(wasmtime_threads())
            .args(["run", "-W", "threads,shared-memory", "-S", "threads"])
            .arg(&wasm)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        check(&out, &format!("threads (p1-threads), run {i}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "threads (p1-threads), run {i}"
        );
    }
}
