//! Link flags of the adapter module (only for wasm targets): the memory is
//! the program's (imported; `wasm-libc adapt` maps it onto memory 0) and
//! nothing is exported but the functions the adapter defines.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.starts_with("wasm32") {
        println!("cargo::rustc-link-arg-cdylib=--import-memory");
        println!("cargo::rustc-link-arg-cdylib=-zstack-size=0");
    }
}
