//! `wasm-libc adapt` beyond the C test programs (those, every program of
//! `tests/c/` and `tests/cxx/` built for p2 and adapted, run in the
//! c-programs test, columns `p2-adapted/wasmtime` and `p2-adapted/node`):
//! hostile handles and reallocs trap cleanly, unsupported imports are
//! listed at adapt time, an MVP input gives an MVP output that the 2020 WAMR
//! runs, a component is unwrapped, and a Rust `wasm32-wasip2` std program
//! and wasi-libc `wasm32-wasip2` programs, adapted, behave as on a WASI 0.2
//! host.

use libc_tests::{Result, check_output, fresh_dir, tests_dir, tool};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

static RUN_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The tests' work directory, with its `build/` made.
fn work() -> PathBuf {
    let w = Path::new(env!("CARGO_TARGET_TMPDIR")).join("adapt");
    std::fs::create_dir_all(w.join("build")).expect("creating the work directory");
    w
}

/// The sysroots, as the c-programs test builds them (shared work directory
/// and lock), or `WASM_LIBC_SYSROOT`.
fn sysroot() -> Result<PathBuf> {
    static ONCE: std::sync::OnceLock<Result<PathBuf>> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| libc_tests::sysroot(&libc_tests::work_dir(env!("CARGO_TARGET_TMPDIR"))))
        .clone()
}

fn adapt_cmd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wasm-libc"))
}

/// Builds `tests/c/<name>.c` for p2 (a core module) and adapts it.
fn build(sysroot: &Path, name: &str) -> Result<PathBuf> {
    let cc = tool("WASM_LIBC_TEST_CC", &["clang"])?;
    let dir = work().join("build");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let core = dir.join(format!("{name}.p2.wasm"));
    let out = dir.join(format!("{name}.adapted.wasm"));
    check_output(
        Command::new(cc)
            .arg("--target=wasm32-wasi")
            .arg(format!("--sysroot={}", sysroot.join("p2").display()))
            .args(["-fno-builtin", "-O2", "-Wall"])
            .arg(tests_dir().join("c").join(format!("{name}.c")))
            .arg("-o")
            .arg(&core),
    )?;
    check_output(adapt_cmd().arg("adapt").arg(&core).arg("-o").arg(&out))?;
    Ok(out)
}

/// A module importing `imports` (each `() -> ()`), exporting memory and
/// `wasi:cli/run@0.2.0#run` (`() -> i32`, returning 0), and
/// `cabi_realloc`; nothing beyond WebAssembly 1.0.
fn synthetic(imports: &[(&str, &str)]) -> Vec<u8> {
    let imports: Vec<Import> = imports
        .iter()
        .map(|(m, n)| (*m, *n, vec![], vec![]))
        .collect();
    let calls = (0..imports.len() as u32)
        .map(wasm_encoder::Instruction::Call)
        .collect();
    program(&imports, calls, 16)
}

type Import<'a> = (
    &'a str,
    &'a str,
    Vec<wasm_encoder::ValType>,
    Vec<wasm_encoder::ValType>,
);

/// A module importing `imports`, whose `run` (one i32 local) executes `body` then returns
/// ok, whose `cabi_realloc` always returns `realloc_result`; one page of
/// memory (so the adapter's region starts at 65536).
fn program(
    imports: &[Import],
    body: Vec<wasm_encoder::Instruction<'static>>,
    realloc_result: i32,
) -> Vec<u8> {
    program_with_data(imports, body, realloc_result, &[])
}

