//! Runs the C test programs of `tests/c/` (conventions: docs/design.md,
//! "C tests").
//!
//! C++ programs `cxx/<name>.cpp` (same conventions, compiled with
//! `clang++`, `WASM_LIBC_TEST_CXX`) need libc++ in the sysroot
//! (scripts/cxx.sh, docs/cxx.md).
//!
//! Each `<name>.c` is compiled against both sysroots (`-fno-builtin -O2`);
//! the p1 module runs on wasmtime and on node's WASI, the p2 module becomes a
//! component and runs on wasmtime and (the programs of `jco-subset.txt`, or
//! all with `WASM_LIBC_TEST_JCO=all`) on jco. Programs marked `p1-threads` (`<name>.only`)
//! are compiled with clang-19 for `wasm32-wasip1-threads` against
//! `sysroot/p1-threads` (`-pthread`, shared imported memory) and run on the
//! wasmtime 46 CLI with `-W threads,shared-memory -S threads`. The p2 core
//! module (before `wasm-tools component new`) is also adapted to preview1
//! with `wasm-libc adapt` (docs/adapter.md; the tool from `WASM_LIBC_ADAPT`,
//! else built with cargo) and runs as a p1 module on wasmtime and node
//! (`p2-adapted/*`; WASI 0.2.0's exit status rule applies; programs with
//! `exnref: yes` are not adapted: the adapter refuses exception tags; a
//! `p1/node` `.skip` line also skips `p2-adapted/node`, the same preview1
//! host). Every (program, runtime) pair prints one
//! line; failures show a diff of expected vs got; the last line is
//! `N passed, M failed`.
//!
//! Arguments (after `--`): substrings selecting programs by name; `--list`
//! lists the (program, runtime) pairs; `-q`/`--quiet` prints only failures
//! and the summary. Environment: `WASM_LIBC_TEST_JOBS`
//! (parallel programs, default: available cores), `WASM_LIBC_TEST_THREADS=all`
//! (every p1 program also on the p1-threads runtime, not only those whose
//! `<name>.only` says `p1-threads`), `WASM_LIBC_TEST_RUNTIME` (run on that
//! runtime only, e.g. `p1-threads/wasmtime46`), `WASM_LIBC_TEST_JCO`
//! (`all`, `none`, default the subset), `WASM_LIBC_TEST_TIMEOUT`
//! (seconds per run, default 60), `WASM_LIBC_TEST_KEEP=1` (keep the
//! per-run directories), `WASM_LIBC_SYSROOT` (use a prebuilt sysroot), and
//! `CC`-like tool overrides `WASM_LIBC_TEST_CC`, `WASMTIME`, `WASM_TOOLS`,
//! `NODE`, `JCO`.

use libc_tests::{Result, check_output, copy_tree, diff::diff, fresh_dir, run, tool};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Backend {
    P1,
    P2,
    /// The p1 backend with wasi-threads (`sysroot/p1-threads`).
    P1Threads,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::P1 => "p1",
            Backend::P2 => "p2",
            Backend::P1Threads => "p1-threads",
        }
    }
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Runtime {
    /// p1 module on the wasmtime CLI.
    P1Wasmtime,
    /// p1 module on node's `node:wasi`.
    P1Node,
    /// p2 component on the wasmtime CLI.
    P2Wasmtime,
    /// p2 component on jco (npm `@bytecodealliance/jco`: `jco transpile`,
    /// then node with jco's preview2-shim, through `jco-run.mjs`).
    P2Jco,
    /// p1-threads module on the wasmtime 46 CLI (`-W threads,shared-memory
    /// -S threads`; later CLIs dropped wasi-threads).
    P1ThreadsWasmtime,
    /// The p2 core module adapted to preview1 (`wasm-libc adapt`) on the
    /// wasmtime CLI.
    P2AdaptedWasmtime,
    /// The same adapted module on node's `node:wasi`.
    P2AdaptedNode,
}

const RUNTIMES: [Runtime; 7] = [
    Runtime::P1Wasmtime,
    Runtime::P1Node,
    Runtime::P2Wasmtime,
    Runtime::P2Jco,
    Runtime::P1ThreadsWasmtime,
    Runtime::P2AdaptedWasmtime,
    Runtime::P2AdaptedNode,
];

