//! Turns the `libc.a` cargo builds (the Rust crates' objects) into an
//! archive whose one member, `libc.o`, exposes no Rust-internal symbol, so that a Rust `std` program, which brings its own
//! `core`, `alloc` and `compiler_builtins` (the same precompiled ones, hence
//! the same mangled names), links against it without duplicate symbols.
//!
//! The archive's objects are linked into one relocatable object
//! (`wasm-ld -r --strip-debug`), whose `linking` section then has its
//! symbol table rewritten:
//! - Rust-mangled names (`_ZN...`, `_R...`), the runtime's unmangled ones
//!   (`rust_begin_unwind`, `__rust_*`, `__rg_*`, `__rdl_*`,
//!   `rust_eh_personality`) and the `anon.*` data that LTO promoted to
//!   globals become local: every reference to them is inside `libc.o`.
//! - The other names `compiler_builtins` defines (`__multi3`, `__udivti3`,
//!   weak `memset`...) and no other member defines strongly become weak: a
//!   Rust program's own `compiler_builtins` (or the C compiler's
//!   compiler-rt) may define them too.
//! - Everything else (the C library) keeps its binding.
//!
//! One object instead of many costs C programs nothing: wasm-ld's
//! `--gc-sections` drops unused functions and data segments one by one.
//! Linking also drops the DWARF sections of Rust's precompiled `core`.

use crate::util::{Result, output, run};
use crate::wasm::sections;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use wasm_encoder::{CustomSection, Encode, RawSection, Section};
use wasmparser::BinaryReader;

const FLAG_WEAK: u32 = 0x1;
const FLAG_LOCAL: u32 = 0x2;
const FLAG_UNDEFINED: u32 = 0x10;
const FLAG_EXPORTED: u32 = 0x20;
const FLAG_EXPLICIT_NAME: u32 = 0x40;

const SYM_FUNCTION: u8 = 0;
const SYM_DATA: u8 = 1;
const SYM_GLOBAL: u8 = 2;
const SYM_SECTION: u8 = 3;
const SYM_TAG: u8 = 4;
const SYM_TABLE: u8 = 5;

/// The linking section's symbol-table subsection.
const WASM_SYMBOL_TABLE: u8 = 8;

/// What becomes of a defined symbol.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Binding {
    Keep,
    Weak,
    Local,
}

/// Counts of what [`localize_object`] changed.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Changes {
    pub localized: usize,
    pub weakened: usize,
}

/// Rewrites `lib` in place (see the module documentation); `tmp` is a
/// scratch directory.
pub fn localize_archive(ar: &str, wasm_ld: &str, lib: &Path, tmp: &Path) -> Result<Changes> {
    let _ = std::fs::remove_dir_all(tmp);
    std::fs::create_dir_all(tmp).map_err(|e| e.to_string())?;
    let lib = std::fs::canonicalize(lib).map_err(|e| format!("{}: {e}", lib.display()))?;
    let members = output(Command::new(ar).arg("t").arg(&lib))?;
    let members: Vec<&str> = members.lines().filter(|l| !l.is_empty()).collect();
    let mut seen = BTreeSet::new();
    if !members.iter().all(|m| seen.insert(*m)) {
        return Err(format!("{}: duplicate member names", lib.display()));
    }
    run(Command::new(ar).current_dir(tmp).arg("x").arg(&lib))?;

    // The names compiler_builtins provides that the rest of the library
    // does not define strongly itself.
    let mut builtins = BTreeSet::new();
    let mut strong = BTreeSet::new();
    for m in &members {
        let p = tmp.join(m);
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let Some(syms) = symbols(&bytes)? else {
            continue; // not a wasm object (lib.rmeta and the like)
        };
        for s in syms.iter().filter(|s| s.defined() && !s.local()) {
            if is_compiler_builtins(m) {
                builtins.insert(s.name.clone());
            } else if s.flags & FLAG_WEAK == 0 {
                strong.insert(s.name.clone());
            }
        }
    }
    let weaken: BTreeSet<String> = builtins.difference(&strong).cloned().collect();

    let obj = tmp.join("libc.o");
    run(Command::new(wasm_ld)
        .args(["-r", "--strip-debug", "--whole-archive"])
        .arg(&lib)
        .arg("-o")
        .arg(&obj))?;
    let bytes = std::fs::read(&obj).map_err(|e| e.to_string())?;
    let (rewritten, changes) = localize_object(&bytes, |name| {
        if is_rust_internal(name) {
            Binding::Local
        } else if weaken.contains(name) {
            Binding::Weak
        } else {
            Binding::Keep
        }
    })?;
    std::fs::write(&obj, rewritten).map_err(|e| e.to_string())?;
    std::fs::remove_file(&lib).map_err(|e| e.to_string())?;
    run(Command::new(ar)
        .current_dir(tmp)
        .arg("rcs")
        .arg(&lib)
        .arg("libc.o"))?;
    Ok(changes)
}

