//! Builds the sysroots: `OUT/p1`, `OUT/p2`, `OUT/p1-mvp`, `OUT/p2-mvp` and
//! `OUT/p1-threads`, each laid out like wasi-sdk's (`include/<triple>/`,
//! `lib/<triple>/{crt1.o,libc.a}`, with `include/wasm32-wasi` and
//! `lib/wasm32-wasi` links to them; `wasm32-wasi-threads` for p1-threads).
//!
//! `p1-mvp` is the p1 backend for WebAssembly 1.0 runtimes: the library is
//! built on Rust's `wasm32v1-none` target (no bulk memory, sign extension,
//! multi-value, reference types...), the start-up objects with
//! `-mcpu=mvp`, and the build checks that no object in `libc.a` uses a
//! post-MVP feature (see [`check_mvp_archive`]). `p2-mvp` is the same for
//! the p2 backend (libc-core's `p2` feature on `wasm32v1-none`): its programs
//! are WASI 0.2 core modules in WebAssembly 1.0, which `wasm-libc adapt`
//! turns into preview1 modules an old runtime loads (docs/adapter.md).

use crate::util::{Result, copy_dir, output, root, run as sh, tool};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One flavour of the library.
struct Flavour {
    /// The sysroot's directory name (`OUT/<name>`) and `--only` value.
    name: &'static str,
    /// Directory name under `lib/` and `include/` (clang's target triple).
    triple: &'static str,
    /// Rust target the library is compiled for.
    rust_target: &'static str,
    /// The backend, which the target picks (libc-core's build.rs), or
    /// `features` where the target does not say.
    backend: &'static str,
    /// Cargo features of the library build (`--features`).
    features: &'static [&'static str],
    /// Extra clang flags for the start-up objects.
    cflags: &'static [&'static str],
    crt: &'static str,
    /// Extra `libc.a` members (LLVM IR under `crt/`).
    members: &'static [&'static str],
}

/// The `libc.a` members of p1 and p1-mvp (one list, so the WebAssembly 1.0
/// flavour cannot miss one: p1-mvp once lacked `environ.ll`).
const P1_MEMBERS: &[&str] = &[
    "main_void.ll",
    "environ.ll",
    "progname.ll",
    "main_argc_argv.ll",
    "stack_chk.ll",
    "cxa_thread_atexit.ll",
];

/// The `libc.a` members of p2 and p2-mvp: p1's and the `run` result.
const P2_MEMBERS: &[&str] = &[
    "main_void.ll",
    "environ.ll",
    "progname.ll",
    "main_argc_argv.ll",
    "stack_chk.ll",
    "cxa_thread_atexit.ll",
    "exit_result.ll",
];

const FLAVOURS: &[Flavour] = &[
    Flavour {
        name: "p1",
        triple: "wasm32-wasip1",
        rust_target: "wasm32-wasip1",
        backend: "p1",
        features: &[],
        cflags: &[],
        crt: "crt1-p1.ll",
        members: P1_MEMBERS,
    },
    Flavour {
        name: "p2",
        triple: "wasm32-wasip2",
        rust_target: "wasm32-wasip2",
        backend: "p2",
        features: &[],
        cflags: &[],
        crt: "crt1-p2.ll",
        members: P2_MEMBERS,
    },
    // WebAssembly 1.0 (MVP plus mutable globals) for old runtimes: the p1
    // backend built for `wasm32v1-none`. Programs are compiled with
    // `-mcpu=mvp` and linked with `-Wl,--compress-relocations` (docs/flavours.md).
    Flavour {
        name: "p1-mvp",
        triple: "wasm32-wasip1",
        rust_target: "wasm32v1-none",
        backend: "p1",
        features: &[],
        cflags: &["-mcpu=mvp"],
        crt: "crt1-p1.ll",
        members: P1_MEMBERS,
    },
    // WebAssembly 1.0 for WASI 0.2: the p2 backend built for `wasm32v1-none`
    // (libc-core's `p2` feature picks it there). Programs are compiled and
    // linked as for p1-mvp; the core module (a component after `wasm-tools
    // component new`) runs on an old preview1 runtime once `wasm-libc adapt`
    // has made it a preview1 module (docs/adapter.md).
    Flavour {
        name: "p2-mvp",
        triple: "wasm32-wasip2",
        rust_target: "wasm32v1-none",
        backend: "p2",
        features: &["libc-core/p2"],
        cflags: &["-mcpu=mvp"],
        crt: "crt1-p2.ll",
        members: P2_MEMBERS,
    },
    // Shared-memory threads over wasi-threads: the p1 backend built for
    // `wasm32-wasip1-threads` (atomics, bulk memory), plus the thread
    // start-up pieces (crt/threads.c, crt/thread_start.s). Programs are compiled with
    // `-pthread` and linked with `-Wl,--import-memory,--export-memory,
    // --max-memory=N` (docs/threads.md).
    Flavour {
        name: "p1-threads",
        triple: "wasm32-wasip1-threads",
        rust_target: "wasm32-wasip1-threads",
        backend: "p1",
        features: &[],
        cflags: &["-matomics", "-mbulk-memory"],
        crt: "crt1-p1.ll",
        members: &[
            "main_void.ll",
            "environ.ll",
            "progname.ll",
            "main_argc_argv.ll",
            "stack_chk.ll",
            "cxa_thread_atexit.ll",
            "threads.c",
            "thread_start.s",
            "cxa_guard.c",
        ],
    },
];

