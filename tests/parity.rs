//! Parity with wasi-libc, printed as figures (issue 11).
//!
//! 1. Headers: every header of `parity/headers.txt` (wasi-libc's public
//!    include set) exists in the p1 and p2 sysroots (or is the compiler's own,
//!    such as `stdint.h`), compiles on its own with
//!    `-std=c11 -Wall -Wextra -pedantic -Werror`, and all of them together
//!    compile in one C and one C++ translation unit.
//! 2. Symbols: every public (non-underscore) name wasi-libc p1's `libc.a`
//!    defines (`parity/wasi-libc-p1-symbols.txt`, checked against the pinned
//!    toolchain's own archive when it is installed) is defined by ours on p1
//!    and on p2 (the ABI snapshots `expected/<triple>/defined-symbols.txt`,
//!    which the artifact test keeps equal to the built archives), unless
//!    `parity/exclusions.txt` lists it with its reason.
//!
//! 3. The README's table lists every header of the list, and the C test
//!    `c/all_headers.c` includes each one.
//!
//! `WASM_LIBC_BLESS=1` rewrites the reference symbol list from the toolchain.
//! Own output format (harness = false): figures, then any failure.

use libc_tests::{Result, ar, tool, wasm};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const BACKENDS: [(&str, &str); 2] = [("p1", "wasm32-wasip1"), ("p2", "wasm32-wasip2")];

/// The non-comment, non-empty lines of a data file, first word each.
fn list(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((a, b)) => (a.to_string(), b.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn parity_dir() -> PathBuf {
    libc_tests::tests_dir().join("parity")
}

/// Public names the toolchain's wasi-libc p1 `libc.a` defines, if installed.
fn toolchain_symbols() -> Option<BTreeSet<String>> {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let sysroot = String::from_utf8(out.stdout).ok()?;
    let path =
        Path::new(sysroot.trim()).join("lib/rustlib/wasm32-wasip1/lib/self-contained/libc.a");
    let bytes = std::fs::read(&path).ok()?;
    let members = ar::members(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut names = BTreeSet::new();
    for m in members {
        let Ok(module) = wasm::parse(m.data) else {
            continue;
        };
        for s in &module.symbols {
            if s.defined()
                && s.external()
                && s.kind != wasm::SYM_SECTION
                && !s.name.starts_with('_')
            {
                names.insert(s.name.clone());
            }
        }
    }
    Some(names)
}

fn check_reference(failures: &mut Vec<String>) -> BTreeSet<String> {
    let path = parity_dir().join("wasi-libc-p1-symbols.txt");
    let listed: BTreeSet<String> = list(&path).into_iter().map(|(n, _)| n).collect();
    let Some(live) = toolchain_symbols() else {
        println!(
            "reference: the toolchain's wasi-libc p1 libc.a is not installed; using the checked-in list"
        );
        return listed;
    };
    if std::env::var_os("WASM_LIBC_BLESS").is_some_and(|v| v == "1") {
        let text = std::fs::read_to_string(&path).unwrap();
        let header: String = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let body: String = live.iter().map(|n| format!("{n}\n")).collect();
        std::fs::write(&path, header + &body).unwrap();
        println!("blessed {}", path.display());
        return live;
    }
    if live != listed {
        failures.push(format!(
            "{} differs from the toolchain's libc.a (+{} -{}); bless with WASM_LIBC_BLESS=1",
            path.display(),
            live.difference(&listed).count(),
            listed.difference(&live).count()
        ));
    }
    live
}

fn check_symbols(failures: &mut Vec<String>) {
    let reference = check_reference(failures);
    let exclusions = list(&parity_dir().join("exclusions.txt"));
    let excluded: BTreeSet<&str> = exclusions
        .iter()
        .filter(|(n, _)| !n.contains(':'))
        .map(|(n, _)| n.as_str())
        .collect();
    for (n, why) in &exclusions {
        if why.is_empty() {
            failures.push(format!("exclusions.txt: {n} has no reason"));
        }
        if !n.contains(':') && !reference.contains(n) {
            failures.push(format!("exclusions.txt: {n} is not a wasi-libc p1 symbol"));
        }
    }
    for (b, triple) in BACKENDS {
        let path = libc_tests::tests_dir()
            .join("expected")
            .join(triple)
            .join("defined-symbols.txt");
        let ours: BTreeSet<String> = list(&path).into_iter().map(|(n, _)| n).collect();
        let have = reference.iter().filter(|n| ours.contains(*n)).count();
        let missing: Vec<&String> = reference
            .iter()
            .filter(|n| !ours.contains(*n) && !excluded.contains(n.as_str()))
            .collect();
        let stale: Vec<&&str> = excluded.iter().filter(|n| ours.contains(**n)).collect();
        let goal = reference.len() - excluded.len();
        println!(
            "symbols {b}: {have} of wasi-libc p1's {} public names defined ({:.1}%); {} excluded; \
             {have_goal} of {goal} goal ({:.1}%)",
            reference.len(),
            100.0 * have as f64 / reference.len() as f64,
            excluded.len(),
            100.0 * (reference.len() - excluded.len() - missing.len()) as f64 / goal as f64,
            have_goal = goal - missing.len(),
        );
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
            failures.push(format!(
                "{b}: {} missing: {}",
                missing.len(),
                names.join(" ")
            ));
        }
        if !stale.is_empty() {
            failures.push(format!(
                "{b}: excluded but defined (drop them from exclusions.txt): {stale:?}"
            ));
        }
    }
}

/// Compiles `source` for `backend` with `clang` (C or C++), syntax only,
/// with `extra` flags.
fn compiles(
    cc: &Path,
    sysroot: &Path,
    backend: &str,
    cxx: bool,
    source: &str,
    extra: &[&str],
) -> Result {
    let mut cmd = Command::new(cc);
    cmd.arg("--target=wasm32-wasi")
        .args(extra)
        .arg(format!("--sysroot={}", sysroot.join(backend).display()))
        .args(["-fsyntax-only", "-Wall", "-Wextra", "-pedantic", "-Werror"])
        .args(if cxx {
            ["-x", "c++", "-std=c++17"]
        } else {
            ["-x", "c", "-std=c11"]
        })
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("{}: {e}", cc.display()))?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err.lines().take(6).collect::<Vec<_>>().join("\n"))
    }
}