/// Whether `name` runs on jco: `WASM_LIBC_TEST_JCO=all` (every p2 program),
/// `none`, or by default the representative subset listed in
/// `tests/jco-subset.txt` (`jco transpile` costs about 1 s of CPU per
/// program, more than the run itself).
fn jco_runs(name: &str) -> bool {
    match std::env::var("WASM_LIBC_TEST_JCO").as_deref() {
        Ok("all") => true,
        Ok("none") => false,
        _ => jco_subset().iter().any(|n| n == name),
    }
}

/// The program names of `tests/jco-subset.txt` (`#` starts a comment).
fn jco_subset() -> &'static [String] {
    static SUBSET: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SUBSET.get_or_init(|| {
        let list = libc_tests::tests_dir().join("jco-subset.txt");
        std::fs::read_to_string(&list)
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Whether every program runs on the threads runtime too
/// (`WASM_LIBC_TEST_THREADS=all`), not just those marked `p1-threads`.
fn threads_for_all() -> bool {
    std::env::var("WASM_LIBC_TEST_THREADS").is_ok_and(|v| v == "all")
}

impl Runtime {
    fn backend(self) -> Backend {
        match self {
            Runtime::P1Wasmtime | Runtime::P1Node => Backend::P1,
            Runtime::P2Wasmtime
            | Runtime::P2Jco
            | Runtime::P2AdaptedWasmtime
            | Runtime::P2AdaptedNode => Backend::P2,
            Runtime::P1ThreadsWasmtime => Backend::P1Threads,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Runtime::P1Wasmtime => "p1/wasmtime",
            Runtime::P1Node => "p1/node",
            Runtime::P2Wasmtime => "p2/wasmtime",
            Runtime::P2Jco => "p2/jco",
            Runtime::P1ThreadsWasmtime => "p1-threads/wasmtime46",
            Runtime::P2AdaptedWasmtime => "p2-adapted/wasmtime",
            Runtime::P2AdaptedNode => "p2-adapted/node",
        }
    }
    fn tag(self) -> &'static str {
        match self {
            Runtime::P1Wasmtime => "p1-wasmtime",
            Runtime::P1Node => "p1-node",
            Runtime::P2Wasmtime => "p2-wasmtime",
            Runtime::P2Jco => "p2-jco",
            Runtime::P1ThreadsWasmtime => "p1-threads-wasmtime46",
            Runtime::P2AdaptedWasmtime => "p2-adapted-wasmtime",
            Runtime::P2AdaptedNode => "p2-adapted-node",
        }
    }
    /// Whether it runs the p2 core module adapted to preview1.
    fn adapted(self) -> bool {
        matches!(self, Runtime::P2AdaptedWasmtime | Runtime::P2AdaptedNode)
    }
}

/// The expected exit status (`<name>.status`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Status {
    Code(i32),
    /// `trap`: the instance traps (exit status 134 and "wasm trap" on
    /// stderr, from the wasmtime CLI and from node-wasi.mjs alike).
    Trap,
}

/// Exit status of the wasmtime CLI (and of node-wasi.mjs) after a trap.
const TRAP_STATUS: i32 = 134;

/// One C test program and its expectations.
struct Case {
    name: String,
    src: PathBuf,
    stdout: Vec<u8>,
    stderr: Option<Vec<u8>>,
    stdin: Vec<u8>,
    args: Vec<String>,
    /// `<name>.env`: `NAME=value` lines, the program's whole environment.
    env: Vec<String>,
    status: Status,
    only: Option<Backend>,
    /// `<name>.skip`: `runtime: reason` lines (e.g. `p1/node: uvwasi ...`)
    /// for runtimes whose own bugs the program exposes.
    skip: Vec<(String, String)>,
    files: Option<PathBuf>,
    /// `<name>.flags`: how to build and run it (see [`Flags`]).
    flags: Flags,
}

/// `<name>.flags` lines: `cc: clang-19` (the compiler, instead of
/// `WASM_LIBC_TEST_CC`), `cflags: ...` (extra compile/link flags; `{sysroot}`
/// stands for the backend's sysroot),
/// `exnref: yes` (convert the module's legacy exception instructions with
/// binaryen's `wasm-opt --translate-to-exnref` for wasmtime, while node gets
/// the legacy module: `WASM_OPT`, else
/// `.venv/binaryen/node_modules/.bin/wasm-opt` (scripts/setup.sh), else
/// `wasm-opt` on PATH),
/// `wasmtime: ...` (extra `wasmtime run` options).
#[derive(Default)]
struct Flags {
    cc: Option<String>,
    cflags: Vec<String>,
    exnref: bool,
    wasmtime: Vec<String>,
}

