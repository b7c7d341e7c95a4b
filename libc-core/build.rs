//! Picks the backend from the target (`cfg(backend = "p1")` or
//! `cfg(backend = "p2")`) and says whether the target has shared-memory
//! threads (`cfg(wasm_threads)`).
//!
//! Backend: `wasm32-wasip1` (and `-threads`) get p1, `wasm32-wasip2` gets
//! p2. `wasm32v1-none` (WebAssembly 1.0, no host interface of its own) gets
//! p1 (the `p1-mvp` flavour) unless the `p2` feature asks for p2 (the `p2-mvp`
//! flavour: a WASI 0.2 core module for `wasm-libc adapt`). The `p1`/`p2`
//! features exist for what the target cannot say: that choice, and the host
//! unit tests of each backend (`cargo test -p libc-core --features p1`). A
//! feature that contradicts a WASI target is an error. Without either, a host
//! build gets p2 (the backend with the slot).
//!
//! Threads: stable rustc does not expose `target_feature = "atomics"` to
//! `cfg` (not even on `wasm32-wasip1-threads`), so this reads the target
//! name and the encoded RUSTFLAGS cargo passes to build scripts.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wasm_threads)");
    println!("cargo::rustc-check-cfg=cfg(backend, values(\"p1\", \"p2\"))");
    println!("cargo::rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = std::env::var("TARGET").unwrap_or_default();
    let p1 = std::env::var_os("CARGO_FEATURE_P1").is_some();
    let p2 = std::env::var_os("CARGO_FEATURE_P2").is_some();
    let from_target = if target.starts_with("wasm32-wasip1") {
        Some("p1")
    } else if target.starts_with("wasm32-wasip2") {
        Some("p2")
    } else {
        None
    };
    let backend = match (p1, p2, from_target) {
        (true, true, _) => fail("enable at most one backend feature, `p1` or `p2`"),
        (true, false, Some("p2")) | (false, true, Some("p1")) => fail(&format!(
            "the backend feature contradicts the target {target}: drop the feature \
             (the target picks the backend)"
        )),
        (true, false, _) => "p1",
        (false, true, _) => "p2",
        (false, false, Some(b)) => b,
        (false, false, None) if target == "wasm32v1-none" => "p1",
        (false, false, None) => "p2",
    };
    println!("cargo::rustc-cfg=backend=\"{backend}\"");
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let atomics = flags.split('\u{1f}').any(|f| f.contains("+atomics"));
    if target.starts_with("wasm") && (target.ends_with("-threads") || atomics) {
        println!("cargo::rustc-cfg=wasm_threads");
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("libc-core: {msg}");
    std::process::exit(1)
}
