//! Generates `include/` from the C ABI crate with cbindgen.
//!
//! Each `posix/src/header/<name>/` holds a `mod.rs` and a `cbindgen.toml`;
//! the header's path is `<name>.h`, with a `sys_` prefix meaning `sys/`
//! (`sys_uio` -> `sys/uio.h`). The root `cbindgen.toml` is prepended to each
//! header's own config. `--check` regenerates into a temporary directory and
//! fails if anything differs from the checked-in `include/`.

use crate::util::{Result, root, run, tool};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn run_cmd(args: &[String]) -> Result {
    let check = match args {
        [] => false,
        [a] if a == "--check" => true,
        _ => return Err("usage: cargo xtask headers [--check]".into()),
    };
    let tmp = root().join("target/headers");
    let _ = std::fs::remove_dir_all(&tmp);
    let out = if check {
        tmp.join("include")
    } else {
        root().join("include")
    };
    generate(&out, &tmp)?;
    if check {
        let a = list(&out)?;
        let b = list(&root().join("include"))?;
        let mut bad = Vec::new();
        for rel in a.iter().chain(b.iter()) {
            let x = std::fs::read(out.join(rel)).ok();
            let y = std::fs::read(root().join("include").join(rel)).ok();
            if x != y && !bad.contains(rel) {
                bad.push(rel.clone());
            }
        }
        if !bad.is_empty() {
            return Err(format!(
                "include/ drifted from the Rust source: {} (run `cargo xtask headers`)",
                bad.iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        eprintln!(
            "xtask: include/ matches the Rust source ({} headers)",
            a.len()
        );
    }
    Ok(())
}

/// Header path for a module directory name: a `sys_`, `netinet_`, `arpa_`
/// or `wasi_` prefix is a directory (`netinet_in` -> `netinet/in.h`,
/// `wasi_api` -> `wasi/api.h`).
pub fn header_name(module: &str) -> String {
    // Header names with a hyphen, which a module name cannot have.
    const HYPHENATED: &[(&str, &str)] = &[
        ("stdc_predef", "stdc-predef.h"),
        ("wasi_libc", "wasi/libc.h"),
        ("wasi_libc_environ", "wasi/libc-environ.h"),
        ("wasi_libc_find_relpath", "wasi/libc-find-relpath.h"),
        ("wasi_libc_nocwd", "wasi/libc-nocwd.h"),
    ];
    if let Some((_, h)) = HYPHENATED.iter().find(|(m, _)| *m == module) {
        return h.to_string();
    }
    for dir in ["sys", "netinet", "netpacket", "arpa", "wasi"] {
        if let Some(rest) = module.strip_prefix(dir).and_then(|r| r.strip_prefix('_')) {
            return format!("{dir}/{rest}.h");
        }
    }
    format!("{module}.h")
}

fn generate(out: &Path, tmp: &Path) -> Result {
    let cbindgen = tool("CBINDGEN", &["cbindgen"])?;
    let global =
        std::fs::read_to_string(root().join("cbindgen.toml")).map_err(|e| e.to_string())?;
    let hdr_dir = root().join("posix/src/header");
    let mut modules: Vec<String> = std::fs::read_dir(&hdr_dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("cbindgen.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    modules.sort();
    // Keep hand-written files (none yet) and clear generated ones.
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out.join("sys")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(tmp).map_err(|e| e.to_string())?;
    for m in &modules {
        let own = std::fs::read_to_string(hdr_dir.join(m).join("cbindgen.toml"))
            .map_err(|e| e.to_string())?;
        // Top-level keys must come before any [table] of the global config.
        let (g_top, g_tables) = split_tables(&global);
        let (o_top, o_tables) = split_tables(&own);
        let g_top = without_keys(&g_top, &o_top);
        let merged = format!(
            "{g_top}\n{o_top}\n{}\n{}",
            merge_tables(&g_tables, &o_tables),
            ""
        );
        let cfg = tmp.join(format!("{m}.toml"));
        std::fs::write(&cfg, merged).map_err(|e| e.to_string())?;
        let dst = out.join(header_name(m));
        std::fs::create_dir_all(dst.parent().unwrap()).map_err(|e| e.to_string())?;
        run(Command::new(&cbindgen)
            .arg("--quiet")
            .arg("--config")
            .arg(&cfg)
            .arg("--output")
            .arg(&dst)
            .arg(hdr_dir.join(m).join("mod.rs")))?;
    }
    Ok(())
}

/// Splits a TOML text into its top-level part and its `[table]` sections.
fn split_tables(text: &str) -> (String, Vec<(String, String)>) {
    let mut top = String::new();
    let mut tables: Vec<(String, String)> = Vec::new();
    let mut in_multiline = false;
    for line in text.lines() {
        let t = line.trim();
        if !in_multiline && t.starts_with('[') && t.ends_with(']') && !t.contains('=') {
            tables.push((t.to_string(), String::new()));
            continue;
        }
        if t.matches("\"\"\"").count() % 2 == 1 {
            in_multiline = !in_multiline;
        }
        match tables.last_mut() {
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {
                top.push_str(line);
                top.push('\n');
            }
        }
    }
    (top, tables)
}

/// `top` without the `key = ...` lines whose key `over` sets too (a header's
/// own top-level setting, e.g. `style`, overrides the global one).
fn without_keys(top: &str, over: &str) -> String {
    let key = |l: &str| l.split_once('=').map(|(k, _)| k.trim().to_string());
    let own: Vec<String> = over.lines().filter_map(key).collect();
    top.lines()
        .filter(|l| key(l).is_none_or(|k| !own.contains(&k)))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Joins two lists of tables; a table present in both gets both bodies.
fn merge_tables(a: &[(String, String)], b: &[(String, String)]) -> String {
    let mut names: Vec<&String> = a.iter().map(|(n, _)| n).collect();
    for (n, _) in b {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let mut s = String::new();
    for n in names {
        s.push_str(n);
        s.push('\n');
        for (m, body) in a.iter().chain(b.iter()) {
            if m == n {
                s.push_str(body);
            }
        }
    }
    s
}

fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    fn walk(base: &Path, d: &Path, v: &mut Vec<PathBuf>) {
        if let Ok(rd) = std::fs::read_dir(d) {
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(base, &p, v);
                } else if p.extension().is_some_and(|x| x == "h") {
                    v.push(p.strip_prefix(base).unwrap().to_path_buf());
                }
            }
        }
    }
    walk(dir, dir, &mut v);
    v.sort();
    Ok(v)
}
