//! C types and helpers shared by the header modules.

pub use crate::header::sys_types::{clockid_t, mode_t, off_t, ssize_t, suseconds_t, time_t};
pub use core::ffi::{
    c_char, c_int, c_long, c_longlong, c_short, c_uint, c_ulong, c_ushort, c_void,
};
pub type size_t = usize;

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

/// A C path as bytes: `EFAULT` for NULL, `ENOENT` for `""` (POSIX).
///
/// # Safety
/// `path` must be NULL or a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn cpath<'a>(path: *const c_char) -> Result<&'a [u8], libc_core::Errno> {
    if path.is_null() {
        return Err(libc_core::Errno::EFAULT);
    }
    // SAFETY: NUL-terminated (caller contract).
    let p = unsafe { core::ffi::CStr::from_ptr(path) }.to_bytes();
    if p.is_empty() {
        Err(libc_core::Errno::ENOENT)
    } else {
        Ok(p)
    }
}