/// Whether an archive member is Rust's `compiler_builtins`: its own objects
/// (`compiler_builtins-<hash>...`) or the compiler-rt C objects it bundles
/// (`<16 hex digits>-<source>.o`, the cc crate's naming).
fn is_compiler_builtins(member: &str) -> bool {
    if member.starts_with("compiler_builtins-") {
        return true;
    }
    match member.split_once('-') {
        Some((hash, rest)) => {
            hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) && rest.ends_with(".o")
        }
        None => false,
    }
}

/// A name only Rust code refers to: mangled (legacy `_ZN...`, v0 `_R...`),
/// the runtime's unmangled entry points of older toolchains, or data LTO
/// promoted to a global (`anon.<hash>.<n>.llvm.<n>`).
fn is_rust_internal(name: &str) -> bool {
    name.starts_with("_ZN")
        || name.starts_with("_R")
        || name.starts_with("__rust_")
        || name.starts_with("__rg_")
        || name.starts_with("__rdl_")
        || name.starts_with("__rde_")
        || name.starts_with("anon.")
        || matches!(
            name,
            "rust_begin_unwind" | "rust_eh_personality" | "rust_panic"
        )
}

/// One entry of a symbol table.
#[derive(Debug)]
struct Symbol {
    name: String,
    flags: u32,
}

impl Symbol {
    fn defined(&self) -> bool {
        self.flags & FLAG_UNDEFINED == 0
    }
    fn local(&self) -> bool {
        self.flags & FLAG_LOCAL != 0
    }
}

/// The symbols of a wasm object; `None` if `bytes` is not wasm.
fn symbols(bytes: &[u8]) -> Result<Option<Vec<Symbol>>> {
    if bytes.get(..4) != Some(b"\0asm") {
        return Ok(None);
    }
    let mut out = Vec::new();
    rewrite(bytes, |s| {
        out.push(Symbol {
            name: s.name.to_string(),
            flags: s.flags,
        });
        s.flags
    })?;
    Ok(Some(out))
}

/// `obj` with each defined symbol's binding set as `decide` says.
fn localize_object(obj: &[u8], decide: impl Fn(&str) -> Binding) -> Result<(Vec<u8>, Changes)> {
    let mut changes = Changes::default();
    let (out, found) = rewrite(obj, |s| {
        // Undefined symbols stay as they are: a Rust-mangled one may name a
        // host import (an `extern` block's explicit symbol name).
        if !s.defined || s.kind == SYM_SECTION || s.flags & FLAG_LOCAL != 0 {
            return s.flags;
        }
        match decide(s.name) {
            Binding::Keep => s.flags,
            Binding::Local => {
                changes.localized += 1;
                (s.flags | FLAG_LOCAL) & !(FLAG_WEAK | FLAG_EXPORTED)
            }
            Binding::Weak => {
                if s.flags & FLAG_WEAK == 0 {
                    changes.weakened += 1;
                }
                s.flags | FLAG_WEAK
            }
        }
    })?;
    if !found {
        return Err("libc.o has no symbol table".into());
    }
    Ok((out, changes))
}

/// What [`rewrite`] shows of a symbol.
struct SymbolView<'a> {
    kind: u8,
    flags: u32,
    name: &'a str,
    defined: bool,
}

