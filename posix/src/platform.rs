//! C types shared by several headers (`sys/types.h`).

pub use core::ffi::{c_char, c_int, c_long, c_longlong, c_uint, c_ulong, c_void};
pub type size_t = usize;
pub type ssize_t = isize;
pub type off_t = i64;
pub type time_t = i64;
pub type clockid_t = c_int;
pub type suseconds_t = i64;
pub type mode_t = c_uint;

/// Builds a slice from a C buffer, tolerating `NULL` for a zero length.
///
/// # Safety
/// If `len > 0`, `ptr` must be valid for `len` bytes.
pub(crate) unsafe fn slice_mut<'a>(ptr: *mut c_void, len: usize) -> &'a mut [u8] {
    if len == 0 {
        &mut []
    } else {
        // SAFETY: caller contract.
        unsafe { core::slice::from_raw_parts_mut(ptr.cast(), len) }
    }
}

/// Read-only counterpart of [`slice_mut`].
///
/// # Safety
/// If `len > 0`, `ptr` must be valid for `len` bytes.
pub(crate) unsafe fn slice<'a>(ptr: *const c_void, len: usize) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        // SAFETY: caller contract.
        unsafe { core::slice::from_raw_parts(ptr.cast(), len) }
    }
}
