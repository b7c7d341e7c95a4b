//! `cargo xtask <task>`: build tasks of wasm-libc.
//!
//! - `sysroot [--out DIR] [--only p1|p2|p1-mvp|p2-mvp|p1-threads]`: builds a wasi-sdk-style
//!   sysroot per flavour: `DIR/p1`, `DIR/p2`, `DIR/p1-mvp`, `DIR/p2-mvp` (the p1 and p2 backends
//!   for WebAssembly 1.0 runtimes) and `DIR/p1-threads`, each with `include/` and
//!   `lib/<triple>/{crt1.o,libc.a}` (`wasm32-wasip1` or `wasm32-wasip2`, also
//!   reachable as `lib/wasm32-wasi`); default `DIR` = `sysroot`.
//! - `dist [OUT]`: the relocatable SDK directory (sysroots, wasi-sdk-named
//!   clang wrappers, CMake toolchain files; `scripts/dist.sh`), default
//!   `target/dist/wasm-libc-sdk`.
//! - `headers [--check]`: regenerates `include/` with cbindgen, or fails when
//!   the checked-in headers differ from what the Rust source generates.
//! - `abi [--check]`: regenerates `libc-core/src/p2/abi.rs` from the WIT, or
//!   fails when it is not current.

mod abi;
mod dist;
mod headers;
mod localize;
mod mvp;
mod sysroot;
mod util;
mod wasm;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.first().map(String::as_str) {
        Some("sysroot") => sysroot::run(&args[1..]),
        Some("dist") => dist::run(&args[1..]),
        Some("headers") => headers::run_cmd(&args[1..]),
        Some("abi") => abi::run_cmd(&args[1..]),
        _ => Err(
            "usage: cargo xtask sysroot [--out DIR] [--only p1|p2|p1-mvp|p2-mvp|p1-threads] | headers [--check] | abi [--check]"
                .into(),
        ),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
