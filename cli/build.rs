//! Builds the adapter (`../adapter`, target `wasm32v1-none`: WebAssembly
//! 1.0, so the fused output stays MVP-clean) into `OUT_DIR` for
//! `include_bytes!`. A separate target directory avoids waiting on the
//! outer build's lock.
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let adapter = manifest.join("../adapter");
    println!("cargo::rerun-if-changed={}", adapter.join("src").display());
    println!(
        "cargo::rerun-if-changed={}",
        adapter.join("Cargo.toml").display()
    );
    println!(
        "cargo::rerun-if-changed={}",
        adapter.join("build.rs").display()
    );
    let target_dir = out.join("adapter-target");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(&adapter)
        .args(["build", "--quiet", "--release", "--target", "wasm32v1-none"])
        .args(["-p", "wasm-libc-adapter", "--target-dir"])
        .arg(&target_dir);
    for var in [
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "CARGO_BUILD_TARGET",
        "RUSTC_WORKSPACE_WRAPPER",
        "RUSTC_WRAPPER",
        "CARGO_TARGET_DIR",
    ] {
        cmd.env_remove(var);
    }
    let status = cmd.status().expect("running cargo for the adapter");
    assert!(
        status.success(),
        "building the adapter (wasm32v1-none) failed"
    );
    let built = target_dir.join("wasm32v1-none/release/wasm_libc_adapter.wasm");
    std::fs::copy(&built, out.join("adapter.wasm")).expect("copying the adapter");
}