impl Flags {
    fn parse(name: &str, text: &str) -> Result<Flags> {
        let mut f = Flags::default();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (k, v) = line
                .split_once(':')
                .ok_or_else(|| format!("{name}.flags: `{line}` is not `key: value`"))?;
            let words = || v.split_whitespace().map(str::to_string).collect::<Vec<_>>();
            match k.trim() {
                "cc" => f.cc = Some(v.trim().to_string()),
                "cflags" => f.cflags.extend(words()),
                "exnref" => f.exnref = v.trim() == "yes",
                "wasmtime" => f.wasmtime.extend(words()),
                other => return Err(format!("{name}.flags: unknown key `{other}`")),
            }
        }
        Ok(f)
    }
}

fn read_opt(p: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(p) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", p.display())),
    }
}

impl Case {
    fn load(src: PathBuf) -> Result<Case> {
        let name = src.file_stem().unwrap().to_string_lossy().into_owned();
        let with = |ext: &str| src.with_extension(ext);
        let stdout = read_opt(&with("stdout"))?
            .ok_or_else(|| format!("{}: missing {name}.stdout", src.display()))?;
        let text = |ext: &str| -> Result<Option<String>> {
            read_opt(&with(ext))?
                .map(|v| String::from_utf8(v).map_err(|_| format!("{name}.{ext}: not UTF-8")))
                .transpose()
        };
        let args = text("args")?
            .map(|s| s.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let env_vars: Vec<String> = text("env")?
            .map(|s| {
                s.lines()
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(bad) = env_vars.iter().find(|l| !l.contains('=')) {
            return Err(format!("{name}.env: `{bad}` is not NAME=value"));
        }
        let status = match text("status")?.as_deref().map(str::trim) {
            None => Status::Code(0),
            Some("trap") => Status::Trap,
            Some(s) => Status::Code(
                s.parse()
                    .map_err(|_| format!("{name}.status: `{s}` is neither a number nor `trap`"))?,
            ),
        };
        let only = match text("only")?.as_deref().map(str::trim) {
            None => None,
            Some("p1") => Some(Backend::P1),
            Some("p2") => Some(Backend::P2),
            Some("p1-threads") => Some(Backend::P1Threads),
            Some(s) => {
                return Err(format!(
                    "{name}.only: `{s}` is not `p1`, `p2` or `p1-threads`"
                ));
            }
        };
        let mut skip = Vec::new();
        for line in text("skip")?
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let (rt, why) = line
                .split_once(':')
                .ok_or_else(|| format!("{name}.skip: `{line}` is not `runtime: reason`"))?;
            let rt = rt.trim();
            if !RUNTIMES.iter().any(|r| r.name() == rt) {
                return Err(format!("{name}.skip: unknown runtime `{rt}`"));
            }
            skip.push((rt.to_string(), why.trim().to_string()));
        }
        let files = with("files");
        let flags = Flags::parse(&name, &text("flags")?.unwrap_or_default())?;
        Ok(Case {
            flags,
            skip,
            stderr: read_opt(&with("stderr"))?,
            stdin: read_opt(&with("stdin"))?.unwrap_or_default(),
            files: files.is_dir().then_some(files),
            name,
            src,
            stdout,
            args,
            env: env_vars,
            status,
            only,
        })
    }

    fn runtimes(&self) -> impl Iterator<Item = Runtime> + '_ {
        // The threads runtime runs the programs marked `p1-threads`, and
        // with WASM_LIBC_TEST_THREADS=all every p1 program too.
        let all = threads_for_all();
        let only_rt = std::env::var("WASM_LIBC_TEST_RUNTIME").ok();
        RUNTIMES
            .into_iter()
            .filter(move |r| only_rt.as_deref().is_none_or(|o| o == r.name()))
            .filter(move |r| match (self.only, r.backend()) {
                (Some(b), rb) => b == rb || (all && b == Backend::P1 && rb == Backend::P1Threads),
                (None, Backend::P1Threads) => all,
                (None, _) => true,
            })
            .filter(|r| *r != Runtime::P2Jco || jco_runs(&self.name))
            // The adapter refuses modules with exception tags.
            .filter(|r| !(r.adapted() && self.flags.exnref))
            .filter(|r| self.skip_reason(*r).is_none())
    }

    /// Why `rt` does not run this program (`<name>.skip`), if it does not.
    /// A `p1/node` line also covers `p2-adapted/node`: the same preview1
    /// host, whose bugs the adapted module meets the same way.
    fn skip_reason(&self, rt: Runtime) -> Option<String> {
        self.skip.iter().find_map(|(name, why)| {
            if name == rt.name() {
                Some(why.clone())
            } else if rt == Runtime::P2AdaptedNode && name == Runtime::P1Node.name() {
                Some(format!("{why} (as for p1/node: the same preview1 host)"))
            } else {
                None
            }
        })
    }
}

struct Tools {
    cc: PathBuf,
    /// The C++ compiler for `cxx/*.cpp` (`WASM_LIBC_TEST_CXX`).
    cxx: PathBuf,
    wasmtime: PathBuf,
    /// The wasmtime 46 CLI for wasi-threads (`WASMTIME_THREADS`, else
    /// `.venv-threads/bin/wasmtime` from scripts/setup.sh).
    wasmtime_threads: PathBuf,
    /// The compiler for p1-threads programs (`WASM_LIBC_TEST_CC_THREADS`,
    /// default clang-19: clang 14 has no `wasm32-wasip1-threads`).
    cc_threads: PathBuf,
    wasm_tools: PathBuf,
    node: PathBuf,
    /// jco's CLI (`JCO`, else `.venv/jco/node_modules/.bin/jco` from
    /// scripts/setup.sh).
    jco: PathBuf,
    /// The `wasm-libc` tool for `p2-adapted/*` ([`libc_tests::adapt_tool`],
    /// found or built on first use).
    adapt: std::sync::OnceLock<Result<PathBuf>>,
}

struct Env {
    tools: Tools,
    sysroot: PathBuf,
    build: PathBuf,
    runs: PathBuf,
    timeout: Duration,
    keep: bool,
}

/// The outcome of one (program, runtime) pair.
struct Outcome {
    runtime: Runtime,
    ok: bool,
    secs: f64,
    /// Why it failed (already indented), empty on success.
    details: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = args.iter().any(|a| a == "--list");
    let quiet = args.iter().any(|a| a == "-q" || a == "--quiet");
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    match real_main(list, quiet, &filters) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("c-programs: {e}");
            ExitCode::FAILURE
        }
    }
}

