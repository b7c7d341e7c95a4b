//! Says whether the target has shared-memory threads (`cfg(wasm_threads)`),
//! by the same rule as libc-core's build script: stable rustc does not expose
//! `target_feature = "atomics"` to `cfg`, so this reads the target name and
//! the encoded RUSTFLAGS cargo passes to build scripts. Without threads the
//! heap needs no lock.

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