/// [`program`] with active data segments `(address, bytes)`.
fn program_with_data(
    imports: &[Import],
    body: Vec<wasm_encoder::Instruction<'static>>,
    realloc_result: i32,
    data: &[(i32, &[u8])],
) -> Vec<u8> {
    use wasm_encoder::*;
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], [ValType::I32]);
    types.ty().function([ValType::I32; 4], [ValType::I32]);
    for (_, _, params, results) in imports {
        types.ty().function(params.clone(), results.clone());
    }
    m.section(&types);
    let mut imp = ImportSection::new();
    for (i, (module, name, _, _)) in imports.iter().enumerate() {
        imp.import(module, name, EntityType::Function(2 + i as u32));
    }
    m.section(&imp);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    funcs.function(1);
    m.section(&funcs);
    let mut mem = MemorySection::new();
    mem.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    m.section(&mem);
    let n = imports.len() as u32;
    let mut exp = ExportSection::new();
    exp.export("memory", ExportKind::Memory, 0);
    exp.export("wasi:cli/run@0.2.0#run", ExportKind::Func, n);
    exp.export("cabi_realloc", ExportKind::Func, n + 1);
    m.section(&exp);
    let mut code = CodeSection::new();
    // One i32 local for the bodies' use.
    let mut run = Function::new([(1, ValType::I32)]);
    for ins in &body {
        run.instruction(ins);
    }
    run.instruction(&Instruction::I32Const(0));
    run.instruction(&Instruction::End);
    code.function(&run);
    let mut realloc = Function::new([]);
    realloc.instruction(&Instruction::I32Const(realloc_result));
    realloc.instruction(&Instruction::End);
    code.function(&realloc);
    m.section(&code);
    if !data.is_empty() {
        let mut d = DataSection::new();
        for (addr, bytes) in data {
            d.active(0, &ConstExpr::i32_const(*addr), bytes.iter().copied());
        }
        m.section(&d);
    }
    let mut names = NameMap::new();
    names.append(n, "run");
    let mut section = NameSection::new();
    section.functions(&names);
    m.section(&section);
    m.finish()
}

/// Adapts `module` and runs it on wasmtime: (status, stdout, stderr).
fn adapt_and_run(module: &[u8], tag: &str) -> (Option<i32>, String, String) {
    let out = adapt_bytes(module, tag);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wasm = work().join(format!("synthetic/{tag}.out.wasm"));
    let wasmtime = tool("WASMTIME", &["wasmtime"]).unwrap();
    let o = Command::new(wasmtime)
        .arg("run")
        .arg(&wasm)
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn hostile_handles_and_reallocs_trap_cleanly() {
    use wasm_encoder::Instruction::*;
    use wasm_encoder::ValType::*;
    let drop_out = (
        "wasi:io/streams@0.2.0",
        "[resource-drop]output-stream",
        vec![I32],
        vec![],
    );
    let stdout = ("wasi:cli/stdout@0.2.0", "get-stdout", vec![], vec![I32]);
    let random = (
        "wasi:random/random@0.2.0",
        "get-random-bytes",
        vec![I64, I32],
        vec![],
    );
    let write = (
        "wasi:io/streams@0.2.0",
        "[method]output-stream.blocking-write-and-flush",
        vec![I32; 4],
        vec![],
    );
    // A handle never handed out.
    let m = program(
        std::slice::from_ref(&drop_out),
        vec![I32Const(7), Call(0)],
        16,
    );
    let (st, _, err) = adapt_and_run(&m, "bad-handle");
    assert_eq!(st, Some(134), "{err}");
    // The output keeps names: the trace names the adapter's functions.
    assert!(
        err.contains("wasm trap")
            && err.contains("wasm_libc_adapter::mem::trap")
            && err.contains("[resource-drop]output-stream"),
        "{err}"
    );
    // A handle dropped twice.
    let m = program(
        &[stdout.clone(), drop_out.clone()],
        vec![Call(0), LocalTee(0), Call(1), LocalGet(0), Call(1)],
        16,
    );
    let (st, _, err) = adapt_and_run(&m, "double-drop");
    assert_eq!(st, Some(134), "{err}");
    // A stdout handle (an output stream) read as an input stream: wrong type.
    let read = (
        "wasi:io/streams@0.2.0",
        "[method]input-stream.blocking-read",
        vec![I32, I64, I32],
        vec![],
    );
    let m = program(
        &[stdout.clone(), read],
        vec![Call(0), I64Const(4), I32Const(64), Call(1)],
        16,
    );
    let (st, _, err) = adapt_and_run(&m, "wrong-type");
    assert_eq!(st, Some(134), "{err}");
    // A realloc returning the adapter's own region (65536: the program has
    // one page): random bytes must not land on the adapter's state.
    let m = program(
        std::slice::from_ref(&random),
        vec![I64Const(16), I32Const(64), Call(0)],
        65536,
    );
    let (st, _, err) = adapt_and_run(&m, "realloc-into-region");
    assert_eq!(st, Some(134), "{err}");
    // Misaligned and out-of-memory blocks are refused too (get-random-bytes
    // wants align 1, so misalignment is tested through out of bounds).
    let m = program(&[random], vec![I64Const(16), I32Const(64), Call(0)], -8);
    let (st, _, err) = adapt_and_run(&m, "realloc-out-of-bounds");
    assert_eq!(st, Some(134), "{err}");
    // A write list outside memory: a trap, nothing written.
    let m = program(
        &[stdout, write],
        vec![Call(0), I32Const(-16), I32Const(64), I32Const(64), Call(1)],
        16,
    );
    let (st, out, err) = adapt_and_run(&m, "write-out-of-bounds");
    assert_eq!(st, Some(134), "{err}");
    assert_eq!(out, "");
}

fn adapt_bytes(input: &[u8], tag: &str) -> std::process::Output {
    let dir = work().join("synthetic");
    std::fs::create_dir_all(&dir).unwrap();
    let i = dir.join(format!("{tag}.in.wasm"));
    let o = dir.join(format!("{tag}.out.wasm"));
    std::fs::write(&i, input).unwrap();
    adapt_cmd()
        .arg("adapt")
        .arg(&i)
        .arg("-o")
        .arg(&o)
        .output()
        .unwrap()
}

#[test]
fn unsupported_imports_are_listed_at_adapt_time() {
    let m = synthetic(&[
        // Unstable in WASI 0.2.x (feature network-error-code): not provided.
        ("wasi:sockets/network@0.2.3", "network-error-code"),
        ("wasi:cli/stdout@0.2.0", "get-stdout"),
        ("wasi:http/outgoing-handler@0.2.0", "handle"),
    ]);
    let out = adapt_bytes(&m, "unsupported");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("3 WASI 0.2 import(s) the adapter does not provide")
            && stderr.contains("wasi:sockets/network@0.2.3 network-error-code\n")
            && stderr.contains("wasi:http/outgoing-handler@0.2.0 handle"),
        "{stderr}"
    );
    // `get-stdout` has another signature in the real WIT (`() -> i32`): listed too.
    assert!(stderr.contains("get-stdout (signature"), "{stderr}");
}