fn real_main(list: bool, quiet: bool, filters: &[&String]) -> Result<bool> {
    // C programs under `c/`, C++ programs (libc++, scripts/cxx.sh) under `cxx/`.
    let mut sources: Vec<PathBuf> = Vec::new();
    for (sub, ext) in [("c", "c"), ("cxx", "cpp")] {
        let dir = libc_tests::tests_dir().join(sub);
        sources.extend(
            std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                // Programs with a `<name>.runner` need runtime flags or a special
                // host: tests/p1-host/tests/sockets.rs runs them.
                .filter(|p| !p.with_extension("runner").exists()),
        );
    }
    sources.sort();
    if let Some(bad) = jco_subset().iter().find(|n| {
        !sources
            .iter()
            .any(|p| p.file_stem().is_some_and(|s| s == n.as_str()))
    }) {
        return Err(format!("tests/jco-subset.txt: no test program `{bad}`"));
    }
    let cases: Vec<Case> = sources
        .into_iter()
        .map(Case::load)
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .filter(|c| filters.is_empty() || filters.iter().any(|f| c.name.contains(f.as_str())))
        .collect();
    if list {
        for c in &cases {
            for r in c.runtimes() {
                println!("{} {}: test", c.name, r.name());
            }
        }
        return Ok(true);
    }

    let tools = Tools {
        cc: tool("WASM_LIBC_TEST_CC", &["clang"])?,
        cxx: tool("WASM_LIBC_TEST_CXX", &["clang++-19", "clang++"])?,
        wasmtime: tool("WASMTIME", &["wasmtime"])?,
        wasmtime_threads: match std::env::var_os("WASMTIME_THREADS") {
            Some(p) => PathBuf::from(p),
            None => libc_tests::tests_dir().join("../.venv-threads/bin/wasmtime"),
        },
        cc_threads: tool("WASM_LIBC_TEST_CC_THREADS", &["clang-19"])?,
        wasm_tools: tool("WASM_TOOLS", &["wasm-tools"])?,
        node: tool("NODE", &["node"])?,
        jco: match std::env::var_os("JCO") {
            Some(p) => PathBuf::from(p),
            None => libc_tests::tests_dir().join("../.venv/jco/node_modules/.bin/jco"),
        },
        adapt: std::sync::OnceLock::new(),
    };
    let work = libc_tests::work_dir(env!("CARGO_TARGET_TMPDIR"));
    let sysroot = libc_tests::sysroot(&work)?;
    let timeout = match std::env::var("WASM_LIBC_TEST_TIMEOUT") {
        Ok(s) => s
            .parse()
            .map_err(|_| format!("WASM_LIBC_TEST_TIMEOUT={s}: not a number of seconds"))?,
        Err(_) => 60,
    };
    let env = Env {
        tools,
        sysroot,
        build: work.join("build"),
        runs: work.join("run"),
        timeout: Duration::from_secs(timeout),
        keep: std::env::var_os("WASM_LIBC_TEST_KEEP").is_some_and(|v| v == "1"),
    };
    std::fs::create_dir_all(&env.build).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&env.runs).map_err(|e| e.to_string())?;

    let jobs = std::env::var("WASM_LIBC_TEST_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .clamp(1, cases.len().max(1));
    let total: usize = cases.iter().map(|c| c.runtimes().count()).sum();
    let only_rt = std::env::var("WASM_LIBC_TEST_RUNTIME").ok();
    let skipped: Vec<String> = cases
        .iter()
        .flat_map(|c| {
            RUNTIMES
                .into_iter()
                .filter(|r| only_rt.as_deref().is_none_or(|o| o == r.name()))
                .filter_map(move |r| {
                    c.skip_reason(r)
                        .map(|why| format!("{} {}: {why}", c.name, r.name()))
                })
        })
        .collect();
    for s in &skipped {
        println!("skip {s}");
    }
    println!(
        "running {total} C test runs ({} programs, {jobs} in parallel)",
        cases.len()
    );
    let next = AtomicUsize::new(0);
    // Passed runs, failed labels, passed runs per runtime (RUNTIMES order).
    let report = Mutex::new((0usize, Vec::<String>::new(), [0usize; RUNTIMES.len()]));
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(case) = cases.get(i) else { break };
                    let outcomes = run_case(&env, case);
                    let mut rep = report.lock().unwrap_or_else(|e| e.into_inner());
                    for o in outcomes {
                        let label = format!("{} {}", case.name, o.runtime.name());
                        if !(quiet && o.ok) {
                            println!(
                                "{} {label:<40} {:>6.2}s",
                                if o.ok { "ok  " } else { "FAIL" },
                                o.secs
                            );
                        }
                        if o.ok {
                            rep.0 += 1;
                            if let Some(k) = RUNTIMES.iter().position(|r| *r == o.runtime) {
                                rep.2[k] += 1;
                            }
                        } else {
                            print!("{}", o.details);
                            rep.1.push(label);
                        }
                    }
                }
            });
        }
    });
    let (passed, failed, per_rt) = report.into_inner().unwrap_or_else(|e| e.into_inner());
    let tally: Vec<String> = RUNTIMES
        .iter()
        .zip(per_rt)
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{} {n}", r.name()))
        .collect();
    println!("passed per runtime: {}", tally.join(", "));
    if !failed.is_empty() {
        println!("\nfailed:");
        for f in &failed {
            println!("    {f}");
        }
    }
    println!(
        "{passed} passed, {} failed, {} skipped",
        failed.len(),
        skipped.len()
    );
    Ok(failed.is_empty())
}

