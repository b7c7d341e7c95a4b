//! The p1-mvp flavour on an old runtime: builds `sysroot/p1-mvp`, compiles the
//! C programs of `c/` with `clang -mcpu=mvp`, checks each module with a
//! validator limited to WebAssembly 1.0 (`wasm-tools validate --features
//! mvp,mutable-global`), and runs it on the December 2020 WAMR (this crate's
//! `wamr-runner`) and on wasmtime, comparing the output with `c/<name>.stdout`.
//! The Rust example `examples/wc`, built for `wasm32v1-none`, goes the same
//! way.
//!
//! The same programs built for `sysroot/p2-mvp` (the p2 backend in
//! WebAssembly 1.0) are WASI 0.2 core modules: each is validated as
//! WebAssembly 1.0, turned into a preview1 module by `wasm-libc adapt` (the
//! `wasm-libc-cli` crate's binary), validated again, and run on the same two
//! runtimes with the same expected output (docs/adapter.md).
//!
//! Needs clang, wasm-tools and wasmtime (on `PATH`, in the repository's
//! `.venv/bin`, or named by `WASM_LIBC_CLANG`, `WASM_TOOLS`, `WASMTIME`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Once;

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn root() -> PathBuf {
    here().ancestors().nth(2).unwrap().to_path_buf()
}

/// A tool: `$var`, else the first of `names` that runs, also looking in the
/// repository's `.venv/bin` and `/tmp/venv/bin`.
fn tool(var: &str, names: &[&str]) -> String {
    if let Ok(v) = std::env::var(var) {
        return v;
    }
    let venvs = [root().join(".venv/bin"), PathBuf::from("/tmp/venv/bin")];
    for n in names {
        let mut cands = vec![n.to_string()];
        cands.extend(venvs.iter().map(|v| v.join(n).display().to_string()));
        for c in cands {
            if Command::new(&c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
            {
                return c;
            }
        }
    }
    panic!("none of {names:?} found (set {var})");
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

fn cargo_in_root() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    // This crate's own workspace settings must not leak into the main one.
    c.env_remove("CARGO_TARGET_DIR");
    c
}

/// Builds `sysroot/p1-mvp`, `sysroot/p2-mvp` and `sysroot/p1` once per
/// test run.
fn sysroots() -> PathBuf {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for flavour in ["p1-mvp", "p2-mvp", "p1"] {
            let out = cargo_in_root()
                .args(["xtask", "sysroot", "--only", flavour])
                .output()
                .unwrap();
            check(&out, &format!("cargo xtask sysroot --only {flavour}"));
        }
    });
    root().join("sysroot")
}

/// The `wasm-libc` tool (`cargo build -p wasm-libc-cli`), built once.
fn adapt_tool() -> PathBuf {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let out = cargo_in_root()
            .args(["build", "--quiet", "-p", "wasm-libc-cli"])
            .output()
            .unwrap();
        check(&out, "cargo build -p wasm-libc-cli");
    });
    root().join("target/debug/wasm-libc")
}

/// `wasm-libc adapt core -o core.p1.wasm`.
fn adapt(core: &Path) -> PathBuf {
    let out_wasm = core.with_extension("p1.wasm");
    let out = Command::new(adapt_tool())
        .arg("adapt")
        .arg(core)
        .arg("-o")
        .arg(&out_wasm)
        .output()
        .unwrap();
    check(&out, &format!("wasm-libc adapt {}", core.display()));
    out_wasm
}

/// The import modules of a module, from `wasm-tools print`.
fn import_modules(wasm: &Path) -> Vec<String> {
    let out = Command::new(tool("WASM_TOOLS", &["wasm-tools"]))
        .arg("print")
        .arg(wasm)
        .output()
        .unwrap();
    check(&out, "wasm-tools print");
    let mut mods: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("(import \""))
        .filter_map(|l| l.split('"').next().map(String::from))
        .collect();
    mods.sort();
    mods.dedup();
    mods
}

