//! The network tests of `tests/c/`: every `<name>.c` with a `<name>.runner`.
//!
//! A `.runner` file says how to run the test on each backend, one line per
//! backend (`#` starts a comment):
//! - `p2: <wasmtime run options>`: compiled against `sysroot/p2`, made a
//!   component, run as `wasmtime run <options> x.component.wasm`.
//! - `p1: <p1-host options> [-- <guest args>]`: compiled against
//!   `sysroot/p1`, run by this crate's `p1-host` (wasi-common preview1 +
//!   `--listen` pre-opened listener and/or `--wamr` socket extension).
//! - `p2-adapted: <p1-host options> [-- <guest args>]`: the p2 core module
//!   (compiled against `sysroot/p2`), turned into a preview1 module by
//!   `wasm-libc adapt` (its `wasi:sockets` imports served by the adapter
//!   over WAMR's extension), run by `p1-host` like a `p1` line.
//!
//! A backend without a line is not run. Output must equal `<name>.stdout`,
//! exit status must be 0. Everything runs on loopback and is bounded (the
//! host kills a guest after 30 s; wasmtime runs under `timeout 60`).
//!
//! Also checked here: which imports a p1 program pulls in (a program that
//! never calls `socket` must instantiate on a preview1 runtime without
//! WAMR's extension).
//!
//! Needs `clang`, `wasm-tools` and `wasmtime` on PATH; builds the sysroots
//! with `cargo xtask sysroot` first.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn out_dir() -> PathBuf {
    let d = root().join("target/net-tests");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Builds the sysroots once per test run.
fn sysroot() -> &'static Path {
    static S: OnceLock<PathBuf> = OnceLock::new();
    S.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let st = Command::new(cargo)
            .current_dir(root())
            .args(["xtask", "sysroot"])
            .env_remove("CARGO_TARGET_DIR")
            .status()
            .expect("cargo xtask sysroot");
        assert!(st.success(), "cargo xtask sysroot failed");
        root().join("sysroot")
    })
}

/// Builds the `wasm-libc` tool (which embeds the adapter) once per run.
fn wasm_libc() -> &'static Path {
    static B: OnceLock<PathBuf> = OnceLock::new();
    B.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let st = Command::new(cargo)
            .current_dir(root())
            .args(["build", "--release", "-q", "-p", "wasm-libc-cli"])
            .env_remove("CARGO_TARGET_DIR")
            .status()
            .expect("cargo build -p wasm-libc-cli");
        assert!(st.success(), "building wasm-libc failed");
        root().join("target/release/wasm-libc")
    })
}