pub fn run(args: &[String]) -> Result {
    let mut out = root().join("sysroot");
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = PathBuf::from(it.next().ok_or("--out needs a directory")?),
            "--only" => {
                let o = it
                    .next()
                    .ok_or("--only needs p1, p2, p1-mvp, p2-mvp or p1-threads")?;
                if !FLAVOURS.iter().any(|f| f.name == o) {
                    return Err(format!(
                        "--only {o}: not one of p1, p2, p1-mvp, p2-mvp, p1-threads"
                    ));
                }
                only = Some(o.clone())
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = if out.is_absolute() {
        out
    } else {
        std::env::current_dir().unwrap().join(out)
    };
    let clang = tool("WASM_LIBC_CLANG", &["clang-19", "clang"])?;
    let ar = tool("WASM_LIBC_AR", &["llvm-ar-19", "llvm-ar"])?;
    let wasm_ld = tool("WASM_LIBC_WASM_LD", &["wasm-ld-19", "wasm-ld"])?;
    let build = root().join("target/sysroot-build");
    std::fs::create_dir_all(&build).map_err(|e| e.to_string())?;

    for f in FLAVOURS
        .iter()
        .filter(|f| only.as_deref().is_none_or(|o| o == f.name))
    {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build_lib = Command::new(&cargo);
        build_lib.current_dir(root()).args([
            "build",
            "--quiet",
            "--release",
            "-p",
            "posix",
            "--target",
            f.rust_target,
        ]);
        if !f.features.is_empty() {
            build_lib.arg("--features").arg(f.features.join(","));
        }
        sh(&mut build_lib)?;
        // One complete sysroot per flavour: `OUT/p1`, `OUT/p2`, `OUT/p1-mvp`,
        // `OUT/p2-mvp`, `OUT/p1-threads`. Headers (the same in all of them) and the
        // library sit under the flavour's triple, `include/<triple>` and
        // `lib/<triple>`, where `clang --target=<triple>` looks (wasi-sdk's
        // layout); both are reachable under the deprecated `wasm32-wasi`
        // (`wasm32-wasi-threads`) too. `include/` itself holds only what
        // is not per triple (libc++'s `c++/v1`, scripts/cxx.sh).
        let sys = out.join(f.name);
        let _ = std::fs::remove_dir_all(&sys);
        let inc = sys.join("include").join(f.triple);
        copy_dir(&root().join("include"), &inc)?;
        if f.backend == "p2" {
            // <wasi/api.h> marks the preview1 functions unavailable when it
            // finds this file (the headers are otherwise the same).
            std::fs::write(
                inc.join("wasi/__wasm_libc_p2.h"),
                "/* Present only in the p2 sysroot (cargo xtask sysroot). */\n#define __WASM_LIBC_P2 1\n",
            )
            .map_err(|e| e.to_string())?;
        }
        let lib = sys.join("lib").join(f.triple);
        std::fs::create_dir_all(&lib).map_err(|e| e.to_string())?;
        let old_triple = if f.triple.ends_with("-threads") {
            "wasm32-wasi-threads"
        } else {
            "wasm32-wasi"
        };
        link_dir(f.triple, &sys.join("lib").join(old_triple))?;
        link_dir(f.triple, &sys.join("include").join(old_triple))?;
        let libc = lib.join("libc.a");
        std::fs::copy(
            root()
                .join("target")
                .join(f.rust_target)
                .join("release/libc.a"),
            &libc,
        )
        .map_err(|e| format!("copy libc.a: {e}"))?;

        // The Rust part becomes one member, `libc.o`, with no Rust-internal
        // global: Rust std programs link against it (docs/rust-std.md).
        // This also drops the DWARF of Rust's precompiled `core`. The small
        // C members stay members of their own, pulled in only when
        // undefined (a program defines `__main_void` itself when its
        // `main` takes no arguments, as a Rust program always does).
        let changes = crate::localize::localize_archive(
            &ar,
            &wasm_ld,
            &libc,
            &build.join(format!("{}-members", f.name)),
        )?;
        eprintln!(
            "xtask: {}: libc.o, {} Rust-internal symbols made local, {} compiler_builtins symbols made weak",
            f.name, changes.localized, changes.weakened
        );
        let compile = |src: &Path, obj: &Path| -> Result {
            sh(Command::new(&clang)
                .arg(format!("--target={}", f.triple))
                .args(f.cflags)
                .arg("-Wno-override-module")
                .arg("-Wno-unused-command-line-argument")
                // The realloc trampolines run on every p2 read: optimize.
                .arg("-O2")
                .arg("-c")
                .arg(src)
                .arg("-o")
                .arg(obj))
        };
        compile(&root().join("crt").join(f.crt), &lib.join("crt1.o"))?;
        let mut members = Vec::new();
        for m in f.members {
            let stem = m.rsplit_once('.').map_or(*m, |(stem, _)| stem);
            let obj = build.join(format!("{}-{stem}.o", f.name));
            compile(&root().join("crt").join(m), &obj)?;
            members.push(obj);
        }
        if f.backend == "p2" {
            let ll = build.join("component_type.ll");
            std::fs::write(&ll, component_type_ll(&build)?).map_err(|e| e.to_string())?;
            let obj = build.join("p2-component_type.o");
            compile(&ll, &obj)?;
            members.push(obj);
            // The opt-in object (docs/p2-exit.md), not a member: a program
            // names it on its link line.
            let ll = build.join("exit_with_code.ll");
            std::fs::write(&ll, exit_with_code_ll(&build)?).map_err(|e| e.to_string())?;
            compile(&ll, &lib.join("exit-with-code.o"))?;
        }
        if f.rust_target != "wasm32v1-none" {
            // The setjmp/longjmp runtime needs exception handling (`throw`):
            // its own archive, `-lsetjmp` as with wasi-sdk, so libc.a stays
            // free of exception instructions (crt/setjmp.ll).
            let obj = build.join(format!("{}-setjmp.o", f.name));
            sh(Command::new(&clang)
                .arg(format!("--target={}", f.triple))
                .args(["-mexception-handling", "-Wno-override-module", "-O2", "-c"])
                .arg(root().join("crt/setjmp.ll"))
                .arg("-o")
                .arg(&obj))?;
            let _ = std::fs::remove_file(lib.join("libsetjmp.a"));
            sh(Command::new(&ar)
                .arg("rcs")
                .arg(lib.join("libsetjmp.a"))
                .arg(&obj))?;
        }
        sh(Command::new(&ar).arg("rs").arg(&libc).args(&members))?;
        if f.rust_target == "wasm32v1-none" {
            crate::mvp::check_archive(&ar, &libc, &build.join(format!("{}-check", f.name)))?;
        }
        // Empty companions so `-lm`, `-lpthread`... links keep working, as
        // with wasi-sdk (their functions, where any, are in libc.a).
        for extra in [
            "libm.a",
            "librt.a",
            "libpthread.a",
            "libdl.a",
            "libutil.a",
            "libxnet.a",
            "libresolv.a",
            "libcrypt.a",
        ] {
            sh(Command::new(&ar).arg("rc").arg(lib.join(extra)))?;
        }
        eprintln!("xtask: built {}", lib.display());
    }
    Ok(())
}

/// The `wasi` crate's `wit` directory (WASI 0.2.0), found with cargo metadata.
pub(crate) fn wasi_wit_dir() -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let meta = output(Command::new(cargo).current_dir(root()).args([
        "metadata",
        "--format-version",
        "1",
    ]))?;
    // Find `"manifest_path":".../wasi-0.13.0+wasi-0.2.0/Cargo.toml"`.
    let key = "\"manifest_path\":\"";
    for part in meta.split(key).skip(1) {
        let path = &part[..part.find('"').unwrap_or(0)];
        if path.contains("/wasi-0.13.0+wasi-0.2.0/") {
            return Ok(Path::new(path).parent().unwrap().join("wit"));
        }
    }
    Err("the wasi 0.13.0 crate is not in cargo metadata".into())
}