/// Compiles `case` for the backends it needs and runs it on each runtime.
fn run_case(env: &Env, case: &Case) -> Vec<Outcome> {
    let mut out = Vec::new();
    for backend in [Backend::P1, Backend::P2, Backend::P1Threads] {
        let runtimes: Vec<Runtime> = case.runtimes().filter(|r| r.backend() == backend).collect();
        if runtimes.is_empty() {
            continue;
        }
        let started = std::time::Instant::now();
        match compile(env, case, backend) {
            Ok(wasm) => {
                let mut adapted: Option<Result<PathBuf>> = None;
                for r in runtimes {
                    if !r.adapted() {
                        out.push(run_one(env, case, r, &wasm));
                        continue;
                    }
                    let started = std::time::Instant::now();
                    match adapted.get_or_insert_with(|| adapt(env, case)) {
                        Ok(p) => out.push(run_one(env, case, r, p)),
                        Err(e) => out.push(Outcome {
                            runtime: r,
                            ok: false,
                            secs: started.elapsed().as_secs_f64(),
                            details: indent(&format!("adapt failed:\n{e}")),
                        }),
                    }
                }
            }
            Err(e) => {
                let secs = started.elapsed().as_secs_f64();
                for r in runtimes {
                    out.push(Outcome {
                        runtime: r,
                        ok: false,
                        secs,
                        details: indent(&format!("build failed:\n{e}")),
                    });
                }
            }
        }
    }
    out
}

