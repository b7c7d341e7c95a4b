//! Generates the compact case-mapping tables of `wctype.h` (`towupper`,
//! `towlower`) from the toolchain's own Unicode data (the build script's
//! `char::to_uppercase`/`to_lowercase` are core's tables, the same version
//! the wasm build has): runs of code points with one delta and a stride of
//! 1 or 2, about 190 per direction (1.5 KB) instead of core's ~11 KB table
//! that a direct `to_uppercase` call links. Also `wcwidth`'s tables: the
//! `unicode-width` crate's widths as runs of zero-width and of wide code
//! points (about 2 KB instead of the crate's ~9 KB of tables and code).

use std::fmt::Write as _;

/// The simple upper case mapping (what towupper returns).
fn upper(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut m = ch.to_uppercase();
    match (m.next(), m.next()) {
        (Some(u), None) => u as u32,
        // Greek with ypogegrammeni: the full mapping adds a capital iota,
        // the simple one is the title case letter.
        _ if (0x1f80..0x1fb0).contains(&c) && c & 8 == 0 => c + 8,
        _ if matches!(c, 0x1fb3 | 0x1fc3 | 0x1ff3) => c + 9,
        _ => c,
    }
}

/// The simple lower case mapping (what towlower returns).
fn lower(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut m = ch.to_lowercase();
    match (m.next(), m.next()) {
        (Some(l), None) => l as u32,
        _ if c == 0x130 => 'i' as u32,
        _ => c,
    }
}

/// Runs `(start | (stride - 1) << 21 | len << 22, delta)` over the code
/// points that `f` changes, in order and not overlapping.
fn runs(f: fn(u32) -> u32) -> Vec<(u32, u32)> {
    let pts: Vec<(u32, i64)> = (0..0x11_0000u32)
        .filter_map(|c| {
            let m = f(c);
            (m != c).then_some((c, m as i64 - c as i64))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pts.len() {
        let (c, d) = pts[i];
        let mut stride = 1;
        if let Some(&(n, dn)) = pts.get(i + 1)
            && dn == d
            && (n - c == 1 || n - c == 2)
        {
            stride = n - c;
        }
        let mut len = 1u32;
        let mut j = i + 1;
        while let Some(&(n, dn)) = pts.get(j) {
            if n != c + stride * len || dn != d || len == 1023 {
                break;
            }
            len += 1;
            j += 1;
        }
        out.push((c | (stride - 1) << 21 | len << 22, d as i32 as u32));
        i = j;
    }
    out
}

/// Runs of code points whose width (unicode-width's, non-CJK) is `w`, as
/// `start | (len - 1) << 21` (runs longer than 2048 are split).
fn width_runs(w: usize) -> Vec<u32> {
    use unicode_width::UnicodeWidthChar;
    let is = |c: u32| char::from_u32(c).and_then(|ch| ch.width()) == Some(w);
    let mut out = Vec::new();
    let mut c = 0;
    while c < 0x11_0000 {
        if !is(c) {
            c += 1;
            continue;
        }
        let start = c;
        while c < 0x11_0000 && is(c) && c - start < 2048 {
            c += 1;
        }
        out.push(start | (c - start - 1) << 21);
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    threads_cfg();
    let mut s = String::new();
    for (name, f) in [("UPPER", upper as fn(u32) -> u32), ("LOWER", lower)] {
        let r = runs(f);
        writeln!(s, "pub(crate) static {name}: [(u32, u32); {}] = [", r.len()).unwrap();
        for (a, b) in r {
            writeln!(s, "    (0x{a:08x}, 0x{b:08x}),").unwrap();
        }
        writeln!(s, "];").unwrap();
    }
    let dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(dir.join("case_tables.rs"), s).unwrap();
    let mut s = String::new();
    for (name, w) in [("ZERO", 0), ("WIDE", 2)] {
        let r = width_runs(w);
        writeln!(s, "pub(crate) static {name}: [u32; {}] = [", r.len()).unwrap();
        for a in r {
            writeln!(s, "    0x{a:08x},").unwrap();
        }
        writeln!(s, "];").unwrap();
    }
    std::fs::write(dir.join("width_tables.rs"), s).unwrap();
}

/// `cfg(wasm_threads)` for the threads flavour, by libc-core's rule (stable
/// rustc does not expose `target_feature = "atomics"` to `cfg`): the
/// `-threads` target, or `+atomics` in the encoded RUSTFLAGS. Only the
/// pthread module uses it, to pick real threads over the single-thread
/// seam (docs/threads.md).
fn threads_cfg() {
    println!("cargo::rustc-check-cfg=cfg(wasm_threads)");
    println!("cargo::rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let atomics = flags.split('\u{1f}').any(|f| f.contains("+atomics"));
    if target.starts_with("wasm") && (target.ends_with("-threads") || atomics) {
        println!("cargo::rustc-cfg=wasm_threads");
    }
}