fn out_dir() -> PathBuf {
    let d = here().join("target/mvp-tests");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Compiles `c/<name>.c` against a sysroot flavour.
fn compile(name: &str, flavour: &str, extra: &[&str]) -> PathBuf {
    let wasm = out_dir().join(format!("{name}-{flavour}.wasm"));
    let out = Command::new(tool("WASM_LIBC_CLANG", &["clang", "clang-19"]))
        .arg("--target=wasm32-wasi")
        .arg(format!("--sysroot={}", sysroots().join(flavour).display()))
        .args(["-O2", "-fno-builtin"])
        .args(extra)
        .arg(here().join("c").join(format!("{name}.c")))
        .arg("-o")
        .arg(&wasm)
        .output()
        .unwrap();
    check(&out, &format!("clang {name}.c ({flavour})"));
    wasm
}

/// The flags a program for the p1-mvp flavour is built with (docs/flavours.md).
const MVP_FLAGS: &[&str] = &["-mcpu=mvp", "-Wl,--compress-relocations,--strip-debug"];

fn validate_mvp(wasm: &Path) -> Output {
    Command::new(tool("WASM_TOOLS", &["wasm-tools"]))
        .args(["validate", "--features", "mvp,mutable-global"])
        .arg(wasm)
        .output()
        .unwrap()
}

fn run(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
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

/// Runs on the 2020 WAMR. Its exit status says only whether the module ran
/// to its end (that WAMR drops the guest's exit code).
fn run_wamr(wasm: &Path, args: &[String], stdin: &[u8]) -> Output {
    run(
        Command::new(env!("CARGO_BIN_EXE_wamr-runner"))
            .arg(wasm)
            .args(args),
        stdin,
    )
}

fn run_wasmtime(wasm: &Path, args: &[String], stdin: &[u8]) -> Output {
    run(
        Command::new(tool("WASMTIME", &["wasmtime"]))
            .arg("run")
            .arg(wasm)
            .args(args),
        stdin,
    )
}

/// `c/<name>.stdin` and `c/<name>.args` (one argument per line), if present.
fn inputs(name: &str) -> (Vec<u8>, Vec<String>) {
    let c = here().join("c");
    let stdin = std::fs::read(c.join(format!("{name}.stdin"))).unwrap_or_default();
    let args = std::fs::read_to_string(c.join(format!("{name}.args")))
        .map(|s| s.lines().map(String::from).collect())
        .unwrap_or_default();
    (stdin, args)
}

fn c_program(name: &str) {
    let wasm = compile(name, "p1-mvp", MVP_FLAGS);
    check(&validate_mvp(&wasm), &format!("MVP validation of {name}"));
    let expected =
        std::fs::read_to_string(here().join("c").join(format!("{name}.stdout"))).unwrap();
    let (stdin, args) = inputs(name);
    for (runtime, out) in [
        ("WAMR 2020", run_wamr(&wasm, &args, &stdin)),
        ("wasmtime", run_wasmtime(&wasm, &args, &stdin)),
    ] {
        check(&out, &format!("{name} on {runtime}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{name} on {runtime}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `c/<name>.c` for p2-mvp: a WASI 0.2 core module in WebAssembly 1.0,
/// adapted to preview1 (still WebAssembly 1.0), run on the 2020 WAMR and on
/// wasmtime with the output the p1-mvp build gives.
fn c_program_p2_adapted(name: &str) {
    let core = compile(name, "p2-mvp", MVP_FLAGS);
    check(
        &validate_mvp(&core),
        &format!("MVP validation of {name} (p2)"),
    );
    let mods = import_modules(&core);
    assert!(
        !mods.is_empty() && mods.iter().all(|m| m.starts_with("wasi:")),
        "{name} (p2): imports {mods:?}"
    );
    let wasm = adapt(&core);
    check(
        &validate_mvp(&wasm),
        &format!("MVP validation of {name} (p2, adapted)"),
    );
    assert_eq!(
        import_modules(&wasm),
        ["wasi_snapshot_preview1"],
        "{name} (p2, adapted)"
    );
    let expected =
        std::fs::read_to_string(here().join("c").join(format!("{name}.stdout"))).unwrap();
    let (stdin, args) = inputs(name);
    for (runtime, out) in [
        ("WAMR 2020", run_wamr(&wasm, &args, &stdin)),
        ("wasmtime", run_wasmtime(&wasm, &args, &stdin)),
    ] {
        check(&out, &format!("{name} (p2, adapted) on {runtime}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{name} (p2, adapted) on {runtime}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn hello() {
    c_program("hello");
}

#[test]
fn hello_p2_adapted() {
    c_program_p2_adapted("hello");
}

#[test]
fn cat_stdin_heap_and_args_p2_adapted() {
    c_program_p2_adapted("cat");
}

#[test]
fn clocks_and_nanosleep_p2_adapted() {
    c_program_p2_adapted("clock");
}

#[test]
fn cat_stdin_heap_and_args() {
    c_program("cat");
}

#[test]
fn clocks_and_nanosleep() {
    c_program("clock");
}

/// The validator does reject post-MVP code: the ordinary p1 flavour's output
/// fails it (so the checks above mean something).
#[test]
fn the_p1_flavour_is_not_mvp() {
    let wasm = compile("hello", "p1", &[]);
    assert!(!validate_mvp(&wasm).status.success());
}

/// The `no_std` Rust example, built for `wasm32v1-none` (the target picks
/// the p1 backend).
#[test]
fn rust_wc_on_wasm32v1_none() {
    let out = cargo_in_root()
        .args(["build", "--release", "-p", "wc"])
        .args(["--target", "wasm32v1-none"])
        .output()
        .unwrap();
    check(&out, "cargo build -p wc --target wasm32v1-none");
    let wasm = root().join("target/wasm32v1-none/release/wc.wasm");
    check(&validate_mvp(&wasm), "MVP validation of wc");
    let input: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let lines = input.iter().filter(|&&b| b == b'\n').count();
    let expected = format!("{lines:>7} {:>7}\n", input.len());
    for (runtime, out) in [
        ("WAMR 2020", run_wamr(&wasm, &[], &input)),
        ("wasmtime", run_wasmtime(&wasm, &[], &input)),
    ] {
        check(&out, &format!("wc on {runtime}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "wc on {runtime}"
        );
    }
}
