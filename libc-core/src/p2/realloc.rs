//! The realloc functions the component model calls to lower import results.
//!
//! wit-component lowers imports with `cabi_import_realloc` when the core
//! module exports it and `cabi_realloc` otherwise; the sysroot's start-up
//! object exports both (trampolines to these), so the slot sees every list
//! the host returns. Both go through [`crate::slot::import_realloc`].

/// # Safety
/// Called only by the host per the canonical ABI.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wasm_libc_cabi_import_realloc(
    old_ptr: *mut u8,
    old_size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    // SAFETY: forwarded contract.
    unsafe { crate::slot::import_realloc(old_ptr, old_size, align, new_size) }
}

/// Defines and exports `cabi_import_realloc` over [`crate::slot::import_realloc`],
/// for programs without the C start-up object (Rust programs on the
/// `wasm-libc` crate; the C sysroot's `crt1.o` exports trampolines to
/// [`__wasm_libc_cabi_import_realloc`] instead). On p1 it expands to nothing.
#[macro_export]
macro_rules! export_import_realloc {
    () => {
        /// The realloc the component model lowers import results with.
        ///
        /// # Safety
        /// Called only by the host, per the canonical ABI.
        #[unsafe(export_name = "cabi_import_realloc")]
        unsafe extern "C" fn cabi_import_realloc(
            old_ptr: *mut u8,
            old_size: usize,
            align: usize,
            new_size: usize,
        ) -> *mut u8 {
            // SAFETY: forwarded contract.
            unsafe { $crate::slot::import_realloc(old_ptr, old_size, align, new_size) }
        }
    };
}
