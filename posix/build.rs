//! Generates the compact case-mapping tables of `wctype.h` (`towupper`,
//! `towlower`) from the toolchain's own Unicode data (the build script's
//! `char::to_uppercase`/`to_lowercase` are core's tables, the same version
//! the wasm build has): runs of code points with one delta and a stride of
//! 1 or 2, about 190 per direction (1.5 KB) instead of core's ~11 KB table
//! that a direct `to_uppercase` call links.

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

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut s = String::new();
    for (name, f) in [("UPPER", upper as fn(u32) -> u32), ("LOWER", lower)] {
        let r = runs(f);
        writeln!(s, "pub(crate) static {name}: [(u32, u32); {}] = [", r.len()).unwrap();
        for (a, b) in r {
            writeln!(s, "    (0x{a:08x}, 0x{b:08x}),").unwrap();
        }
        writeln!(s, "];").unwrap();
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("case_tables.rs");
    std::fs::write(out, s).unwrap();
}