/// LLVM IR for `libc.a`'s `component_type.o`: the `component-type` custom
/// section (the WIT world of `libc-core/wit`, encoded by `wasm-tools component
/// embed`) and the symbol that `crt1.o` references to pull it in.
fn component_type_ll(build: &Path) -> Result<String> {
    let wit = build.join("wit");
    crate::abi::assemble_wit(&wit)?;
    let (name, payload) = embed(build, &wit, "libc", "component-type:wasm-libc")?;
    let mut ll = String::from(
        "; Generated by `cargo xtask sysroot`: the component-type section for p2.\n\
         define void @__wasm_libc_component_type() {\n  ret void\n}\n",
    );
    ll.push_str(&custom_section_ll(&name, &payload));
    Ok(ll)
}

/// LLVM IR for the p2 opt-in object `exit-with-code.o`: crt/exit_with_code.ll
/// and a `component-type` section declaring its import (the world of
/// `libc-core/wit/exit-with-code`), under a name of its own: wasm-ld would
/// concatenate two sections of one name into an invalid one.
fn exit_with_code_ll(build: &Path) -> Result<String> {
    let wit = root().join("libc-core/wit/exit-with-code");
    let (_, payload) = embed(build, &wit, "exit-with-code", "")?;
    let mut ll = std::fs::read_to_string(root().join("crt/exit_with_code.ll"))
        .map_err(|e| format!("crt/exit_with_code.ll: {e}"))?;
    ll.push_str(&custom_section_ll(
        "component-type:wasm-libc-exit-with-code",
        &payload,
    ));
    Ok(ll)
}

