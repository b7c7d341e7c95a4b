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
/// Device numbers (64-bit, like wasi-libc).
pub type dev_t = u64;
/// File serial numbers (64-bit, like wasi-libc).
pub type ino_t = u64;
/// Link counts (64-bit, like wasi-libc).
pub type nlink_t = u64;
/// User ids (always 0: WASI has no users).
pub type uid_t = core::ffi::c_uint;
/// Group ids (always 0: WASI has no groups).
pub type gid_t = core::ffi::c_uint;
/// Block sizes.
pub type blksize_t = core::ffi::c_long;
/// Block counts.
pub type blkcnt_t = i64;
