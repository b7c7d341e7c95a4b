//! On `wasm32-wasip1-threads` (the `p1-threads` flavour), libc-core's
//! thread layer needs the C and assembly pieces that C programs get from the
//! sysroot's `libc.a`: `crt/threads.c` (`_Thread_local` state, the atomic
//! wait/notify builtins, the `thread-spawn` import) and `crt/thread_start.s`
//! (the `wasi_thread_start` entry point, which sets `__stack_pointer` before
//! any Rust code runs). Stable Rust can express neither, so a Rust program
//! on that target gets them compiled here with clang (`WASM_LIBC_CLANG`,
//! else `clang-19` or `clang`) and archived (`WASM_LIBC_AR`, else
//! `llvm-ar-19` or `llvm-ar`). Other targets need nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tool(var: &str, names: &[&str]) -> String {
    println!("cargo::rerun-if-env-changed={var}");
    if let Ok(v) = std::env::var(var) {
        return v;
    }
    for n in names {
        if Command::new(n)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return (*n).to_string();
        }
    }
    panic!(
        "wasm-libc: the threads target needs {} (or set {var})",
        names[0]
    );
}

fn run(c: &mut Command) {
    let st = c
        .status()
        .unwrap_or_else(|e| panic!("wasm-libc: {c:?}: {e}"));
    assert!(st.success(), "wasm-libc: {c:?} failed: {st}");
}

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target != "wasm32-wasip1-threads" {
        return;
    }
    let crt = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crt");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let clang = tool("WASM_LIBC_CLANG", &["clang-19", "clang"]);
    let ar = tool("WASM_LIBC_AR", &["llvm-ar-19", "llvm-ar"]);
    let mut objs = Vec::new();
    for src in ["threads.c", "thread_start.s"] {
        let path = crt.join(src);
        println!("cargo::rerun-if-changed={}", path.display());
        let obj = out.join(format!("{src}.o"));
        run(Command::new(&clang)
            .args([
                "--target=wasm32-wasip1-threads",
                "-matomics",
                "-mbulk-memory",
                "-O2",
            ])
            .args(["-nostdlib", "-ffreestanding", "-c"])
            .arg(&path)
            .arg("-o")
            .arg(&obj));
        objs.push(obj);
    }
    let lib = out.join("libwasm_libc_threads.a");
    let _ = std::fs::remove_file(&lib);
    run(Command::new(&ar).arg("rcs").arg(&lib).args(&objs));
    println!("cargo::rustc-link-search=native={}", out.display());
    println!("cargo::rustc-link-lib=static:+whole-archive=wasm_libc_threads");
}
