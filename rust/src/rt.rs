//! Program start-up: [`crate::main!`], and on p2 the realloc export the
//! component model lowers import results with.
//!
//! # How a `no_std` binary starts
//!
//! rustc links its WASI targets with wasi-libc's start-up object
//! `crt1-command.o` (shipped with the target in `self-contained/`), also for
//! a `no_std` binary:
//!
//! - `wasm32-wasip1`: it defines and exports `_start`, which calls
//!   `__wasm_call_ctors()` (made by the linker), `__wasi_init_tp()`,
//!   `__main_void()`, `__wasm_call_dtors()` and, for a non-zero status,
//!   `__wasi_proc_exit(status)`.
//! - `wasm32-wasip2`: it exports `wasi:cli/run@0.2.0#run`, which makes the
//!   same calls and returns the status as the result, and it carries the
//!   `component-type` custom section of the `wasi:cli/command@0.2.0` world,
//!   which the target's linker (`wasm-component-ld`) turns into the
//!   component's imports and `run` export.
//!
//! So [`crate::main!`] defines `__main_void` (calling your `main`) and the
//! three wasi-libc functions the start-up object needs (no-ops: a Rust
//! program has no C constructors, destructors or thread pointer to set up;
//! `__wasi_proc_exit` is [`crate::process::exit`]). On targets without WASI
//! start-up objects (`wasm32v1-none`, for the MVP flavour) it defines
//! `_start` itself. Nothing else is needed: no linker flags, no
//! `wasm-tools component new`.
//!
//! These symbols mirror wasi-libc's start-up object as shipped with Rust
//! 1.95 (wasi-libc of wasi-sdk 30). If a later Rust links a start-up object
//! that calls another wasi-libc function, the link leaves it as an `env`
//! import and the program fails to start (p1) or to become a component
//! (p2); the example tests catch that.
//!
//! # The caller-buffer slot on p2
//!
//! On p2 (`wasm32-wasip2`) this module exports `cabi_import_realloc`, which
//! `wasm-component-ld` then uses to lower every import result: it hands the
//! host the caller's buffer parked by a read (see libc-core's `slot`), so
//! [`crate::io::read`] is zero-copy in Rust programs too.

/// Declares the program's `main` function.
///
/// `main` takes no arguments (see [`crate::env::args`]) and returns anything
/// that implements [`crate::process::Termination`]: `()`, an `i32` status,
/// `Result<_, Errno>`... Use it in a `#![no_std]`, `#![no_main]` binary;
/// see the [module documentation](crate::rt) for what it defines.
///
/// ```no_run
/// #![no_std]
/// #![no_main]
/// # #[panic_handler]
/// # fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
///
/// wasm_libc::main!(main);
///
/// fn main() -> wasm_libc::Result<()> {
///     wasm_libc::println!("hello from no_std");
///     Ok(())
/// }
/// ```
#[macro_export]
macro_rules! main {
    ($main:path) => {
        const _: () = {
            /// The program's entry point, called by the start-up code.
            #[unsafe(no_mangle)]
            extern "C" fn __main_void() -> i32 {
                $crate::process::Termination::report($main())
            }

            /// Needed by wasi-libc's `crt1-command.o`: no thread pointer.
            #[cfg(target_os = "wasi")]
            #[unsafe(no_mangle)]
            extern "C" fn __wasi_init_tp() {}

            /// Needed by wasi-libc's `crt1-command.o`: no C destructors.
            #[cfg(target_os = "wasi")]
            #[unsafe(no_mangle)]
            extern "C" fn __wasm_call_dtors() {}

            /// Needed by wasi-libc's `crt1-command.o` (p1): a non-zero status.
            #[cfg(target_os = "wasi")]
            #[unsafe(no_mangle)]
            extern "C" fn __wasi_proc_exit(status: i32) -> ! {
                $crate::process::exit(status)
            }

            /// How the p2 backend ends the program (C programs get it from
            /// `libc.a`, which a Rust program does not link): `exit` with
            /// ok/err. Unused on p1.
            #[cfg(target_os = "wasi")]
            #[unsafe(no_mangle)]
            extern "C" fn __wasm_libc_p2_exit(status: i32) -> ! {
                $crate::rt::exit_result(status)
            }

            /// No start-up object on this target: the entry point is ours.
            #[cfg(not(target_os = "wasi"))]
            #[unsafe(no_mangle)]
            extern "C" fn _start() {
                $crate::process::exit(__main_void())
            }
        };
    };
}

// On p2, the realloc the component model lowers import results with (see
// the module documentation): the caller-buffer slot first, the heap
// otherwise. libc-core defines it for the backend it was built for (nothing
// on p1), so this crate has no backend `cfg`.
libc_core::export_import_realloc!();

#[doc(hidden)]
pub use libc_core::exit_result;
