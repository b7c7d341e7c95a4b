//! Stack-smashing protection (`-fstack-protector*`): the canary
//! `__stack_chk_guard` and `__stack_chk_fail`.
//!
//! The guard is defined in `crt/stack_chk.ll`, a `libc.a` member that only
//! programs compiled with a stack protector pull in; its constructor calls
//! [`__wasm_libc_stack_chk_init`] before `main`, so other programs pay
//! nothing (not even the random call).

use libc_core::{Pal, Sys};

/// Fills the stack guard with random bits (low byte 0, as glibc does, so
/// a string overflow cannot reproduce it; never all zero). Keeps the
/// object's own non-zero value if the host has no random bytes.
///
/// # Safety
/// `guard` must be valid for a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_stack_chk_init(guard: *mut usize) {
    let mut b = [0u8; core::mem::size_of::<usize>()];
    if Sys::random(&mut b).is_ok() {
        let g = usize::from_le_bytes(b) & !0xff;
        // SAFETY: caller contract.
        unsafe { *guard = if g == 0 { 0x5a00 } else { g } };
    }
}

/// `__stack_chk_fail` (LSB): called by code compiled with a stack
/// protector when a function's canary was overwritten. Writes
/// `*** stack smashing detected ***: terminated` to stderr and aborts
/// (traps), like glibc; no handlers run.
#[unsafe(no_mangle)]
pub extern "C" fn __stack_chk_fail() -> ! {
    let _ = Sys::write(2, b"*** stack smashing detected ***: terminated\n");
    libc_core::trap()
}

/// The local-symbol alias some compilers call from position-independent
/// code.
#[unsafe(no_mangle)]
pub extern "C" fn __stack_chk_fail_local() -> ! {
    __stack_chk_fail()
}
