//! Checks of the built artifacts: what `libc.a` imports from the host, the
//! exports of a linked program, and the ABI snapshots, like wasi-libc's
//! `expected/`: per triple under `tests/expected/<triple>/`, the symbols
//! `libc.a` defines (`defined-symbols.txt`), the host imports it may need
//! (`undefined-symbols.txt`) and the macros the public headers define
//! (`predefined-macros.txt`).
//!
//! `WASM_LIBC_BLESS=1 cargo test -p libc-tests --test artifacts` rewrites
//! the snapshots after an intended change of the ABI.

use libc_tests::wasm::{self, Module, Symbol};
use libc_tests::{Result, ar, check_output, diff::diff, tool};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Backend {
    P1,
    P2,
}

impl Backend {
    fn dir(self) -> &'static str {
        match self {
            Backend::P1 => "p1",
            Backend::P2 => "p2",
        }
    }
    fn triple(self) -> &'static str {
        match self {
            Backend::P1 => "wasm32-wasip1",
            Backend::P2 => "wasm32-wasip2",
        }
    }
    /// Whether `module` is a host interface this backend may import from.
    fn host_module(self, module: &str) -> bool {
        match self {
            Backend::P1 => module == "wasi_snapshot_preview1",
            Backend::P2 => is_wasi_0_2(module),
        }
    }
    fn host_modules(self) -> &'static str {
        match self {
            Backend::P1 => "`wasi_snapshot_preview1`",
            Backend::P2 => "`wasi:<package>/<interface>@0.2.<patch>`",
        }
    }
}

/// `wasi:<package>/<interface>@0.2.<patch>`.
fn is_wasi_0_2(module: &str) -> bool {
    let Some(rest) = module.strip_prefix("wasi:") else {
        return false;
    };
    let Some((path, version)) = rest.split_once('@') else {
        return false;
    };
    let Some((package, interface)) = path.split_once('/') else {
        return false;
    };
    let name_ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let Some(patch) = version.strip_prefix("0.2.") else {
        return false;
    };
    name_ok(package)
        && name_ok(interface)
        && !patch.is_empty()
        && patch.chars().all(|c| c.is_ascii_digit())
}

fn work() -> PathBuf {
    libc_tests::work_dir(env!("CARGO_TARGET_TMPDIR"))
}

/// The sysroots, built once per test binary.
fn sysroot() -> &'static Path {
    static DIR: OnceLock<std::result::Result<PathBuf, String>> = OnceLock::new();
    match DIR.get_or_init(|| libc_tests::sysroot(&work())) {
        Ok(p) => p,
        Err(e) => panic!("cannot build the sysroots: {e}"),
    }
}

fn libc_a(b: Backend) -> PathBuf {
    sysroot().join(b.dir()).join("lib/wasm32-wasi/libc.a")
}

/// Every member of a `libc.a`, parsed.
fn archive(b: Backend) -> Vec<(String, Module)> {
    let path = libc_a(b);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let members = ar::members(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!members.is_empty(), "{}: empty archive", path.display());
    members
        .into_iter()
        .map(|m| {
            let module = wasm::parse(m.data)
                .unwrap_or_else(|e| panic!("{}({}): {e}", path.display(), m.name));
            (m.name, module)
        })
        .collect()
}

/// Symbols a final link provides (wasm-ld's synthetic symbols, the memory
/// every object file imports) or the C program itself defines (`main` in
/// its three spellings: `main` is a K&R-style definition, which
/// `main_argc_argv.o` calls through a weak reference).
const PROVIDED_AT_LINK: &[&str] = &[
    "__linear_memory",
    "__stack_pointer",
    "__indirect_function_table",
    "__heap_base",
    "__heap_end",
    "__data_end",
    "__dso_handle",
    "__global_base",
    "__memory_base",
    "__table_base",
    "__tls_base",
    "__tls_size",
    "__tls_align",
    "__stack_low",
    "__stack_high",
    "__wasm_call_ctors",
    "__wasm_init_memory",
    "__wasm_apply_data_relocs",
    "__wasm_init_tls",
    "__wasm_first_page_end",
    "__main_void",
    "__main_argc_argv",
    "main",
];

/// Import modules of relocatable objects that are symbol references the
/// linker resolves, not host interfaces: `env` (plain undefined symbols)
/// and the GOT entries of position-independent code (`GOT.mem`,
/// `GOT.func`; the wasm32-wasip2 Rust target compiles so).
fn is_link_time(module: &str) -> bool {
    matches!(module, "env" | "GOT.mem" | "GOT.func")
}