/// Re-encodes `obj` with every symbol's flags replaced by what `f` returns;
/// everything else is copied as it is. Also says whether a symbol table was
/// found.
fn rewrite(obj: &[u8], mut f: impl FnMut(&SymbolView) -> u32) -> Result<(Vec<u8>, bool)> {
    if obj.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return Err("not a wasm object".into());
    }
    let secs = sections(obj).ok_or("malformed wasm object")?;
    // Import counts per kind: a function/global/tag/table symbol without an
    // explicit name that refers to an import is named after the import.
    let mut imported: [Vec<String>; 6] = Default::default();
    for payload in wasmparser::Parser::new(0).parse_all(obj) {
        if let wasmparser::Payload::ImportSection(r) = payload.map_err(|e| e.to_string())? {
            for i in r.into_imports() {
                let i = i.map_err(|e| e.to_string())?;
                let k = match i.ty {
                    wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_) => {
                        SYM_FUNCTION
                    }
                    wasmparser::TypeRef::Global(_) => SYM_GLOBAL,
                    wasmparser::TypeRef::Tag(_) => SYM_TAG,
                    wasmparser::TypeRef::Table(_) => SYM_TABLE,
                    wasmparser::TypeRef::Memory(_) => continue,
                };
                imported[k as usize].push(i.name.to_string());
            }
        }
    }
    let mut out = obj[..8].to_vec();
    let mut found = false;
    for sec in secs {
        match sec.custom {
            Some(("linking", body)) => {
                found = true;
                let data = rewrite_linking(body, &imported, &mut f)?;
                CustomSection {
                    name: "linking".into(),
                    data: data.into(),
                }
                .append_to(&mut out);
            }
            _ => RawSection {
                id: sec.id,
                data: sec.body,
            }
            .append_to(&mut out),
        }
    }
    Ok((out, found))
}

fn rewrite_linking(
    body: &[u8],
    imported: &[Vec<String>; 6],
    f: &mut impl FnMut(&SymbolView) -> u32,
) -> Result<Vec<u8>> {
    let err = |e: wasmparser::BinaryReaderError| format!("linking section: {e}");
    let mut r = BinaryReader::new(body, 0);
    let version = r.read_var_u32().map_err(err)?;
    if version != 2 {
        return Err(format!("linking section version {version}, want 2"));
    }
    let mut out = Vec::new();
    version.encode(&mut out);
    while !r.eof() {
        let id = r.read_u8().map_err(err)?;
        let len = r.read_var_u32().map_err(err)? as usize;
        let payload = r.read_bytes(len).map_err(err)?;
        let new = if id == WASM_SYMBOL_TABLE {
            rewrite_symbol_table(payload, imported, f)?
        } else {
            payload.to_vec()
        };
        out.push(id);
        new.len().encode(&mut out);
        out.extend_from_slice(&new);
    }
    Ok(out)
}

