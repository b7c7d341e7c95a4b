//! The WebAssembly 1.0 check of the `p1-mvp` flavour.
//!
//! LLVM records in every object's `target_features` custom section the
//! features the object was compiled with (`+name`). An object built for
//! WebAssembly 1.0 lists at most `+mutable-globals` (which 1.0 includes); one
//! that lists anything else (`bulk-memory`, `sign-ext`, `multivalue`,
//! `reference-types`, `nontrapping-fptoint`, `call-indirect-overlong`...)
//! may contain instructions an old runtime rejects. Programs linked against
//! the flavour are further checked with `wasm-tools validate --features
//! mvp,mutable-global` by the tests.

use crate::util::{Result, output, run};
use std::path::Path;
use std::process::Command;

/// Features a WebAssembly 1.0 object may use.
const MVP_FEATURES: &[&str] = &["mutable-globals"];

/// Fails when a member of the archive `lib` was compiled with a post-MVP
/// feature; `tmp` is a scratch directory.
pub fn check_archive(ar: &str, lib: &Path, tmp: &Path) -> Result {
    let _ = std::fs::remove_dir_all(tmp);
    std::fs::create_dir_all(tmp).map_err(|e| e.to_string())?;
    run(Command::new(ar)
        .current_dir(tmp)
        .arg("x")
        .arg(std::fs::canonicalize(lib).map_err(|e| e.to_string())?))?;
    let members = output(Command::new(ar).arg("t").arg(lib))?;
    let mut bad = Vec::new();
    for m in members.lines().filter(|l| !l.is_empty()) {
        let bytes = std::fs::read(tmp.join(m)).map_err(|e| format!("{m}: {e}"))?;
        for f in used_features(&bytes) {
            if !MVP_FEATURES.contains(&f.as_str()) {
                bad.push(format!("{m}: +{f}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(tmp);
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: members use post-MVP features:\n  {}",
            lib.display(),
            bad.join("\n  ")
        ))
    }
}

/// The `+` entries of a wasm object's `target_features` section (none for a
/// file that is not a wasm object).
pub fn used_features(wasm: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let Some((_, contents)) = crate::wasm::sections(wasm)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| s.custom)
        .find(|(name, _)| *name == "target_features")
    else {
        return found;
    };
    let mut r = wasmparser::BinaryReader::new(contents, 0);
    let Ok(count) = r.read_var_u32() else {
        return found;
    };
    for _ in 0..count {
        let (Ok(prefix), Ok(feature)) = (r.read_u8(), r.read_string()) else {
            break;
        };
        if prefix == b'+' {
            found.push(feature.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wasm object with only a `target_features` custom section.
    fn object(features: &[(u8, &str)]) -> Vec<u8> {
        let mut body = vec![15];
        body.extend_from_slice(b"target_features");
        body.push(features.len() as u8);
        for (prefix, name) in features {
            body.push(*prefix);
            body.push(name.len() as u8);
            body.extend_from_slice(name.as_bytes());
        }
        let mut w = b"\0asm\x01\0\0\0".to_vec();
        w.push(0);
        w.push(body.len() as u8);
        w.extend(body);
        w
    }

    #[test]
    fn reads_the_used_features() {
        let o = object(&[
            (b'+', "mutable-globals"),
            (b'-', "shared-mem"),
            (b'+', "sign-ext"),
        ]);
        assert_eq!(used_features(&o), ["mutable-globals", "sign-ext"]);
        assert!(used_features(b"!<arch>\n").is_empty());
        assert!(used_features(&object(&[])).is_empty());
    }
}