/// Everything the members of an archive import that the archive does not
/// satisfy itself: link-time references to symbols no member defines (and
/// the link does not provide), and every host import, by module.
fn unresolved_imports(members: &[(String, Module)]) -> BTreeMap<String, BTreeSet<String>> {
    let defined: BTreeSet<&str> = members
        .iter()
        .flat_map(|(_, m)| m.symbols.iter())
        .filter(|s| s.defined() && s.external())
        .map(|s| s.name.as_str())
        .collect();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (member, m) in members {
        // The address of an imported function (`GOT.func` entry) names the
        // function's symbol; the symbol says which host import it is.
        let host_fn: BTreeMap<&str, &str> = m
            .symbols
            .iter()
            .filter(|s| !s.defined())
            .filter_map(|s| Some((s.name.as_str(), s.import_module.as_deref()?)))
            .filter(|(_, module)| !is_link_time(module))
            .collect();
        for i in &m.imports {
            if i.module == "GOT.func"
                && let Some(module) = host_fn.get(i.name.as_str())
            {
                out.entry(module.to_string())
                    .or_default()
                    .insert(format!("{} (address taken, from {member})", i.name));
                continue;
            }
            let resolved =
                defined.contains(i.name.as_str()) || PROVIDED_AT_LINK.contains(&i.name.as_str());
            if is_link_time(&i.module) && resolved {
                continue;
            }
            out.entry(i.module.clone())
                .or_default()
                .insert(format!("{} (from {member})", i.name));
        }
    }
    out
}

