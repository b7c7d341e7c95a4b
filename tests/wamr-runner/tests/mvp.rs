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
            // The p2 flavours embed their WIT world with wasm-tools.
            let out = cargo_in_root()
                .args(["xtask", "sysroot", "--only", flavour])
                .env("WASM_TOOLS", tool("WASM_TOOLS", &["wasm-tools"]))
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
    runs_as_expected(&wasm, name, name);
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
    runs_as_expected(&wasm, name, &format!("{name} (p2, adapted)"));
}

/// Runs `wasm` with `c/<name>`'s stdin and arguments on the 2020 WAMR and on
/// wasmtime: each must succeed and print `c/<name>.stdout` (`label` names
/// the build in failures).
fn runs_as_expected(wasm: &Path, name: &str, label: &str) {
    let expected =
        std::fs::read_to_string(here().join("c").join(format!("{name}.stdout"))).unwrap();
    let (stdin, args) = inputs(name);
    for (runtime, out) in [
        ("WAMR 2020", run_wamr(wasm, &args, &stdin)),
        ("wasmtime", run_wasmtime(wasm, &args, &stdin)),
    ] {
        check(&out, &format!("{label} on {runtime}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{label} on {runtime}; stderr: {}",
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

/// One run of a sweep program: status (None when killed after the timeout),
/// stdout, stderr.
type Ran = (Option<i32>, Vec<u8>, Vec<u8>);

/// Runs `cmd` with `stdin`, killing it after 60 s.
fn run_timed(cmd: &mut Command, stdin: &[u8]) -> Ran {
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
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st.code();
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    feeder.join().unwrap();
    (status, out.join().unwrap(), err.join().unwrap())
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A program of `tests/c` and its conventions (docs/design.md, "C tests").
struct Case {
    name: String,
    cflags: Vec<String>,
    stdout: Vec<u8>,
    stdin: Vec<u8>,
    args: Vec<String>,
    env: Vec<String>,
    /// `None`: a trap is expected.
    status: Option<i32>,
    files: Option<PathBuf>,
}

/// The `tests/c` programs a p2 build runs (not `.only` p1 or p1-threads, no
/// `.runner` (network tests with a host of their own), no `.flags` `cc:`
/// (clang 19 for setjmp's exceptions, C++)), and the reason for each one
/// left out.
fn sweep_cases() -> (Vec<Case>, Vec<(String, String)>) {
    let dir = root().join("tests/c");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().into_string().unwrap();
            n.strip_suffix(".c").map(String::from)
        })
        .collect();
    names.sort();
    let read = |name: &str, ext: &str| std::fs::read(dir.join(format!("{name}.{ext}"))).ok();
    let text = |name: &str, ext: &str| read(name, ext).map(|b| String::from_utf8(b).unwrap());
    let lines = |s: Option<String>| -> Vec<String> {
        s.map(|s| s.lines().map(String::from).collect())
            .unwrap_or_default()
    };
    let (mut cases, mut left_out) = (Vec::new(), Vec::new());
    for name in names {
        if let Some(only) = text(&name, "only").filter(|o| o.trim() != "p2") {
            left_out.push((name, format!("only {}", only.trim())));
            continue;
        }
        if read(&name, "runner").is_some() {
            left_out.push((name, "driven by its own runner (.runner)".into()));
            continue;
        }
        let mut cflags = Vec::new();
        let mut cc = None;
        for l in lines(text(&name, "flags")) {
            let l = l.trim();
            if let Some(v) = l.strip_prefix("cc:") {
                cc = Some(v.trim().to_string());
            } else if let Some(v) = l.strip_prefix("cflags:") {
                cflags.extend(v.split_whitespace().map(String::from));
            }
        }
        if let Some(cc) = cc {
            left_out.push((name, format!("needs {cc} (.flags)")));
            continue;
        }
        let status = match text(&name, "status").as_deref().map(str::trim) {
            None => Some(0),
            Some("trap") => None,
            Some(n) => Some(n.parse().unwrap()),
        };
        let files = Some(dir.join(format!("{name}.files"))).filter(|d| d.is_dir());
        cases.push(Case {
            cflags,
            stdout: read(&name, "stdout").unwrap(),
            stdin: read(&name, "stdin").unwrap_or_default(),
            args: lines(text(&name, "args")),
            env: lines(text(&name, "env")),
            status,
            files,
            name,
        });
    }
    (cases, left_out)
}

/// A sweep run on one runtime: the problems found (empty when it passed).
fn sweep_run(case: &Case, wasm: &Path, runtime: &str) -> String {
    let dir = out_dir().join("sweep-run").join(&case.name);
    let _ = std::fs::remove_dir_all(&dir);
    match &case.files {
        Some(f) => copy_tree(f, &dir),
        None => std::fs::create_dir_all(&dir).unwrap(),
    }
    let mut cmd = if runtime == "wasmtime" {
        let mut c = Command::new(tool("WASMTIME", &["wasmtime"]));
        c.arg("run")
            .arg("--dir")
            .arg(format!("{}::.", dir.display()))
            .arg("--argv0")
            .arg(&case.name);
        for kv in &case.env {
            c.arg("--env").arg(kv);
        }
        c.arg(wasm);
        c
    } else {
        let mut c = Command::new(env!("CARGO_BIN_EXE_wamr-runner"));
        c.args(["--dir", ".", "--argv0", &case.name]);
        for kv in &case.env {
            c.arg("--env").arg(kv);
        }
        c.arg(wasm);
        c
    };
    cmd.args(&case.args).current_dir(&dir);
    let (status, stdout, stderr) = run_timed(&mut cmd, &case.stdin);
    let _ = std::fs::remove_dir_all(&dir);
    // The status each runtime reports: wasmtime gives a p2 program's
    // non-zero status as 1 (WASI 0.2.0's `exit` is ok or err) and a trap as
    // 134; that WAMR drops the status (0) and the runner says 70 on a trap.
    let want = match (runtime, case.status) {
        ("wasmtime", Some(0)) => 0,
        ("wasmtime", Some(_)) => 1,
        ("wasmtime", None) => 134,
        (_, Some(_)) => 0,
        (_, None) => 70,
    };
    let mut problems = String::new();
    if status != Some(want) {
        problems.push_str(&format!("status {status:?}, expected {want}; "));
    }
    if stdout != case.stdout {
        problems.push_str("stdout differs; ");
    }
    if !problems.is_empty() {
        let text = String::from_utf8_lossy(&stderr);
        let got = String::from_utf8_lossy(&stdout);
        let first_diff = String::from_utf8_lossy(&case.stdout)
            .lines()
            .zip(got.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("first difference: -{a:?} +{b:?}; "))
            .unwrap_or_default();
        problems.push_str(&first_diff);
        problems.push_str(&format!(
            "stderr: {}",
            text.lines().take(3).collect::<Vec<_>>().join(" | ")
        ));
    }
    problems
}

/// The programs the sweep runs by default (CI): one or more per adapter
/// area (arguments, environment, clocks, random, stdin, zero-copy reads,
/// writes, files, directories, stat, stdio on files, exit statuses, a trap,
/// terminals, descriptor numbers, what the adapter does not map). The whole
/// of tests/c takes about 6 minutes here (2.4 s a program: two builds,
/// adaptation, three runs); `WASM_LIBC_WAMR_ALL=1` runs it.
const SWEEP_SUBSET: &[&str] = &[
    "main_args",
    "progname",
    "env_environ",
    "locale_ref",
    "clock",
    "nanosleep",
    "random",
    "read_stdin",
    "stdin_empty",
    "zero_copy",
    "writev",
    "file_rw",
    "fs_stat",
    "fs_files",
    "stdio_file",
    "stdio_fsops",
    "exit_status",
    "abort",
    "isatty",
    "many_fds",
    "wasi_unsupported",
];

/// `tests/c` programs built for p2-mvp, checked as WebAssembly 1.0,
/// adapted, and run on the 2020 WAMR and on wasmtime under the conventions
/// of tests/c_programs.rs (`.stdin`, `.args`, `.env`, `.status`, `.files/`
/// pre-opened as `.`; stdout compared with `.stdout`): by default
/// [`SWEEP_SUBSET`]; with `WASM_LIBC_WAMR_ALL=1` every program a p2 build
/// runs (see [`sweep_cases`]); with `WASM_LIBC_WAMR_ONLY=a,b` those named.
/// The same program built for p1-mvp also runs on that WAMR, which tells
/// the runtime's own gaps from the adapter's. Prints one line per program
/// and the counts; fails when an adapted program fails on wasmtime, or on
/// WAMR where its p1-mvp build passes there.
#[test]
fn tests_c_p2_adapted_on_wamr_2020() {
    let (mut cases, left_out) = sweep_cases();
    if let Ok(only) = std::env::var("WASM_LIBC_WAMR_ONLY") {
        let names: Vec<&str> = only.split(',').map(str::trim).collect();
        cases.retain(|c| names.contains(&c.name.as_str()));
    } else if std::env::var_os("WASM_LIBC_WAMR_ALL").is_none() {
        for n in SWEEP_SUBSET {
            assert!(
                cases.iter().any(|c| c.name == *n),
                "SWEEP_SUBSET names {n}, which is not a p2 tests/c program"
            );
        }
        cases.retain(|c| SWEEP_SUBSET.contains(&c.name.as_str()));
        eprintln!(
            "note: {} of the tests/c programs; WASM_LIBC_WAMR_ALL=1 runs them all",
            cases.len()
        );
    }
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut blame = Vec::new();
    for case in &cases {
        let name = &case.name;
        let flags: Vec<&str> = MVP_FLAGS
            .iter()
            .copied()
            .chain(case.cflags.iter().map(String::as_str))
            .chain(["-I", "."])
            .collect();
        let src = root().join("tests/c");
        let build = |flavour: &str| -> Result<PathBuf, String> {
            let wasm = out_dir().join(format!("sweep-{name}-{flavour}.wasm"));
            let out = Command::new(tool("WASM_LIBC_CLANG", &["clang", "clang-19"]))
                .current_dir(&src)
                .arg("--target=wasm32-wasi")
                .arg(format!("--sysroot={}", sysroots().join(flavour).display()))
                .args(["-O2", "-fno-builtin"])
                .args(&flags)
                .arg(format!("{name}.c"))
                .arg("-o")
                .arg(&wasm)
                .output()
                .unwrap();
            if !out.status.success() {
                let e = String::from_utf8_lossy(&out.stderr);
                return Err(format!(
                    "does not build: {}",
                    e.lines().find(|l| l.contains("error")).unwrap_or("")
                ));
            }
            if !validate_mvp(&wasm).status.success() {
                return Err("not WebAssembly 1.0".into());
            }
            Ok(wasm)
        };
        let p1 = build("p1-mvp").map(|w| sweep_run(case, &w, "wamr"));
        let p2 = build("p2-mvp").and_then(|core| {
            let out_wasm = core.with_extension("p1.wasm");
            let out = Command::new(adapt_tool())
                .arg("adapt")
                .arg(&core)
                .arg("-o")
                .arg(&out_wasm)
                .output()
                .unwrap();
            if !out.status.success() {
                return Err(format!(
                    "adapt failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            if !validate_mvp(&out_wasm).status.success() {
                return Err("adapted output not WebAssembly 1.0".into());
            }
            Ok(out_wasm)
        });
        let (wamr, wasmtime) = match &p2 {
            Ok(w) => (
                Ok(sweep_run(case, w, "wamr")),
                Ok(sweep_run(case, w, "wasmtime")),
            ),
            Err(e) => (Err(e.clone()), Err(e.clone())),
        };
        let verdict = |r: &Result<String, String>| match r {
            Ok(p) if p.is_empty() => "pass".to_string(),
            Ok(p) => format!("FAIL ({p})"),
            Err(e) => format!("n/a ({e})"),
        };
        println!(
            "{name}: p2-mvp adapted: WAMR 2020 {}, wasmtime {}; p1-mvp on WAMR 2020 {}",
            verdict(&wamr),
            verdict(&wasmtime),
            verdict(&p1)
        );
        let pass = |r: &Result<String, String>| matches!(r, Ok(p) if p.is_empty());
        *counts.entry("programs").or_default() += 1;
        for (key, r) in [
            ("p2-mvp adapted, WAMR 2020 pass", &wamr),
            ("p2-mvp adapted, wasmtime pass", &wasmtime),
            ("p1-mvp, WAMR 2020 pass", &p1),
        ] {
            if pass(r) {
                *counts.entry(key).or_default() += 1;
            }
        }
        if p2.is_err() {
            *counts.entry("p2-mvp build/adapt n/a").or_default() += 1;
        }
        if matches!(&wasmtime, Ok(p) if !p.is_empty()) || (pass(&p1) && !pass(&wamr)) {
            blame.push(name.clone());
        }
    }
    println!("left out ({}):", left_out.len());
    for (n, why) in &left_out {
        println!("  {n}: {why}");
    }
    for (k, v) in &counts {
        println!("{k}: {v}");
    }
    assert!(
        blame.is_empty(),
        "adapted p2-mvp programs that fail where p1-mvp passes, or on wasmtime: {blame:?}"
    );
}
