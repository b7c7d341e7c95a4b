//! The C ABI of wasm-libc.
//!
//! One module per C header under [`header`]; every exported function is a
//! thin wrapper over the backend in `libc-core` (no backend `cfg` here).
//! Built as `libc.a` (crate name `c`) by `cargo xtask sysroot`.
#![cfg_attr(not(test), no_std)]
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(non_camel_case_types)]

// Link the allocator's `#[no_mangle]` functions into the staticlib.
extern crate wasm_libc_alloc;

pub mod header;
pub mod platform;
pub mod start;

#[cfg(not(test))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // A panic in the library is a bug; abort like `abort()` does.
    libc_core::trap()
}
