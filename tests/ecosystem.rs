//! Larger C programs that nobody here wrote, compiled unchanged against the
//! p1 and p2 sysroots and run with their own checks (issue 11).
//!
//! The sources come from crates.io packages that bundle them, pinned in
//! `eco/Cargo.toml` (fetched into cargo's cache, never committed):
//! - bzip2 1.0.8 (`bzip2-sys`): the `bzip2` program and its library. Its own
//!   self-test (the Makefile's `test` target: compress `sample{1,2,3}.ref` at
//!   `-1`/`-2`/`-3` and compare with the shipped `.bz2` files byte for byte,
//!   decompress the `.bz2` files, one with `-s`, and compare with the `.ref`
//!   files), plus file mode (`-k`, `-t`, `-d -f`, which keep and delete files
//!   and copy their mode and times through `fchmod`/`utime`).
//! - expat 2.1.0 (`expat-sys`): the XML parser and its own test suite
//!   (`tests/runtests.c` over `minicheck`, which reports failures through
//!   `setjmp`/`longjmp`).
//!
//! Each program is also built natively with the host's gcc and glibc and run
//! the same way: every run's stdout, stderr and exit
//! status, and the files it leaves, must equal the native run's; the
//! programs' own checks must pass on their own terms too.
//!
//! Own output format (harness = false): one line per (program, runtime).

use libc_tests::{Result, check_output, fresh_dir, run, tool};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

/// One invocation of a program: arguments, the fixture file fed as stdin.
struct Step {
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    /// The program's own check: its stdout must equal this fixture file.
    stdout_is: Option<&'static str>,
}

struct Program {
    name: &'static str,
    /// The crates.io package that bundles the sources, and the directory
    /// inside it.
    package: &'static str,
    subdir: &'static str,
    sources: &'static [&'static str],
    /// Extra compiler flags (both builds); `{eco}` is `tests/eco`.
    cflags: &'static [&'static str],
    /// Files of the source directory copied into the working directory.
    fixtures: &'static [&'static str],
    /// Uses setjmp/longjmp (built with clang's wasm lowering, run with
    /// exceptions enabled).
    sjlj: bool,
    steps: &'static [Step],
    /// The program's own success line in the last step's stdout.
    success: Option<&'static str>,
}

const fn step(args: &'static [&'static str]) -> Step {
    Step {
        args,
        stdin: None,
        stdout_is: None,
    }
}

const BZIP2_SOURCES: &[&str] = &[
    "blocksort.c",
    "huffman.c",
    "crctable.c",
    "randtable.c",
    "compress.c",
    "decompress.c",
    "bzlib.c",
    "bzip2.c",
];

const PROGRAMS: &[Program] = &[
    Program {
        name: "bzip2",
        package: "bzip2-sys",
        subdir: "bzip2-1.0.8",
        sources: BZIP2_SOURCES,
        cflags: &["-D_FILE_OFFSET_BITS=64"],
        fixtures: &[
            "sample1.ref",
            "sample2.ref",
            "sample3.ref",
            "sample1.bz2",
            "sample2.bz2",
            "sample3.bz2",
        ],
        sjlj: false,
        steps: &[
            Step {
                args: &["-1"],
                stdin: Some("sample1.ref"),
                stdout_is: Some("sample1.bz2"),
            },
            Step {
                args: &["-2"],
                stdin: Some("sample2.ref"),
                stdout_is: Some("sample2.bz2"),
            },
            Step {
                args: &["-3"],
                stdin: Some("sample3.ref"),
                stdout_is: Some("sample3.bz2"),
            },
            Step {
                args: &["-d"],
                stdin: Some("sample1.bz2"),
                stdout_is: Some("sample1.ref"),
            },
            Step {
                args: &["-d"],
                stdin: Some("sample2.bz2"),
                stdout_is: Some("sample2.ref"),
            },
            Step {
                args: &["-ds"],
                stdin: Some("sample3.bz2"),
                stdout_is: Some("sample3.ref"),
            },
            step(&["-k", "-9", "sample1.ref"]),
            step(&["-t", "-v", "sample1.ref.bz2"]),
            Step {
                args: &["-dc", "sample1.ref.bz2"],
                stdin: None,
                stdout_is: Some("sample1.ref"),
            },
            step(&["-d", "-f", "sample2.bz2"]),
            step(&["-t", "no-such-file.bz2"]),
        ],
        success: None,
    },
    Program {
        name: "expat",
        package: "expat-sys",
        subdir: "expat",
        sources: &[
            "lib/xmlparse.c",
            "lib/xmlrole.c",
            "lib/xmltok.c",
            "tests/runtests.c",
            "tests/chardata.c",
            "tests/minicheck.c",
        ],
        cflags: &["-DHAVE_EXPAT_CONFIG_H", "-I{eco}", "-I{src}/lib"],
        fixtures: &[],
        sjlj: true,
        steps: &[step(&[])],
        success: Some("Failed: 0"),
    },
];