/// Builds the program for `backend`: the p1 module, or the p2 component.
fn compile(env: &Env, case: &Case, backend: Backend) -> Result<PathBuf> {
    let b = backend.name();
    let module = env.build.join(format!("{}.{b}.wasm", case.name));
    let cc = case.flags.cc.as_ref().map_or_else(
        || {
            if case.src.extension().is_some_and(|x| x == "cpp") {
                env.tools.cxx.clone()
            } else if backend == Backend::P1Threads {
                env.tools.cc_threads.clone()
            } else {
                env.tools.cc.clone()
            }
        },
        PathBuf::from,
    );
    let sysroot = env.sysroot.join(b);
    // `{sysroot}` in a flag is this backend's sysroot (e.g. `-L{sysroot}/lib/wasm32-wasi/eh`).
    let cflags: Vec<String> = case
        .flags
        .cflags
        .iter()
        .map(|f| f.replace("{sysroot}", &sysroot.display().to_string()))
        .collect();
    // wasi-sdk's pthread flags: atomics and bulk memory (`-pthread`), a
    // shared memory imported and exported, with a maximum.
    let (target, threads): (&str, &[&str]) = if backend == Backend::P1Threads {
        (
            "--target=wasm32-wasip1-threads",
            &[
                "-pthread",
                "-Wl,--import-memory,--export-memory,--max-memory=67108864",
            ],
        )
    } else {
        ("--target=wasm32-wasi", &[])
    };
    check_output(
        Command::new(cc)
            .arg(target)
            .args(threads)
            .arg(format!("--sysroot={}", sysroot.display()))
            .args(["-fno-builtin", "-O2", "-Wall"])
            // Flags before the source (`-x c++` applies to what follows),
            // libraries (`-l...`) after it.
            .args(cflags.iter().filter(|f| !f.starts_with("-l")))
            .arg(&case.src)
            .args(cflags.iter().filter(|f| f.starts_with("-l")))
            .arg("-o")
            .arg(&module),
    )?;
    if case.flags.exnref {
        let root = libc_tests::tests_dir().join("..");
        let local = root.join(".venv/binaryen/node_modules/.bin/wasm-opt");
        let wasm_opt = std::env::var_os("WASM_OPT")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                if local.exists() {
                    local
                } else {
                    PathBuf::from("wasm-opt")
                }
            });
        // node 20 runs only the legacy encoding: it gets the module as
        // clang made it (see `run_one`).
        std::fs::copy(&module, legacy_module(&module)).map_err(|e| e.to_string())?;
        check_output(
            Command::new(wasm_opt)
                .args(["--enable-exception-handling", "--translate-to-exnref"])
                .arg(&module)
                .arg("-o")
                .arg(&module),
        )?;
    }
    if backend != Backend::P2 {
        return Ok(module);
    }
    let component = env.build.join(format!("{}.{b}.component.wasm", case.name));
    check_output(
        Command::new(&env.tools.wasm_tools)
            .args(["component", "new"])
            .arg(&module)
            .arg("-o")
            .arg(&component),
    )?;
    Ok(component)
}

