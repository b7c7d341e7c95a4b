//! The host's `--p2` and `--fuel` modes (what `bench/tcp/run.py` relies on):
//! a component with network access (the TCP echo test, over loopback), and
//! fuel that is reported and deterministic on both backends.
//!
//! Needs `clang` and `wasm-tools` on PATH; builds the sysroots with
//! `cargo xtask sysroot` first.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

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

/// Compiles tests/c/<name>.c for `backend`; on p2 returns the component.
fn build(name: &str, backend: &str) -> PathBuf {
    let dir = root().join("target/p2-fuel-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let core = dir.join(format!("{name}-{backend}.wasm"));
    let o = Command::new("clang")
        .arg("--target=wasm32-wasi")
        .arg(format!("--sysroot={}", sysroot().join(backend).display()))
        .args(["-fno-builtin", "-O2"])
        .arg(root().join(format!("tests/c/{name}.c")))
        .arg("-o")
        .arg(&core)
        .output()
        .expect("clang");
    assert!(
        o.status.success(),
        "clang: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    if backend == "p1" {
        return core;
    }
    let comp = dir.join(format!("{name}-{backend}.component.wasm"));
    let st = Command::new("wasm-tools")
        .args(["component", "new"])
        .arg(&core)
        .arg("-o")
        .arg(&comp)
        .status()
        .expect("wasm-tools");
    assert!(st.success());
    comp
}

fn host(args: &[&str], wasm: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_p1-host"))
        .args(args)
        .arg(wasm)
        .output()
        .expect("p1-host")
}

/// The fuel from `p1-host: fuel=F ns=T` on stderr.
fn fuel(out: &Output) -> u64 {
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("p1-host: fuel="))
        .unwrap_or_else(|| panic!("no fuel report in: {err}"));
    let (f, ns) = line.split_once(" ns=").expect("fuel=F ns=T");
    ns.parse::<u128>().expect("ns");
    f.parse().expect("fuel")
}

fn expect_ok(name: &str, out: &Output) {
    let want = std::fs::read_to_string(root().join(format!("tests/c/{name}.stdout"))).unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout) == want,
        "{name}: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn p2_component_gets_the_network() {
    let comp = build("sock_tcp_echo", "p2");
    let out = host(&["--p2", "--fuel"], &comp);
    expect_ok("sock_tcp_echo", &out);
    assert!(fuel(&out) > 0);
}

#[test]
fn fuel_is_reported_and_deterministic() {
    for (backend, flags) in [("p2", &["--p2", "--fuel"][..]), ("p1", &["--fuel"][..])] {
        let wasm = build("net_text", backend);
        let a = host(flags, &wasm);
        let b = host(flags, &wasm);
        expect_ok("net_text", &a);
        expect_ok("net_text", &b);
        assert!(fuel(&a) > 0, "{backend}: no fuel used");
        assert_eq!(
            fuel(&a),
            fuel(&b),
            "{backend}: fuel differs between two runs"
        );
    }
    // Without --fuel, --report still prints the line (fuel 0).
    let out = host(&["--report"], &build("net_text", "p1"));
    expect_ok("net_text", &out);
    assert_eq!(fuel(&out), 0);
}