/// `wasm-tools component embed --only-custom` of `world` in `wit`: the
/// `component-type` section's name (`default_name` when the output is the
/// bare payload) and contents.
fn embed(build: &Path, wit: &Path, world: &str, default_name: &str) -> Result<(String, Vec<u8>)> {
    let wasm_tools = tool("WASM_TOOLS", &["wasm-tools"])?;
    let embedded = build.join(format!("component-type-{world}.wasm"));
    sh(Command::new(wasm_tools)
        .args([
            "component",
            "embed",
            "--only-custom",
            "--world",
            world,
            "-o",
        ])
        .arg(&embedded)
        .arg(wit))?;
    let bytes = std::fs::read(&embedded).map_err(|e| e.to_string())?;
    // `--only-custom` writes either a core module holding the section, or
    // (newer wasm-tools) the section's payload itself: an encoded component.
    match custom_section(&bytes, "component-type") {
        Some((name, payload)) => Ok((name, payload.to_vec())),
        None if bytes.get(4..8) == Some(&[0x0d, 0x00, 0x01, 0x00]) => {
            Ok((default_name.to_string(), bytes))
        }
        None => Err("no component-type section in embed output".into()),
    }
}

/// LLVM IR metadata that makes clang emit custom section `name`.
fn custom_section_ll(name: &str, payload: &[u8]) -> String {
    format!(
        "!wasm.custom_sections = !{{!0}}\n!0 = !{{!\"{}\", !\"{}\"}}\n",
        escape(name.as_bytes()),
        escape(payload)
    )
}

/// The first custom section whose name starts with `prefix`.
fn custom_section<'a>(wasm: &'a [u8], prefix: &str) -> Option<(String, &'a [u8])> {
    crate::wasm::sections(wasm)?
        .into_iter()
        .filter_map(|s| s.custom)
        .find(|(name, _)| name.starts_with(prefix))
        .map(|(name, contents)| (name.to_string(), contents))
}

/// Escapes bytes for an LLVM IR metadata string.
fn escape(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 3);
    for &c in b {
        if (0x20..0x7f).contains(&c) && c != b'"' && c != b'\\' {
            s.push(c as char);
        } else {
            s.push_str(&format!("\\{c:02X}"));
        }
    }
    s
}

/// `link` -> `target` (a sibling directory), as a symlink.
#[cfg(unix)]
fn link_dir(target: &str, link: &Path) -> Result {
    std::os::unix::fs::symlink(target, link).map_err(|e| e.to_string())
}

/// Hosts without symlinks (xtask only runs on Unix; this keeps the
/// workspace building for every target): a copy made after the library.
#[cfg(not(unix))]
fn link_dir(target: &str, link: &Path) -> Result {
    let _ = (target, link);
    Err("cargo xtask sysroot needs a Unix host (symlinks)".into())
}