fn check_headers(failures: &mut Vec<String>) -> Result {
    // `name` or `name  compiler flags...` (setjmp.h needs clang 19 and its
    // exception-handling lowering, as in wasi-libc).
    let entries = list(&parity_dir().join("headers.txt"));
    let headers: Vec<String> = entries.iter().map(|(h, _)| h.clone()).collect();
    let special: std::collections::BTreeMap<String, Vec<String>> = entries
        .iter()
        .filter(|(_, f)| !f.is_empty())
        .map(|(h, f)| {
            (
                h.clone(),
                f.split_whitespace().map(str::to_string).collect(),
            )
        })
        .collect();
    const SJLJ: &[&str] = &["-mllvm", "-wasm-enable-sjlj"];
    // `p2:wasi/api.h reason`: a header that exists but may not compile there.
    let skip: BTreeSet<String> = list(&parity_dir().join("exclusions.txt"))
        .into_iter()
        .filter(|(n, _)| n.contains(':'))
        .map(|(n, _)| n)
        .collect();
    let cc = tool("WASM_LIBC_TEST_CC", &["clang"])?;
    let cc19 = tool("WASM_LIBC_TEST_CC19", &["clang-19"])?;
    let cxx19 = tool("WASM_LIBC_TEST_CXX19", &["clang++-19"])?;
    let work = libc_tests::work_dir(env!("CARGO_TARGET_TMPDIR"));
    let sysroot = libc_tests::sysroot(&work)?;
    for (b, triple) in BACKENDS {
        let include = sysroot.join(b).join("include").join(triple);
        let usable: Vec<&String> = headers
            .iter()
            .filter(|h| !skip.contains(&format!("{b}:{h}")))
            .collect();
        let results: Vec<(String, bool, Result)> = std::thread::scope(|s| {
            let chunks: Vec<Vec<&String>> = usable
                .chunks(usable.len().div_ceil(4).max(1))
                .map(|c| c.to_vec())
                .collect();
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| {
                    let (cc, sysroot, include, special) = (&cc, &sysroot, &include, &special);
                    s.spawn(move || {
                        chunk
                            .into_iter()
                            .map(|h| {
                                let ours = include.join(h).is_file();
                                let src = format!("#include <{h}>\ntypedef int parity_tu;\n");
                                let r = match special.get(h.as_str()) {
                                    Some(f) => {
                                        let flags: Vec<&str> =
                                            f[1..].iter().map(String::as_str).collect();
                                        compiles(Path::new(&f[0]), sysroot, b, false, &src, &flags)
                                    }
                                    None => compiles(cc, sysroot, b, false, &src, &[]),
                                };
                                (h.clone(), ours, r)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let ours = results.iter().filter(|(_, o, _)| *o).count();
        let ok = results.iter().filter(|(_, _, r)| r.is_ok()).count();
        println!(
            "headers {b}: {ok} of {} compile on their own ({ours} in our include/, {} from the compiler){}",
            headers.len(),
            results.iter().filter(|(_, o, r)| !o && r.is_ok()).count(),
            if usable.len() < headers.len() {
                format!(
                    "; {} exist but are unusable here by design",
                    headers.len() - usable.len()
                )
            } else {
                String::new()
            }
        );
        for (h, _, r) in &results {
            if let Err(e) = r {
                failures.push(format!("{b}: <{h}> does not compile:\n{e}"));
            }
        }
        for h in headers.iter().filter(|h| !usable.contains(h)) {
            if !include.join(h).is_file() {
                failures.push(format!("{b}: <{h}> is missing"));
            }
        }
        let all: String = usable
            .iter()
            .filter(|h| results.iter().any(|(n, _, r)| n == **h && r.is_ok()))
            .map(|h| format!("#include <{h}>\n"))
            .chain(std::iter::once("typedef int parity_tu;\n".to_string()))
            .collect();
        // Together: clang 19 with the setjmp lowering, so setjmp.h joins.
        for (lang, is_cxx) in [("C", false), ("C++", true)] {
            match compiles(
                if is_cxx { &cxx19 } else { &cc19 },
                &sysroot,
                b,
                is_cxx,
                &all,
                SJLJ,
            ) {
                Ok(()) => println!("headers {b}: all together compile as {lang} (clang 19)"),
                Err(e) => failures.push(format!("{b}: all headers together fail as {lang}:\n{e}")),
            }
        }
    }
    Ok(())
}

/// The README's header table names every header of the list.
fn check_readme(failures: &mut Vec<String>) {
    let readme = std::fs::read_to_string(libc_tests::root().join("README.md")).unwrap_or_default();
    let headers = list(&parity_dir().join("headers.txt"));
    let missing: Vec<&str> = headers
        .iter()
        .map(|(h, _)| h.as_str())
        .filter(|h| {
            !readme
                .lines()
                .any(|l| l.starts_with('|') && l.contains(&format!("`{h}`")))
        })
        .collect();
    println!(
        "readme: {} of {} headers in the README's table",
        headers.len() - missing.len(),
        headers.len()
    );
    if !missing.is_empty() {
        failures.push(format!(
            "README.md's header table lacks: {}",
            missing.join(" ")
        ));
    }
}

/// `c/all_headers.c` (a C test run on every runtime) includes every header
/// of the list.
fn check_all_headers_test(failures: &mut Vec<String>) {
    let path = libc_tests::tests_dir().join("c/all_headers.c");
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let headers = list(&parity_dir().join("headers.txt"));
    let missing: Vec<&str> = headers
        .iter()
        .map(|(h, _)| h.as_str())
        .filter(|h| !src.contains(&format!("#include <{h}>")))
        .collect();
    println!(
        "all_headers.c: includes {} of {} headers",
        headers.len() - missing.len(),
        headers.len()
    );
    if !missing.is_empty() {
        failures.push(format!("{} lacks: {}", path.display(), missing.join(" ")));
    }
}

fn main() -> ExitCode {
    let mut failures = Vec::new();
    check_symbols(&mut failures);
    check_readme(&mut failures);
    check_all_headers_test(&mut failures);
    if let Err(e) = check_headers(&mut failures) {
        failures.push(e);
    }
    if failures.is_empty() {
        println!("parity: ok");
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            println!("FAIL {f}");
        }
        println!("parity: {} failures", failures.len());
        ExitCode::FAILURE
    }
}