/// `wasm-libc adapt p2 -o out`.
fn adapt(p2: &Path, out: &Path) {
    let o = Command::new(wasm_libc())
        .arg("adapt")
        .arg(p2)
        .arg("-o")
        .arg(out)
        .output()
        .expect("wasm-libc");
    assert!(
        o.status.success(),
        "wasm-libc adapt {}: {}",
        p2.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn compile(src: &Path, backend: &str, out: &Path) {
    let o = Command::new("clang")
        .arg("--target=wasm32-wasi")
        .arg(format!("--sysroot={}", sysroot().join(backend).display()))
        .args(["-fno-builtin", "-O2"])
        .arg(src)
        .arg("-o")
        .arg(out)
        .output()
        .expect("clang");
    assert!(
        o.status.success(),
        "clang {}: {}",
        src.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn run_test(name: &str) {
    let dir = root().join("tests/c");
    let runner = std::fs::read_to_string(dir.join(format!("{name}.runner"))).unwrap();
    let want = std::fs::read_to_string(dir.join(format!("{name}.stdout"))).unwrap();
    let mut ran = 0;
    for line in runner.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (backend, opts) = line
            .split_once(':')
            .expect("`p1:`, `p2:` or `p2-adapted:` line");
        let opts: Vec<&str> = opts.split_whitespace().collect();
        let sysroot = if backend == "p2-adapted" {
            "p2"
        } else {
            backend
        };
        let wasm = out_dir().join(format!("{name}-{backend}.wasm"));
        compile(&dir.join(format!("{name}.c")), sysroot, &wasm);
        let out = match backend {
            "p2" => {
                let comp = out_dir().join(format!("{name}-p2.component.wasm"));
                let st = Command::new("wasm-tools")
                    .args(["component", "new"])
                    .arg(&wasm)
                    .arg("-o")
                    .arg(&comp)
                    .status()
                    .expect("wasm-tools");
                assert!(st.success());
                Command::new("timeout")
                    .args(["60", "wasmtime", "run"])
                    .args(&opts)
                    .arg(&comp)
                    .output()
                    .expect("wasmtime")
            }
            "p1" | "p2-adapted" => {
                let wasm = if backend == "p2-adapted" {
                    let adapted = out_dir().join(format!("{name}-p2-adapted.p1.wasm"));
                    adapt(&wasm, &adapted);
                    adapted
                } else {
                    wasm
                };
                let (host_opts, guest): (Vec<&str>, Vec<&str>) =
                    match opts.iter().position(|o| *o == "--") {
                        Some(i) => (opts[..i].to_vec(), opts[i + 1..].to_vec()),
                        None => (opts.clone(), vec![]),
                    };
                Command::new(env!("CARGO_BIN_EXE_p1-host"))
                    .args(&host_opts)
                    .arg(&wasm)
                    .args(&guest)
                    .output()
                    .expect("p1-host")
            }
            other => panic!("{name}.runner: unknown backend {other}"),
        };
        let got = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && got == want,
            "{name} on {backend} ({opts:?}): {}\n--- stdout (want {name}.stdout) ---\n{got}\n--- stderr ---\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran > 0, "{name}.runner names no backend");
}

macro_rules! net_tests {
    ($($name:ident),*) => {$(
        #[test]
        fn $name() {
            run_test(stringify!($name));
        }
    )*};
}

net_tests!(
    sock_tcp_echo,
    sock_udp,
    sock_errors,
    sock_poll_many,
    net_gai,
    sock_p1_preopen,
    sock_ipv6,
    many_socks,
    sock_recv
);

/// The same names as in `net_tests!` above.
const DRIVEN: &[&str] = &[
    "sock_tcp_echo",
    "sock_udp",
    "sock_errors",
    "sock_poll_many",
    "net_gai",
    "sock_p1_preopen",
    "sock_ipv6",
    "many_socks",
    "sock_recv",
];

/// Every `.runner` in tests/c has a test above.
#[test]
fn every_runner_file_is_driven() {
    for e in std::fs::read_dir(root().join("tests/c")).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "runner") {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(
                DRIVEN.contains(&stem.as_str()),
                "{stem}.runner: add it to net_tests! and DRIVEN"
            );
        }
    }
}

fn imports(wasm: &Path) -> Vec<String> {
    let o = Command::new("wasm-tools")
        .arg("print")
        .arg(wasm)
        .output()
        .expect("wasm-tools");
    assert!(o.status.success());
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let rest = l.strip_prefix("(import \"wasi_snapshot_preview1\" \"")?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// The preview1 functions any preview1 runtime with sockets provides.
const STANDARD: &[&str] = &[
    "args_get",
    "args_sizes_get",
    "environ_get",
    "environ_sizes_get",
    "clock_res_get",
    "clock_time_get",
    "fd_close",
    "fd_fdstat_get",
    "fd_fdstat_set_flags",
    "fd_pread",
    "fd_prestat_dir_name",
    "fd_prestat_get",
    "fd_pwrite",
    "fd_read",
    "fd_seek",
    "fd_write",
    "path_open",
    "poll_oneoff",
    "proc_exit",
    "random_get",
    "sock_accept",
    "sock_recv",
    "sock_send",
    "sock_shutdown",
];

#[test]
fn programs_without_socket_import_no_socket_extension() {
    let dir = out_dir();
    let hello = dir.join("hello.c");
    std::fs::write(
        &hello,
        "#include <unistd.h>\nint main(void) { write(1, \"hi\\n\", 3); return 0; }\n",
    )
    .unwrap();
    let w = dir.join("hello-p1.wasm");
    compile(&hello, "p1", &w);
    let im = imports(&w);
    assert_eq!(im, ["proc_exit", "fd_write"], "hello world imports");
    // p2: a component that never calls `socket` imports no wasi:sockets.
    let w2 = dir.join("hello-p2.wasm");
    compile(&hello, "p2", &w2);
    let c = dir.join("hello-p2.component.wasm");
    assert!(
        Command::new("wasm-tools")
            .args(["component", "new"])
            .arg(&w2)
            .arg("-o")
            .arg(&c)
            .status()
            .unwrap()
            .success()
    );
    let wit = Command::new("wasm-tools")
        .args(["component", "wit"])
        .arg(&c)
        .output()
        .unwrap();
    let wit = String::from_utf8_lossy(&wit.stdout);
    assert!(
        wit.contains("wasi:cli/stdout") && !wit.contains("wasi:sockets"),
        "p2 hello world imports:\n{wit}"
    );
    // Adapted to preview1, it gains no socket import either (the tool
    // fuses only the adapter functions the program's imports reach).
    let a = dir.join("hello-p2-adapted.p1.wasm");
    adapt(&w2, &a);
    let im = imports(&a);
    assert!(
        im.iter().all(|i| !i.starts_with("sock_")) && im.contains(&"fd_write".to_string()),
        "adapted p2 hello world imports {im:?}"
    );
    // A p2 program with files, stdin and poll but no sockets: the same.
    let w3 = dir.join("read_stdin-p2.wasm");
    compile(&root().join("tests/c/read_stdin.c"), "p2", &w3);
    let a = dir.join("read_stdin-p2-adapted.p1.wasm");
    adapt(&w3, &a);
    let im = imports(&a);
    assert!(
        im.iter().all(|i| !i.starts_with("sock_")),
        "adapted read_stdin imports {im:?}"
    );
    // A p2 socket program, adapted, imports WAMR's extension.
    let w4 = dir.join("echo-p2.wasm");
    compile(&root().join("tests/c/sock_tcp_echo.c"), "p2", &w4);
    let a = dir.join("echo-p2-adapted.p1.wasm");
    adapt(&w4, &a);
    let im = imports(&a);
    for f in [
        "sock_open",
        "sock_bind",
        "sock_listen",
        "sock_connect",
        "sock_accept",
    ] {
        assert!(
            im.iter().any(|i| i == f),
            "adapted sock_tcp_echo should import {f}"
        );
    }
    // A server on a pre-opened socket (accept, recv, send, shutdown, poll,
    // fcntl, getsockopt(SO_TYPE)): standard preview1 only.
    let w = dir.join("preopen-p1.wasm");
    compile(&root().join("tests/c/sock_p1_preopen.c"), "p1", &w);
    for i in imports(&w) {
        assert!(
            STANDARD.contains(&i.as_str()),
            "sock_p1_preopen imports {i}"
        );
    }
    // And a program that creates sockets does import the extension.
    let w = dir.join("echo-p1.wasm");
    compile(&root().join("tests/c/sock_tcp_echo.c"), "p1", &w);
    let im = imports(&w);
    for f in [
        "sock_open",
        "sock_bind",
        "sock_listen",
        "sock_connect",
        "sock_addr_local",
    ] {
        assert!(im.iter().any(|i| i == f), "sock_tcp_echo should import {f}");
    }
}

/// A p2 program calling `wasi:sockets` imports directly, for the hostile
/// cases: argv[1] picks one (no argument: the valid path).
const HOSTILE_C: &str = r#"
#include <unistd.h>
#define IMPORT(m, n) __attribute__((import_module(m), import_name(n)))
#define TCP "wasi:sockets/tcp@0.2.0"
#define UDP "wasi:sockets/udp@0.2.0"
IMPORT(TCP, "[method]tcp-socket.address-family") extern int tcp_family(int);
IMPORT(TCP, "[method]tcp-socket.start-bind") extern void tcp_start_bind(int, int, int, int, int, int, int, int, int, int, int, int, int, int, void *);
IMPORT(TCP, "[resource-drop]tcp-socket") extern void tcp_drop(int);
IMPORT("wasi:sockets/instance-network@0.2.0", "instance-network") extern int instance_network(void);
IMPORT("wasi:sockets/tcp-create-socket@0.2.0", "create-tcp-socket") extern void create_tcp(int, void *);
IMPORT("wasi:sockets/ip-name-lookup@0.2.0", "resolve-addresses") extern void resolve(int, const char *, int, void *);
IMPORT(UDP, "[method]outgoing-datagram-stream.send") extern void dgram_send(int, const void *, int, void *);
IMPORT(UDP, "[method]udp-socket.start-bind") extern void udp_start_bind(int, int, int, int, int, int, int, int, int, int, int, int, int, int, void *);
IMPORT(UDP, "[method]udp-socket.finish-bind") extern void udp_finish_bind(int, void *);
IMPORT(UDP, "[method]udp-socket.stream") extern void udp_stream(int, int, int, int, int, int, int, int, int, int, int, int, int, int, void *);
IMPORT("wasi:sockets/udp-create-socket@0.2.0", "create-udp-socket") extern void create_udp(int, void *);
IMPORT("wasi:cli/stdin@0.2.0", "get-stdin") extern int get_stdin(void);
IMPORT("wasi:cli/stdout@0.2.0", "get-stdout") extern int get_stdout(void);
IMPORT("wasi:io/streams@0.2.0", "[method]input-stream.blocking-read") extern void blocking_read(int, long long, void *);
IMPORT("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush") extern void write_flush(int, const void *, int, void *);
#define OOB ((void *)0xfffffff0)
static int ret[12];
static int tcp(void) { create_tcp(0, ret); return ret[0] & 0xff ? -1 : ret[1]; }
/* A UDP socket bound to 127.0.0.1 (any port): its outgoing-datagram-stream. */
static int udp_out(void) {
  create_udp(0, ret);
  if (ret[0] & 0xff) return -1;
  int u = ret[1];
  udp_start_bind(u, instance_network(), 0, 0, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, ret);
  if (ret[0] & 0xff) return -2;
  udp_finish_bind(u, ret);
  if (ret[0] & 0xff) return -3;
  udp_stream(u, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ret);
  return ret[0] & 0xff ? -4 : ret[2];
}
static void say(const char *s) { int n = 0; while (s[n]) n++; write(1, s, n); }
/* A result<_, error-code> return area: [0] tag, [1] code. */
static void say_result(const char *what) {
  const unsigned char *r = (const unsigned char *)ret;
  char b[4] = {' ', (char)('0' + r[0]), '/', 0};
  say(what); say(b);
  b[0] = (char)('0' + r[1] / 10); b[1] = (char)('0' + r[1] % 10); b[2] = '\n';
  say(b);
}
int main(int argc, char **argv) {
  int which = -1;
  if (argc > 1) for (const char *p = argv[1], *q = (which = 0, p); *q; q++) which = which * 10 + (*q - '0');
  say("before\n");
  switch (which) {
  case 0: tcp_family(12345); break;               /* unknown handle */
  case 1: tcp_family(instance_network()); break;  /* a network is not a tcp-socket */
  case 2: { int h = tcp(); tcp_drop(h); tcp_drop(h); } break; /* dropped twice */
  case 3: resolve(instance_network(), OOB, 64, ret); break; /* name outside memory */
  case 4: create_tcp(7, ret); break;              /* not an ip-address-family */
  case 5: create_udp(0, ret); dgram_send(ret[1], 0, 1, ret); break; /* a udp-socket is no stream */
  case 6: tcp_family(get_stdin()); break;         /* an input-stream is not a tcp-socket */
  case 7: blocking_read(tcp(), 16, ret); break;   /* a tcp-socket is not an input-stream */
  case 8: create_tcp(0, OOB); break;              /* return area outside memory */
  case 9: { /* a datagram whose payload lies outside memory */
    int rec[11] = {(int)OOB, 64, 0};
    dgram_send(udp_out(), rec, 1, ret);
  } break;
  case 10: dgram_send(udp_out(), OOB, 1, ret); break; /* the datagram list outside memory */
  case 11: write_flush(get_stdout(), OOB, 64, ret); break; /* bytes to write outside memory */
  case 12: { /* an IPv6 address for an IPv4 socket: invalid-argument (3), no trap */
    int h = tcp();
    for (unsigned i = 0; i < sizeof ret; i++) ((unsigned char *)ret)[i] = 0xee;
    tcp_start_bind(h, instance_network(), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, ret);
    say_result("bind ipv6 on ipv4:");
    tcp_drop(h);
  } break;
  default: {
    int h = tcp();
    if (h > 0 && tcp_family(h) == 0) say("family ipv4\n");
    tcp_drop(h);
    if (udp_out() > 0) say("udp stream\n");
  }
  }
  say("after\n");
  return 0;
}
"#;

/// The cases of [`HOSTILE_C`] that must trap: an unknown handle, a handle
/// of another resource type (a network, an input-stream, a tcp-socket, a
/// udp-socket where something else is expected), a socket dropped twice, a
/// name, a return area, a datagram list, a datagram payload and bytes to
/// write outside memory, an invalid enum value.
const HOSTILE_TRAPS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"];

/// Hostile input to the adapter's sockets (issue 17). Each trap case is a
/// clean trap before anything is written (stdout stops at "before"), in the
/// adapter's `unreachable` or at its bounds-checked store, as on a
/// component host: the same program made a component traps on wasmtime in
/// every one of these cases (the reference). An IPv6 address for an IPv4
/// socket is an error code, the same on both; the valid path prints the
/// same on both.
#[test]
fn adapted_sockets_bad_handles_trap() {
    let dir = out_dir();
    let src = dir.join("sock_hostile.c");
    std::fs::write(&src, HOSTILE_C).unwrap();
    let w = dir.join("sock_hostile-p2.wasm");
    compile(&src, "p2", &w);
    let a = dir.join("sock_hostile-p2-adapted.p1.wasm");
    adapt(&w, &a);
    let comp = dir.join("sock_hostile-p2.component.wasm");
    assert!(
        Command::new("wasm-tools")
            .args(["component", "new"])
            .arg(&w)
            .arg("-o")
            .arg(&comp)
            .status()
            .unwrap()
            .success()
    );
    let adapted = |arg: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_p1-host"));
        c.arg("--wamr").arg(&a);
        if !arg.is_empty() {
            c.arg(arg);
        }
        c.output().expect("p1-host")
    };
    let wasmtime = |arg: &str| {
        let mut c = Command::new("timeout");
        c.args(["60", "wasmtime", "run", "-S", "inherit-network=y"])
            .arg(&comp);
        if !arg.is_empty() {
            c.arg(arg);
        }
        c.output().expect("wasmtime")
    };
    for arg in ["", "12"] {
        let (o, r) = (adapted(arg), wasmtime(arg));
        assert!(r.status.success(), "reference, case {arg:?}: {r:?}");
        assert!(o.status.success(), "adapted, case {arg:?}: {o:?}");
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&r.stdout),
            "case {arg:?}: adapted vs wasmtime"
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&adapted("").stdout),
        "before\nfamily ipv4\nudp stream\nafter\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&adapted("12").stdout),
        "before\nbind ipv6 on ipv4: 1/03\nafter\n"
    );
    for case in HOSTILE_TRAPS {
        let r = wasmtime(case);
        assert!(
            !r.status.success() && String::from_utf8_lossy(&r.stdout) == "before\n",
            "reference (wasmtime), case {case}: the component host should trap: {r:?}"
        );
        let o = adapted(case);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !o.status.success()
                && String::from_utf8_lossy(&o.stdout) == "before\n"
                && err.contains("guest trapped")
                && (err.contains("unreachable") || err.contains("out of bounds")),
            "case {case}: {:?}\n{err}",
            o.status
        );
    }
}