/// Adapts the p2 core module `compile` left in `<build>/<name>.p2.wasm` to
/// a preview1 module (`wasm-libc adapt`).
fn adapt(env: &Env, case: &Case) -> Result<PathBuf> {
    let tool = env
        .tools
        .adapt
        .get_or_init(libc_tests::adapt_tool)
        .clone()?;
    let core = env.build.join(format!("{}.p2.wasm", case.name));
    let out = env.build.join(format!("{}.p2.adapted.wasm", case.name));
    check_output(
        Command::new(tool)
            .arg("adapt")
            .arg(&core)
            .arg("-o")
            .arg(&out),
    )?;
    Ok(out)
}

/// `jco transpile`s the component into `<build>/<name>.jco/` (JavaScript
/// and core modules importing jco's preview2-shim, linked in beside it) and
/// returns the path of its entry module for `jco-run.mjs`.
fn jco_transpile(env: &Env, case: &Case, component: &Path) -> Result<PathBuf> {
    let out = env.build.join(format!("{}.jco", case.name));
    fresh_dir(&out)?;
    check_output(
        Command::new(&env.tools.jco)
            .arg("transpile")
            .arg(component)
            .arg("-o")
            .arg(&out)
            .args(["--name", "prog", "--no-typescript", "--quiet"]),
    )?;
    let shim = env
        .tools
        .jco
        .parent()
        .and_then(Path::parent)
        .map(|m| m.join("@bytecodealliance/preview2-shim"))
        .filter(|p| p.is_dir())
        .ok_or_else(|| format!("no preview2-shim beside {}", env.tools.jco.display()))?;
    let modules = out.join("node_modules/@bytecodealliance");
    std::fs::create_dir_all(&modules).map_err(|e| e.to_string())?;
    std::os::unix::fs::symlink(&shim, modules.join("preview2-shim")).map_err(|e| e.to_string())?;
    std::fs::write(out.join("package.json"), "{\"type\":\"module\"}\n")
        .map_err(|e| e.to_string())?;
    Ok(out.join("prog.js"))
}

/// Where `compile` keeps the legacy-exceptions module of an `exnref` case.
fn legacy_module(module: &Path) -> PathBuf {
    module.with_extension("legacy.wasm")
}

