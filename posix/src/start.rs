//! Program start-up, called from the sysroot's `crt1.o`.
//!
//! `crt1.o` starts the program: on p1 `_start` calls `__main_void` and
//! `exit` itself (one function less in every program); on p2 the
//! `wasi:cli/run@0.2.0#run` export calls [`__wasm_libc_start_returning`],
//! which returns to the host when `main` returns 0. clang names a
//! `main(void)` `__main_void` itself; for `main(int, char **)` (named
//! `__main_argc_argv`) the `libc.a` member `main_void.o` defines
//! `__main_void` as a call to [`__wasm_libc_main_args`] with that function.
//! Both objects are written in LLVM IR (see `crt/`), because stable Rust can
//! neither mark a symbol as exported in an object file nor define a weak or
//! lazily-pulled alternative definition.

use crate::platform::{c_char, c_int};
use libc_core::{Pal, Sys};

unsafe extern "C" {
    fn __main_void() -> c_int;
}

/// Runs `main` and exits with its status (atexit handlers, stdio flush).
#[unsafe(no_mangle)]
pub extern "C" fn __wasm_libc_start() -> ! {
    // SAFETY: defined by the program or by `main_void.o`.
    let status = unsafe { __main_void() };
    crate::header::stdlib::exit(status)
}

/// Runs `main` for a component's `wasi:cli/run` export: when `main`
/// returns 0, runs the atexit handlers (stdio flush) and returns 0, so `run`
/// returns `ok` to its caller; any other status ends the program through
/// `exit` (on p2 `wasi:cli/exit` with `err`, the only way WASI 0.2.0 has to
/// report a failure). An embedder calling `run` through the component API
/// thus sees `Ok(())` for a successful program rather than an exit trap.
#[unsafe(no_mangle)]
pub extern "C" fn __wasm_libc_start_returning() -> c_int {
    // SAFETY: defined by the program or by `main_void.o`.
    let status = unsafe { __main_void() };
    if status != 0 {
        crate::header::stdlib::exit(status)
    }
    crate::header::stdlib::run_atexit();
    0
}

/// Fetches argc/argv from the host and calls `main(argc, argv)`.
#[unsafe(no_mangle)]
pub extern "C" fn __wasm_libc_main_args(
    main: extern "C" fn(c_int, *mut *mut c_char) -> c_int,
) -> c_int {
    match Sys::args() {
        Ok((argc, argv)) => main(argc, argv.cast()),
        Err(_) => {
            const MSG: &[u8] = b"wasm-libc: cannot read the program arguments\n";
            let _ = Sys::write(2, MSG);
            Sys::exit(71) // EX_OSERR
        }
    }
}
