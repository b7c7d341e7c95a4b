//! The C ABI of wasm-libc.
//!
//! One module per C header under [`header`]; every exported function is a
//! thin wrapper over the backend in `libc-core` (no backend `cfg` here).
//! Built as `libc.a` (crate name `c`) by `cargo xtask sysroot`.
#![cfg_attr(all(not(test), target_arch = "wasm32"), no_std)]
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(non_camel_case_types)]

// Link the allocator's `#[no_mangle]` functions into the staticlib.
extern crate wasm_libc_alloc;

// The C ABI is wasm32's (`long` is 32 bits, the witx layouts hold only
// there): on any other target the crate is empty, so that `cargo clippy
// --workspace` and `cargo test --workspace` run on the host too.
#[cfg(target_arch = "wasm32")]
pub mod header;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod start;

#[cfg(all(not(test), target_arch = "wasm32"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // A panic in the library is a bug; abort like `abort()` does.
    libc_core::trap()
}