fn run_one(env: &Env, case: &Case, rt: Runtime, wasm: &Path) -> Outcome {
    let legacy;
    let wasm = if rt == Runtime::P1Node && case.flags.exnref {
        legacy = legacy_module(wasm);
        legacy.as_path()
    } else {
        wasm
    };
    let fail = |secs: f64, details: String| Outcome {
        runtime: rt,
        ok: false,
        secs,
        details,
    };
    let dir = env
        .runs
        .join(format!("{}.{}.{}", case.name, rt.tag(), std::process::id()));
    let setup = fresh_dir(&dir).and_then(|()| match &case.files {
        Some(files) => copy_tree(files, &dir),
        None => Ok(()),
    });
    if let Err(e) = setup {
        return fail(
            0.0,
            indent(&format!("cannot prepare {}: {e}", dir.display())),
        );
    }
    let jco_js = if rt == Runtime::P2Jco {
        match jco_transpile(env, case, wasm) {
            Ok(js) => js,
            Err(e) => return fail(0.0, indent(&format!("jco transpile failed:\n{e}"))),
        }
    } else {
        PathBuf::new()
    };
    let mut cmd = match rt {
        Runtime::P1Wasmtime | Runtime::P2Wasmtime | Runtime::P2AdaptedWasmtime => {
            let mut c = Command::new(&env.tools.wasmtime);
            c.arg("run")
                .arg("--dir")
                .arg(format!("{}::.", dir.display()))
                .arg("--argv0")
                .arg(&case.name)
                .args(&case.flags.wasmtime);
            for kv in &case.env {
                c.arg("--env").arg(kv);
            }
            c.arg(wasm);
            c
        }
        Runtime::P1ThreadsWasmtime => {
            let mut c = Command::new(&env.tools.wasmtime_threads);
            c.arg("run")
                .args(["-W", "threads,shared-memory", "-S", "threads"])
                .arg("--dir")
                .arg(format!("{}::.", dir.display()))
                .arg("--argv0")
                .arg(&case.name)
                .args(&case.flags.wasmtime);
            for kv in &case.env {
                c.arg("--env").arg(kv);
            }
            c.arg(wasm);
            c
        }
        Runtime::P2Jco => {
            let mut c = Command::new(&env.tools.node);
            c.arg("--no-warnings")
                .arg(libc_tests::tests_dir().join("jco-run.mjs"))
                .arg(&jco_js)
                .arg(&dir)
                .arg(&case.name)
                .env("JCO_ENV", case.env.join("\n"));
            c
        }
        Runtime::P1Node | Runtime::P2AdaptedNode => {
            let mut c = Command::new(&env.tools.node);
            c.arg("--no-warnings")
                .arg(libc_tests::tests_dir().join("node-wasi.mjs"))
                .arg(wasm)
                .arg(&dir)
                .arg(&case.name)
                .env("NODE_WASI_ENV", case.env.join("\n"));
            c
        }
    };
    cmd.args(&case.args)
        .current_dir(&dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    let result = run::run(&mut cmd, &case.stdin, env.timeout);
    if !env.keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let mut out = match result {
        Ok(o) => o,
        Err(e) => return fail(0.0, indent(&format!("cannot run {cmd:?}: {e}"))),
    };
    if rt == Runtime::P1ThreadsWasmtime {
        out.stderr = without_threads_warning(&out.stderr);
    }
    let secs = out.elapsed.as_secs_f64();
    let mut problems = String::new();
    if out.timed_out {
        problems.push_str(&format!(
            "timed out after {}s (killed)\n",
            env.timeout.as_secs()
        ));
    }
    let status_ok = match (case.status, out.status) {
        (Status::Trap, Some(s)) => {
            s == TRAP_STATUS && String::from_utf8_lossy(&out.stderr).contains("wasm trap")
        }
        (Status::Code(want), Some(got)) => {
            // WASI 0.2.0 `exit` only says ok or err: the host reports 1.
            let want = if rt.backend() == Backend::P2 && want != 0 {
                1
            } else {
                want
            };
            got == want
        }
        (_, None) => false,
    };
    if !status_ok && !out.timed_out {
        let want = match case.status {
            Status::Trap => format!("a trap (status {TRAP_STATUS}, \"wasm trap\" on stderr)"),
            Status::Code(c) if rt.backend() == Backend::P2 && c != 0 => {
                format!("{c} (reported as 1 on p2)")
            }
            Status::Code(c) => c.to_string(),
        };
        let got = out
            .status
            .map_or("killed by a signal".to_string(), |s| s.to_string());
        problems.push_str(&format!("exit status: expected {want}, got {got}\n"));
    }
    if out.stdout != case.stdout {
        problems.push_str("stdout differs (-expected +got):\n");
        problems.push_str(&diff(
            &String::from_utf8_lossy(&case.stdout),
            &String::from_utf8_lossy(&out.stdout),
            "  ",
        ));
    }
    let stderr_ok = case.stderr.as_ref().is_none_or(|e| *e == out.stderr);
    if !stderr_ok {
        problems.push_str("stderr differs (-expected +got):\n");
        problems.push_str(&diff(
            &String::from_utf8_lossy(case.stderr.as_deref().unwrap_or_default()),
            &String::from_utf8_lossy(&out.stderr),
            "  ",
        ));
    } else if !problems.is_empty() && !out.stderr.is_empty() && case.stderr.is_none() {
        // Not compared, but it usually says why.
        problems.push_str("stderr:\n");
        let text = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = text.lines().collect();
        for l in lines.iter().take(30) {
            problems.push_str(&format!("  {l}\n"));
        }
        if lines.len() > 30 {
            problems.push_str(&format!("  ... ({} more lines)\n", lines.len() - 30));
        }
    }
    if problems.is_empty() {
        Outcome {
            runtime: rt,
            ok: true,
            secs,
            details: String::new(),
        }
    } else {
        fail(secs, indent(&problems))
    }
}

/// wasmtime 46 warns on stderr that `-S threads` is deprecated (a line,
/// then a line of spaces): not the program's output.
fn without_threads_warning(stderr: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(stderr);
    let mut out = String::new();
    let mut after_warning = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("WARNING: the `-Sthreads` flag") {
            after_warning = true;
            continue;
        }
        if after_warning && line.trim().is_empty() {
            after_warning = false;
            continue;
        }
        after_warning = false;
        out.push_str(line);
    }
    out.into_bytes()
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("     {l}\n")).collect()
}