/// The source directory of each pinned package (fetching them first).
fn package_dirs() -> Result<BTreeMap<String, PathBuf>> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = libc_tests::tests_dir().join("eco/Cargo.toml");
    check_output(
        Command::new(&cargo)
            .arg("fetch")
            .arg("--locked")
            .arg("--manifest-path")
            .arg(&manifest),
    )?;
    let out = check_output(
        Command::new(&cargo)
            .args([
                "metadata",
                "--locked",
                "--offline",
                "--format-version",
                "1",
                "--manifest-path",
            ])
            .arg(&manifest),
    )?;
    // The JSON has `"name":"...","version":...,"manifest_path":"..."` per
    // package; a tiny scan avoids a JSON dependency.
    let text = String::from_utf8_lossy(&out);
    let mut dirs = BTreeMap::new();
    for p in PROGRAMS {
        let key = "\"manifest_path\":\"";
        let mut found = None;
        for (i, _) in text.match_indices(key) {
            let rest = &text[i + key.len()..];
            let path = &rest[..rest.find('"').unwrap_or(0)];
            if Path::new(path)
                .parent()
                .and_then(|d| d.file_name())
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{}-", p.package)))
            {
                found = Some(Path::new(path).parent().unwrap().to_path_buf());
            }
        }
        let dir = found.ok_or_else(|| format!("cargo metadata: no package {}", p.package))?;
        dirs.insert(p.name.to_string(), dir.join(p.subdir));
    }
    Ok(dirs)
}

#[derive(Clone, Copy, PartialEq)]
enum Build {
    Native,
    P1,
    P2,
}

impl Build {
    fn name(self) -> &'static str {
        match self {
            Build::Native => "native",
            Build::P1 => "p1/wasmtime",
            Build::P2 => "p2/wasmtime",
        }
    }
}

struct Env {
    cc: PathBuf,
    cc19: PathBuf,
    wasmtime: PathBuf,
    wasm_tools: PathBuf,
    wasm_opt: Option<PathBuf>,
    sysroot: PathBuf,
    work: PathBuf,
}

fn flags(p: &Program, src: &Path) -> Vec<String> {
    let eco = libc_tests::tests_dir().join("eco");
    p.cflags
        .iter()
        .map(|f| {
            f.replace("{eco}", &eco.to_string_lossy())
                .replace("{src}", &src.to_string_lossy())
        })
        .collect()
}

