//! Empties the DWARF sections of the objects in a `libc.a`.
//!
//! Rust's precompiled `core` carries debug info, which would otherwise end up
//! in every linked program (hundreds of KiB for a few KiB of code). Removing a
//! section from a wasm object would renumber the sections that follow, which
//! the symbol table and relocation sections refer to by index; so instead
//! every `.debug_*` custom section keeps its place and name but loses its
//! contents, and its relocation section (`reloc..debug_*`) keeps its target
//! index with zero entries. Nothing else changes.

use crate::util::{Result, output, run};
use crate::wasm::sections;
use std::path::Path;
use std::process::Command;
use wasm_encoder::{CustomSection, Encode, RawSection, Section};

pub fn strip_archive(ar: &str, lib: &Path, tmp: &Path) -> Result {
    let _ = std::fs::remove_dir_all(tmp);
    std::fs::create_dir_all(tmp).map_err(|e| e.to_string())?;
    let members = output(Command::new(ar).arg("t").arg(lib))?;
    let members: Vec<&str> = members.lines().filter(|l| !l.is_empty()).collect();
    let mut seen = std::collections::HashSet::new();
    if !members.iter().all(|m| seen.insert(*m)) {
        return Err(format!(
            "{}: duplicate member names; cannot rewrite it",
            lib.display()
        ));
    }
    run(Command::new(ar)
        .current_dir(tmp)
        .arg("x")
        .arg(std::fs::canonicalize(lib).map_err(|e| e.to_string())?))?;
    for m in &members {
        let p = tmp.join(m);
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        if let Some(stripped) = strip_object(&bytes) {
            std::fs::write(&p, stripped).map_err(|e| e.to_string())?;
        }
    }
    std::fs::remove_file(lib).map_err(|e| e.to_string())?;
    run(Command::new(ar)
        .current_dir(tmp)
        .arg("rcs")
        .arg(
            std::fs::canonicalize(lib.parent().unwrap())
                .unwrap()
                .join(lib.file_name().unwrap()),
        )
        .args(&members))
}

/// The object without DWARF contents, or `None` if it is not a wasm object
/// or has nothing to strip.
pub fn strip_object(obj: &[u8]) -> Option<Vec<u8>> {
    if obj.get(0..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut out = obj[..8].to_vec();
    let mut changed = false;
    for sec in sections(obj)? {
        let new_contents = match sec.custom {
            Some((name, _)) if name.starts_with(".debug_") => Some(Vec::new()),
            Some((name, contents)) if name.starts_with("reloc..debug_") => {
                // Keep the target section index, drop every entry.
                let target = wasmparser::BinaryReader::new(contents, 0)
                    .read_var_u32()
                    .ok()?;
                let mut v = Vec::new();
                target.encode(&mut v);
                0u32.encode(&mut v);
                Some(v)
            }
            _ => None,
        };
        match (new_contents, sec.custom) {
            (Some(contents), Some((name, _))) => {
                changed = true;
                CustomSection {
                    name: name.into(),
                    data: contents.into(),
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
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        RawSection { id, data: payload }.append_to(&mut v);
        v
    }

    fn custom(name: &str, rest: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        CustomSection {
            name: name.into(),
            data: rest.into(),
        }
        .append_to(&mut v);
        v
    }

    #[test]
    fn empties_debug_sections_and_keeps_everything_else() {
        let mut obj = b"\0asm\x01\0\0\0".to_vec();
        obj.extend(section(1, &[1, 0x60, 0, 0]));
        obj.extend(custom("linking", &[2, 0]));
        obj.extend(custom(".debug_info", &[9; 300]));
        obj.extend(custom("reloc..debug_info", &[3, 2, 0, 1, 2, 0, 4, 5, 6]));
        let out = strip_object(&obj).unwrap();
        let mut want = b"\0asm\x01\0\0\0".to_vec();
        want.extend(section(1, &[1, 0x60, 0, 0]));
        want.extend(custom("linking", &[2, 0]));
        want.extend(custom(".debug_info", &[]));
        want.extend(custom("reloc..debug_info", &[3, 0]));
        assert_eq!(out, want);
        assert_eq!(strip_object(&want).unwrap(), want, "idempotent");
        assert!(strip_object(b"!<arch>\n").is_none());
    }
}
