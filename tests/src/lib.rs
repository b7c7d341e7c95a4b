//! Shared helpers of the wasm-libc test suite (host Rust, no dependencies).
//!
//! - [`tool`]: finds the external programs the suite drives (clang,
//!   wasmtime, wasm-tools, node) and fails with a clear message otherwise.
//! - [`sysroot`]: builds both sysroots with `cargo xtask sysroot` into the
//!   target directory (or takes a prebuilt one from `WASM_LIBC_SYSROOT`).
//! - [`run`]: runs a command with stdin, captured output and a timeout.
//! - [`diff`]: a line diff for expected-vs-got reports.
//! - [`wasm`] and [`ar`]: tiny readers for wasm modules/objects and `ar`
//!   archives, used by the artifact checks.

pub mod ar;
pub mod diff;
pub mod run;
pub mod wasm;

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The directory of the test crate (`tests/`).
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Finds an external tool: the path in env var `var` if set, otherwise the
/// first of `names` found on `PATH`.
pub fn tool(var: &str, names: &[&str]) -> Result<PathBuf> {
    if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        let p = PathBuf::from(v);
        return if p.components().count() > 1 {
            if is_executable(&p) {
                Ok(p)
            } else {
                Err(format!("{var}={} is not an executable file", p.display()))
            }
        } else {
            find_on_path(p.to_str().unwrap_or_default())
                .ok_or_else(|| format!("{var}={} was not found on PATH", p.display()))
        };
    }
    names.iter().find_map(|n| find_on_path(n)).ok_or_else(|| {
        format!(
            "required tool not found: none of {names:?} is on PATH \
             (install it, add it to PATH, or set {var}=/path/to/it)"
        )
    })
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Without Unix permission bits, any file (the suite runs on Unix; this
/// keeps the workspace building for every target).
#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// Where the suite keeps what it builds: `<target>/tmp/libc-tests` (each
/// test binary passes its `CARGO_TARGET_TMPDIR`).
pub fn work_dir(target_tmp: &str) -> PathBuf {
    Path::new(target_tmp).join("libc-tests")
}

/// The two sysroots (`<dir>/p1`, `<dir>/p2`).
///
/// With `WASM_LIBC_SYSROOT=<dir>` set, that prebuilt directory is used as
/// is. Otherwise `cargo xtask sysroot --out <work>/sysroot` rebuilds it (a
/// no-op for cargo when nothing changed, a second or two for the rest), so
/// the suite always tests the current sources, also on a clean clone. A file
/// lock keeps concurrent test binaries from building at the same time.
pub fn sysroot(work: &Path) -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("WASM_LIBC_SYSROOT").filter(|v| !v.is_empty()) {
        let dir = PathBuf::from(dir);
        for b in ["p1", "p2"] {
            let lib = dir.join(b).join("lib/wasm32-wasi/libc.a");
            if !lib.is_file() {
                return Err(format!(
                    "WASM_LIBC_SYSROOT={}: {} is missing",
                    dir.display(),
                    lib.display()
                ));
            }
        }
        return Ok(dir);
    }
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let lock = std::fs::File::create(work.join("sysroot.lock")).map_err(|e| e.to_string())?;
    lock.lock()
        .map_err(|e| format!("locking sysroot.lock: {e}"))?;
    let out = work.join("sysroot");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = std::time::Instant::now();
    // xtask expects cargo's default target directory (it copies
    // `target/<triple>/release/libc.a`) and builds xtask for the host.
    let res = Command::new(&cargo)
        .current_dir(root())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .args([
            "run",
            "--quiet",
            "--package",
            "xtask",
            "--",
            "sysroot",
            "--out",
        ])
        .arg(&out)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", Path::new(&cargo).display()))?;
    if !res.status.success() {
        return Err(format!(
            "`cargo xtask sysroot --out {}` failed ({}):\n{}{}",
            out.display(),
            res.status,
            String::from_utf8_lossy(&res.stdout),
            String::from_utf8_lossy(&res.stderr)
        ));
    }
    // libc++ and libc++abi for the C++ tests (cached: scripts/cxx.sh); on
    // p1-threads with std::thread & co.
    check_output(
        Command::new(root().join("scripts/cxx.sh"))
            .current_dir(root())
            .env("WASM_LIBC_SYSROOT_DIR", &out)
            .args(["p1", "p2", "p1-threads"]),
    )
    .map_err(|e| format!("scripts/cxx.sh (libc++ for the sysroots): {e}"))?;
    eprintln!(
        "libc-tests: sysroots built in {} ({:.1}s)",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(out)
}

/// Runs a command to completion, failing with its output if it fails.
pub fn check_output(cmd: &mut Command) -> Result<Vec<u8>> {
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    if !out.status.success() {
        return Err(format!(
            "{cmd:?} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out.stdout)
}

/// Removes and recreates `dir`.
pub fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Copies the directory tree `from` into `to` (created if needed).
pub fn copy_tree(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for e in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let e = e.map_err(|e| e.to_string())?;
        let dst = to.join(e.file_name());
        if e.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_tree(&e.path(), &dst)?;
        } else {
            std::fs::copy(e.path(), &dst)
                .map_err(|err| format!("{}: {err}", e.path().display()))?;
        }
    }
    Ok(())
}

/// The `wasm-libc` tool (`wasm-libc adapt`, crate `wasm-libc-cli`):
/// `WASM_LIBC_ADAPT` if set, otherwise built here (`cargo build --package
/// wasm-libc-cli`, debug; a no-op for cargo when nothing changed) into the
/// workspace's default target directory.
pub fn adapt_tool() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("WASM_LIBC_ADAPT").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(p);
        return if is_executable(&p) {
            Ok(p)
        } else {
            Err(format!(
                "WASM_LIBC_ADAPT={} is not an executable file",
                p.display()
            ))
        };
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    check_output(
        Command::new(&cargo)
            .current_dir(root())
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET")
            .args([
                "build",
                "--quiet",
                "--package",
                "wasm-libc-cli",
                "--bin",
                "wasm-libc",
            ]),
    )
    .map_err(|e| format!("building the adapt tool: {e}"))?;
    let bin = root().join("target/debug/wasm-libc");
    if is_executable(&bin) {
        Ok(bin)
    } else {
        Err(format!("{} was not built", bin.display()))
    }
}
