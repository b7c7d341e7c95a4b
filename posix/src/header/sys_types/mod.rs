//! `sys/types.h`

/// Signed size (`long` on wasm32, like `ptrdiff_t`).
pub type ssize_t = isize;
/// File offsets and sizes (64-bit, like wasi-libc).
pub type off_t = i64;
/// Seconds since the epoch (64-bit, like wasi-libc).
pub type time_t = i64;
/// Clock identifiers (`CLOCK_*`).
pub type clockid_t = core::ffi::c_int;
/// Microseconds.
pub type suseconds_t = i64;
/// File mode bits (accepted, not enforced: WASI has no permissions).
pub type mode_t = core::ffi::c_uint;