/// The December 2020 WAMR runner (tests/wamr-runner), when built there:
/// `cargo build --release` in that directory.
fn wamr_runner() -> Option<(PathBuf, PathBuf)> {
    let dir = libc_tests::root().join("tests/wamr-runner/target/release");
    let bin = dir.join("wamr-runner");
    let lib = std::fs::read_dir(dir.join("build"))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("out/build"))
        .find(|p| p.join("libiwasm.so").exists())?;
    bin.exists().then_some((bin, lib))
}

#[test]
fn mvp_hello_adapted_runs_on_wasmtime_node_and_wamr_2020() {
    use wasm_encoder::Instruction::*;
    use wasm_encoder::ValType::*;
    let msg: &[u8] = b"hello from WASI 0.2\n";
    let m = program_with_data(
        &[
            ("wasi:cli/stdout@0.2.0", "get-stdout", vec![], vec![I32]),
            (
                "wasi:io/streams@0.2.0",
                "[method]output-stream.blocking-write-and-flush",
                vec![I32; 4],
                vec![],
            ),
        ],
        vec![
            Call(0),
            I32Const(1024),
            I32Const(msg.len() as i32),
            I32Const(2048),
            Call(1),
        ],
        16,
        &[(1024, msg)],
    );
    let out = adapt_bytes(&m, "hello");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wasm = work().join("synthetic/hello.out.wasm");
    wasmparser_validator()(&std::fs::read(&wasm).unwrap());
    for rt in ["wasmtime", "node"] {
        let (st, stdout) = execute(&wasm, rt, &[], &[], b"", &[]);
        assert_eq!((st, stdout.as_bytes()), (Some(0), msg), "{rt}");
    }
    match wamr_runner() {
        Some((bin, lib)) => {
            let o = Command::new(bin)
                .arg(&wasm)
                .env("LD_LIBRARY_PATH", lib)
                .output()
                .unwrap();
            assert_eq!(
                o.stdout,
                msg,
                "WAMR 2020: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            assert_eq!(o.status.code(), Some(0));
        }
        None => eprintln!(
            "note: tests/wamr-runner is not built (cargo build --release there): \
             WAMR 2020 run skipped"
        ),
    }
}

#[test]
fn mvp_sleep_adapted_waits_on_wasmtime_node_and_wamr_2020() {
    use wasm_encoder::Instruction::*;
    use wasm_encoder::{BlockType, MemArg, ValType::*};
    let msg: &[u8] = b"slept at least 20 ms\n";
    let at = |offset| MemArg {
        offset,
        align: 3,
        memory_index: 0,
    };
    // t0 = now(); block(subscribe-duration(20 ms)); trap unless
    // now() - t0 >= 20 ms; print the message.
    let m = program_with_data(
        &[
            (
                "wasi:clocks/monotonic-clock@0.2.0",
                "now",
                vec![],
                vec![I64],
            ),
            (
                "wasi:clocks/monotonic-clock@0.2.0",
                "subscribe-duration",
                vec![I64],
                vec![I32],
            ),
            (
                "wasi:io/poll@0.2.0",
                "[method]pollable.block",
                vec![I32],
                vec![],
            ),
            ("wasi:cli/stdout@0.2.0", "get-stdout", vec![], vec![I32]),
            (
                "wasi:io/streams@0.2.0",
                "[method]output-stream.blocking-write-and-flush",
                vec![I32; 4],
                vec![],
            ),
        ],
        vec![
            I32Const(0),
            Call(0),
            I64Store(at(512)),
            I64Const(20_000_000),
            Call(1),
            Call(2),
            Call(0),
            I32Const(0),
            I64Load(at(512)),
            I64Sub,
            I64Const(20_000_000),
            I64LtU,
            If(BlockType::Empty),
            Unreachable,
            End,
            Call(3),
            I32Const(1024),
            I32Const(msg.len() as i32),
            I32Const(2048),
            Call(4),
        ],
        16,
        &[(1024, msg)],
    );
    let out = adapt_bytes(&m, "sleep");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wasm = work().join("synthetic/sleep.out.wasm");
    wasmparser_validator()(&std::fs::read(&wasm).unwrap());
    for rt in ["wasmtime", "node"] {
        let (st, stdout) = execute(&wasm, rt, &[], &[], b"", &[]);
        assert_eq!((st, stdout.as_bytes()), (Some(0), msg), "{rt}");
    }
    if let Some((bin, lib)) = wamr_runner() {
        let o = Command::new(bin)
            .arg(&wasm)
            .env("LD_LIBRARY_PATH", lib)
            .output()
            .unwrap();
        assert_eq!(
            o.stdout,
            msg,
            "WAMR 2020: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn mvp_input_gives_mvp_output_and_runs() {
    // No imports: `run` returns ok; the output must validate as
    // WebAssembly 1.0 and run on wasmtime as a p1 command (status 0).
    let m = synthetic(&[]);
    let out = adapt_bytes(&m, "mvp");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wasm = work().join("synthetic/mvp.out.wasm");
    let bytes = std::fs::read(&wasm).unwrap();
    let mut v = wasmparser_validator();
    v(&bytes);
    let wasmtime = tool("WASMTIME", &["wasmtime"]).unwrap();
    let st = Command::new(wasmtime)
        .arg("run")
        .arg(&wasm)
        .status()
        .unwrap();
    assert!(st.success());
}

/// Validates as WebAssembly 1.0 with `wasm-tools validate --features mvp`.
fn wasmparser_validator() -> impl FnMut(&[u8]) {
    |bytes: &[u8]| {
        let dir = work().join("synthetic");
        let p = dir.join("validate.wasm");
        std::fs::write(&p, bytes).unwrap();
        let wt = tool("WASM_TOOLS", &["wasm-tools"]).unwrap();
        let out = Command::new(wt)
            .args(["validate", "--features", "mvp"])
            .arg(&p)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "not WebAssembly 1.0: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_component_is_unwrapped() {
    let sysroot = sysroot().unwrap_or_else(|e| panic!("sysroot: {e}"));
    let core = build(&sysroot, "args").unwrap();
    let core = core.with_file_name("args.p2.wasm");
    let component = work().join("build/args.component.wasm");
    check_output(
        Command::new(tool("WASM_TOOLS", &["wasm-tools"]).unwrap())
            .args(["component", "new"])
            .arg(&core)
            .arg("-o")
            .arg(&component),
    )
    .unwrap();
    let out = work().join("build/args.from-component.wasm");
    check_output(adapt_cmd().arg("adapt").arg(&component).arg("-o").arg(&out)).unwrap();
    same_as_p2(&component, &out, &["one", "two words"], &[], b"", &[]);
}

/// Runs `wasm` (a preview1 module, or a component on `p2`) in a fresh
/// directory holding `files` (name, contents): (status, stdout).
fn execute(
    wasm: &Path,
    runtime: &str,
    args: &[&str],
    env: &[&str],
    stdin: &[u8],
    files: &[(&str, &str)],
) -> (Option<i32>, String) {
    let dir = work().join("run").join(format!(
        "exec.{runtime}.{}.{}",
        std::process::id(),
        RUN_ID.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    fresh_dir(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let mut cmd = if runtime == "node" {
        let mut c = Command::new(tool("NODE", &["node"]).unwrap());
        c.arg("--no-warnings")
            .arg(tests_dir().join("node-wasi.mjs"))
            .arg(wasm)
            .arg(&dir)
            .arg("prog")
            .env("NODE_WASI_ENV", env.join("\n"));
        c
    } else {
        let mut c = Command::new(tool("WASMTIME", &["wasmtime"]).unwrap());
        c.arg("run")
            .arg("--dir")
            .arg(format!("{}::.", dir.display()))
            .arg("--argv0")
            .arg("prog");
        for kv in env {
            c.arg("--env").arg(kv);
        }
        c.arg(wasm);
        c
    };
    cmd.args(args).current_dir(&dir);
    let out = libc_tests::run::run(&mut cmd, stdin, Duration::from_secs(60)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Runs `component` natively on wasmtime (WASI 0.2) and `adapted` on
/// wasmtime and node (preview1) with the same inputs: same status and
/// stdout everywhere.
fn same_as_p2(
    component: &Path,
    adapted: &Path,
    args: &[&str],
    env: &[&str],
    stdin: &[u8],
    files: &[(&str, &str)],
) {
    let want = execute(component, "p2", args, env, stdin, files);
    for rt in ["wasmtime", "node"] {
        let got = execute(adapted, rt, args, env, stdin, files);
        assert_eq!(
            got,
            want,
            "{} {args:?} adapted on {rt} differs from WASI 0.2 on wasmtime",
            adapted.display()
        );
    }
}

#[test]
fn rust_std_wasip2_program_adapted_matches_p2() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rust-std/Cargo.toml");
    let target = work().join("rust-std-target");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    check_output(
        Command::new(cargo)
            .args(["build", "--quiet", "--release", "--target", "wasm32-wasip2"])
            .arg("--manifest-path")
            .arg(&manifest)
            .arg("--target-dir")
            .arg(&target)
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("RUSTFLAGS"),
    )
    .unwrap();
    let component = target.join("wasm32-wasip2/release/rust-std-p2.wasm");
    let adapted = work().join("build/rust-std-p2.adapted.wasm");
    check_output(
        adapt_cmd()
            .arg("adapt")
            .arg(&component)
            .arg("-o")
            .arg(&adapted),
    )
    .unwrap();
    let files = [("data.txt", "some data\nover two lines\n")];
    let env = ["GREETING=hello world", "EMPTY="];
    let (st, out) = execute(
        &component,
        "p2",
        &["one", "two words"],
        &env,
        b"x\ny\nz\n",
        &files,
    );
    assert_eq!(st, Some(0), "{out}");
    assert!(out.contains("removed: true"), "{out}");
    same_as_p2(
        &component,
        &adapted,
        &["one", "two words"],
        &env,
        b"x\ny\nz\n",
        &files,
    );
    same_as_p2(&component, &adapted, &["fail"], &[], b"", &files);
}

/// A sysroot for wasi-libc's `wasm32-wasip2` build: the Rust toolchain's
/// `libc.a` and `crt1-command.o`, Debian's wasi-libc headers (the
/// benchmark's arrangement, bench/run.py).
fn wasi_libc_p2_sysroot() -> Option<PathBuf> {
    let headers = Path::new("/usr/include/wasm32-wasi");
    if !headers.join("stdio.h").exists() {
        return None;
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let rs = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
        .join("lib/rustlib/wasm32-wasip2/lib/self-contained");
    let dst = work().join("wasi-libc-p2");
    let lib = dst.join("lib/wasm32-wasi");
    std::fs::create_dir_all(&lib).ok()?;
    for f in ["crt1-command.o", "libc.a"] {
        std::fs::copy(rs.join(f), lib.join(f)).ok()?;
    }
    let inc = dst.join("include");
    std::fs::create_dir_all(&inc).ok()?;
    let link = inc.join("wasm32-wasi");
    if !link.exists() {
        std::os::unix::fs::symlink(headers, &link).ok()?;
    }
    Some(dst)
}

#[test]
fn wasi_libc_p2_programs_adapted_match_p2() {
    let Some(sysroot) = wasi_libc_p2_sysroot() else {
        panic!("wasi-libc headers (/usr/include/wasm32-wasi, Debian package wasi-libc) missing");
    };
    let cc = tool("BENCH_CLANG", &["clang-19"]).unwrap();
    let src = work().join("build/wl-prog.c");
    std::fs::write(
        &src,
        r#"#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>
#include <fcntl.h>
int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
    const char *g = getenv("GREETING");
    printf("GREETING = %s\n", g ? g : "(null)");
    char buf[64];
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) total += n;
    printf("stdin: %zu bytes\n", total);
    FILE *f = fopen("data.txt", "r");
    if (!f || !fgets(buf, sizeof buf, f)) { perror("data.txt"); return 2; }
    fclose(f);
    printf("data.txt: %s", buf);
    int fd = open("new.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("write: %zd\n", write(fd, "abc\n", 4));
    close(fd);
    printf("missing: %d\n", open("missing", O_RDONLY) < 0);
    int files = 0;
    DIR *d = opendir(".");
    struct dirent *e;
    while (d && (e = readdir(d))) if (e->d_name[0] != '.') files++;
    if (d) closedir(d);
    printf("entries: %d\n", files);
    struct timespec a, b, s = {0, 2000000};
    clock_gettime(CLOCK_MONOTONIC, &a);
    nanosleep(&s, 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("slept: %d\n", (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec) >= 2000000);
    printf("time after 2020: %d\n", time(0) > 1577836800);
    return argc > 2 ? 3 : 0;
}
"#,
    )
    .unwrap();
    let core = work().join("build/wl-prog.core.wasm");
    check_output(
        Command::new(cc)
            .arg("--target=wasm32-wasi")
            .arg(format!("--sysroot={}", sysroot.display()))
            .arg("-O2")
            .arg(&src)
            .arg("-o")
            .arg(&core),
    )
    .unwrap();
    let component = work().join("build/wl-prog.component.wasm");
    check_output(
        Command::new(tool("WASM_TOOLS", &["wasm-tools"]).unwrap())
            .args(["component", "new"])
            .arg(&core)
            .arg("-o")
            .arg(&component),
    )
    .unwrap();
    let adapted = work().join("build/wl-prog.adapted.wasm");
    check_output(adapt_cmd().arg("adapt").arg(&core).arg("-o").arg(&adapted)).unwrap();
    let files = [("data.txt", "first line\nsecond\n")];
    let (st, out) = execute(&component, "p2", &["a"], &["GREETING=hi"], b"12345", &files);
    assert_eq!(st, Some(0), "{out}");
    assert!(out.contains("entries: 2"), "{out}");
    same_as_p2(
        &component,
        &adapted,
        &["a"],
        &["GREETING=hi"],
        b"12345",
        &files,
    );
    same_as_p2(&component, &adapted, &["a", "b"], &[], b"", &files);
}
