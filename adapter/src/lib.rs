//! A WASI 0.2 → preview1 adapter: the WASI 0.2 imports a command uses
//! (`wasi:cli`, `wasi:io`, `wasi:clocks`, `wasi:random`, `wasi:filesystem`,
//! `wasi:sockets` over WAMR's socket extension), implemented over
//! `wasi_snapshot_preview1` and exported under
//! `<interface>#<function>` names (the interface without its `@version`).
//! `wasm-libc adapt` (crate `wasm-libc-cli`) fuses this module into a p2
//! core module: see docs/adapter.md.
//!
//! Rules the tool relies on (it checks them and refuses an adapter that
//! breaks them): no data segments, no table use, one mutable global (the
//! stack pointer, which the tool points at the top of the region it
//! reserves), memory imported. State lives at [`region`], the start of that
//! zero-filled region, so nothing needs initialising.
//!
//! Resources (streams, descriptors, pollables, errors, directory streams,
//! terminals) live in one [`table`]; a handle of the wrong type or a freed
//! handle traps, as a component host does. List results are allocated with
//! the program's `cabi_import_realloc` (or `cabi_realloc`): for reads,
//! exactly once, for the length about to be read, and preview1 reads
//! straight into that block (zero copy).

#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
mod cli;
#[cfg(target_arch = "wasm32")]
mod clocks;
#[cfg(target_arch = "wasm32")]
mod errors;
#[cfg(target_arch = "wasm32")]
mod fs;
#[cfg(target_arch = "wasm32")]
mod mem;
#[cfg(target_arch = "wasm32")]
mod p1;
#[cfg(target_arch = "wasm32")]
mod poll;
#[cfg(target_arch = "wasm32")]
mod random;
#[cfg(target_arch = "wasm32")]
mod sockets;
#[cfg(target_arch = "wasm32")]
mod streams;
#[cfg(target_arch = "wasm32")]
mod table;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