/// Builds `p` for `b`; returns the command prefix that runs it.
fn build(env: &Env, p: &Program, src: &Path, b: Build) -> Result<Vec<PathBuf>> {
    // The native program is called exactly `name` (bzip2 prints its own
    // name, taken from argv[0], in its messages).
    let dir = env.work.join(b.name().replace('/', "-"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = dir.join(p.name);
    let sources: Vec<PathBuf> = p.sources.iter().map(|s| src.join(s)).collect();
    if b == Build::Native {
        check_output(
            Command::new("gcc")
                .args(["-O2", "-w"])
                .args(flags(p, src))
                .args(&sources)
                .arg("-o")
                .arg(&out),
        )?;
        return Ok(vec![out]);
    }
    let backend = if b == Build::P1 { "p1" } else { "p2" };
    let module = out.with_extension("wasm");
    // setjmp needs clang 19's lowering (setjmp.h says so) and libsetjmp.a.
    let mut cc = Command::new(if p.sjlj { &env.cc19 } else { &env.cc });
    cc.arg("--target=wasm32-wasi")
        .arg(format!("--sysroot={}", env.sysroot.join(backend).display()))
        .args(["-O2", "-w"])
        .args(flags(p, src));
    if p.sjlj {
        cc.args(["-mllvm", "-wasm-enable-sjlj"]);
    }
    cc.args(&sources);
    if p.sjlj {
        cc.arg("-lsetjmp");
    }
    check_output(cc.arg("-o").arg(&module))?;
    let mut runnable = module.clone();
    if p.sjlj {
        // LLVM emits the legacy exception encoding; wasmtime runs the
        // standard one.
        let wasm_opt = env
            .wasm_opt
            .as_ref()
            .ok_or("wasm-opt (npm binaryen) not found")?;
        let exnref = out.with_extension("exnref.wasm");
        check_output(
            Command::new(wasm_opt)
                .args(["--enable-exception-handling", "--translate-to-exnref"])
                .arg(&runnable)
                .arg("-o")
                .arg(&exnref),
        )?;
        runnable = exnref;
    }
    if b == Build::P2 {
        let component = out.with_extension("component.wasm");
        check_output(
            Command::new(&env.wasm_tools)
                .args(["component", "new"])
                .arg(&runnable)
                .arg("-o")
                .arg(&component),
        )?;
        runnable = component;
    }
    Ok(vec![runnable])
}

/// Everything a run of the whole program leaves: per step stdout, stderr
/// and status; then the files.
#[derive(PartialEq, Debug, Default)]
struct Observed {
    steps: Vec<(Vec<u8>, String, Option<i32>)>,
    files: BTreeMap<String, Vec<u8>>,
}

fn run_program(env: &Env, p: &Program, src: &Path, b: Build, exe: &[PathBuf]) -> Result<Observed> {
    let dir = env
        .work
        .join(format!("run.{}.{}", p.name, b.name().replace('/', "-")));
    fresh_dir(&dir)?;
    for f in p.fixtures {
        std::fs::copy(src.join(f), dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    let mut seen = Observed::default();
    for s in p.steps {
        let mut cmd = match b {
            Build::Native => {
                let mut c = Command::new(&exe[0]);
                c.current_dir(&dir);
                c
            }
            _ => {
                let mut c = Command::new(&env.wasmtime);
                c.arg("run");
                if p.sjlj {
                    c.arg("-W").arg("exceptions=y");
                }
                c.arg("--dir")
                    .arg(format!("{}::.", dir.display()))
                    .arg("--argv0")
                    .arg(p.name)
                    .arg(&exe[0]);
                c
            }
        };
        cmd.args(s.args);
        let stdin = match s.stdin {
            Some(f) => std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?,
            None => Vec::new(),
        };
        let out =
            run::run(&mut cmd, &stdin, Duration::from_secs(120)).map_err(|e| e.to_string())?;
        if out.timed_out {
            return Err(format!("{:?}: timed out", s.args));
        }
        if let Some(f) = s.stdout_is {
            let want = std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
            if out.stdout != want {
                return Err(format!(
                    "{} {:?}: its own check failed: stdout ({} bytes) differs from {f} ({} bytes)\nstderr: {}",
                    p.name,
                    s.args,
                    out.stdout.len(),
                    want.len(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        seen.steps.push((out.stdout, stderr, out.status));
    }
    for e in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
        let e = e.map_err(|e| e.to_string())?;
        let data = std::fs::read(e.path()).map_err(|e| e.to_string())?;
        seen.files
            .insert(e.file_name().to_string_lossy().into_owned(), data);
    }
    if let Some(ok) = p.success {
        let last = &seen.steps.last().unwrap().0;
        if !String::from_utf8_lossy(last).contains(ok) {
            return Err(format!(
                "{}: its own check failed (no {ok:?}):\n{}",
                p.name,
                String::from_utf8_lossy(last)
            ));
        }
    }
    Ok(seen)
}

fn describe(a: &Observed, b: &Observed) -> String {
    let mut out = String::new();
    for (i, (x, y)) in a.steps.iter().zip(&b.steps).enumerate() {
        if x != y {
            out.push_str(&format!(
                "  step {i}: native status {:?} stdout {} B stderr {:?}\n          ours status {:?} stdout {} B stderr {:?}\n",
                x.2,
                x.0.len(),
                x.1,
                y.2,
                y.0.len(),
                y.1
            ));
        }
    }
    if a.files != b.files {
        let names = |o: &Observed| {
            o.files
                .iter()
                .map(|(n, d)| format!("{n}:{}", d.len()))
                .collect::<Vec<_>>()
        };
        out.push_str(&format!(
            "  files: native {:?}\n         ours   {:?}\n",
            names(a),
            names(b)
        ));
    }
    out
}

fn main() -> ExitCode {
    match run_all() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            println!("ecosystem: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_all() -> Result<bool> {
    let work = libc_tests::work_dir(env!("CARGO_TARGET_TMPDIR"));
    let env = Env {
        cc: tool("WASM_LIBC_TEST_CC", &["clang"])?,
        cc19: tool("WASM_LIBC_TEST_CC19", &["clang-19"])?,
        wasmtime: tool("WASMTIME", &["wasmtime"])?,
        wasm_tools: tool("WASM_TOOLS", &["wasm-tools"])?,
        // Not on PATH on purpose: clang runs any wasm-opt it finds there
        // after linking (scripts/setup.sh installs it under .venv).
        wasm_opt: tool("WASM_OPT", &[]).ok().or_else(|| {
            let p = libc_tests::root().join(".venv/binaryen/node_modules/.bin/wasm-opt");
            p.is_file().then_some(p)
        }),
        sysroot: libc_tests::sysroot(&work)?,
        work: work.join("eco"),
    };
    std::fs::create_dir_all(&env.work).map_err(|e| e.to_string())?;
    let dirs = package_dirs()?;
    let mut failed = 0;
    for p in PROGRAMS {
        let src = &dirs[p.name];
        let native = build(&env, p, src, Build::Native)
            .and_then(|exe| run_program(&env, p, src, Build::Native, &exe));
        let native = match native {
            Ok(n) => n,
            Err(e) => {
                println!("FAIL {} native (the reference): {e}", p.name);
                failed += 1;
                continue;
            }
        };
        for b in [Build::P1, Build::P2] {
            let started = std::time::Instant::now();
            let got = build(&env, p, src, b).and_then(|exe| run_program(&env, p, src, b, &exe));
            let secs = started.elapsed().as_secs_f64();
            match got {
                Ok(o) if o == native => println!(
                    "ok   {:<8} {:<12} {secs:>6.2}s ({} steps, as native)",
                    p.name,
                    b.name(),
                    o.steps.len()
                ),
                Ok(o) => {
                    println!(
                        "FAIL {:<8} {:<12} differs from the native run:\n{}",
                        p.name,
                        b.name(),
                        describe(&native, &o)
                    );
                    failed += 1;
                }
                Err(e) => {
                    println!("FAIL {:<8} {:<12} {e}", p.name, b.name());
                    failed += 1;
                }
            }
        }
    }
    println!(
        "ecosystem: {} programs x 2 runtimes, {failed} failed",
        PROGRAMS.len()
    );
    Ok(failed == 0)
}
