//! Tells the crate whether it is built for wasm with shared memory and
//! atomics (`cfg(wasm_threads)`). Stable rustc does not expose
//! `target_feature = "atomics"` to `cfg` (not even on
//! `wasm32-wasip1-threads`), so this reads what cargo passes to the build
//! script: the target name and the encoded RUSTFLAGS.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wasm_threads)");
    println!("cargo::rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let atomics = flags.split('\u{1f}').any(|f| f.contains("+atomics"));
    if target.starts_with("wasm") && (target.ends_with("-threads") || atomics) {
        println!("cargo::rustc-cfg=wasm_threads");
    }
}