fn check_archive_imports(b: Backend) {
    let members = archive(b);
    let mut problems = Vec::new();
    let mut host = 0;
    for (module, names) in unresolved_imports(&members) {
        if is_link_time(&module) {
            for n in names {
                problems.push(format!("`{module}` symbol {n}: no member defines it"));
            }
        } else if b.host_module(&module) {
            host += names.len();
        } else {
            for n in names {
                problems.push(format!("import from `{module}`: {n}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}: everything libc.a needs from outside must be a {} import or a \
         symbol the link provides; found:\n  {}",
        libc_a(b).display(),
        b.host_modules(),
        problems.join("\n  ")
    );
    assert!(host > 0, "no host imports at all: is this really libc.a?");
}

#[test]
fn p1_archive_imports_only_wasi_snapshot_preview1() {
    check_archive_imports(Backend::P1);
}

#[test]
fn p2_archive_imports_only_wasi_0_2() {
    check_archive_imports(Backend::P2);
}

#[test]
fn wasi_0_2_module_names() {
    assert!(is_wasi_0_2("wasi:io/streams@0.2.0"));
    assert!(is_wasi_0_2("wasi:cli/terminal-stdout@0.2.6"));
    assert!(!is_wasi_0_2("wasi:io/streams@0.3.0"));
    assert!(!is_wasi_0_2("wasi:io/streams"));
    assert!(!is_wasi_0_2("wasi_snapshot_preview1"));
    assert!(!is_wasi_0_2("env"));
    assert!(!is_wasi_0_2("wasix:io/streams@0.2.0"));
}

/// Links `source` against the sysroot of `b`; with `whole_archive`, every
/// member of `libc.a` is linked in and kept.
fn link(b: Backend, name: &str, source: &str, whole_archive: bool) -> Module {
    let cc = tool("WASM_LIBC_TEST_CC", &["clang"]).unwrap_or_else(|e| panic!("{e}"));
    let dir = work().join("artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(format!("{name}.{}.c", b.dir()));
    let out = dir.join(format!("{name}.{}.wasm", b.dir()));
    std::fs::write(&src, source).unwrap();
    let mut cmd = Command::new(cc);
    cmd.arg("--target=wasm32-wasi")
        .arg(format!("--sysroot={}", sysroot().join(b.dir()).display()))
        .args(["-O2", "-fno-builtin"])
        .arg(&src)
        .arg("-o")
        .arg(&out);
    if whole_archive {
        // All members, and nothing dropped as unreachable: every import
        // of every member ends up in the module.
        cmd.arg("-Wl,--whole-archive,-lc,--no-whole-archive,--no-gc-sections");
    }
    let r: Result<Vec<u8>> = check_output(&mut cmd);
    r.unwrap_or_else(|e| panic!("link failed: {e}"));
    let bytes = std::fs::read(&out).unwrap();
    wasm::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()))
}

const HELLO: &str = "#include <unistd.h>\n\
    int main(int argc, char **argv) { (void)argv; write(1, \"hi\\n\", 3); return argc - 1; }\n";

fn check_linked_imports(b: Backend) {
    let m = link(b, "whole", HELLO, true);
    let bad: Vec<String> = m
        .imports
        .iter()
        .filter(|i| !b.host_module(&i.module))
        .map(|i| format!("{}::{}", i.module, i.name))
        .collect();
    assert!(
        bad.is_empty(),
        "a program linked with the whole p{} libc.a imports more than {}: {bad:?}",
        if b == Backend::P1 { 1 } else { 2 },
        b.host_modules()
    );
    assert!(!m.imports.is_empty());
}

#[test]
fn p1_whole_archive_program_imports_only_wasi_snapshot_preview1() {
    check_linked_imports(Backend::P1);
}

#[test]
fn p2_whole_archive_program_imports_only_wasi_0_2() {
    check_linked_imports(Backend::P2);
}

fn export_names(m: &Module) -> BTreeSet<&str> {
    m.exports.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn p1_program_exports_start_and_memory() {
    let m = link(Backend::P1, "hello", HELLO, false);
    let exports = export_names(&m);
    for want in ["_start", "memory"] {
        assert!(exports.contains(want), "missing export {want}: {exports:?}");
    }
    assert!(
        m.imports
            .iter()
            .all(|i| i.module == "wasi_snapshot_preview1"),
        "{:?}",
        m.imports
    );
}

#[test]
fn p2_program_core_module_exports_run_and_realloc() {
    let m = link(Backend::P2, "hello", HELLO, false);
    let exports = export_names(&m);
    for want in [
        "wasi:cli/run@0.2.0#run",
        "cabi_import_realloc",
        "cabi_realloc",
        "memory",
    ] {
        assert!(exports.contains(want), "missing export {want}: {exports:?}");
    }
    assert!(
        m.custom_sections
            .iter()
            .any(|s| s.starts_with("component-type")),
        "no component-type custom section (wasm-tools component new needs it): {:?}",
        m.custom_sections
    );
    assert!(
        m.imports.iter().all(|i| is_wasi_0_2(&i.module)),
        "{:?}",
        m.imports
    );
}

/// The names the toolchain's own `compiler_builtins` (the one linked into
/// `libc.a`, and into every Rust program) defines with global or weak
/// binding, unmangled: the compiler's runtime (`__multi3`, `__divdi3`,
/// `memcpy`, `sqrt`...).
fn compiler_builtins_names(b: Backend) -> BTreeSet<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = check_output(Command::new(rustc).args(["--print", "sysroot"]))
        .unwrap_or_else(|e| panic!("rustc --print sysroot: {e}"));
    let lib = Path::new(String::from_utf8_lossy(&out).trim())
        .join("lib/rustlib")
        .join(b.triple())
        .join("lib");
    let rlib = std::fs::read_dir(&lib)
        .unwrap_or_else(|e| panic!("{}: {e}", lib.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libcompiler_builtins-") && n.ends_with(".rlib"))
        })
        .unwrap_or_else(|| panic!("no libcompiler_builtins-*.rlib in {}", lib.display()));
    let bytes = std::fs::read(&rlib).unwrap();
    let members = ar::members(&bytes).unwrap_or_else(|e| panic!("{}: {e}", rlib.display()));
    members
        .iter()
        .filter_map(|m| wasm::parse(m.data).ok()) // lib.rmeta is not wasm
        .flat_map(|m| m.symbols)
        .filter(|s| s.defined() && s.external() && !is_rust_mangled(&s.name))
        .map(|s| s.name)
        .collect()
}

/// A Rust-mangled name (legacy `_ZN...E`, v0 `_R...`).
fn is_rust_mangled(name: &str) -> bool {
    name.starts_with("_ZN") || name.starts_with("_R")
}

/// The ABI snapshot rule: every symbol with global or weak binding that a
/// member of `libc.a` defines (functions, data, globals, tags, tables),
/// except the weak ones that Rust's `compiler_builtins` provides (the
/// compiler's runtime: `__multi3`, `__divdi3`, `memcpy`/`sqrt`..., which
/// the C compiler's own compiler-rt, or a Rust program's own
/// `compiler_builtins`, provides too; `xtask/src/localize.rs` makes them
/// weak) and Rust-mangled names (not reachable from C; made local). So: the
/// C-visible names the library itself puts into a program's namespace.
/// Sorted, one per line.
fn defined_symbols(members: &[(String, Module)], builtins: &BTreeSet<String>) -> String {
    let names: BTreeSet<&str> = members
        .iter()
        .flat_map(|(_, m)| m.symbols.iter())
        .filter(|s: &&Symbol| s.defined() && s.external() && s.kind != wasm::SYM_SECTION)
        .filter(|s| !(s.flags & wasm::FLAG_WEAK != 0 && builtins.contains(&s.name)))
        .map(|s| s.name.as_str())
        .filter(|n| !is_rust_mangled(n))
        .collect();
    let mut out = String::new();
    for n in names {
        out.push_str(n);
        out.push('\n');
    }
    out
}

/// What a Rust std program needs to link against `libc.a` without
/// duplicate symbols (docs/rust-std.md): no Rust-internal symbol is
/// visible outside its member (the program brings the same precompiled
/// `core`, with the same mangled names), and every name the program's own
/// `compiler_builtins` may define is at most weak in `libc.a`.
fn check_rust_std_linkable(b: Backend) {
    let members = archive(b);
    let builtins = compiler_builtins_names(b);
    assert!(builtins.contains("__multi3"), "{builtins:?}");
    let mut bad = Vec::new();
    for (member, m) in &members {
        for s in m.symbols.iter().filter(|s| s.defined() && s.external()) {
            let internal = is_rust_mangled(&s.name)
                || s.name.starts_with("__rust_")
                || s.name.starts_with("anon.")
                || s.name == "rust_begin_unwind";
            if internal {
                bad.push(format!("{} (global in {member})", s.name));
            }
        }
    }
    // Each compiler_builtins name libc.a defines strongly must be one the
    // C library itself provides (memcpy and the like, C-visible), never
    // one only compiler_builtins has.
    let snapshot = defined_symbols(&members, &builtins);
    let c_visible: BTreeSet<&str> = snapshot.lines().collect();
    for (member, m) in &members {
        for s in m.symbols.iter().filter(|s| s.defined() && s.external()) {
            if builtins.contains(&s.name)
                && s.flags & wasm::FLAG_WEAK == 0
                && !c_visible.contains(s.name.as_str())
            {
                bad.push(format!("{} (strong in {member})", s.name));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{}: symbols that clash with a Rust std program's own:\n  {}",
        libc_a(b).display(),
        bad.join("\n  ")
    );
}

#[test]
fn p1_archive_links_with_rust_std() {
    check_rust_std_linkable(Backend::P1);
}

#[test]
fn p2_archive_links_with_rust_std() {
    check_rust_std_linkable(Backend::P2);
}

/// The host imports the members of `libc.a` make (what a program linked
/// against it may import, at most): `module name`, sorted, one per line.
fn undefined_symbols(members: &[(String, Module)]) -> String {
    let mut names = BTreeSet::new();
    for (_, m) in members {
        // The address of an imported function (`GOT.func` entry) names the
        // function's symbol; the symbol says which host import it is.
        let host_fn: BTreeMap<&str, (&str, &str)> = m
            .symbols
            .iter()
            .filter(|s| !s.defined())
            .filter_map(|s| {
                let module = s.import_module.as_deref()?;
                Some((s.name.as_str(), (module, s.import_field.as_deref()?)))
            })
            .filter(|(_, (module, _))| !is_link_time(module))
            .collect();
        for i in &m.imports {
            if i.module == "GOT.func"
                && let Some((module, field)) = host_fn.get(i.name.as_str())
            {
                names.insert(format!("{module} {field}"));
            } else if !is_link_time(&i.module) {
                names.insert(format!("{} {}", i.module, i.name));
            }
        }
    }
    names.into_iter().map(|n| n + "\n").collect()
}

/// The macros the public headers (`tests/parity/headers.txt`) define, as
/// `clang -E -dM` prints them, less those the compiler predefines without
/// any header. `setjmp.h` is included with the flags it needs.
fn header_macros(b: Backend) -> String {
    let clang = tool("WASM_LIBC_TEST_CC", &["clang-19"]).expect("clang-19");
    let list = std::fs::read_to_string(libc_tests::tests_dir().join("parity/headers.txt"))
        .expect("headers.txt");
    let mut tu = String::new();
    for h in list
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
    {
        tu.push_str(&format!("#include <{h}>\n"));
    }
    let dir = work().join("macros").join(b.dir());
    std::fs::create_dir_all(&dir).unwrap();
    let macros = |src: &str, name: &str| -> BTreeSet<String> {
        let file = dir.join(name);
        std::fs::write(&file, src).unwrap();
        let out = check_output(
            Command::new(&clang)
                .arg(format!("--target={}", b.triple()))
                .arg(format!("--sysroot={}", sysroot().join(b.dir()).display()))
                .args(["-mllvm", "-wasm-enable-sjlj", "-E", "-dM"])
                .arg(&file),
        )
        .unwrap_or_else(|e| panic!("clang -E -dM: {e}"));
        String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect()
    };
    let builtin = macros("", "empty.c");
    let all = macros(&tu, "all.c");
    all.difference(&builtin).map(|l| format!("{l}\n")).collect()
}

/// Compares `got` with the snapshot `tests/expected/<triple>/<file>` (or
/// rewrites it under `WASM_LIBC_BLESS=1`).
fn check_snapshot(b: Backend, file: &str, what: &str, got: String) {
    let path = libc_tests::tests_dir()
        .join("expected")
        .join(b.triple())
        .join(file);
    if std::env::var_os("WASM_LIBC_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        eprintln!("blessed {}", path.display());
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{what} changed ({}); -expected +got:\n{}\n\
         If the change is intended, rewrite the snapshots with\n  \
         WASM_LIBC_BLESS=1 cargo test -p libc-tests --test artifacts",
        path.display(),
        diff(&want, &got, "  ")
    );
}

#[test]
fn p1_undefined_symbols_match_snapshot() {
    let got = undefined_symbols(&archive(Backend::P1));
    check_snapshot(
        Backend::P1,
        "undefined-symbols.txt",
        "the host imports of libc.a",
        got,
    );
}

#[test]
fn p2_undefined_symbols_match_snapshot() {
    let got = undefined_symbols(&archive(Backend::P2));
    check_snapshot(
        Backend::P2,
        "undefined-symbols.txt",
        "the host imports of libc.a",
        got,
    );
}

#[test]
fn p1_predefined_macros_match_snapshot() {
    let got = header_macros(Backend::P1);
    check_snapshot(
        Backend::P1,
        "predefined-macros.txt",
        "the macros of the headers",
        got,
    );
}

#[test]
fn p2_predefined_macros_match_snapshot() {
    let got = header_macros(Backend::P2);
    check_snapshot(
        Backend::P2,
        "predefined-macros.txt",
        "the macros of the headers",
        got,
    );
}

#[test]
fn p1_defined_symbols_match_snapshot() {
    let got = defined_symbols(&archive(Backend::P1), &compiler_builtins_names(Backend::P1));
    check_snapshot(
        Backend::P1,
        "defined-symbols.txt",
        "the symbols libc.a defines",
        got,
    );
}

#[test]
fn p2_defined_symbols_match_snapshot() {
    let got = defined_symbols(&archive(Backend::P2), &compiler_builtins_names(Backend::P2));
    check_snapshot(
        Backend::P2,
        "defined-symbols.txt",
        "the symbols libc.a defines",
        got,
    );
}

/// `<stdio.h>` sends printf calls without floating-point (or `wchar_t *`)
/// arguments to the integer-only entry points, which do not link the
/// float formatter; a call with a `double` links it. (Checked by name in
/// the linked module's name section.)
#[test]
fn printf_without_floats_does_not_link_the_float_formatter() {
    const INT: &str = "#include <stdio.h>\n\
        int main(void) { printf(\"hello %d %s\\n\", 42, \"x\"); snprintf(0, 0, \"%x\", 1); return 0; }\n";
    const FLOAT: &str = "#include <stdio.h>\n\
        int main(void) { printf(\"hello %d %g\\n\", 42, 0.5); return 0; }\n";
    for b in [Backend::P1, Backend::P2] {
        let links_float = |name: &str, src: &str| {
            link(b, name, src, false);
            let path = work()
                .join("artifacts")
                .join(format!("{name}.{}.wasm", b.dir()));
            let bytes = std::fs::read(path).unwrap();
            bytes.windows(9).any(|w| w == b"fmt_float")
        };
        assert!(
            !links_float("printf_int", INT),
            "{b:?}: integer-only printf linked the float formatter"
        );
        assert!(
            links_float("printf_float", FLOAT),
            "{b:?}: printf of a double did not link the float formatter"
        );
    }
}