fn rewrite_symbol_table(
    payload: &[u8],
    imported: &[Vec<String>; 6],
    f: &mut impl FnMut(&SymbolView) -> u32,
) -> Result<Vec<u8>> {
    let err = |e: wasmparser::BinaryReaderError| format!("symbol table: {e}");
    let mut r = BinaryReader::new(payload, 0);
    let count = r.read_var_u32().map_err(err)?;
    let mut out = Vec::new();
    count.encode(&mut out);
    for _ in 0..count {
        let kind = r.read_u8().map_err(err)?;
        let flags = r.read_var_u32().map_err(err)?;
        let rest_start = r.current_position();
        let defined = flags & FLAG_UNDEFINED == 0;
        let name: String = match kind {
            SYM_FUNCTION | SYM_GLOBAL | SYM_TAG | SYM_TABLE => {
                let index = r.read_var_u32().map_err(err)?;
                if defined || flags & FLAG_EXPLICIT_NAME != 0 {
                    r.read_string().map_err(err)?.to_string()
                } else {
                    imported[kind as usize]
                        .get(index as usize)
                        .cloned()
                        .ok_or("symbol table: import index out of range")?
                }
            }
            SYM_DATA => {
                let name = r.read_string().map_err(err)?.to_string();
                if defined {
                    for _ in 0..3 {
                        r.read_var_u32().map_err(err)?;
                    }
                }
                name
            }
            SYM_SECTION => {
                r.read_var_u32().map_err(err)?;
                String::new()
            }
            k => return Err(format!("symbol table: unknown symbol kind {k}")),
        };
        let rest = &payload[rest_start..r.current_position()];
        let new_flags = f(&SymbolView {
            kind,
            flags,
            name: &name,
            defined,
        });
        out.push(kind);
        new_flags.encode(&mut out);
        out.extend_from_slice(rest);
    }
    if !r.eof() {
        return Err("symbol table: trailing bytes".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A relocatable object with one defined function per name and one
    /// undefined imported function.
    fn object(names: &[(&str, u32)]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        RawSection {
            id: 1,
            data: &[1, 0x60, 0, 0],
        }
        .append_to(&mut m);
        let mut imports = Vec::new();
        1u32.encode(&mut imports);
        "env".encode(&mut imports);
        "ext".encode(&mut imports);
        imports.extend([0, 0]);
        RawSection {
            id: 2,
            data: &imports,
        }
        .append_to(&mut m);
        let mut table = Vec::new();
        (names.len() as u32 + 1).encode(&mut table);
        table.extend([SYM_FUNCTION, FLAG_UNDEFINED as u8, 0]);
        for (i, (name, flags)) in names.iter().enumerate() {
            table.push(SYM_FUNCTION);
            flags.encode(&mut table);
            (i as u32 + 1).encode(&mut table);
            name.encode(&mut table);
        }
        let mut linking = Vec::new();
        2u32.encode(&mut linking);
        linking.push(WASM_SYMBOL_TABLE);
        table.len().encode(&mut linking);
        linking.extend(table);
        // An unrelated subsection (segment info), copied as it is.
        linking.extend([5, 1, 0]);
        CustomSection {
            name: "linking".into(),
            data: linking.into(),
        }
        .append_to(&mut m);
        m
    }

    #[test]
    fn sets_bindings_and_keeps_the_rest() {
        let obj = object(&[
            ("_RNvCs1_7___rustc17rust_begin_unwind", FLAG_EXPORTED),
            ("__multi3", 0),
            ("memset", FLAG_WEAK),
            ("printf", 0),
            ("_ZN4core3fmt5write17h0E", 0x4 | 0x80),
        ]);
        let decide = |n: &str| {
            if is_rust_internal(n) {
                Binding::Local
            } else if n == "__multi3" || n == "memset" {
                Binding::Weak
            } else {
                Binding::Keep
            }
        };
        let (out, changes) = localize_object(&obj, decide).unwrap();
        assert_eq!(
            changes,
            Changes {
                localized: 2,
                weakened: 1
            }
        );
        let want = object(&[
            ("_RNvCs1_7___rustc17rust_begin_unwind", FLAG_LOCAL),
            ("__multi3", FLAG_WEAK),
            ("memset", FLAG_WEAK),
            ("printf", 0),
            ("_ZN4core3fmt5write17h0E", FLAG_LOCAL | 0x4 | 0x80),
        ]);
        assert_eq!(out, want);
        let syms = symbols(&out).unwrap().unwrap();
        assert_eq!(syms[0].name, "ext");
        assert!(!syms[0].defined());
        assert!(syms[1].local() && syms[1].defined());
        assert!(symbols(b"!<arch>\n").unwrap().is_none());
    }

    #[test]
    fn names() {
        assert!(is_rust_internal(
            "_RNvCsfLfy6EI15iL_7___rustc17rust_begin_unwind"
        ));
        assert!(is_rust_internal("rust_begin_unwind"));
        assert!(is_rust_internal("__rust_alloc"));
        assert!(is_rust_internal("anon.0d52.0.llvm.255"));
        assert!(!is_rust_internal("__rand48_step"));
        assert!(!is_rust_internal("_Exit"));
        assert!(is_compiler_builtins(
            "compiler_builtins-0c1acd7aa19654b9.compiler_builtins.d3f6-cgu.000.rcgu.o"
        ));
        assert!(is_compiler_builtins("45a1e0d36ac2fa8e-floatsisf.o"));
        assert!(!is_compiler_builtins("p1-main_void.o"));
        assert!(!is_compiler_builtins(
            "core-b8751c756b5b71a3.core.9f8d08631ff90aa5-cgu.0.rcgu.o"
        ));
    }
}
