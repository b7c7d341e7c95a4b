//! `cargo xtask dist [OUT]`: the relocatable SDK directory (default
//! `target/dist/wasm-libc-sdk`): the sysroots, wasi-sdk-named compiler
//! wrappers, compiler-rt's builtins, `wasm-component-ld` and the CMake
//! toolchain files. `scripts/dist.sh` lays it out (its header lists the
//! files); this task runs it, so the SDK has one definition.

use crate::util::{Result, root};
use std::process::Command;

pub fn run(args: &[String]) -> Result {
    if args.len() > 1 || args.first().is_some_and(|a| a.starts_with('-')) {
        return Err("usage: cargo xtask dist [OUT]".into());
    }
    let status = Command::new(root().join("scripts/dist.sh"))
        .args(args)
        .status()
        .map_err(|e| format!("cannot run scripts/dist.sh: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("scripts/dist.sh failed ({status})"))
    }
}
